"""Builds measured side by side: each round runs every contender once, in an order that alternates."""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from measure import BuildResult, timed_build

LANGUAGE_COUNT = 5


@dataclass
class Series:
    """Every run of one build (one site, one generator)."""

    label: str
    pages_per_language: int
    runs: list[BuildResult] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def user_seconds(self) -> float:
        return statistics.median(run.user_seconds for run in self.runs)

    @property
    def system_seconds(self) -> float:
        return statistics.median(run.system_seconds for run in self.runs)

    @property
    def pages_per_second(self) -> float:
        return self.pages_per_language * LANGUAGE_COUNT / self.seconds

    @property
    def peak_tree_mb(self) -> float:
        return max(run.peak_tree_mb for run in self.runs)

    @property
    def peak_process_mb(self) -> float:
        return max(run.peak_process_mb for run in self.runs)


Contender = tuple[Series, Callable[[], BuildResult]]
Limits = dict[str, int]  # series label → at most this many runs (stock at the large size: minutes each)


def mkdocs_build(folder: Path, config_file: str, strict: bool, outputs: Path) -> Callable[[], BuildResult]:
    """A fresh build of ``folder`` into its own output folder under ``outputs`` (removed first)."""
    site_dir = outputs / folder.name / f"site-{Path(config_file).stem}"

    def run() -> BuildResult:
        shutil.rmtree(site_dir, ignore_errors=True)
        return timed_build(folder, config_file, site_dir, strict)

    return run


def first_build(folder: Path, run: Callable[[], BuildResult]) -> Callable[[], BuildResult]:
    """``run`` as the site's first build: without the data kept by the builds before (``.cache``, as in a
    clean clone)."""

    def first() -> BuildResult:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
        return run()

    return first


def alternate(contenders: list[Contender], rounds: int, progress: Callable[[str], None],
              limits: Limits | None = None) -> None:
    """``rounds`` rounds; round k runs the contenders in order, reversed every other round; a contender
    in ``limits`` sits out the rounds beyond its limit."""
    for number in range(rounds):
        order = contenders if number % 2 == 0 else list(reversed(contenders))
        for series, run in order:
            if number >= (limits or {}).get(series.label, rounds):
                continue
            result = run()
            series.runs.append(result)
            progress(f"{series.label}: {result.seconds:.2f} s")
