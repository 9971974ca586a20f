"""Small, valid data/councils.yml, suppliers.yml and labels.yml for unit tests, plus helpers to break them."""

from __future__ import annotations

from pathlib import Path

from gppkit.catalogue_model import LabelsFile
from gppkit.languages import LANGUAGES
from gppkit.vocabularies import LABEL_SECTIONS

COUNCILS_YML = """\
# yaml-language-server: $schema=schema/councils.schema.json
councils:
  - country: BG
    kind: coordination_council
    name: {en: Sample council, bg: Примерен съвет, lv: Parauga padome, fi: Esimerkkineuvosto, pl: Przykładowa rada}
    support_unit:
      name: Примерна енергийна агенция
      website: https://agency.example
    meets: quarterly
    members:
      - organisation: Община Примерово
        type: municipality
        city: Пловдив
        website: https://primerovo.example
      - organisation: Примерна агенция
        type: energy_agency
        city: София
        website: https://agency.example
"""

SUPPLIERS_YML = """\
# yaml-language-server: $schema=schema/suppliers.schema.json
suppliers:
  - id: pl-eko-druk
    name: Eko-Druk Sp. z o.o.
    country: PL
    city: Kraków
    product_groups: [paper, imaging]
    criteria: [eu_ecolabel, fsc]
    example: {en: Paper for a city, bg: Хартия за град, lv: Papīrs pilsētai, fi: Paperia kaupungille, pl: Papier dla miasta}
    website: https://eko-druk.example
    contact: mailto:biuro@eko-druk.example
  - id: fi-puhdas-koti
    name: Puhdas Koti Oy
    country: FI
    city: Tampere
    product_groups: [cleaning]
    criteria: [nordic_swan]
    example: {en: Cleaning for schools, bg: Почистване на училища, lv: Skolu uzkopšana, fi: Koulujen siivous, pl: Sprzątanie szkół}
    website: https://puhdas-koti.example
"""


def label_text(section: str, code: str, language: str) -> str:
    return f"{section}/{code} [{language}]"


def labels_data() -> dict[str, dict[str, dict[str, str]]]:
    return {
        section: {code: {language: label_text(section, code, language) for language in LANGUAGES} for code in codes}
        for section, codes in LABEL_SECTIONS.items()
    }


def labels_yml() -> str:
    lines = ["# yaml-language-server: $schema=schema/labels.schema.json"]
    for section, codes in labels_data().items():
        lines.append(f"{section}:")
        for code, translations in codes.items():
            pairs = ", ".join(f'{language}: "{text}"' for language, text in translations.items())
            lines.append(f"  {code}: {{{pairs}}}")
    return "\n".join(lines) + "\n"


def sample_labels() -> LabelsFile:  # type: ignore[valid-type]
    return LabelsFile.model_validate(labels_data())


def write_samples(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "councils.yml").write_text(COUNCILS_YML, encoding="utf-8")
    (folder / "suppliers.yml").write_text(SUPPLIERS_YML, encoding="utf-8")
    (folder / "labels.yml").write_text(labels_yml(), encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> str:
    """Replace the single occurrence of ``old`` in the file; return the new text."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_with(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line containing ``fragment``."""
    found = [number for number, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert len(found) >= occurrence, f"{fragment!r} found {len(found)} times"
    return found[occurrence - 1]
