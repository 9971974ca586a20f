"""Build-speed benchmark: this project against stock Material + static-i18n on the same Markdown.

    make bench                      # 200 and 1000 pages per language (about 20 minutes on 2 cores)
    make bench BENCH_ARGS=--quick   # smaller sizes, one run each (a few minutes)
    .venv/bin/python bench/run.py --help

Everything happens in a temporary folder (removed at the end unless --keep). README.md, section
"Build speed", says what is measured and how each target is defined.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from configs import read_config
from hugo import hugo_contender
from outputs import RAM_FOLDER, outputs_folder
from preview import measure_preview
from report import DataRuns, Results, report
from series import Series, alternate, first_build, mkdocs_build
from sitegen import plan_sections, project_pages_per_language
from variants import PROJECT_CONFIG, STOCK_CONFIG, SiteSpec, write_site

PROJECT = Path(__file__).resolve().parent.parent
QUICK = {"pages": [50, 250], "runs_small": 1, "runs_large": 1, "stock_runs_large": 1, "posts": 100, "suppliers": 1000,
         "preview_edits": 5}
STOCK = "stock Material + static-i18n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs=2, default=[200, 1000], metavar=("SMALL", "LARGE"),
                        help="pages per language of the two sites (default: 200 1000)")
    parser.add_argument("--runs-small", type=int, default=3, help="rounds at the small size (default: 3)")
    parser.add_argument("--runs-large", type=int, default=3, help="rounds at the large size (default: 3)")
    parser.add_argument("--stock-runs-large", type=int, default=1,
                        help="runs of the stock build at the large size, minutes each (default: 1)")
    parser.add_argument("--posts", type=int, default=500, help="news posts per language, large data (default: 500)")
    parser.add_argument("--suppliers", type=int, default=5000, help="suppliers, large data (default: 5000)")
    parser.add_argument("--preview-edits", type=int, default=20, help="saves measured in the preview (default: 20)")
    parser.add_argument("--preview-language", default="pl", help="language previewed (default: pl)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even if it is installed")
    parser.add_argument("--quick", action="store_true", help="50 and 250 pages, one run each, smaller data")
    parser.add_argument("--outputs-on-disk", action="store_true",
                        help=f"write the built sites to the temporary folder on disk, not to {RAM_FOLDER} "
                             "(bench/outputs.py says why RAM is the default)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    args = parser.parse_args(argv)
    if args.quick:
        vars(args).update(QUICK)
    if min(args.pages) < project_pages_per_language(PROJECT) or args.pages[0] >= args.pages[1]:
        parser.error(f"--pages: two sizes, small then large, each at least the project's own "
                     f"{project_pages_per_language(PROJECT)} pages per language")
    return args


def progress(message: str) -> None:
    print(f"  ... {message}", file=sys.stderr, flush=True)


def build_series(work: Path, outputs: Path,
                 args: argparse.Namespace) -> tuple[dict[int, Series], dict[int, Series], Series | None]:
    """This project and stock at both sizes; Hugo too at the large size when it is installed."""
    project, stock, hugo = {}, {}, None
    for pages, rounds in zip(args.pages, (args.runs_small, args.runs_large)):
        folder = write_site(PROJECT, work / f"site-{pages}", SiteSpec(pages))
        project[pages] = Series("this project", pages)
        stock[pages] = Series(STOCK, pages)
        contenders = [(project[pages], mkdocs_build(folder, PROJECT_CONFIG, strict=True, outputs=outputs)),
                      (stock[pages], mkdocs_build(folder, STOCK_CONFIG, strict=False, outputs=outputs))]
        if pages == args.pages[1] and not args.no_hugo:
            hugo_run = hugo_contender(folder / "docs", work / "hugo", pages, outputs / "hugo")
            contenders += [hugo_run] if hugo_run else []
            hugo = hugo_run[0] if hugo_run else None
        limits = {STOCK: args.stock_runs_large} if pages == args.pages[1] else {}
        alternate(contenders, rounds, progress, limits)
        for built in (outputs / folder.name, outputs / "hugo"):  # RAM: only the sites still being built stay
            shutil.rmtree(built, ignore_errors=True)
    return project, stock, hugo


def data_series(work: Path, outputs: Path, args: argparse.Namespace) -> list[DataRuns]:
    """At each size: the posts as plain pages with the project's suppliers, against news posts and
    the large catalogue (README, "Build speed", says why this is the comparison), built again (the
    data kept by the build before) and as a first build (nothing kept, as in a clean clone)."""
    series = []
    for pages, rounds in zip(args.pages, (args.runs_small, args.runs_large)):
        baseline_spec = SiteSpec(pages, posts=args.posts, posts_as_news=False)
        large_spec = SiteSpec(pages, posts=args.posts, posts_as_news=True, suppliers=args.suppliers)
        large_label = f"{args.posts} news posts, {args.suppliers} suppliers"
        runs = DataRuns(pages, Series(f"{args.posts} posts as pages, {project_suppliers()} suppliers", pages + args.posts),
                        Series(f"{large_label}, built again", pages + args.posts),
                        Series(f"{large_label}, first build", pages + args.posts))
        baseline_site = write_site(PROJECT, work / f"data-baseline-{pages}", baseline_spec)
        large_site = write_site(PROJECT, work / f"data-large-{pages}", large_spec)
        large_build = mkdocs_build(large_site, PROJECT_CONFIG, strict=True, outputs=outputs)
        # The first build before the repeated one in the first round: every repeated build finds kept data.
        alternate([(runs.baseline, mkdocs_build(baseline_site, PROJECT_CONFIG, strict=True, outputs=outputs)),
                   (runs.first, first_build(large_site, large_build)),
                   (runs.repeat, large_build)], rounds, progress)
        series.append(runs)
        for site in (baseline_site, large_site):  # space: 1500-page sites are large
            shutil.rmtree(site), shutil.rmtree(outputs / site.name, ignore_errors=True)
    return series


def project_suppliers() -> int:
    """How many suppliers the project's own data/suppliers.yml lists (the small catalogue)."""
    text = (PROJECT / "data" / "suppliers.yml").read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines() if line.startswith("  - id:"))


