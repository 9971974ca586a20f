"""`mkdocs build` indexes each language as it is built, from the pages' search views (gppkit.search).

The bundle must be the one Pagefind makes from the written pages: the views leave out only what
Pagefind skips, and the languages' bundles assembled give the whole site's.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGUAGES, PROJECT_ROOT, assert_clean_failure, copy_site, language_dir, run_build
from gppkit import search
from gppkit.pagefind_service import PagefindService, PagefindServiceError
from gppkit.search import (
    SEARCH_BODY_END, SEARCH_BODY_START, UNSEARCHED_CELLS_MIN_CHARACTERS, LanguageSearchIndex, SearchIndexError,
    assemble_bundle, build_search_index, search_view, unsearched_list,
)
from test_catalogue_build import decode_fragment, search_records
from test_parallel_build import scratch_folders
from test_reproducible import files_of

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
from datagen import vocabularies, write_suppliers  # noqa: E402 - the benchmark's generator of suppliers


def page(body: str, language: str = "fi", outside: str = "") -> str:
    """A page shaped like ours: header and navigation around the indexed element."""
    return (f'<!doctype html>\n<html lang="{language}" class="no-js"><head><meta charset="utf-8">'
            f'<title>Toimittajat - GPP</title><link rel="stylesheet" href="x.css"></head><body>'
            f'<header{outside}><nav><a href="/">Etusivu</a> <a href="/fi/news/">Uutiset</a></nav></header>'
            f"<main>{SEARCH_BODY_START}{body}{SEARCH_BODY_END}</main><footer>© 2026</footer></body></html>")


def large_page(rows: int = 3500) -> str:
    """A page like the catalogue: searched names and cities, ignored examples and contacts."""
    cells = "".join(
        f'<tr id="s-{n}"><td><a href="https://s{n}.example" rel="noopener">Supplier {n} Oy</a></td><td>Kouvola</td>'
        f"<td data-pagefind-ignore>An example &amp; a story about reuse number {n}, kept out of search.</td>"
        f'<td data-pagefind-ignore><a href="mailto:s{n}@example.org">s{n}@example.org</a></td></tr>'
        for n in range(rows))
    return page(f'<h1 id="toimittajat">Toimittajat</h1><table><tbody>\n{cells}\n</tbody></table>')


def fragments(bundle: dict[str, bytes]) -> dict[str, dict]:
    """The bundle's page records, by file name."""
    return {name: decode_fragment(content) for name, content in bundle.items() if name.startswith("fragment/")}


def whole_pages_bundle(pages: list[tuple[str, str]]) -> dict[str, bytes]:
    """What Pagefind's service makes of the whole pages, given in the same order (no views)."""
    service = PagefindService()
    try:
        for path, html in pages:
            service.send({"type": "AddFile", "index_id": service.index_id, "file_path": path, "url": None,
                          "file_contents": html})
        answer = service.request({"type": "GetFiles", "index_id": service.index_id})
    finally:
        service.close()
    return {file["path"]: base64.b64decode(file["content"]) for file in answer["files"]}


def views_bundle(pages: list[tuple[str, str]], folder: Path) -> dict[str, bytes]:
    index = LanguageSearchIndex()
    for path, html in pages:
        index.add(path, html)
    assert index.write_bundle(folder)
    return files_of(folder)


def test_a_view_keeps_the_language_title_and_indexed_element_only():
    view = search_view(page("<h1>Toimittajat</h1><p>Kierrätys</p>"))
    assert view is not None
    assert view.startswith('<!doctype html>\n<html lang="fi"><head><meta charset="utf-8"><title>Toimittajat - GPP</title>')
    assert f"{SEARCH_BODY_START}<h1>Toimittajat</h1><p>Kierrätys</p></div>" in view
    assert "Etusivu" not in view and "© 2026" not in view and "x.css" not in view


def test_pages_outside_the_index_have_no_view_and_pages_with_pagefind_attributes_elsewhere_stay_whole():
    assert search_view("<html lang=\"fi\"><body><main>Fallback copy</main></body></html>") is None
    whole = page("<p>x</p>", outside=' data-pagefind-filter="tyyppi"')
    assert search_view(whole) == whole
    other_template = '<html lang="fi"><body><article data-pagefind-body>Uutinen</article></body></html>'
    assert search_view(other_template) == other_template


