"""The offer to read a page in the visitor's browser language: what the page gives the script
(docs/assets/language-offer.js), which decides in the browser whether to show it.

Each offer is worded in the language it offers: a visitor who reads Polish may not read the page's
English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def language_offers(
    shown_language: str,
    relative_urls: Mapping[str, str],
    texts: Mapping[str, Mapping[str, str]],
    languages: Sequence[str],
) -> list[dict[str, str]]:
    """One offer per language in ``languages`` order that has a translation of the page
    (``relative_urls``: language → its URL relative to this page), except the language the page's
    text is in (``shown_language``: English on an untranslated copy). ``texts``: the interface
    strings ``language_offer`` and ``language_offer_close``, by key and language."""
    return [
        {"lang": language, "href": relative_urls[language],
         "text": texts["language_offer"][language], "close": texts["language_offer_close"][language]}
        for language in languages
        if language in relative_urls and language != shown_language
    ]
