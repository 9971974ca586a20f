"""hreflang alternates: absolute URLs of a page in every language that really has it, plus x-default."""

from dataclasses import dataclass
from collections.abc import Mapping

from .urls import absolute_url


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


def hreflang_alternates(
    site_url: str,
    urls_by_language: Mapping[str, str],
    languages: tuple[str, ...],
    default_language: str,
) -> list[Alternate]:
    """One alternate per language in ``languages`` order that has a translation, then ``x-default``.

    ``urls_by_language`` maps a language to the site-relative URL of the page written in it;
    languages that only serve a fallback copy of the default language are left out by the caller,
    because an alternate must point to a page in that language.
    """
    alternates = [
        Alternate(language, absolute_url(site_url, urls_by_language[language]))
        for language in languages
        if language in urls_by_language
    ]
    if default_language in urls_by_language:
        alternates.append(Alternate("x-default", absolute_url(site_url, urls_by_language[default_language])))
    return alternates