def test_a_large_page_loses_its_ignored_cells_a_small_one_keeps_them():
    view = search_view(large_page())
    assert view is not None and len(large_page()) >= UNSEARCHED_CELLS_MIN_CHARACTERS
    assert "data-pagefind-ignore" not in view and "kept out of search" not in view and view.count("<tr>") == 3500
    assert '<tr id="s-' not in view and '<h1 id="toimittajat">' in view
    small = search_view(large_page(rows=10))
    assert small is not None and "data-pagefind-ignore" in small and '<tr id="s-9">' in small


def test_a_list_repeated_from_other_pages_leaves_the_view_and_the_bundle_is_the_same(tmp_path: Path):
    posts = "".join(f'<article><h2><a href="../p{n}/">Uutinen {n}</a></h2><p>Tiivistelmä kierrätyksestä {n}</p>'
                    f'<ul><li><a href="../tags/ilmasto/">Ilmasto</a></li></ul></article>' for n in range(300))
    listing = page(f"<h1>Uutiset</h1><p>Johdanto</p>{unsearched_list('gpp-news-list', posts)}<p>Loppu</p>")
    view = search_view(listing)
    assert view is not None and "Uutinen" not in view and "Tiivistelmä" not in view
    assert "<h1>Uutiset</h1><p>Johdanto</p><p>Loppu</p>" in view  # a small page: only the list goes
    pages = [("fi/uutiset/index.html", listing)]
    assert views_bundle(pages, tmp_path / "list") == whole_pages_bundle(pages)
    # A block an editor keeps out of search stays in the view: it may hold anything.
    own = '<div class="huom" data-pagefind-ignore><div>Sisempi</div> Ulompi</div>'
    assert own in (search_view(page(own)) or "")
    with pytest.raises(ValueError, match="holds no <div>"):
        unsearched_list("gpp-news-list", "<article><div>Sisempi</div></article>")


def test_views_give_the_bundle_the_whole_pages_give(built_site: Path, tmp_path: Path):
    # Every language of the real site, plus a catalogue-sized page: byte for byte.
    for language in LANGUAGES:
        root = language_dir(built_site, language)
        pages = [(path.relative_to(built_site).as_posix(), path.read_text(encoding="utf-8"))
                 for path in sorted(root.rglob("*.html"))
                 if language != "en" or path.relative_to(root).parts[0] not in LANGUAGES]
        indexed = [item for item in pages if search_view(item[1]) is not None]
        assert len(indexed) > 20, language
        assert views_bundle(pages, tmp_path / language) == whole_pages_bundle(indexed), language
    # A catalogue-sized page: the same record but for its rows' anchors, which Pagefind's interface
    # does not use (it links results to headings only).
    large = [("fi/toimittajat/index.html", large_page())]
    view_bundle, whole_bundle = views_bundle(large, tmp_path / "large"), whole_pages_bundle(large)
    word_index = [name for name in whole_bundle if name.startswith("index/")]
    assert word_index and all(view_bundle[name] == whole_bundle[name] for name in word_index)
    view_record, = fragments(view_bundle).values()
    whole_record, = fragments(whole_bundle).values()
    assert [anchor["element"] for anchor in whole_record["anchors"]] == ["h1"] + ["tr"] * 3500
    assert view_record == {**whole_record, "anchors": [a for a in whole_record["anchors"] if a["element"] != "tr"]}


def test_the_built_bundle_indexes_the_pages_pagefind_finds_on_disk(built_site: Path, tmp_path: Path):
    # Pagefind over the written site lists the pages in the file system's order, so its index
    # chunks differ; the pages' records (fragments, named by their content) must be the same.
    pagefind_over_site = tmp_path / "pagefind-over-site"
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(built_site), "--output-path",
         str(pagefind_over_site), "--silent"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    built = files_of(built_site / search.PAGEFIND_FOLDER)
    expected = files_of(pagefind_over_site)
    fragments = {name for name in expected if name.startswith("fragment/")}
    assert fragments and {name for name in built if name.startswith("fragment/")} == fragments
    assert all(built[name] == expected[name] for name in fragments)
    entry, expected_entry = (json.loads(files["pagefind-entry.json"]) for files in (built, expected))
    assert list(entry["languages"]) == sorted(LANGUAGES)
    assert {language: meta["page_count"] for language, meta in entry["languages"].items()} == \
        {language: meta["page_count"] for language, meta in expected_entry["languages"].items()}
    assert [name for name in ("pagefind.js", "pagefind-ui.js", "wasm.unknown.pagefind") if built[name] != expected[name]] == []


