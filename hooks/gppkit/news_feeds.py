"""The RSS and Atom feeds of one language's news posts (gppkit.feeds does the XML)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .feeds import Category, FeedChannel, FeedItem, atom_feed, newest_date, rss_feed
from .news import Post


@dataclass(frozen=True)
class FeedLink:
    """An autodiscovery link (<link rel="alternate">) printed on every page by overrides/main.html."""

    type: str
    title: str
    href: str


@dataclass(frozen=True)
class LanguageFeeds:
    """Where one language's feeds and pages are (absolute URLs) and what its feeds are called."""

    language: str
    title: str
    description: str
    home_url: str
    rss_url: str
    atom_url: str
    tags_url: str

    def links(self) -> list[FeedLink]:
        return [
            FeedLink("application/rss+xml", f"{self.title} (RSS)", self.rss_url),
            FeedLink("application/atom+xml", f"{self.title} (Atom)", self.atom_url),
        ]


def feed_items(posts: Sequence[Post], post_urls: Mapping[str, str], tag_labels: Mapping[str, str],
               tag_urls: Mapping[str, str]) -> list[FeedItem]:
    """Published posts (newest first) as feed items; URLs absolute, tag labels in the feed's language."""
    return [
        FeedItem(
            title=post.title,
            url=post_urls[post.source],
            published=post.published,
            summary=post.summary,
            categories=tuple(Category(tag, tag_labels[tag], tag_urls[tag]) for tag in post.tags),
        )
        for post in posts
    ]


def news_feeds(feeds: LanguageFeeds, author: str, items: Sequence[FeedItem], now: datetime) -> tuple[bytes, bytes]:
    """(RSS 2.0, Atom) bytes; the feeds' date is the newest post's, or ``now`` when there is none."""
    channel = FeedChannel(
        title=feeds.title,
        description=feeds.description,
        language=feeds.language,
        home_url=feeds.home_url,
        rss_url=feeds.rss_url,
        atom_url=feeds.atom_url,
        tags_url=feeds.tags_url,
        author=author,
        updated=newest_date(items, now),
    )
    return rss_feed(channel, items), atom_feed(channel, items)
