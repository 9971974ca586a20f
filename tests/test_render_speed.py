"""Speed-ups that must not change a byte: large HTML blocks kept out of Markdown, the faster YAML parser,
the file watcher of the editor preview, Pagefind in the background (hooks/render_speed.py and others)."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import markdown
import pytest
from markdown.preprocessors import Preprocessor
from mkdocs.config import load_config

from conftest import LANGUAGES, PROJECT_ROOT, run_build
from gppkit import yamlio
from gppkit.catalogue_data import load_catalogue
from gppkit.catalogue_html import Downloads, Labels, SupplierRows, render_council, render_supplier_catalogue
from gppkit.catalogue_markers import replace_markers
from gppkit.deferred_html import DeferredBlocks, HtmlBlock, StandInMissing
from gppkit.problems import DataError
from gppkit.search import BackgroundIndexer
from gppkit.ui_text import load_ui_folder, ui_for_language
from test_reproducible import files_of

EXTENSIONS = ["attr_list", "admonition", "toc"]  # mkdocs.yml's
CATALOGUE = load_catalogue(PROJECT_ROOT / "data")
UI = load_ui_folder(PROJECT_ROOT / "data" / "ui")
DOWNLOADS = Downloads("../catalogue/suppliers.csv", "../catalogue/suppliers.json", "../catalogue/councils.csv")


class AnchorCollector(Preprocessor):
    """Stands in for MkDocs' mkdocs_raw_html: lists the ids of the raw HTML it sees."""

    def run(self, lines: list[str]) -> list[str]:
        self.present_anchor_ids = {part.split('"')[0] for part in "\n".join(lines).split(' id="')[1:]}
        return lines


SOURCE = "# Suppliers {#top}\n\nText *before*.\n\n<!-- councils: LV -->\n## Catalogue\n\n<!-- catalogue: suppliers -->\n"


def renderer(language: str):
    labels, ui = Labels(CATALOGUE.labels, language), ui_for_language(UI, language)
    councils = {council.country: council for council in CATALOGUE.councils.councils}

    def render(kind: str, argument: str) -> str | None:
        if kind == "catalogue":
            return render_supplier_catalogue(SupplierRows(CATALOGUE.suppliers.suppliers), labels, ui, DOWNLOADS)
        return render_council(councils[argument], labels, ui, DOWNLOADS)

    return render


def convert(text: str) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.preprocessors.register(AnchorCollector(md), "collector", 21)
    return md.convert(text), md


@pytest.mark.parametrize("language", LANGUAGES)
def test_deferred_blocks_give_the_html_markdown_gives(language: str):
    render = renderer(language)
    plain, plain_md = convert(replace_markers(SOURCE, render, []))
    blocks = DeferredBlocks()
    with_stand_ins, deferred_md = convert(
        replace_markers(SOURCE, lambda kind, argument: blocks.stand_in(HtmlBlock.of(render(kind, argument)), argument), []))
    assert len(with_stand_ins) < 2000  # the tables went past Markdown
    assert blocks.insert(with_stand_ins) == plain
    assert deferred_md.toc == plain_md.toc
    anchors = deferred_md.preprocessors["collector"].present_anchor_ids | blocks.anchor_ids()
    assert anchors == plain_md.preprocessors["collector"].present_anchor_ids
    assert f'supplier-{CATALOGUE.suppliers.suppliers[0].id}' in anchors


def test_a_stand_in_markdown_did_not_keep_is_reported_with_its_marker():
    blocks = DeferredBlocks()
    kept = blocks.stand_in(HtmlBlock.of('<div class="gpp-a" id="a"></div>'), "<!-- councils: LV -->")
    lost = blocks.stand_in(HtmlBlock.of('<div class="gpp-b"></div>'), "<!-- catalogue: suppliers -->")
    html, _ = convert(f"Intro\n\n{kept}\n\n    {lost}\n")  # an indented code block
    with pytest.raises(StandInMissing, match="^<!-- catalogue: suppliers -->$"):
        blocks.insert(html)
    assert blocks.anchor_ids() == {"a"}


