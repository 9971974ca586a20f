"""Editors' files that are not UTF-8 stop the build with file, line and column; a byte-order mark is harmless."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_clean_failure, copy_site, language_dir, run_build
from gppkit.problems import DataError
from gppkit.text_files import decode_text

LATIN_1_LINE = "Lisätietoja: Kinno.\n".encode("latin-1")  # "ä" saved as Latin-1: the byte 0xE4


def test_the_first_byte_that_is_not_utf8_is_named_by_line_and_column():
    with pytest.raises(DataError) as error:
        decode_text("---\ntitle: Päivä\n---\n".encode() + LATIN_1_LINE, "docs/fi/x.md")
    (problem,) = error.value.problems
    assert (problem.file, problem.line) == ("docs/fi/x.md", 4)
    assert problem.received.startswith("bytes that are not UTF-8 at column 4")
    assert problem.expected.startswith("a UTF-8 text file")


def test_a_byte_order_mark_is_dropped_and_utf8_is_kept():
    assert decode_text("\ufeff---\ntitle: Päivä\n".encode(), "x") == "---\ntitle: Päivä\n"


@pytest.mark.parametrize("path", [
    "docs/bg/join.md",  # a page: the translation report reads it first
    "docs/fi/news/2018-09-28-circpro-kick-off.md",  # a post: the news hook reads it first
    "data/suppliers.yml",
])
def test_a_file_saved_in_another_encoding_stops_the_build_with_its_line(tmp_path: Path, path: str):
    root = copy_site(tmp_path)
    target = root / path
    lines = target.read_bytes().count(b"\n")
    target.write_bytes(target.read_bytes() + LATIN_1_LINE)
    assert_clean_failure(run_build(root), f"{path}:{lines + 1}: received bytes that are not UTF-8 at column 4",
                         "expected a UTF-8 text file")


def test_a_page_in_another_encoding_stops_the_one_language_preview_too(tmp_path: Path):
    # No translation report there: MkDocs itself would read the page and stop with a traceback.
    root = copy_site(tmp_path)
    page = root / "docs" / "bg" / "join.md"
    lines = page.read_bytes().count(b"\n")
    page.write_bytes(page.read_bytes() + LATIN_1_LINE)
    assert_clean_failure(run_build(root, None, GPP_ONLY_LANGUAGE="bg"),
                         f"docs/bg/join.md:{lines + 1}: received bytes that are not UTF-8")


def test_a_post_saved_with_a_byte_order_mark_is_read_and_listed(tmp_path: Path):
    root = copy_site(tmp_path)
    post = root / "docs" / "fi" / "news" / "2018-09-28-circpro-kick-off.md"
    post.write_bytes(b"\xef\xbb\xbf" + post.read_bytes())
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    listing = (language_dir(root / "site", "fi") / "news" / "index.html").read_text(encoding="utf-8")
    assert "2018-09-28-circpro-kick-off/" in listing
