"""Speed-ups that must not change a byte: prepared HTML past Markdown's parser, the faster YAML parser,
the file watcher of the editor preview, Pagefind in the background (hooks/render_speed.py and others)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import markdown
import pytest
from markdown.preprocessors import Preprocessor

from conftest import LANGUAGES, PROJECT_ROOT, run_build
from gppkit import yamlio
from gppkit.catalogue_data import load_catalogue
from gppkit.catalogue_html import Downloads, Labels, render_council, render_supplier_catalogue
from gppkit.catalogue_markers import replace_markers
from gppkit.prepared_html import PreparedHtmlExtension, is_whole_element
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


def page_markdown(language: str) -> str:
    """A page with both kinds of markers, after the catalogue hook has replaced them."""
    labels, ui = Labels(CATALOGUE.labels, language), ui_for_language(UI, language)
    councils = {council.country: council for council in CATALOGUE.councils.councils}

    def render(kind: str, argument: str) -> str | None:
        if kind == "catalogue":
            return render_supplier_catalogue(CATALOGUE.suppliers.suppliers, labels, ui, DOWNLOADS)
        return render_council(councils[argument], labels, ui, DOWNLOADS)

    source = "# Suppliers {#top}\n\nText *before*.\n\n<!-- councils: LV -->\n## Catalogue\n\n<!-- catalogue: suppliers -->\n"
    return replace_markers(source, render, [])


def convert(text: str, *extensions: object) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=[*EXTENSIONS, *extensions])
    md.preprocessors.register(AnchorCollector(md), "collector", 21)
    return md.convert(text), md


@pytest.mark.parametrize("language", LANGUAGES)
def test_prepared_blocks_give_the_html_markdown_gives(language: str):
    text = page_markdown(language)
    plain, plain_md = convert(text)
    fast, fast_md = convert(text, PreparedHtmlExtension(anchor_collector="collector"))
    assert fast == plain
    assert fast_md.toc == plain_md.toc
    assert fast_md.preprocessors["gpp_prepared_html"].anchor_ids  # the blocks went past Markdown's parser
    assert fast_md.preprocessors["collector"].present_anchor_ids == plain_md.preprocessors["collector"].present_anchor_ids
    assert f'supplier-{CATALOGUE.suppliers.suppliers[0].id}' in fast_md.preprocessors["collector"].present_anchor_ids


@pytest.mark.parametrize("text", [
    'Intro\n\n<div class="gpp-x">\n<p>a</p>\n\n<p>b</p>\n</div>\n\nEnd\n',  # blank line inside
    'Intro\n\n<div class="gpp-x"><p>a</p></div> tail\n\nEnd\n',  # text after the element
    'Intro\n<div class="gpp-x"><p>a</p></div>\n\nEnd\n',  # no blank line before
    'Intro\n\n<div class="other"><p>a</p></div>\n\nEnd\n',  # not one of ours
    'Intro\n\n<div class="gpp-x"><div><p>a</p></div>\n\nEnd\n',  # not closed
])
def test_other_html_is_left_to_markdown(text: str):
    fast, _ = convert(text, PreparedHtmlExtension(anchor_collector="collector"))
    assert fast == convert(text)[0]


def test_a_whole_element_closes_at_its_end_only():
    assert is_whole_element('<div class="a"><div>x</div></div>')
    assert not is_whole_element('<div class="a"></div><div></div>')
    assert not is_whole_element('<div class="a"><div></div>')


def test_the_fast_yaml_parser_reads_files_as_the_python_parser_does():
    for path in sorted((PROJECT_ROOT / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        fast, python = yamlio._load(yamlio._FastLoader, text, "f"), yamlio._load(yamlio._StrictLoader, text, "f")
        assert fast == python and fast.key_lines == python.key_lines, path


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