def preview_target(pages: int) -> tuple[str, str]:
    """A generated page of the first section, and its path below the served root (site_url's path)."""
    section = plan_sections(pages - project_pages_per_language(PROJECT))[0]
    page = section.pages[min(3, len(section.pages) - 1)]
    url = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return page, f"{urlsplit(read_config(PROJECT)['site_url']).path.rstrip('/')}/{url}/"


def header(args: argparse.Namespace, load_before: tuple[float, ...], outputs: Path) -> list[str]:
    own = project_pages_per_language(PROJECT)
    return [
        f"Machine: {len(os.sched_getaffinity(0))} CPUs, Python {platform.python_version()}, load average "
        f"{load_before[0]:.2f} before and {os.getloadavg()[0]:.2f} after (other work on the machine slows both contenders)",
        f"Sites: {args.pages[0]} and {args.pages[1]} pages per language x 5 languages ({own} of them the project's own "
        f"pages, the rest in sections of 10-25 pages); rounds: {args.runs_small} at {args.pages[0]}, "
        f"{args.runs_large} at {args.pages[1]} (the stock build {args.stock_runs_large})",
        f"Built sites written to {outputs} ({'RAM' if outputs.parent == RAM_FOLDER else 'disk'}; "
        "bench/outputs.py says why)",
    ]


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="gpp-bench-"))
    outputs = outputs_folder(work, args.outputs_on_disk)
    load_before = os.getloadavg()
    try:
        project, stock, hugo = build_series(work, outputs, args)
        data = data_series(work, outputs, args)
        page, url = preview_target(args.pages[0])
        progress("editor preview")
        preview = measure_preview(work / f"site-{args.pages[0]}", args.preview_language, page, url, args.preview_edits)
        results = Results(project, stock, hugo, data, preview, args.pages[0])
        print(report(results, header(args, load_before, outputs)))
    finally:
        if args.keep:
            print(f"bench: files kept in {work} and {outputs}", file=sys.stderr)
        else:
            shutil.rmtree(outputs, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
