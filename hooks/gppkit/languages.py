"""The site's languages: the one list the code and the data models take them from.

A project that publishes in other languages changes this file and the i18n plugin's `languages`
in mkdocs.yml together; the build stops while the two differ (README, "Another project's
languages"). The data models (a text in every language) are made from ``LANGUAGES``.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from babel import localedata

DEFAULT_LANGUAGE: Final = "en"
# In the order the language switcher shows them: mkdocs.yml lists them in this order.
LANGUAGES: Final = ("en", "bg", "lv", "fi", "pl")

# Names in English, used in messages to editors and in the data's JSON Schemas (visitors see the
# names mkdocs.yml gives).
LANGUAGE_NAMES_EN: Final = {
    "en": "English",
    "bg": "Bulgarian",
    "lv": "Latvian",
    "fi": "Finnish",
    "pl": "Polish",
}

# Languages written in another script than Latin, and its name. The other languages' pages show a
# Bulgarian city in Latin letters (gppkit.latin_letters).
NON_LATIN_SCRIPTS: Final = {"bg": "Cyrillic"}


def language_description(language: str) -> str:
    """"Finnish", "Bulgarian (Cyrillic)": a language's text field in the JSON Schemas."""
    name = LANGUAGE_NAMES_EN.get(language, language)  # a name missing here is reported by the build
    script = NON_LATIN_SCRIPTS.get(language)
    return f"{name} ({script})" if script else name


def language_list_problems(configured: Sequence[str], configured_defaults: Sequence[str] | None) -> list[str]:
    """What differs between mkdocs.yml's languages (``configured``, in its order, and those marked
    ``default: true``, None when not known) and this file's, as "received …; expected …"; also this
    file's own gaps."""
    here = "hooks/gppkit/languages.py"
    problems = [f"{here}: received no LANGUAGE_NAMES_EN entry for {language!r}; expected its English name "
                "(editors' messages name the language)" for language in LANGUAGES if language not in LANGUAGE_NAMES_EN]
    if DEFAULT_LANGUAGE not in LANGUAGES:
        problems.append(f"{here}: received DEFAULT_LANGUAGE {DEFAULT_LANGUAGE!r}; expected one of LANGUAGES")
    if tuple(configured) != LANGUAGES:
        problems.append(
            f"plugins.i18n.languages: received the locales {', '.join(configured) or 'none'}; expected "
            f"{', '.join(LANGUAGES)}, the languages of {here} in its order (a language is added or removed "
            "in both: README, \"Another project's languages\")")
    if configured_defaults is not None and list(configured_defaults) != [DEFAULT_LANGUAGE]:
        problems.append(f"plugins.i18n.languages: received {', '.join(configured_defaults) or 'no language'} marked "
                        f"'default: true'; expected {DEFAULT_LANGUAGE} only, the DEFAULT_LANGUAGE of {here}")
    return problems


# What each language's entry in mkdocs.yml words in its language: without it, its pages show the
# default language's (static-i18n falls back silently: a Lithuanian page with an English footer).
TRANSLATED_SETTINGS: Final = ("site_name", "site_description", "copyright")


def translated_settings_problems(settings: Mapping[str, Mapping[str, object]]) -> list[str]:
    """``settings``: language → its mkdocs.yml entry; every language but the default needs its own
    TRANSLATED_SETTINGS."""
    return [f"plugins.i18n.languages, {language}: received no {key}; expected it in {LANGUAGE_NAMES_EN.get(language, language)} "
            f"(without it the pages show the {LANGUAGE_NAMES_EN[DEFAULT_LANGUAGE]} one)"
            for language, entry in settings.items() if language != DEFAULT_LANGUAGE
            for key in TRANSLATED_SETTINGS if not str(entry.get(key) or "").strip()]


def unlisted_language_folders(folder_names: Iterable[str]) -> list[str]:
    """Folders of docs/ named as a language (one Babel knows) that is not one of LANGUAGES: the
    pages of a dropped language, which the build would silently leave out."""
    return sorted(name for name in folder_names if name not in LANGUAGES and localedata.exists(name))
