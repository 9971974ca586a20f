"""Untranslated pages and translation status: notices, noindex, search exclusion, the report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_ROOT, assert_clean_failure, copy_site, read_mkdocs_config, run_build
from gppkit.fallback_notice import insert_notice_after_title
from gppkit.translations import (
    pages_without_original,
    recorded_hash,
    source_hash,
    translation_status,
    with_recorded_hash,
)

SITE_URL = read_mkdocs_config()["site_url"]


def test_source_hash_ignores_line_endings_and_trailing_spaces():
    assert source_hash("# Title  \r\nText\r\n") == source_hash("# Title\nText\n")
    assert source_hash("# Title\nText\n") != source_hash("# Title\nOther text\n")


def test_recorded_hash_is_added_then_replaced():
    page = "---\ndescription: x\n---\n# T\n"
    marked = with_recorded_hash(page, "aaaaaaaaaaaa")
    assert recorded_hash(marked) == "aaaaaaaaaaaa"
    assert marked.count("source_hash") == 1
    remarked = with_recorded_hash(marked, "bbbbbbbbbbbb")
    assert recorded_hash(remarked) == "bbbbbbbbbbbb" and remarked.count("source_hash") == 1
    assert recorded_hash(with_recorded_hash("# No front matter\n", "cccccccccccc")) == "cccccccccccc"


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
@pytest.mark.parametrize("closing", ["---", "...", "---  "])
def test_a_hash_is_read_and_recorded_where_mkdocs_reads_front_matter_line_ends_kept(line_end: str, closing: str):
    # A translator on Windows saves "\r\n": the hash was reported missing, and recording it added a
    # second front matter above the first (which then showed on the page).
    page = line_end.join(["---", "description: Opis", "source_hash: aaaaaaaaaaaa", closing, "", "# Tytuł", ""])
    assert recorded_hash(page) == "aaaaaaaaaaaa"
    expected = page.replace("aaaaaaaaaaaa", "bbbbbbbbbbbb")
    assert with_recorded_hash(page, "bbbbbbbbbbbb") == expected
    assert with_recorded_hash(page.replace(f"source_hash: aaaaaaaaaaaa{line_end}", ""), "bbbbbbbbbbbb") == expected


def test_the_translation_tool_records_a_hash_in_a_windows_file_keeping_its_line_ends(tmp_path: Path):
    root = copy_site(tmp_path)
    polish = root / "docs" / "pl" / "join.md"
    windows_text = polish.read_text(encoding="utf-8").replace("source_hash:", "old_hash:").replace("\n", "\r\n")
    polish.write_bytes(windows_text.encode("utf-8"))
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "tools" / "translations.py"), "--docs", str(root / "docs"),
                             "--mark", str(polish)], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    marked = polish.read_bytes().decode("utf-8")
    english_hash = source_hash((root / "docs" / "en" / "join.md").read_text(encoding="utf-8"))
    assert recorded_hash(marked) == english_hash and f"source_hash {english_hash}" in result.stdout
    assert marked.count("---\r\n") == 2 and "\n" not in marked.replace("\r\n", "")


def test_status_lists_missing_outdated_and_unrecorded(tmp_path: Path):
    (tmp_path / "en").mkdir()
    (tmp_path / "pl").mkdir()
    for name in ("a.md", "b.md", "c.md", "d.md"):
        (tmp_path / "en" / name).write_text(f"# {name}\n", encoding="utf-8")
    (tmp_path / "pl" / "a.md").write_text(with_recorded_hash("# A\n", source_hash("# a.md\n")), encoding="utf-8")
    (tmp_path / "pl" / "b.md").write_text(with_recorded_hash("# B\n", "000000000000"), encoding="utf-8")
    (tmp_path / "pl" / "c.md").write_text("# C\n", encoding="utf-8")
    (status,) = translation_status(tmp_path, "en", ["en", "pl"])
    assert (status.up_to_date, status.outdated, status.unrecorded, status.missing) == (
        ["a.md"], ["b.md"], ["c.md"], ["d.md"])


def test_notice_follows_the_title():
    markdown = "# Privacy\n\nText.\n"
    result = insert_notice_after_title(markdown, "Not <yet> translated", "pl")
    assert result.index("# Privacy") < result.index('lang="pl"') < result.index("Text.")
    assert "Not &lt;yet&gt; translated" in result


def test_every_translation_of_the_real_site_is_up_to_date():
    result = subprocess.run([sys.executable, "tools/translations.py", "--fail-on-outdated"],
                            cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("0 missing, 0 outdated, 0 without source_hash") == 4


@pytest.mark.parametrize("command", [["--fail-on-outdated"], ["--mark", "docs/pl/join.md"]])
def test_the_translation_tool_names_a_page_that_is_not_utf8(tmp_path: Path, command: list[str]):
    root = copy_site(tmp_path)
    english = root / "docs" / "en" / "join.md"
    lines = english.read_bytes().count(b"\n")
    english.write_bytes(english.read_bytes() + "Lisätietoja.\n".encode("latin-1"))
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "tools" / "translations.py"), "--docs", str(root / "docs"),
                             *[str(root / arg) if arg.startswith("docs/") else arg for arg in command]],
                            cwd=root, capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert f"docs/en/join.md:{lines + 1}: received bytes that are not UTF-8 at column 4" in result.stderr


@pytest.fixture(scope="module")
def site_with_gaps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The real site with the Polish privacy page removed and the English join page changed."""
    root = copy_site(tmp_path_factory.mktemp("gaps"))
    (root / "docs/pl/privacy.md").unlink()
    english_join = root / "docs/en/join.md"
    english_join.write_text(english_join.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site", result.stdout + result.stderr


def test_untranslated_page_has_notice_noindex_and_canonical(site_with_gaps):
    site, _ = site_with_gaps
    html = BeautifulSoup((site / "pl/privacy/index.html").read_text(encoding="utf-8"), "html.parser")
    notice = html.select_one(".gpp-untranslated")
    assert notice and notice["lang"] == "pl" and "przetłumaczona" in notice.get_text()
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert html.find("link", rel="canonical")["href"] == SITE_URL + "privacy/"
    hreflangs = {link["hreflang"] for link in html.select("link[rel=alternate][hreflang]")}
    assert "pl" not in hreflangs and {"en", "x-default"} <= hreflangs
    assert html.find(attrs={"data-pagefind-body": True}) is None, "fallback copy must stay out of the pl index"
    assert html.select_one("article div[lang=en]") is not None


def test_translated_pages_have_no_notice(site_with_gaps):
    site, _ = site_with_gaps
    html = BeautifulSoup((site / "bg/privacy/index.html").read_text(encoding="utf-8"), "html.parser")
    assert html.select_one(".gpp-untranslated") is None
    assert html.find("meta", attrs={"name": "robots"}) is None


def test_build_warns_about_missing_and_outdated_translations_without_failing(site_with_gaps):
    _, output = site_with_gaps
    assert output.count("Translations need attention") == 1  # made at the start of the build, logged at its end
    assert "missing: docs/pl/privacy.md" in output
    for language in ("bg", "lv", "fi", "pl"):
        assert f"outdated: docs/{language}/join.md" in output


def test_a_translation_saved_under_a_name_of_its_own_stops_the_build(tmp_path: Path):
    # docs/pl/dolacz.md for join.md: published where no link leads, while Polish readers got the
    # English copy of join.md, and the translation report only said join.md was missing.
    root = copy_site(tmp_path)
    (root / "docs" / "pl" / "join.md").rename(root / "docs" / "pl" / "dolacz.md")
    assert_clean_failure(run_build(root), "docs/pl/dolacz.md: received a page with no original in docs/en/",
                         "expected a translation to keep its original's file name")


def test_a_post_of_one_language_needs_no_english_original(tmp_path: Path):
    root = copy_site(tmp_path)
    post = root / "docs" / "pl" / "news" / "2026-10-05-green-deal-themes.md"
    post.rename(post.with_name("2026-10-06-tylko-po-polsku.md"))
    assert pages_without_original(root / "docs", "en", ["en", "pl"]) == []
