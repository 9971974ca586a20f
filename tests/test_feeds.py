"""Feeds as built: one RSS 2.0 and one Atom feed per language, valid, complete, reproducible, discoverable."""

from __future__ import annotations

import email.utils
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import pytest

from conftest import LANGUAGES, english_pages, language_dir, output_path, soup
from news_events_helpers import built_file, labels, language_url, source_posts

TAG_LABELS = labels("tags")
FEEDS = {"feed.xml": ("rss20", "application/rss+xml"), "atom.xml": ("atom10", "application/atom+xml")}


def parse(site: Path, language: str, name: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((language_dir(site, language) / name).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def newest(language: str) -> datetime:
    day = source_posts(language)[0]["date"]
    return day if isinstance(day, datetime) else datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


@pytest.mark.parametrize("name", sorted(FEEDS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_is_valid_and_in_its_language(built_site: Path, language: str, name: str):
    parsed = parse(built_site, language, name)
    assert parsed.version == FEEDS[name][0]
    assert parsed.feed.language == language
    assert parsed.feed.link == language_url(language)
    self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_links == [language_url(language, name)]
    assert parsed.feed.title and parsed.feed.subtitle


@pytest.mark.parametrize("name", sorted(FEEDS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_items_are_the_languages_posts_newest_first(built_site: Path, language: str, name: str):
    posts = source_posts(language)
    entries = parse(built_site, language, name).entries
    assert [entry.title for entry in entries] == [post["title"] for post in posts]
    for entry, post in zip(entries, posts):
        assert entry.link == language_url(language, f"news/{post['slug']}/")
        assert entry.id == entry.link  # RSS permalink guid, Atom id
        assert entry.summary == post["summary"]
        page = soup(built_file(built_site, entry.link))
        assert page.html["lang"] == language
        assert page.find("article").find("h1").get_text(strip=True) == post["title"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_rss_items_have_permalink_guids_dates_and_categories_in_the_language(built_site: Path, language: str):
    text = (language_dir(built_site, language) / "feed.xml").read_text(encoding="utf-8")
    entries = parse(built_site, language, "feed.xml").entries
    assert text.count('<guid isPermaLink="true">') == len(entries)
    for entry, post in zip(entries, source_posts(language)):
        assert email.utils.parsedate_to_datetime(entry.published).tzinfo is not None  # RFC 822 with zone
        assert [tag.term for tag in entry.tags] == [TAG_LABELS[tag][language] for tag in post["tags"]]
        assert all(built_file(built_site, tag.scheme).is_file() for tag in entry.tags)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rss_last_build_date_is_the_newest_post_not_the_clock(built_site: Path, language: str):
    parsed = parse(built_site, language, "feed.xml")
    assert email.utils.parsedate_to_datetime(parsed.feed.updated) == newest(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_feed_meets_the_atom_rules(built_site: Path, language: str):
    parsed = parse(built_site, language, "atom.xml")
    assert parsed.feed.id == language_url(language)
    assert parsed.feed.author_detail.name
    assert datetime.fromisoformat(parsed.feed.updated) == newest(language)
    for entry, post in zip(parsed.entries, source_posts(language)):
        assert entry.id.startswith("https://") and entry.updated and entry.published
        assert entry.summary_detail.type == "text/plain"
        assert [(tag.term, tag.label) for tag in entry.tags] == [(tag, TAG_LABELS[tag][language]) for tag in post["tags"]]
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_its_own_languages_feeds(built_site: Path, language: str):
    pages = [language_dir(built_site, language) / output_path(source) for source in english_pages()]
    pages += [language_dir(built_site, language) / "404.html", language_dir(built_site, language) / "news/tags/climate/index.html"]
    for page in pages:
        links = {link["type"]: link["href"] for link in soup(page).select("link[rel=alternate][type]")}
        assert links == {kind: language_url(language, name) for name, (_, kind) in FEEDS.items()}, page