def test_text_that_only_looks_like_a_stand_in_is_left_alone():
    blocks = DeferredBlocks()
    stand_in = blocks.stand_in(HtmlBlock.of("<div>x</div>"), "m")
    lookalike = '<div class="gpp-deferred" data-block="7"></div>'
    assert blocks.insert(f"{stand_in}\n{lookalike}") == f"<div>x</div>\n{lookalike}"


def test_the_fast_yaml_parser_reads_files_as_the_python_parser_does():
    for path in sorted((PROJECT_ROOT / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        fast, python = yamlio._load(yamlio._FastLoader, text, "f"), yamlio._load(yamlio._StrictLoader, text, "f")
        assert fast == python and fast.key_lines == python.key_lines, path


def same_with_lines(built: object, loaded: object) -> bool:
    """Equal values of the same types, with the same line numbers throughout."""
    if type(built) is not type(loaded):
        return False
    if isinstance(built, yamlio.LineDict):
        return (built.line, built.key_lines, list(built)) == (loaded.line, loaded.key_lines, list(loaded)) and all(
            same_with_lines(built[key], loaded[key]) for key in built)
    if isinstance(built, yamlio.LineList):
        return (built.line, built.item_lines, len(built)) == (loaded.line, loaded.item_lines, len(loaded)) and all(
            same_with_lines(a, b) for a, b in zip(built, loaded))
    return built == loaded


AWKWARD_YAML = [
    "when: 2026-05-04\nat: 2026-05-04 10:30:00+02:00\nimpossible: 2026-02-30\nquoted: '2026-05-04'\n",
    "n: 12\nhex: 0x1F\nf: 1.5e3\ninf: -.inf\nflag1: yes\nflag2: No\nflag3: off\nnull1: ~\nnull2:\nempty: ''\nseven: '7'\n",
    "list: [a, 'b', 3, {c: d}]\nnested:\n  - - x\n    - y\n  - {}\n  - []\n",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\nunicode: \"Łódź – Малмьо\"\nkey with spaces: v\n",
    "- a\n- b: 1\n  c: [x]\n",
    "just text\n",
    "1: one\n2.5: two\nfalse: three\nnull: four\n",
    "a: !!str 1\nb: ! 2\n",                 # the text tag, explicit or not
]
UNUSUAL_YAML = [
    "a: &x 1\nb: *x\n",                      # anchor and alias
    "base: &b {x: 1}\nthis:\n  <<: *b\n",   # merge key
    "a: !custom 1\n",                         # a tag of its own
    "a: 1\nb: 2\na: 3\n",                   # repeated key: PyYAML's loader reports it
    "? [a, b]\n: c\n",                       # complex key
    "a: 1\n---\nb: 2\n",                     # two documents
    "",                                        # none
    "# only a comment\n",
]


@pytest.mark.parametrize("text", AWKWARD_YAML)
def test_building_from_events_gives_what_pyyaml_gives(text: str):
    assert same_with_lines(yamlio._build_from_events(text), yamlio._load(yamlio._FastLoader, text, "f"))


def test_building_from_events_reads_the_data_files_as_pyyaml_does():
    for path in sorted((PROJECT_ROOT / "data").rglob("*.yml")) + sorted((PROJECT_ROOT / "docs").glob("*/news/*.md")):
        text = path.read_text(encoding="utf-8")
        text = text.split("---\n")[1] if path.suffix == ".md" else text  # a post's front matter
        assert same_with_lines(yamlio._build_from_events(text), yamlio._load(yamlio._FastLoader, text, "f")), path


@pytest.mark.parametrize("text", UNUSUAL_YAML)
def test_unusual_yaml_is_left_to_pyyaml(text: str):
    with pytest.raises(yamlio._Unusual):
        yamlio._build_from_events(text)
    try:
        expected = yamlio._load(yamlio._StrictLoader, text, "f.yml")
    except DataError as error:
        with pytest.raises(DataError) as caught:
            yamlio.load_yaml_text(text, "f.yml")
        assert caught.value.problems == error.problems
    else:
        assert same_with_lines(yamlio.load_yaml_text(text, "f.yml"), expected)


def test_a_list_as_a_key_is_an_editors_problem_not_a_crash():
    with pytest.raises(DataError) as caught:
        yamlio.load_yaml_text("name: x\n? [a, b]\n: c\n", "data/f.yml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == ("data/f.yml", 2)
    assert problem.received == "a list as a key (['a', 'b'])" and problem.expected == "a plain key such as 'name:'"


@pytest.mark.parametrize("text", ["a:\n\tb: 1\n", "a:\n  b: 1\n   c: 2\n", "a: [x\nb: 2\n", "a: 1\nb: 2\na: 3\n"])
def test_broken_yaml_is_reported_in_the_python_parsers_words(text: str):
    with pytest.raises(DataError) as fast:
        yamlio.load_yaml_text(text, "f.yml")
    with pytest.raises(DataError) as python:
        yamlio._load(yamlio._StrictLoader, text, "f.yml")
    assert fast.value.problems == python.value.problems


def test_the_background_index_runs_once_more_for_a_request_made_during_a_run(monkeypatch, tmp_path: Path):
    runs: list[Path] = []

    def slow_index(site_dir: Path) -> None:
        time.sleep(0.2)
        runs.append(site_dir)

    monkeypatch.setattr("gppkit.search.build_search_index", slow_index)
    indexer = BackgroundIndexer(report=lambda message: None)
    for number in range(3):
        indexer.request(tmp_path / str(number))
    assert indexer.wait(timeout=5)
    assert runs[-1] == tmp_path / "2" and 1 <= len(runs) <= 2  # the newest request wins, requests coalesce


def test_the_preview_watcher_reports_changes_and_not_reads(tmp_path: Path):
    from serve_watch import ChangeObserver  # noqa: PLC0415 - a hook module (hooks/ is on sys.path)
    from watchdog.events import FileSystemEventHandler  # noqa: PLC0415

    events: list[str] = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: events.append(event.event_type)  # type: ignore[method-assign]
    page = tmp_path / "page.md"
    page.write_text("# Page\n", encoding="utf-8")
    observer = ChangeObserver()
    observer.schedule(handler, str(tmp_path), recursive=True)
    observer.start()
    try:
        time.sleep(0.2)
        page.read_text(encoding="utf-8")
        time.sleep(0.3)
        assert events == []
        page.write_text("# Page, edited\n", encoding="utf-8")
        time.sleep(0.3)
        assert "modified" in events
    finally:
        observer.stop()
        observer.join()


def test_a_site_with_a_deep_navigation_is_the_same_without_the_render_speed_ups(tmp_path: Path):
    """The benchmark's generator gives sections inside areas (pruned sections on every page) and the
    catalogue; the build without hooks/render_speed.py (templates fall back) must give the same bytes."""
    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    from variants import PROJECT_CONFIG, SiteSpec, write_site  # noqa: PLC0415 - bench/ is not a package

    site = write_site(PROJECT_ROOT, tmp_path / "src", SiteSpec(pages=90, posts=3, suppliers=40))
    config = site / PROJECT_CONFIG
    assert run_build(site, tmp_path / "fast").returncode == 0
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/render_speed.py\n", ""), encoding="utf-8")
    plain = run_build(site, tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    fast, slow = files_of(tmp_path / "fast"), files_of(tmp_path / "plain")
    assert sorted(fast) == sorted(slow)
    assert [name for name in fast if fast[name] != slow[name]] == []
    pruned = (tmp_path / "fast" / "guides" / "area-01" / "section-01" / "index.html").read_text(encoding="utf-8")
    assert pruned.count("md-nav__item--pruned") >= 3  # the other sections of the area, as single links


def test_a_command_ends_leaving_the_builds_objects_to_the_operating_system():
    # Last of the shutdown hooks: hooks/parallel_build.py unfreezes the data when it closes the workers.
    shutdown = load_config(str(PROJECT_ROOT / "mkdocs.yml")).plugins.events["shutdown"]
    assert shutdown[-1].__module__ == "hooks/process_exit.py"
    assert all(getattr(hook, "mkdocs_priority", 0) > shutdown[-1].mkdocs_priority for hook in shutdown[:-1])
    frozen = gc.get_freeze_count()
    try:
        shutdown[-1]()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
