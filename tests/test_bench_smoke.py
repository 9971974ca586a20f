"""The build-speed benchmark (bench/run.py, `make bench`) runs end to end at a tiny size and prints
every figure. Its numbers are not asserted: they depend on the machine (README, "Build speed")."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import PROJECT_ROOT

TINY = ["--pages", "25", "30", "--runs-small", "1", "--runs-large", "1", "--posts", "3", "--suppliers", "12",
        "--preview-edits", "3"]
SECONDS, MIB = r"\d+\.\d\d s", r"\d+ MiB"
VERDICT = r"\[(PASS|FAIL|n/a )\]"


def run_bench() -> str:
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "bench" / "run.py"), *TINY], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def bench_outputs_in_ram() -> set[str]:
    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    from outputs import RAM_FOLDER  # noqa: PLC0415 - bench/ is not a package

    return {path.name for path in RAM_FOLDER.glob("gpp-bench-sites-*")} if RAM_FOLDER.is_dir() else set()


def test_the_benchmark_prints_every_figure_and_target():
    in_ram_before = bench_outputs_in_ram()
    report = run_bench()
    assert re.search(r"Built sites written to /\S+ \((RAM|disk); bench/outputs.py says why\)", report), report
    assert bench_outputs_in_ram() == in_ram_before  # the built sites are removed with the rest
    build = (rf"median +{SECONDS} +\d+\.\d pages/s +CPU +{SECONDS} user +{SECONDS} system +peak +{MIB} "
             rf"all processes, +{MIB} largest")
    for pages in (25, 30):
        for contender in ("this project", "stock Material \\+ static-i18n"):
            assert re.search(rf"{pages} x 5 +{contender} +{build}", report), (pages, contender, report)
    assert re.search(rf"30 x 5 +(Hugo \S+ +{build}|Hugo: not installed)", report), report
    for pages in (28, 33):  # each site's pages and the 3 posts
        assert re.search(rf"{pages} x 5 +3 posts as pages, \d+ suppliers +{build}", report), report
        for kept in ("built again", "first build"):
            assert re.search(rf"{pages} x 5 +3 news posts, 12 suppliers, {kept} +{build}", report), report
    assert re.search(rf"first build served after {SECONDS}", report), report
    assert re.search(r"save -> page served, 3 edits: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d s", report), report
    assert re.search(rf"memory \(RSS\) after rebuild 1: {MIB}, after rebuild 3: {MIB}", report), report
    assert re.search(rf"Peak memory of the 30 x 5 build: this project {MIB} \(all processes\), stock {MIB}", report)
    targets = report.split("\nTargets\n")[1]
    for target in ("full build 25 x 5: this project / stock = ", "growth 30 x 5 / 25 x 5: this project = ",
                   "stretch: 30 x 5 this project / Hugo = ",
                   *(f"large data, {pages}-page site: 3 news posts, 12 suppliers, {kept} / 3 posts as pages, "
                     for pages in (25, 30) for kept in ("built again", "first build")),
                   "preview at 25 pages per language: save -> page served, median ", "preview memory: rebuild 3 vs"):
        assert re.search(rf"{VERDICT} {re.escape(target)}", targets), (target, targets)
    cpu = r"the same in user CPU time of all processes: \d+\.\d -> \d+\.\d s, [+-]\d+\.\d s \([+-]\d+%"
    assert len(re.findall(cpu, targets)) == 4, targets  # one per site size, built again and first


def test_the_benchmark_previews_with_the_flags_of_make_preview():
    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    from preview import PREVIEW_FLAGS  # noqa: PLC0415 - bench/ is not a package

    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\npreview:", 1)[1].split("\n\n", 1)[0]
    assert f"mkdocs serve {' '.join(PREVIEW_FLAGS)}" in recipe
    assert "GPP_ONLY_LANGUAGE=$(LANGUAGE)" in recipe


def test_built_sites_go_to_ram_only_where_it_has_room_and_on_disk_when_asked(tmp_path, monkeypatch):
    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    import outputs  # noqa: PLC0415 - bench/ is not a package

    ram = tmp_path / "ram"
    ram.mkdir()
    assert outputs.ram_folder_with_room(ram, room=0)
    assert not outputs.ram_folder_with_room(ram, room=2**60)
    assert not outputs.ram_folder_with_room(tmp_path / "missing", room=0)
    monkeypatch.setattr(outputs, "RAM_FOLDER", ram)
    monkeypatch.setattr(outputs, "ram_folder_with_room", lambda: True)
    work = tmp_path / "work"
    in_ram = outputs.outputs_folder(work, on_disk=False)
    assert in_ram.parent == ram and in_ram.name.startswith("gpp-bench-sites-")
    assert outputs.outputs_folder(work, on_disk=True) == work / "built"
    monkeypatch.setattr(outputs, "ram_folder_with_room", lambda: False)
    assert outputs.outputs_folder(work, on_disk=False) == work / "built"
