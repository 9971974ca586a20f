"""Languages built in parallel processes (hooks/parallel_build.py) give the serial build's site and messages."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, assert_clean_failure, copy_site, language_dir, read_mkdocs_config, run_build
from gppkit.sitemaps import SitemapError, gzip_mtime, gzip_sitemap, merge_sitemaps
from test_reproducible import files_of

SITE_URL = read_mkdocs_config()["site_url"]


def normalised_log(output: str, site_dir: Path) -> list[str]:
    """The build's messages without its timing and with the site folder named alike."""
    text = output.replace(str(site_dir), "SITE")
    return [line for line in text.splitlines() if "Documentation built in" not in line]


def scratch_folders(parent: Path) -> list[Path]:
    """The language processes' and the search bundles' scratch folders (.gpp-languages-*, .gpp-search-*)."""
    return [path for path in parent.iterdir() if path.name.startswith(".gpp-")]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_site(tmp_path_factory.mktemp("parallel-src"))


def test_parallel_and_serial_builds_give_the_same_bytes_and_messages(source: Path, tmp_path: Path):
    serial = run_build(source, tmp_path / "serial", GPP_BUILD_PROCESSES="1")
    parallel = run_build(source, tmp_path / "parallel", GPP_BUILD_PROCESSES="2")
    assert serial.returncode == 0 and parallel.returncode == 0, serial.stderr + parallel.stderr
    first, second = files_of(tmp_path / "serial"), files_of(tmp_path / "parallel")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert normalised_log(serial.stderr, tmp_path / "serial") == normalised_log(parallel.stderr, tmp_path / "parallel")
    assert scratch_folders(tmp_path) == []


def test_a_language_failing_in_a_worker_stops_the_build_as_a_serial_build_does(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    page = root / "docs" / "lv" / "suppliers.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- catalogue: suppliers -->",
                                                             "<!-- catalogue: nope -->"), encoding="utf-8")
    outputs = []
    for processes in ("1", "2"):
        site = tmp_path / f"site-{processes}"
        output = assert_clean_failure(run_build(root, site, GPP_BUILD_PROCESSES=processes),
                                      "docs/lv/suppliers.md: line", "received the marker '<!-- catalogue: nope -->'")
        outputs.append(normalised_log(output, site))
        assert not (site / "fi").exists() and not (site / "pl").exists()  # languages after lv are not built
    assert outputs[0] == outputs[1]
    assert scratch_folders(tmp_path) == []


def test_a_process_count_that_is_not_a_number_is_refused(source: Path, tmp_path: Path):
    assert_clean_failure(run_build(source, tmp_path / "site", GPP_BUILD_PROCESSES="two"),
                         "GPP_BUILD_PROCESSES: received 'two'; expected a whole number, 1 or more")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_404_language_switcher_leads_to_each_language_home(built_site: Path, language: str):
    html = BeautifulSoup((language_dir(built_site, language) / "404.html").read_text(encoding="utf-8"), "html.parser")
    switcher = {a["hreflang"]: a["href"] for a in html.select("a.md-select__link")}
    site_path = "/" + SITE_URL.split("/", 3)[3]
    assert switcher == {other: site_path + ("" if other == "en" else f"{other}/") for other in LANGUAGES}


def test_the_sitemap_lists_every_language_once(built_site: Path):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locations) == len(set(locations))
    for language in LANGUAGES:
        prefix = SITE_URL + ("" if language == "en" else f"{language}/")
        assert prefix + "suppliers/" in locations
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}
</urlset>"""


def test_merged_sitemaps_keep_the_first_head_and_every_entry_in_order():
    parts = [SITEMAP.format(entries=f"\n    <url>\n        <loc>{loc}</loc>\n    </url>" * count)
             for loc, count in (("a", 2), ("b", 0), ("c", 1))]
    merged = merge_sitemaps(parts)
    assert merged == SITEMAP.format(entries="".join(
        f"\n    <url>\n        <loc>{loc}</loc>\n    </url>" for loc in ("a", "a", "c")))
    with pytest.raises(SitemapError):
        merge_sitemaps(["<html></html>"])


def test_the_gzipped_sitemap_keeps_the_time_it_is_given():
    compressed = gzip_sitemap("<urlset></urlset>", 1795262400)
    assert gzip_mtime(compressed) == 1795262400
    assert gzip.decompress(compressed) == b"<urlset></urlset>"
