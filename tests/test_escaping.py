"""Interface strings and vocabulary labels (data/) reach every page as text, never as HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_site, run_build

NASTY = 'A <script>alert("x")</script> "quoted" & <b>bold</b>'
# file under data/, key path, value: the strings the templates and generated pages print.
EDITS = [
    ("ui/site.yml", ("home_link", "en")),
    ("ui/site.yml", ("footer_privacy", "en")),
    ("ui/site.yml", ("language_offer", "en")),
    ("ui/site.yml", ("not_found_title", "en")),
    ("ui/search.yml", ("search_label", "en")),
    ("ui/search.yml", ("search_placeholder", "en")),
    ("ui/theme.yml", ("theme.top", "en")),
    ("ui/theme.yml", ("theme.select.language", "en")),
    ("ui/news.yml", ("news_feed_title", "en")),
    ("labels.yml", ("tags", "climate", "en")),
]


def _set(data: dict, keys: tuple[str, ...], value: str) -> None:
    for key in keys[:-1]:
        data = data[key]
    data[keys[-1]] = value


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_site(tmp_path_factory.mktemp("escaping"))
    for name, keys in EDITS:
        path = root / "data" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _set(data, keys, NASTY)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def parsed(path: Path) -> BeautifulSoup:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    # A data block (JSON) holds the text as data; it must still not end its element early.
    assert not [script for script in html.find_all("script")
                if "alert" in script.get_text() and script.get("type") != "application/json"], path
    assert not [bold for bold in html.find_all("b") if bold.get_text() == "bold"], path
    return html


@pytest.mark.parametrize("page", ["404.html", "index.html", "news/tags/climate/index.html"])
def test_interface_strings_and_labels_are_text_on_every_kind_of_page(nasty_site: Path, page: str):
    html = parsed(nasty_site / page)
    assert html.select_one("label[for=gpp-search-query]").get_text() == NASTY
    assert html.select_one("#gpp-search-query")["placeholder"] == NASTY
    assert html.select_one(".md-select > button")["aria-label"] == NASTY
    assert html.select_one("button.md-top").get_text(strip=True) == NASTY.strip()
    assert html.select(".gpp-footer-links a")[-1].get_text() == NASTY
    assert {link["title"] for link in html.select("link[rel=alternate][type$='xml']")} == \
        {f"Baltic green procurement network – {NASTY} (RSS)", f"Baltic green procurement network – {NASTY} (Atom)"}


def test_the_404_page_and_a_tag_page_title_their_data_as_text(nasty_site: Path):
    not_found = parsed(nasty_site / "404.html")
    assert not_found.title.get_text() == f"{NASTY} - Baltic green procurement network"
    assert not_found.find("article").find("h1").get_text() == NASTY
    assert not_found.select("article a")[-1].get_text() == NASTY
    tag_page = parsed(nasty_site / "news" / "tags" / "climate" / "index.html")
    assert tag_page.find("article").find("h1").get_text() == f"News: {NASTY}"
    assert tag_page.title.get_text().startswith(f"News: {NASTY}")
    assert NASTY in tag_page.find("meta", attrs={"name": "description"})["content"]
    # Escaped once: a link preview showed "&amp;" (the page's title was escaped for Material).
    assert tag_page.find("meta", attrs={"property": "og:title"})["content"] == f"News: {NASTY}"


def test_a_posts_tag_labels_reach_its_link_preview_as_text(nasty_site: Path):
    post = parsed(nasty_site / "news" / "2018-09-28-circpro-kick-off" / "index.html")
    assert NASTY in [meta["content"] for meta in post.select('head meta[property="article:tag"]')]


def test_an_offer_of_another_language_reaches_the_script_as_data(nasty_site: Path):
    html = parsed(nasty_site / "bg" / "index.html")
    (english,) = [offer for offer in json.loads(html.select_one("script#gpp-language-offers").string)
                  if offer["lang"] == "en"]
    assert english["text"] == NASTY
