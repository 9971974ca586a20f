"""The navigation's titles against each language's nav_translations (mkdocs.yml).

static-i18n shows a title it finds no translation for as it is: a misspelt key ('Green Deals'
for 'Green deals') left the Polish menu with an English entry, without a word. A translated
title must be translated in every language; a key must be a title of the nav. (A title no
language translates, a project's name, say, is shown as it is everywhere.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from difflib import get_close_matches
from typing import Any


def nav_titles(nav: Any) -> Iterator[str]:
    """Every section and page title of an mkdocs.yml ``nav`` (``- Title: page.md`` or a section)."""
    for entry in nav or []:
        if isinstance(entry, Mapping):
            for title, value in entry.items():
                yield str(title)
                yield from nav_titles(value if isinstance(value, list) else [])


def nav_translation_problems(nav: Any, translations: Mapping[str, Mapping[str, str]]) -> list[str]:
    """``translations``: language → its nav_translations. Problems as "language: received …; expected …"."""
    titles = list(dict.fromkeys(nav_titles(nav)))
    translated = {title for table in translations.values() for title in table if title in titles}
    problems = []
    for language, table in translations.items():
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():  # the menu showed "None", "2026" or nothing
                problems.append(f"{language}: received {value!r} as the translation of {key!r}; expected the "
                                "title in that language, as text (in quotes if YAML would read it as a number)")
            if key not in titles:
                close = get_close_matches(key, titles, n=1)
                problems.append(f"{language}: received the title {key!r}, which the nav does not have"
                                f"{f' (did you mean {close[0]!r}?)' if close else ''}; expected a title of the nav as written there")
        for title in sorted(translated - set(table)):
            problems.append(f"{language}: received no translation of {title!r} (the other languages translate it); "
                            f"expected '{title}: …' in its nav_translations")
    return problems
