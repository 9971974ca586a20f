"""The catalogue as open data in one language: CSV and JSON with labels plus the raw codes.

Byte-for-byte reproducible: fixed column order, records in file order, sorted JSON keys,
"\\n" line endings, UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from functools import lru_cache

from .catalogue_html import Labels
from .catalogue_model import Council, Supplier
from .json_text import INDENT, IndentedWriter, json_string

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
LINE_END = "\n"


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection").
# The data comes from many editors and the file from a public site: such a cell gets a leading
# apostrophe, which spreadsheets show as text and do not run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: object) -> object:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


# A byte-order mark opens the CSV files: Excel, which most buyers open them with, reads UTF-8 without
# one as the Windows code page ("ЕкоПринт", "Łotwa" garbled). Other readers skip it (utf-8-sig).
CSV_START = "\ufeff"


def _csv_bytes(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator=LINE_END)
    buffer.write(CSV_START)
    writer.writeheader()
    writer.writerows({column: spreadsheet_text(value) for column, value in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


class _RecordParts:
    """The labelled parts of records in one language, one object per distinct value.

    Thousands of suppliers share a few countries and combinations of product groups and
    criteria; sharing the objects lets IndentedWriter write each combination once.
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


class _CsvCells:
    """Consecutive cells of a CSV row as csv.writer writes them inside a longer row."""

    def __init__(self) -> None:
        self._buffer = io.StringIO(newline="")
        # The rows' line terminator, though not written here: csv quotes a cell holding one of its characters.
        self._writer = csv.writer(self._buffer, lineterminator=LINE_END)

    def __call__(self, *values: str) -> str:
        if values == ("",):  # alone, an empty cell is written as "" (a row must not look empty)
            return ""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow([spreadsheet_text(value) for value in values])
        return self._buffer.getvalue().removesuffix(LINE_END)


# The supplier records of suppliers.json, each at the depth json.dumps(indent=2) gives it in the document.
_FIELD = "\n" + INDENT * 3


def _json_field(key: str) -> str:
    return f",{_FIELD}{json_string(key)}: "


class SupplierExport:
    """The suppliers' open-data files, what does not depend on the language prepared once for all languages.

    A record's text is the same in every language but for the country's label, the lists of
    labels and the example: 5000 records written field by field took 0.2 s per language (CSV and
    JSON); prepared once, a language writes only those parts, the same bytes
    (``json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)`` and csv.DictWriter).
    """

    def __init__(self, suppliers: Sequence[Supplier]):
        self.suppliers = suppliers
        cells = _CsvCells()
        # Keys in sorted order: city, contact, country, criteria, example, id, name, product_groups, website.
        self._json_parts = [(
            f"{{{_FIELD}{json_string('city')}: {json_string(s.city)}{_json_field('contact')}"
            f"{json_string(s.contact) if s.contact is not None else 'null'}{_json_field('country')}",
            f"{_json_field('id')}{json_string(s.id)}{_json_field('name')}{json_string(s.name)}"
            f"{_json_field('product_groups')}",
            f"{_json_field('website')}{json_string(s.website)}\n{INDENT * 2}}}",
        ) for s in suppliers]
        # Columns: id, name, country_code | country | city, product_group_codes | product_groups |
        # criteria_codes | criteria, example | website, contact
        self._csv_parts = [(
            cells(s.id, s.name, s.country) + ",",
            "," + cells(s.city, LIST_SEPARATOR.join(s.product_groups)) + ",",
            "," + cells(LIST_SEPARATOR.join(s.criteria)) + ",",
            "," + cells(s.website, s.contact or "") + LINE_END,
        ) for s in suppliers]

    def csv(self, labels: Labels) -> bytes:
        cells = _CsvCells()

        @lru_cache(maxsize=None)  # suppliers share combinations of codes (the bench's 5000: about 1500 of each list)
        def joined(section: str, codes: tuple[str, ...]) -> str:
            return LIST_SEPARATOR.join(labels(section, code) for code in codes)

        country = lru_cache(maxsize=None)(lambda code: cells(labels("countries", code)))
        groups = lru_cache(maxsize=None)(lambda codes: cells(joined("product_groups", codes)))
        rows = [CSV_START + cells(*SUPPLIER_COLUMNS) + LINE_END]
        for supplier, (start, after_country, after_groups, end) in zip(self.suppliers, self._csv_parts):
            criteria_and_example = cells(joined("criteria", tuple(supplier.criteria)),
                                         supplier.example.in_language(labels.language))
            rows.append(f"{start}{country(supplier.country)}{after_country}{groups(tuple(supplier.product_groups))}"
                        f"{after_groups}{criteria_and_example}{end}")
        return "".join(rows).encode("utf-8")

    def json(self, labels: Labels, notice: str) -> bytes:
        parts, writer = _RecordParts(labels), IndentedWriter(reuse_from_depth=3)
        records = [
            f"{start}{writer.value(parts.code('countries', supplier.country), 3)}"
            f"{_json_field('criteria')}{writer.value(parts.codes('criteria', supplier.criteria), 3)}"
            f"{_json_field('example')}{json_string(supplier.example.in_language(labels.language))}"
            f"{middle}{writer.value(parts.codes('product_groups', supplier.product_groups), 3)}{end}"
            for supplier, (start, middle, end) in zip(self.suppliers, self._json_parts)
        ]
        listed = f"[\n{INDENT * 2}" + f",\n{INDENT * 2}".join(records) + f"\n{INDENT}]" if records else "[]"
        return (f"{{\n{INDENT}{json_string('language')}: {json_string(labels.language)},\n"
                f"{INDENT}{json_string('notice')}: {json_string(notice)},\n"
                f"{INDENT}{json_string('suppliers')}: {listed}\n}}\n").encode("utf-8")


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


def open_data_files(councils: Sequence[Council], suppliers: SupplierExport, labels: Labels,
                    notice: str) -> dict[str, bytes]:
    """File name (inside the language's catalogue/ folder) → bytes."""
    return {
        "suppliers.csv": suppliers.csv(labels),
        "suppliers.json": suppliers.json(labels, notice),
        "councils.csv": councils_csv(councils, labels),
    }
