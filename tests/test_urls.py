"""Absolute URLs (gppkit.urls): the fast path gives what urljoin gives, for every kind of path."""

from __future__ import annotations

import itertools
from urllib.parse import urljoin

import pytest

from gppkit.urls import absolute_url, site_root

ROOTS = ["https://example.org", "https://example.org/baltic-gpp/", "http://gpp.example/a/b",
         "https://example.org/site?preview=1", "https://example.org/site#top", "https://example.org/a;p/"]
# Path segments urljoin treats specially (dots, empty segments, schemes, queries, fragments), and plain ones.
SEGMENTS = ["", "bg", "news", ".", "..", ".a", "a.", "feed.xml", "c%20d", "ē", "x:y", "?q=1", "#top", ";p"]


def urljoin_reference(site_url: str, path: str) -> str:
    """absolute_url as it was: urljoin on every call."""
    return urljoin(site_root(site_url), "" if path in (".", "./") else path.lstrip("/"))


@pytest.mark.parametrize("site_url", ROOTS)
def test_absolute_urls_are_what_urljoin_makes(site_url: str):
    paths = ["/".join(parts) for parts in itertools.product(SEGMENTS, repeat=3)]
    paths += [f"/{path}" for path in paths[:200]] + ["./", ".", "", "//twice/", "bg/news/tags/climate/"]
    assert [absolute_url(site_url, path) for path in paths] == [urljoin_reference(site_url, path) for path in paths]


def test_a_page_url_joins_the_site_url():
    assert absolute_url("https://example.org/baltic-gpp", "bg/news/") == "https://example.org/baltic-gpp/bg/news/"
    assert absolute_url("https://example.org/baltic-gpp/", "./") == "https://example.org/baltic-gpp/"
    assert absolute_url("https://example.org/", "fi/../pl/") == "https://example.org/pl/"
