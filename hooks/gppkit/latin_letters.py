"""Bulgarian Cyrillic in Latin letters, for the pages of languages written in Latin script.

data/ keeps a city as its country writes it ("Пловдив"); a visitor reading the Finnish page
cannot read Cyrillic, so the Latin-script languages' pages show it as Bulgaria's official
transliteration writes it ("Plovdiv"; Transliteration Act 2009, the system of road signs and
passports): "София" → "Sofia", "Велико Търново" → "Veliko Tarnovo". Text in other scripts is
left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .languages import LANGUAGES, NON_LATIN_SCRIPTS

LATIN_SCRIPT_LANGUAGES: Final = frozenset(LANGUAGES) - set(NON_LATIN_SCRIPTS)

_LETTERS: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}
# The Act's one rule beyond single letters: "ия" ending a word is "ia" ("София" → "Sofia").
_WORD_FINAL_IA: Final = re.compile(r"ия\b", re.IGNORECASE)
_BULGARIAN_LETTERS: Final = re.compile(f"[{''.join(_LETTERS)}{''.join(_LETTERS).upper()}]+")


def _letter(letter: str) -> str:
    latin = _LETTERS[letter.lower()]
    return latin.capitalize() if letter.isupper() else latin


def _word(match: re.Match[str]) -> str:
    text = match.group(0)
    if len(text) > 1 and text.isupper():  # an abbreviation: "ЕООД" → "EOOD"
        return "".join(_LETTERS[letter.lower()] for letter in text).upper()
    return "".join(_letter(letter) for letter in text)


def _final_ia(match: re.Match[str]) -> str:
    text = match.group(0)
    return "IA" if text.isupper() else "Ia" if text[0].isupper() else "ia"


@lru_cache(maxsize=4096)  # a few hundred distinct cities among thousands of suppliers
def in_latin_letters(text: str) -> str:
    """``text`` with its Bulgarian Cyrillic written in Latin letters."""
    return _BULGARIAN_LETTERS.sub(_word, _WORD_FINAL_IA.sub(_final_ia, text))


def text_language(text: str) -> str | None:
    """"bg" for a text in Bulgarian Cyrillic (a name data/ keeps as its country writes it), else None:
    marked with its language, a screen reader reads "Община Зеленица" with a Bulgarian voice on the
    pages of every language (WCAG 2.1, 3.1.2)."""
    return "bg" if _BULGARIAN_LETTERS.search(text) else None


def for_language(text: str, language: str) -> str:
    """``text`` as a page in ``language`` shows it."""
    return in_latin_letters(text) if language in LATIN_SCRIPT_LANGUAGES else text
