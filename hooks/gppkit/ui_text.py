"""Interface strings (data/ui/*.yml, one file per concern): every key in every language, checked once.

The site prints exactly the keys of ``UI_KEYS`` (hooks/ and overrides/ ask for them; a test
checks both ways): a key missing from data/ui would stop the build in the middle of a page, and
a key the site does not use is a misspelling or a leftover, either way text an editor expects to
see and never will. "theme.<key>" rewords one of Material's own strings. Placeholders such as
``{total}`` or ``[COUNT]`` must be those of the English text in every language.
"""

import re
from collections.abc import Collection, Mapping
from difflib import get_close_matches
from pathlib import Path
from typing import Final

from .catalogue_html import CATALOGUE_UI_KEYS, COUNCIL_UI_KEYS
from .languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES_EN, LANGUAGES
from .problems import DataError, Problem, describe
from .search import PAGEFIND_UI_KEYS
from .yamlio import line_of, load_yaml_file

UiText = dict[str, dict[str, str]]

UI_KEYS: Final = frozenset({
    # site.yml: layout, footer, 404, the offer of another language
    "not_found_title", "not_found_text", "home_link", "footer_accessibility", "footer_privacy",
    "language_offer", "language_offer_close",
    # events.yml
    "events_kind", "events_when", "events_where", "events_online", "events_registration", "events_register",
    "events_deadline", "events_registration_closed", "events_add_to_calendar", "events_subscribe", "events_calendar_address",
    "events_none_upcoming", "events_none_past", "events_calendar_name", "events_calendar_description",
    "events_sample_notice", "events_sample_label",
    # news.yml
    "news_all", "news_atom", "news_feed_description", "news_feed_title", "news_none", "news_rss", "news_subscribe",
    "news_tag_description", "news_tag_title", "news_tags",
    # search.yml
    "search_button", "search_label", "search_needs_javascript", "search_placeholder",
    # translation.yml
    "untranslated_notice",
    # catalogue.yml and search.yml: as the modules that print them list them
}) | frozenset(COUNCIL_UI_KEYS) | frozenset(CATALOGUE_UI_KEYS) | frozenset(f"pagefind_{key}" for key in PAGEFIND_UI_KEYS)
THEME_PREFIX: Final = "theme."
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|\[[A-Z_]+\]")


def _unknown_key(key: str, line: int | None, file_label: str, theme_keys: Collection[str] | None) -> Problem | None:
    if key in UI_KEYS:
        return None
    if key.startswith(THEME_PREFIX):
        if theme_keys is None or key.removeprefix(THEME_PREFIX) in theme_keys:
            return None
        close = get_close_matches(key.removeprefix(THEME_PREFIX), theme_keys, n=1)
        return Problem(file_label, line, None, key, "a key Material does not have"
                       + (f" (did you mean 'theme.{close[0]}'?)" if close else ""),
                       "theme.<key> with one of the keys of Material's partials/languages/en.html")
    close = get_close_matches(key, UI_KEYS, n=1)
    return Problem(file_label, line, None, key, "a key the site does not use" + (f" (did you mean '{close[0]}'?)" if close else ""),
                   "one of the keys the templates and hooks print (hooks/gppkit/ui_text.py lists them)")


def _placeholder_problems(data: Mapping, key: str, texts: Mapping[str, str], file_label: str) -> list[Problem]:
    """Each language has the English text's placeholders, and no brace outside one."""
    english = sorted(set(_PLACEHOLDER.findall(texts.get(DEFAULT_LANGUAGE, ""))))
    problems = []
    for language, text in texts.items():
        if not text.strip():
            continue  # reported as missing
        found = sorted(set(_PLACEHOLDER.findall(text)))
        stray = any(brace in _PLACEHOLDER.sub("", text) for brace in "{}")
        if found != english or stray:
            problems.append(Problem(
                file_label, line_of(data, (key, language)), None, f"{key}.{language}",
                f"{'a brace outside a placeholder, and ' if stray else ''}the placeholders {', '.join(found) or 'none'}",
                f"the placeholders of the English text: {', '.join(english) or 'none'} (the site fills them in)"))
    return problems


def load_ui_text(path: Path, file_label: str, theme_keys: Collection[str] | None = None) -> UiText:
    """Read one interface-strings file; raise DataError listing every key that the site does not use,
    lacks a language, is not text or has other placeholders than the English text."""
    data = load_yaml_file(path, file_label)
    if not isinstance(data, Mapping):
        raise DataError([Problem(file_label, 1, None, None, describe(data), "a mapping of string keys")])
    problems: list[Problem] = []
    strings: UiText = {}
    for key, translations in data.items():
        unknown_key = _unknown_key(str(key), line_of(data, (key,)), file_label, theme_keys)
        if unknown_key is not None:
            problems.append(unknown_key)
            continue
        if not isinstance(translations, Mapping):
            problems.append(
                Problem(file_label, line_of(data, (key,)), None, str(key), describe(translations),
                        f"a mapping with the languages {', '.join(LANGUAGES)}")
            )
            continue
        for language in LANGUAGES:
            text = translations.get(language)
            if not isinstance(text, str) or not text.strip():
                problems.append(
                    Problem(file_label, line_of(data, (key, language)), None, f"{key}.{language}",
                            "nothing" if text is None else describe(text),
                            f"a non-empty text in {LANGUAGE_NAMES_EN.get(language, language)}")
                )
        unknown = sorted(set(translations) - set(LANGUAGES), key=str)
        for language in unknown:
            problems.append(
                Problem(file_label, line_of(data, (key, language)), None, f"{key}.{language}",
                        f"the language {describe(language)}", f"one of {', '.join(LANGUAGES)}")
            )
        strings[str(key)] = {language: str(translations.get(language, "")) for language in LANGUAGES}
        problems.extend(_placeholder_problems(data, key, strings[str(key)], file_label))
    if problems:
        raise DataError(problems)
    return strings


def load_ui_folder(folder: Path, label_prefix: str = "data/ui", theme_keys: Collection[str] | None = None) -> UiText:
    """Read every ``*.yml`` in ``folder``; a key defined in two files, or in none, is a problem too.

    ``theme_keys``: Material's translation keys, which "theme.<key>" may reword (None: any)."""
    strings: UiText = {}
    origin: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")):
        label = f"{label_prefix}/{path.name}"
        try:
            file_strings = load_ui_text(path, label, theme_keys)
        except DataError as error:
            problems.extend(error.problems)
            continue
        for key, translations in file_strings.items():
            if key in origin:
                problems.append(Problem(label, None, None, key, f"a key already defined in {origin[key]}",
                                        "each interface string key in one file only"))
            origin[key] = label
            strings[key] = translations
    if not problems:  # a key in a file that did not load is not missing
        problems.extend(Problem(label_prefix, None, None, key, "no such key in any file",
                                f"every interface string the site prints, in each of {', '.join(LANGUAGES)}")
                        for key in sorted(UI_KEYS - set(strings)))
    if problems:
        raise DataError(problems)
    return strings


def ui_for_language(strings: UiText, language: str) -> dict[str, str]:
    return {key: translations[language] for key, translations in strings.items()}
