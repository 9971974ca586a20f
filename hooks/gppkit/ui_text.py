"""Interface strings (data/ui/*.yml, one file per concern): every key in every language, checked once."""

from collections.abc import Mapping
from pathlib import Path

from .languages import LANGUAGES
from .problems import DataError, Problem, describe
from .yamlio import line_of, load_yaml_file

UiText = dict[str, dict[str, str]]


def load_ui_text(path: Path, file_label: str) -> UiText:
    """Read one interface-strings file; raise DataError listing every key that lacks a language or is not text."""
    data = load_yaml_file(path, file_label)
    if not isinstance(data, Mapping):
        raise DataError([Problem(file_label, 1, None, None, describe(data), "a mapping of string keys")])
    problems: list[Problem] = []
    strings: UiText = {}
    for key, translations in data.items():
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
                            describe(text), "a non-empty text in that language")
                )
        unknown = sorted(set(translations) - set(LANGUAGES), key=str)
        for language in unknown:
            problems.append(
                Problem(file_label, line_of(data, (key, language)), None, f"{key}.{language}",
                        f"the language {describe(language)}", f"one of {', '.join(LANGUAGES)}")
            )
        strings[str(key)] = {language: str(translations.get(language, "")) for language in LANGUAGES}
    if problems:
        raise DataError(problems)
    return strings


def load_ui_folder(folder: Path, label_prefix: str = "data/ui") -> UiText:
    """Read every ``*.yml`` in ``folder``; a key defined in two files is a problem too."""
    strings: UiText = {}
    origin: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")):
        label = f"{label_prefix}/{path.name}"
        try:
            file_strings = load_ui_text(path, label)
        except DataError as error:
            problems.extend(error.problems)
            continue
        for key, translations in file_strings.items():
            if key in origin:
                problems.append(Problem(label, None, None, key, f"a key already defined in {origin[key]}",
                                        "each interface string key in one file only"))
            origin[key] = label
            strings[key] = translations
    if problems:
        raise DataError(problems)
    return strings


def ui_for_language(strings: UiText, language: str) -> dict[str, str]:
    return {key: translations[language] for key, translations in strings.items()}
