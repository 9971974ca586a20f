"""RSS 2.0 and Atom feeds of one language's news, with feedgen, byte-for-byte reproducible.

feedgen stamps "now" on the feed and on entries unless told otherwise: every date here is set
from the posts (or from the build clock when a language has no post yet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator


@dataclass(frozen=True)
class Category:
    term: str  # the tag key, the same in every language
    label: str  # the tag's label in the feed's language
    url: str  # absolute URL of the tag's page


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str  # absolute URL of the post: link, guid and Atom id
    published: datetime  # aware
    summary: str
    categories: tuple[Category, ...]


@dataclass(frozen=True)
class FeedChannel:
    title: str
    description: str
    language: str
    home_url: str  # absolute URL of the language's home page
    rss_url: str
    atom_url: str
    tags_url: str  # absolute URL under which the tag pages live (Atom category scheme)
    author: str
    updated: datetime  # the newest post's date, never the clock when there are posts


def newest_date(items: Sequence[FeedItem], fallback: datetime) -> datetime:
    return max((item.published for item in items), default=fallback)


def _generator(channel: FeedChannel, self_url: str, feed_type: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(channel.home_url)
    feed.title(channel.title)
    feed.description(channel.description)
    feed.language(channel.language)
    feed.author({"name": channel.author, "uri": channel.home_url})
    feed.updated(channel.updated)  # also RSS lastBuildDate
    feed.link(href=self_url, rel="self", type=feed_type)
    # The channel <link> of RSS is the last link added: the language's home page.
    feed.link(href=channel.home_url, rel="alternate", type="text/html")
    return feed


def rss_feed(channel: FeedChannel, items: Sequence[FeedItem]) -> bytes:
    feed = _generator(channel, channel.rss_url, "application/rss+xml")
    for item in items:
        entry = feed.add_entry(order="append")
        entry.title(item.title)
        entry.link(href=item.url)
        entry.guid(item.url, permalink=True)
        entry.pubDate(item.published)
        entry.description(item.summary)
        for category in item.categories:
            entry.category(term=category.label, scheme=category.url)
    return feed.rss_str(pretty=True)


def atom_feed(channel: FeedChannel, items: Sequence[FeedItem]) -> bytes:
    feed = _generator(channel, channel.atom_url, "application/atom+xml")
    feed.subtitle(channel.description)
    for item in items:
        entry = feed.add_entry(order="append")
        entry.id(item.url)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate", type="text/html")
        entry.published(item.published)
        entry.updated(item.published)
        entry.summary(item.summary, type="text")
        for category in item.categories:
            entry.category(term=category.term, label=category.label, scheme=channel.tags_url)
    return feed.atom_str(pretty=True)
