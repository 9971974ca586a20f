"""Large pages are indexed from their search views: the same Pagefind bundle, no file left behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, copy_site, language_dir, run_build
from gppkit import search
from gppkit.search import (
    FULL_PAGE_SUFFIX, SEARCH_VIEW_MIN_CHARACTERS, SEARCH_VIEW_SUFFIX, SearchIndexError, build_search_index,
    search_view, write_search_view,
)
from test_catalogue_build import search_records

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
from datagen import vocabularies, write_suppliers  # noqa: E402 - the benchmark's generator of suppliers


def large_page(rows: int = 3500) -> str:
    """A page like the catalogue: searched names and cities, ignored examples and contacts."""
    cells = "".join(
        f'<tr id="s-{n}"><td><a href="https://s{n}.example" rel="noopener">Supplier {n} Oy</a></td><td>Kouvola</td>'
        f"<td data-pagefind-ignore>An example &amp; a story about reuse number {n}, kept out of search.</td>"
        f'<td data-pagefind-ignore><a href="mailto:s{n}@example.org">s{n}@example.org</a></td></tr>'
        for n in range(rows))
    return (f'<!doctype html><html lang="fi"><head><title>Toimittajat</title></head><body><main data-pagefind-body>'
            f'<h1 id="toimittajat">Toimittajat</h1><table><tbody>\n{cells}\n</tbody></table></main></body></html>')


def bundle(site: Path) -> dict[str, bytes]:
    folder = site / search.PAGEFIND_FOLDER
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def site_with(tmp_path: Path, name: str, page: str) -> Path:
    site = tmp_path / name
    (site / "toimittajat").mkdir(parents=True)
    (site / "toimittajat" / "index.html").write_text(page, encoding="utf-8")
    return site


def test_only_a_large_page_with_ignored_cells_gets_a_view():
    page = large_page()
    assert len(page) >= SEARCH_VIEW_MIN_CHARACTERS
    view = search_view(page)
    assert view is not None and "data-pagefind-ignore" not in view and "kept out of search" not in view
    assert view.count("Supplier 7 Oy") == page.count("Supplier 7 Oy") and view.count("<tr") == page.count("<tr")
    assert search_view(large_page(rows=10)) is None  # small: not worth a second file
    assert search_view(page.replace("<td data-pagefind-ignore>", "<td>")) is None  # nothing to leave out


def test_a_page_indexed_from_its_view_gives_the_same_bundle_and_stays_whole(tmp_path: Path):
    page = large_page()
    plain, viewed = site_with(tmp_path, "plain", page), site_with(tmp_path, "viewed", page)
    write_search_view(viewed / "toimittajat" / "index.html", page)
    assert (viewed / "toimittajat" / f"index.html{SEARCH_VIEW_SUFFIX}").is_file()
    build_search_index(plain)
    build_search_index(viewed)
    assert bundle(viewed) == bundle(plain)
    assert "Supplier 3499 Oy" in search_records(viewed)["/toimittajat/"]
    assert (viewed / "toimittajat" / "index.html").read_text(encoding="utf-8") == page
    assert sorted(path.name for path in (viewed / "toimittajat").iterdir()) == ["index.html"]


def test_the_page_is_put_back_when_pagefind_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    page = large_page()
    site = site_with(tmp_path, "site", page)
    write_search_view(site / "toimittajat" / "index.html", page)
    seen: list[str] = []

    def failing_pagefind(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
        seen.append((site / "toimittajat" / "index.html").read_text(encoding="utf-8"))
        return subprocess.CompletedProcess(command, 2, "", "boom")

    monkeypatch.setattr(search.subprocess, "run", failing_pagefind)
    with pytest.raises(SearchIndexError, match="boom"):
        build_search_index(site)
    assert seen == [search_view(page)]  # Pagefind was given the view
    assert (site / "toimittajat" / "index.html").read_text(encoding="utf-8") == page
    assert sorted(path.name for path in (site / "toimittajat").iterdir()) == ["index.html"]


def test_a_build_with_a_large_catalogue_indexes_it_from_views_and_leaves_none(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    write_suppliers(root / "data" / "suppliers.yml", 1300, vocabularies(root / "data" / "labels.yml"))
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    assert not [path for path in site.rglob("*") if path.name.endswith((SEARCH_VIEW_SUFFIX, FULL_PAGE_SUFFIX))]
    records = search_records(site)
    for language in ("en", "fi"):
        page = (language_dir(site, language) / "suppliers" / "index.html").read_text(encoding="utf-8")
        assert len(page) >= SEARCH_VIEW_MIN_CHARACTERS and page.count("<td data-pagefind-ignore>") == 4 * 1300
        content = records["/" + ("" if language == "en" else f"{language}/") + "suppliers/"]
        assert "Kouvola" in content and "mailto" not in content and "office@" not in content


def test_the_preview_writes_no_views(tmp_path: Path):
    # Serving pages while Pagefind reads their views would serve the views: `mkdocs serve` writes none.
    from search import _command, on_post_page  # noqa: PLC0415 - the hook module (hooks/ is on sys.path)

    class FakeFile:
        abs_dest_path = str(tmp_path / "out" / "index.html")

    class FakePage:
        file = FakeFile()

    _command["name"] = "serve"
    try:
        on_post_page(large_page(), page=FakePage(), config=None)  # type: ignore[arg-type]
        assert not (tmp_path / "out").exists()
        _command["name"] = "build"
        on_post_page(large_page(), page=FakePage(), config=None)  # type: ignore[arg-type]
        assert (tmp_path / "out" / f"index.html{SEARCH_VIEW_SUFFIX}").is_file()
    finally:
        _command["name"] = None
