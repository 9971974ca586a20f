"""Reproducible builds: the same sources and SOURCE_DATE_EPOCH give the same bytes, file for file."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from conftest import copy_site, run_build
from news_events_helpers import BUILD_NOW

def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_sources_are_byte_identical(built_site: Path, tmp_path: Path):
    # Another copy in another folder: absolute paths must not leak into the output either.
    root = copy_site(tmp_path / "second-copy")
    result = run_build(root, tmp_path / "second-site")
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = files_of(built_site), files_of(tmp_path / "second-site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_sitemap_lastmod_is_the_source_date_epoch_day(built_site: Path):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)
    assert lastmods and set(lastmods) == {BUILD_NOW.date().isoformat()}
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
