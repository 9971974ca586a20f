"""Data kept between builds (.cache/gpp, gppkit.file_cache.StoredValues): the next build takes the
parsed and validated data instead of reading it again, writes the same bytes, and still sees every
edit and every mistake made since."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser

from catalogue_samples import edit
from conftest import LANGUAGES, assert_clean_failure, copy_site, language_dir, run_build
from test_reproducible import files_of

SUPPLIER_NAME = "ЕкоПринт Пловдив ООД"
RENAMED_SUPPLIER = "ЕкоПринт Пловдив АД"
POST = "docs/pl/news/2026-10-05-green-deal-themes.md"
POST_TITLE = "Dwa tematy zielonych porozumień w negocjacjach"
RETITLED_POST = "Dwa tematy zielonych porozumień wciąż w negocjacjach"
POLISH_NOTICE = "Dostawcy, ich przykłady i dane kontaktowe to fikcyjne dane przykładowe"
CHANGED_NOTICE = "Dostawcy i ich dane to wyłącznie fikcyjne przykłady"


def kept_files(root: Path) -> dict[str, int]:
    """Each kept value's file and the time it was written."""
    return {path.name: path.stat().st_mtime_ns for path in sorted((root / ".cache" / "gpp").glob("*.pickle"))}


def build_ok(root: Path, site: Path) -> dict[str, bytes]:
    result = run_build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return files_of(site)


def test_a_second_build_takes_the_kept_data_and_writes_the_same_bytes(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    first = build_ok(root, tmp_path / "first")
    kept = kept_files(root)
    # Data: news posts, events, labels, the catalogue's three files. Per language: its feeds, its
    # open-data files, and each table a page of it shows (a council's, the catalogue's).
    tables = (root / "data" / "councils.yml").read_text(encoding="utf-8").count("\n  - country:") + 1
    assert len(kept) == 4 + len(LANGUAGES) * (2 + tables)
    second = build_ok(root, tmp_path / "second")
    assert kept_files(root) == kept  # taken, not loaded and written again
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_a_change_to_the_hooks_code_makes_every_kept_value_again(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    first = build_ok(root, tmp_path / "first")
    kept = kept_files(root)
    hook = root / "hooks" / "feeds.py"  # not in gppkit: the hooks also decide what is kept
    hook.write_text(hook.read_text(encoding="utf-8") + "\n# Any change of the code changes its digest.\n",
                    encoding="utf-8")
    assert build_ok(root, tmp_path / "second") == first
    again = kept_files(root)
    assert sorted(again) == sorted(kept)
    assert [name for name in kept if again[name] == kept[name]] == []  # each written again


def test_edits_and_mistakes_after_a_build_are_seen_by_the_next(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    first = build_ok(root, tmp_path / "first")

    edit(root / "data" / "suppliers.yml", f"name: {SUPPLIER_NAME}\n", f"name: {RENAMED_SUPPLIER}\n")
    edit(root / "data" / "ui" / "catalogue.yml", f"  pl: {POLISH_NOTICE}", f"  pl: {CHANGED_NOTICE}")
    edit(root / POST, f"title: {POST_TITLE}\n", f"title: {RETITLED_POST}\n")
    edit(root / POST, f"# {POST_TITLE}\n", f"# {RETITLED_POST}\n")  # a post's heading repeats its title
    build_ok(root, tmp_path / "edited")
    for language in LANGUAGES:  # the tables and open-data files kept by the first build are made again
        folder = language_dir(tmp_path / "edited", language)
        for made_from_suppliers in ("suppliers/index.html", "catalogue/suppliers.csv", "catalogue/suppliers.json"):
            text = (folder / made_from_suppliers).read_text(encoding="utf-8")
            assert RENAMED_SUPPLIER in text and SUPPLIER_NAME not in text, (language, made_from_suppliers)
    polish = language_dir(tmp_path / "edited", "pl")
    assert json.loads((polish / "catalogue" / "suppliers.json").read_bytes())["notice"].startswith(CHANGED_NOTICE)
    assert CHANGED_NOTICE in (polish / "suppliers" / "index.html").read_text(encoding="utf-8")
    assert RETITLED_POST in (polish / "news" / "index.html").read_text(encoding="utf-8")
    assert RETITLED_POST in [entry.title for entry in feedparser.parse((polish / "feed.xml").read_bytes()).entries]

    edit(root / "data" / "suppliers.yml", "id: bg-zelena-trapeza-sofia\n", "id: bg-ekoprint-plovdiv\n")
    assert_clean_failure(run_build(root, tmp_path / "broken"), "data/suppliers.yml:", "field 'id'",
                         "id: bg-ekoprint-plovdiv", "already used on line")

    # A stray file in a news folder is refused on a clean build: the kept posts must not hide it.
    stray = root / "docs" / "pl" / "news" / "2026-11-01-nowy-wpis.MD"
    stray.write_text((root / POST).read_text(encoding="utf-8"), encoding="utf-8")
    assert_clean_failure(run_build(root, tmp_path / "stray"), "docs/pl/news/2026-11-01-nowy-wpis.MD",
                         "received a news file the listing and the feeds do not read")
    stray.unlink()

    edit(root / "data" / "suppliers.yml", f"name: {RENAMED_SUPPLIER}\n", f"name: {SUPPLIER_NAME}\n")
    edit(root / "data" / "suppliers.yml", "id: bg-ekoprint-plovdiv\n    name: Зелена", "id: bg-zelena-trapeza-sofia\n    name: Зелена")
    edit(root / "data" / "ui" / "catalogue.yml", f"  pl: {CHANGED_NOTICE}", f"  pl: {POLISH_NOTICE}")
    edit(root / POST, f"title: {RETITLED_POST}\n", f"title: {POST_TITLE}\n")
    edit(root / POST, f"# {RETITLED_POST}\n", f"# {POST_TITLE}\n")
    assert build_ok(root, tmp_path / "restored") == first
