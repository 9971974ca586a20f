"""Load data/councils.yml, data/suppliers.yml and data/labels.yml: parsed strictly, validated once, cached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .catalogue_model import SCHEMA_MODELS, CatalogueData
from .catalogue_problems import problems_from_errors
from .problems import DataError, Problem
from .yamlio import load_yaml_file

# Field of CatalogueData → file name in the data folder.
CATALOGUE_FILES = {"councils": "councils.yml", "suppliers": "suppliers.yml", "labels": "labels.yml"}


def load_catalogue(data_dir: Path, label_prefix: str = "data") -> CatalogueData:
    """Read and validate the three files; raise DataError with every problem of all of them."""
    loaded: dict[str, tuple[str, Any]] = {}
    problems: list[Problem] = []
    for key, name in CATALOGUE_FILES.items():
        label = f"{label_prefix}/{name}"
        try:
            loaded[key] = (label, load_yaml_file(data_dir / name, label))
        except DataError as error:  # broken YAML or duplicate keys: report, and check the other files
            problems.extend(error.problems)
    try:
        catalogue = CatalogueData.model_validate({key: data for key, (_, data) in loaded.items()}, context={})
    except ValidationError as error:
        problems.extend(problems_from_errors(error, loaded, SCHEMA_MODELS))
    if problems:
        order = [f"{label_prefix}/{name}" for name in CATALOGUE_FILES.values()]
        problems.sort(key=lambda problem: (order.index(problem.file), problem.line or 0))
        raise DataError(problems)
    return catalogue


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


class CatalogueSource:
    """The catalogue of one data folder, read again only when one of its files changed.

    static-i18n builds every language in one process and `mkdocs serve` keeps hook modules
    loaded between rebuilds: one validation per build, and a fresh one after an edit.
    """

    def __init__(self, data_dir: Path, label_prefix: str = "data"):
        self.data_dir = data_dir
        self.label_prefix = label_prefix
        self._stamp: tuple[Any, ...] | None = None
        self._catalogue: CatalogueData | None = None

    def load(self) -> CatalogueData:
        stamp = tuple(_stamp(self.data_dir / name) for name in CATALOGUE_FILES.values())
        if self._catalogue is None or stamp != self._stamp:
            self._catalogue = None  # a failed load must not leave the previous catalogue in place
            self._catalogue = load_catalogue(self.data_dir, self.label_prefix)
            self._stamp = stamp
        return self._catalogue
