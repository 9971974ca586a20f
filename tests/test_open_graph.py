"""Open Graph properties (a shared link's preview) on every page, in every language, and on an
untranslated copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    english_pages,
    language_dir,
    output_path,
    page_url,
    read_mkdocs_config,
    site_name,
    soup,
)
from gppkit.open_graph import Article, SharedPage, open_graph_locale, open_graph_properties
from news_events_helpers import labels, source_posts

SITE_URL = read_mkdocs_config()["site_url"]
# What Facebook, LinkedIn and others expect: language_TERRITORY; English as the pages write it (British).
LOCALES = {"en": "en_GB", "bg": "bg_BG", "lv": "lv_LV", "fi": "fi_FI", "pl": "pl_PL"}
TAG_LABELS = labels("tags")


def properties(html: BeautifulSoup) -> list[tuple[str, str]]:
    return [(meta["property"], meta["content"]) for meta in html.select("head meta[property]")]


def single(html: BeautifulSoup) -> dict[str, str]:
    """The properties that appear once, by name."""
    return {name: content for name, content in properties(html) if name not in ("og:locale:alternate", "article:tag")}


def all_of(html: BeautifulSoup, name: str) -> list[str]:
    return [content for property_name, content in properties(html) if property_name == name]


def test_locale_takes_the_territory_a_language_is_most_written_in():
    assert {language: open_graph_locale(language) for language in LOCALES} == LOCALES
    # A fork's language needs no entry of its own.
    assert (open_graph_locale("et"), open_graph_locale("lt"), open_graph_locale("sv")) == ("et_EE", "lt_LT", "sv_SE")


def test_properties_of_a_post_in_order_without_its_own_language_twice_or_empty_values():
    page = SharedPage("Site", "Title", "", "https://example.org/pl/news/x/", "pl", ("en", "pl", "fi"),
                      Article(date(2026, 10, 5), ("Klimat", "Budownictwo")))
    assert open_graph_properties(page) == [
        ("og:type", "article"), ("og:site_name", "Site"), ("og:title", "Title"),
        ("og:url", "https://example.org/pl/news/x/"), ("og:locale", "pl_PL"),
        ("og:locale:alternate", "en_GB"), ("og:locale:alternate", "fi_FI"),
        ("article:published_time", "2026-10-05"), ("article:tag", "Klimat"), ("article:tag", "Budownictwo"),
    ]
    assert ("og:type", "website") in open_graph_properties(SharedPage("S", "T", "D", "https://example.org/", "en", ()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_previews_in_its_language_at_its_own_address(built_site: Path, language: str):
    for source in english_pages():
        html = soup(language_dir(built_site, language) / output_path(source))
        found = single(html)
        assert found["og:url"] == html.find("link", rel="canonical")["href"] == page_url(language, source), source
        assert found["og:locale"] == LOCALES[language], source
        assert all_of(html, "og:locale:alternate") == [LOCALES[other] for other in LANGUAGES if other != language]
        assert found["og:site_name"] == site_name(language)
        assert found["og:description"] == html.find("meta", attrs={"name": "description"})["content"], source
        title = site_name(language) if source == "index.md" else html.find("article").find("h1").get_text(strip=True)
        assert found["og:title"] == title, source
        is_post = source.startswith("news/") and not source.endswith("index.md")
        assert found["og:type"] == ("article" if is_post else "website"), source


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_post_gives_its_date_and_its_tags_in_the_page_language(built_site: Path, language: str):
    posts = source_posts(language)
    assert posts
    for post in posts:
        html = soup(language_dir(built_site, language) / "news" / post["slug"] / "index.html")
        assert single(html)["article:published_time"] == post["date"].isoformat()
        assert all_of(html, "article:tag") == [TAG_LABELS[tag][language] for tag in post["tags"]]


def test_an_untranslated_copy_previews_as_the_english_original(untranslated_site: Path):
    html = soup(untranslated_site / "pl" / "privacy" / "index.html")
    found = single(html)
    assert found["og:url"] == SITE_URL + "privacy/"
    assert found["og:locale"] == LOCALES[DEFAULT_LANGUAGE]
    assert all_of(html, "og:locale:alternate") == [LOCALES[other] for other in LANGUAGES if other not in ("en", "pl")]
    assert found["og:title"] == soup(untranslated_site / "privacy" / "index.html").find("article").find("h1").get_text(strip=True)
    # Still the Polish site's name: the visitor is on it.
    assert found["og:site_name"] == site_name("pl")


def test_an_untranslated_post_gives_the_originals_date_and_no_tags(untranslated_site: Path):
    html = soup(untranslated_site / "fi" / "news" / "2026-10-05-green-deal-themes" / "index.html")
    found = single(html)
    assert (found["og:type"], found["og:url"], found["og:locale"]) == (
        "article", SITE_URL + "news/2026-10-05-green-deal-themes/", LOCALES[DEFAULT_LANGUAGE])
    assert found["article:published_time"] == "2026-10-05"
    assert all_of(html, "article:tag") == []
    assert "fi_FI" not in all_of(html, "og:locale:alternate")
