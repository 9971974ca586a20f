"""Labels of one vocabulary section of data/labels.yml (such as ``tags``), in every language.

Read only when a page needs them, so a missing or broken file stops the build with a message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .languages import LANGUAGES
from .problems import DataError, Problem, describe
from .yamlio import line_of, load_yaml_file

Labels = dict[str, dict[str, str]]


def load_section_labels(path: Path, section: str, codes: Iterable[str], file_label: str = "data/labels.yml") -> Labels:
    """``{code: {language: label}}`` for every code; DataError listing each missing code or language."""
    return section_labels(load_yaml_file(path, file_label), section, codes, file_label)


def section_labels(data: Any, section: str, codes: Iterable[str], file_label: str = "data/labels.yml") -> Labels:
    """The same from the file's content as loaded by gppkit.yamlio (line numbers kept)."""
    entries = data.get(section) if isinstance(data, Mapping) else None
    if not isinstance(entries, Mapping):
        raise DataError([Problem(file_label, line_of(data, (section,)), None, section, describe(entries),
                                 f"a '{section}:' section mapping each code to its label in {', '.join(LANGUAGES)}")])
    problems: list[Problem] = []
    labels: Labels = {}
    for code in codes:
        translations = entries.get(code)
        for language in LANGUAGES:
            text = translations.get(language) if isinstance(translations, Mapping) else None
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(file_label, line_of(data, (section, code, language)), None,
                                        f"{section}.{code}.{language}", describe(text), "a non-empty label in that language"))
        if isinstance(translations, Mapping):
            labels[code] = {language: str(translations.get(language, "")) for language in LANGUAGES}
    if problems:
        raise DataError(problems)
    return labels
