"""The catalogue as open data in one language: CSV and JSON with labels plus the raw codes.

Byte-for-byte reproducible: fixed column order, records in file order, sorted JSON keys,
"\\n" line endings, UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from .catalogue_html import Labels
from .catalogue_model import Council, Supplier
from .json_text import indented_json

SUPPLIER_COLUMNS = (
    "id", "name", "country_code", "country", "city", "product_group_codes", "product_groups",
    "criteria_codes", "criteria", "example", "website", "contact",
)
COUNCIL_COLUMNS = (
    "country_code", "country", "body", "kind_code", "kind", "support_unit", "support_unit_website",
    "meets_code", "meets", "organisation", "type_code", "type", "city", "website",
)
# Several codes or labels in one CSV cell.
LIST_SEPARATOR = "; "


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection").
# The data comes from many editors and the file from a public site: such a cell gets a leading
# apostrophe, which spreadsheets show as text and do not run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: object) -> object:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _csv_bytes(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: spreadsheet_text(value) for column, value in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


class _RecordParts:
    """The labelled parts of records in one language, one object per distinct value.

    Thousands of suppliers share a few countries and combinations of product groups and
    criteria; sharing the objects lets indented_json write each combination once.
    """

    def __init__(self, labels: Labels):
        self.labels = labels
        self._codes: dict[tuple[str, str], dict[str, str]] = {}
        self._lists: dict[tuple[str, tuple[str, ...]], list[dict[str, str]]] = {}

    def code(self, section: str, code: str) -> dict[str, str]:
        key = (section, code)
        if key not in self._codes:
            self._codes[key] = {"code": code, "label": self.labels(section, code)}
        return self._codes[key]

    def codes(self, section: str, codes: Sequence[str]) -> list[dict[str, str]]:
        key = (section, tuple(codes))
        if key not in self._lists:
            self._lists[key] = [self.code(section, code) for code in codes]
        return self._lists[key]


def supplier_record(supplier: Supplier, labels: Labels, parts: _RecordParts | None = None) -> dict[str, Any]:
    """One supplier for JSON: codes next to their labels in the language."""
    parts = parts or _RecordParts(labels)
    return {
        "id": supplier.id,
        "name": supplier.name,
        "country": parts.code("countries", supplier.country),
        "city": supplier.city,
        "product_groups": parts.codes("product_groups", supplier.product_groups),
        "criteria": parts.codes("criteria", supplier.criteria),
        "example": supplier.example.in_language(labels.language),
        "website": supplier.website,
        "contact": supplier.contact,
    }


def suppliers_json(suppliers: Sequence[Supplier], labels: Labels, notice: str) -> bytes:
    """``json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)``, written faster."""
    parts = _RecordParts(labels)
    document = {
        "language": labels.language,
        "notice": notice,
        "suppliers": [supplier_record(supplier, labels, parts) for supplier in suppliers],
    }
    return (indented_json(document) + "\n").encode("utf-8")


def _supplier_row(supplier: Supplier, labels: Labels, parts: _RecordParts) -> dict[str, str]:
    record = supplier_record(supplier, labels, parts)
    return {
        "id": supplier.id, "name": supplier.name, "city": supplier.city,
        "country_code": supplier.country, "country": record["country"]["label"],
        "product_group_codes": LIST_SEPARATOR.join(supplier.product_groups),
        "product_groups": LIST_SEPARATOR.join(item["label"] for item in record["product_groups"]),
        "criteria_codes": LIST_SEPARATOR.join(supplier.criteria),
        "criteria": LIST_SEPARATOR.join(item["label"] for item in record["criteria"]),
        "example": record["example"], "website": supplier.website, "contact": supplier.contact or "",
    }


def suppliers_csv(suppliers: Sequence[Supplier], labels: Labels) -> bytes:
    parts = _RecordParts(labels)
    return _csv_bytes(SUPPLIER_COLUMNS, [_supplier_row(supplier, labels, parts) for supplier in suppliers])


def councils_csv(councils: Sequence[Council], labels: Labels) -> bytes:
    """One row per member, with its council's details repeated."""
    rows = []
    for council in councils:
        body = {
            "country_code": council.country, "country": labels("countries", council.country),
            "body": council.name.in_language(labels.language),
            "kind_code": council.kind, "kind": labels("council_kinds", council.kind),
            "support_unit": council.support_unit.name, "support_unit_website": council.support_unit.website,
            "meets_code": council.meets, "meets": labels("meeting_frequencies", council.meets),
        }
        for member in council.members:
            rows.append({**body, "organisation": member.organisation, "type_code": member.type,
                         "type": labels("member_types", member.type), "city": member.city, "website": member.website})
    return _csv_bytes(COUNCIL_COLUMNS, rows)


def open_data_files(councils: Sequence[Council], suppliers: Sequence[Supplier], labels: Labels,
                    notice: str) -> dict[str, bytes]:
    """File name (inside the language's catalogue/ folder) → bytes."""
    return {
        "suppliers.csv": suppliers_csv(suppliers, labels),
        "suppliers.json": suppliers_json(suppliers, labels, notice),
        "councils.csv": councils_csv(councils, labels),
    }
