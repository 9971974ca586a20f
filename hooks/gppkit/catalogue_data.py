"""Load data/councils.yml, data/suppliers.yml and data/labels.yml: parsed strictly, validated once, cached.

data/labels.yml labels every vocabulary of the site: the catalogue's, and also news tags and event
kinds, so news and events read it through ``load_labels`` (or ``CatalogueSource.labels``) too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from .catalogue_model import SCHEMA_MODELS, CatalogueData, LabelsFile
from .file_cache import FileCache
from .languages import LANGUAGE_NAMES_EN
from .model_problems import Location, Wording, expected_field, validate
from .problems import DataError, Problem
from .yamlio import load_yaml_file

# Field of CatalogueData → file name in the data folder.
CATALOGUE_FILES = {"councils": "councils.yml", "suppliers": "suppliers.yml", "labels": "labels.yml"}


def _missing_label(location: Location) -> str:
    """A location in data/labels.yml is (section, code) or (section, code, language)."""
    if len(location) == 2:
        return f"a label for '{location[1]}' in each of {', '.join(LANGUAGE_NAMES_EN)}"
    if len(location) == 3 and location[2] in LANGUAGE_NAMES_EN:
        return f"the {LANGUAGE_NAMES_EN[location[2]]} label of '{location[1]}'"
    return expected_field(location)


_WORDINGS = {"labels": Wording(missing=_missing_label)}


def _load_file(data_dir: Path, key: str, label_prefix: str) -> Any:
    """One file of the data folder, validated with its model (``key`` is its CatalogueData field)."""
    label = f"{label_prefix}/{CATALOGUE_FILES[key]}"
    data = load_yaml_file(data_dir / CATALOGUE_FILES[key], label)
    return validate(SCHEMA_MODELS[key], data, label, _WORDINGS.get(key, Wording()))


def load_labels(data_dir: Path, label_prefix: str = "data") -> LabelsFile:  # type: ignore[valid-type]
    """data/labels.yml, validated; DataError with every problem of the file."""
    return _load_file(data_dir, "labels", label_prefix)


def load_catalogue(data_dir: Path, label_prefix: str = "data",
                   labels: Callable[[], LabelsFile] | None = None) -> CatalogueData:  # type: ignore[valid-type]
    """Read and validate the three files; raise DataError with every problem of all of them.

    ``labels`` gives data/labels.yml when the caller already holds it (a cache shared with news and events).
    """
    loaders: dict[str, Callable[[], Any]] = {
        "councils": partial(_load_file, data_dir, "councils", label_prefix),
        "suppliers": partial(_load_file, data_dir, "suppliers", label_prefix),
        "labels": labels or partial(load_labels, data_dir, label_prefix),
    }
    files: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, load in loaders.items():
        try:
            files[key] = load()
        except DataError as error:  # report, and check the other files too
            problems.extend(error.problems)
    if problems:
        order = [f"{label_prefix}/{name}" for name in CATALOGUE_FILES.values()]
        problems.sort(key=lambda problem: (order.index(problem.file), problem.line or 0))
        raise DataError(problems)
    return CatalogueData(**files)


class CatalogueSource:
    """The validated files of one data folder, each read again only when its content changed.

    static-i18n builds every language in one process and `mkdocs serve` keeps hook modules
    loaded between rebuilds: one validation per build, and a fresh one after an edit. Give the
    site's ``cache`` so that labels loaded for the catalogue also serve news and events.
    """

    def __init__(self, data_dir: Path, label_prefix: str = "data", cache: FileCache | None = None):
        self.data_dir = data_dir
        self.label_prefix = label_prefix
        self._cache = cache if cache is not None else FileCache()

    def labels(self) -> LabelsFile:  # type: ignore[valid-type]
        path = self.data_dir / CATALOGUE_FILES["labels"]
        return self._cache.get(("labels", path, self.label_prefix), [path],
                               lambda: load_labels(self.data_dir, self.label_prefix))

    def paths(self) -> list[Path]:
        return [self.data_dir / name for name in CATALOGUE_FILES.values()]

    def read(self) -> CatalogueData:
        """The three files read and validated now (data/labels.yml from the cache, if unchanged)."""
        return load_catalogue(self.data_dir, self.label_prefix, self.labels)

    def load(self) -> CatalogueData:
        return self._cache.get(("catalogue", self.data_dir, self.label_prefix), self.paths(), self.read)
