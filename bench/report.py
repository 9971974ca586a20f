"""The benchmark's printed report: every measurement, then each target with PASS or FAIL."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from preview import PreviewResult
from series import Series

GROWTH_LIMIT = 5.5
SPEEDUP_LIMIT = 0.5
DATA_LIMIT = 1.10
PREVIEW_LIMIT = 1.0
PREVIEW_GROWTH_LIMIT_MB = 5.0


@dataclass
class DataRuns:
    """The large-data comparison at one site size."""

    pages: int  # the site's pages per language
    baseline: Series
    repeat: Series  # the large data, built again: the data kept by the build before (.cache) taken
    first: Series  # the large data built as in a clean clone: nothing kept


@dataclass
class Results:
    project: dict[int, Series]  # pages per language → series
    stock: dict[int, Series]
    hugo: Series | None
    data: list[DataRuns]  # at each size
    preview: PreviewResult
    preview_pages: int


def series_line(series: Series) -> str:
    runs = ", ".join(f"{run.seconds:.2f}" for run in series.runs)
    return (f"  {series.pages_per_language:>5} x 5  {series.label:<34} median {series.seconds:7.2f} s  "
            f"{series.pages_per_second:7.1f} pages/s  CPU {series.user_seconds:7.2f} s user "
            f"{series.system_seconds:6.2f} s system  peak {series.peak_tree_mb:6.0f} MiB all processes, "
            f"{series.peak_process_mb:6.0f} MiB largest  (runs: {runs})")


def round_ratios(numerator: Series, denominator: Series) -> list[float]:
    """The ratio of the two runs made in each round."""
    return [a.seconds / b.seconds for a, b in zip(numerator.runs, denominator.runs)]


def paired_ratio(numerator: Series, denominator: Series) -> float:
    """Median of the ratios of runs made in the same round: steadier than a ratio of medians when other
    work on the machine slows one round more than another."""
    return statistics.median(round_ratios(numerator, denominator))


def spread(numerator: Series, denominator: Series) -> str:
    """Each round's ratio: when they differ by more than a target's margin, more rounds are needed."""
    return "rounds: " + ", ".join(f"{ratio:.2f}" for ratio in round_ratios(numerator, denominator))


def verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "n/a "
    return "PASS" if value <= limit else "FAIL"


def target_lines(results: Results) -> list[str]:
    small, large = min(results.project), max(results.project)
    speed = paired_ratio(results.project[small], results.stock[small])
    growth = results.project[large].seconds / results.project[small].seconds
    stock_growth = results.stock[large].seconds / results.stock[small].seconds
    hugo = results.project[large].seconds / results.hugo.seconds if results.hugo else None
    return [
        f"  [{verdict(speed, SPEEDUP_LIMIT)}] full build {small} x 5: this project / stock = {speed:.2f} "
        f"(at most {SPEEDUP_LIMIT:.2f}; median of each round's ratio; "
        f"{spread(results.project[small], results.stock[small])})",
        f"  [{verdict(growth, GROWTH_LIMIT)}] growth {large} x 5 / {small} x 5: this project = {growth:.2f} "
        f"(at most {GROWTH_LIMIT}; stock: {stock_growth:.2f})",
        f"  [{verdict(hugo, 1.0)}] stretch: {large} x 5 this project / Hugo = "
        + (f"{hugo:.2f} (at most 1.00)" if hugo is not None else "not measured (hugo is not installed)"),
        *data_target_lines(results),
        *preview_target_lines(results),
    ]


def data_target_lines(results: Results) -> list[str]:
    lines = []
    for runs in results.data:
        for large in (runs.repeat, runs.first):
            ratio = paired_ratio(large, runs.baseline)
            lines.append(f"  [{verdict(ratio, DATA_LIMIT)}] large data, {runs.pages}-page site: "
                         f"{large.label} / {runs.baseline.label} = {ratio:.3f} (at most {DATA_LIMIT:.2f}; median of "
                         f"each round's ratio; medians {runs.baseline.seconds:.1f} and {large.seconds:.1f} s; "
                         f"{spread(large, runs.baseline)})")
            lines.append("         " + data_cpu_line(runs.baseline, large))
    return lines


def data_cpu_line(baseline: Series, large: Series) -> str:
    """What the data costs in user CPU time (all processes): not a target, but it varies less than wall
    time on a shared machine, and shows the work the parallel build has to spread over the CPUs."""
    added = large.user_seconds - baseline.user_seconds
    return (f"the same in user CPU time of all processes: {baseline.user_seconds:.1f} -> {large.user_seconds:.1f} s, "
            f"{added:+.1f} s ({added / baseline.user_seconds:+.0%}; median of the runs)")


def preview_target_lines(results: Results) -> list[str]:
    preview = results.preview
    median, worst = statistics.median(preview.latencies), max(preview.latencies)
    numbers = sorted(preview.rss_after)
    middle, last = numbers[(len(numbers) - 1) // 2], numbers[-1]
    growth = preview.rss_after[last] - preview.rss_after[middle]
    return [
        f"  [{verdict(median, PREVIEW_LIMIT)}] preview at {results.preview_pages} pages per language: save -> page "
        f"served, median {median:.2f} s (at most {PREVIEW_LIMIT:.2f} s; worst {worst:.2f} s)",
        f"  [{verdict(growth, PREVIEW_GROWTH_LIMIT_MB)}] preview memory: rebuild {last} vs rebuild {middle}: "
        f"{growth:+.1f} MiB (at most +{PREVIEW_GROWTH_LIMIT_MB:.0f} MiB)",
    ]


def preview_lines(results: Results) -> list[str]:
    preview = results.preview
    rss = ", ".join(f"after rebuild {number}: {mb:.0f} MiB" for number, mb in sorted(preview.rss_after.items())
                    if number in (1, 10, 20) or number == max(preview.rss_after))
    return [
        f"  first build served after {preview.startup_seconds:.2f} s",
        f"  save -> page served, {len(preview.latencies)} edits: "
        + ", ".join(f"{latency:.2f}" for latency in preview.latencies) + " s",
        f"  serve process memory (RSS) {rss}",
    ]


def report(results: Results, header: list[str]) -> str:
    large = max(results.project)
    lines = [*header, "", "Builds (median of the runs; contenders alternate in each round)"]
    for pages in sorted(results.project):
        lines += [series_line(results.project[pages]), series_line(results.stock[pages])]
    lines.append(series_line(results.hugo) if results.hugo else f"  {large:>5} x 5  Hugo: not installed")
    lines += ["", "Data-driven features"]
    lines += [series_line(series) for runs in results.data for series in (runs.baseline, runs.repeat, runs.first)]
    lines += ["", f"Editor preview (make preview, {results.preview_pages} pages per language)", *preview_lines(results)]
    lines += ["", f"Peak memory of the {large} x 5 build: this project {results.project[large].peak_tree_mb:.0f} MiB "
              f"(all processes), stock {results.stock[large].peak_tree_mb:.0f} MiB"]
    lines += ["", "Targets", *target_lines(results)]
    return "\n".join(lines)