def test_bundles_assembled_keep_shared_files_once_and_merge_the_entries(tmp_path: Path):
    finnish = [("fi/a/index.html", page("<h1>Hankinnat</h1><p>Vihreät hankinnat</p>"))]
    polish = [("pl/a/index.html", page("<h1>Zamówienia</h1><p>Zielone zamówienia</p>", language="pl"))]
    views_bundle(finnish, tmp_path / "parts" / "fi")
    views_bundle(polish, tmp_path / "parts" / "pl")
    assemble_bundle([tmp_path / "parts" / "fi", tmp_path / "parts" / "pl"], tmp_path / "bundle")
    whole = whole_pages_bundle(finnish + polish)
    assembled = files_of(tmp_path / "bundle")
    assert sorted(assembled) == sorted(whole)
    assert [name for name in whole if name != "pagefind-entry.json" and whole[name] != assembled[name]] == []
    entry = json.loads(assembled["pagefind-entry.json"])
    assert entry == {**json.loads(whole["pagefind-entry.json"]),
                     "languages": dict(sorted(json.loads(whole["pagefind-entry.json"])["languages"].items()))}


def test_bundles_that_disagree_on_a_shared_file_are_refused(tmp_path: Path):
    for language in ("fi", "pl"):
        (tmp_path / language).mkdir()
        (tmp_path / language / "pagefind.js").write_text(f"// {language}", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="Two languages' search bundles differ in pagefind.js"):
        assemble_bundle([tmp_path / "fi", tmp_path / "pl"], tmp_path / "bundle")


def test_a_language_without_indexed_pages_writes_no_bundle(tmp_path: Path):
    index = LanguageSearchIndex()
    index.add("fi/a/index.html", "<html lang=\"fi\"><body>fallback copy</body></html>")
    assert index.write_bundle(tmp_path / "fi") is False and not (tmp_path / "fi").exists()


def test_pagefind_stopping_is_reported_with_the_page(tmp_path: Path):
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind: cannot start' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    with pytest.raises(PagefindServiceError, match=r"Pagefind stopped \(exit 3\):\npagefind: cannot start"):
        PagefindService(broken)
    index = LanguageSearchIndex(lambda: PagefindService(broken))
    with pytest.raises(SearchIndexError, match="Pagefind could not index fi/a/index.html: Pagefind stopped"):
        index.add("fi/a/index.html", page("<p>x</p>"))


def test_a_build_whose_pagefind_fails_stops_with_its_message_and_leaves_no_scratch(tmp_path: Path):
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind: out of order' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    root = copy_site(tmp_path / "src")
    result = run_build(root, tmp_path / "site", PAGEFIND_BINARY_PATH=str(broken))
    assert_clean_failure(result, "Pagefind could not index", "index.html: Pagefind stopped (exit 3)", "pagefind: out of order")
    assert scratch_folders(tmp_path) == []


def test_a_build_with_a_large_catalogue_indexes_its_searched_cells_only(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    write_suppliers(root / "data" / "suppliers.yml", 1300, vocabularies(root / "data" / "labels.yml"))
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    records = search_records(site)
    for language in ("en", "fi"):
        html = (language_dir(site, language) / "suppliers" / "index.html").read_text(encoding="utf-8")
        assert len(html) >= UNSEARCHED_CELLS_MIN_CHARACTERS and html.count("<td data-pagefind-ignore>") == 4 * 1300
        content = records["/" + ("" if language == "en" else f"{language}/") + "suppliers/"]
        assert "Kouvola" in content and "mailto" not in content and "office@" not in content
    assert scratch_folders(tmp_path / "src") == []


def test_pagefind_over_the_written_site_still_serves_the_preview(tmp_path: Path):
    # `mkdocs serve` and the preview index the written site, with Pagefind's command line.
    site = tmp_path / "site"
    (site / "fi" / "a").mkdir(parents=True)
    (site / "fi" / "a" / "index.html").write_text(page("<h1>Hankinnat</h1><p>Vihreät hankinnat</p>"), encoding="utf-8")
    build_search_index(site)
    assert "Vihreät hankinnat" in search_records(site)["/fi/a/"]
