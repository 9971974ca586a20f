"""Open Graph properties: what a link preview shows when a page is shared (messengers, social
networks, intranets), in the page's own language.

Plain values; the template escapes them. https://ogp.me/ names the properties.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from babel import Locale
from babel.core import get_global

from .dates import babel_locale


@dataclass(frozen=True)
class Article:
    """A news post: its date (or date and time, as its front matter gives it) and its tags' labels in
    the page's language."""

    published: date | datetime
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SharedPage:
    site_name: str
    title: str
    description: str
    url: str  # absolute: the page itself, or the original of an untranslated copy
    language: str  # the language the text is written in
    other_languages: Sequence[str]  # the languages it is also translated into
    article: Article | None = None


@functools.cache  # Babel parses a locale in about 0.2 ms: every page asks for five
def open_graph_locale(language: str) -> str:
    """Open Graph's language_TERRITORY form: "pl" → "pl_PL"; English as the pages write it, "en_GB".

    The territory is CLDR's most likely one for the language, so a fork's language needs no entry.
    """
    locale = Locale.parse(babel_locale(language))
    territory = locale.territory or Locale.parse(get_global("likely_subtags").get(language, language)).territory
    return f"{locale.language}_{territory}" if territory else locale.language


def open_graph_properties(page: SharedPage) -> list[tuple[str, str]]:
    """``(property, content)`` pairs in the order they are printed."""
    properties = [
        ("og:type", "article" if page.article else "website"),
        ("og:site_name", page.site_name),
        ("og:title", page.title),
        ("og:description", page.description),
        ("og:url", page.url),
        ("og:locale", open_graph_locale(page.language)),
    ]
    properties += [("og:locale:alternate", open_graph_locale(other)) for other in page.other_languages
                   if other != page.language]
    if page.article:
        properties.append(("article:published_time", page.article.published.isoformat()))
        properties += [("article:tag", tag) for tag in page.article.tags]
    return [(name, content) for name, content in properties if content]
