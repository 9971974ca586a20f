"""Councils and the supplier catalogue as HTML tables in one language.

Each function returns one top-level ``<div>`` without blank lines, ready to sit in Markdown as a
raw HTML block. Every value from data/ goes through ``escape_text``; links only through
``external_link`` (http, https and mailto only). Interface strings come from data/ui/catalogue.yml.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from .catalogue_model import Council, LabelsBase, Supplier
from .latin_letters import LATIN_SCRIPT_LANGUAGES, for_language, in_latin_letters, text_language
from .safe_html import contact_text, definition_item, escape_text as e, external_link
from .search import SEARCH_IGNORED
from .vocabularies import COUNTRIES, CRITERIA, PRODUCT_GROUPS

COUNCIL_UI_KEYS = (
    "councils_kind", "councils_support_unit", "councils_meets", "councils_members_caption",
    "councils_col_organisation", "councils_col_type", "councils_col_city", "councils_notice",
    "councils_download_csv",
)
CATALOGUE_UI_KEYS = (
    "catalogue_caption", "catalogue_col_name", "catalogue_col_country", "catalogue_col_city",
    "catalogue_col_product_groups", "catalogue_col_criteria", "catalogue_col_example", "catalogue_col_contact",
    "catalogue_filters_legend", "catalogue_filter_country", "catalogue_filter_product_group",
    "catalogue_filter_criterion", "catalogue_all_countries", "catalogue_all_product_groups",
    "catalogue_all_criteria", "catalogue_clear_filters", "catalogue_count", "catalogue_none_match",
    "catalogue_notice", "catalogue_downloads_intro",
    "catalogue_download_csv", "catalogue_download_json",
)


class Labels:
    """Vocabulary labels in one language (``labels.label`` of the validated data/labels.yml)."""

    def __init__(self, labels_file: LabelsBase, language: str):
        self._labels = labels_file
        self.language = language
        self._known: dict[tuple[str, str], str] = {}  # asked 25 000 times for 5000 suppliers

    def __call__(self, section: str, code: str) -> str:
        key = (section, code)
        if key not in self._known:
            self._known[key] = self._labels.label(section, code, self.language)
        return self._known[key]


@dataclass(frozen=True)
class Downloads:
    """Page-relative links to the open-data files of the page's language."""

    suppliers_csv: str
    suppliers_json: str
    councils_csv: str


def _table(caption: str, headers: Sequence[tuple[str, bool]], rows: Iterable[str]) -> str:
    """A captioned table in a keyboard-scrollable region; ``headers`` are (label, sortable)."""
    # Line breaks between cells and options: site search reads text with nothing between as one word.
    header_cells = "\n".join(
        f'<th scope="col"{" data-sortable" if sortable else ""}>{e(label)}</th>' for label, sortable in headers
    )
    return "\n".join([
        f'<div class="gpp-table-scroll" tabindex="0" role="region" aria-label="{e(caption)}">',
        f'<table class="gpp-table">\n<caption>{e(caption)}</caption>',
        f"<thead><tr>{header_cells}</tr></thead>\n<tbody>",
        *rows,
        "</tbody>\n</table>\n</div>",
    ])


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    """A definition list; values are HTML already."""
    items = "".join(definition_item(e(term), value) for term, value in pairs)
    return f'<dl class="gpp-council__facts">{items}</dl>'


def render_council(council: Council, labels: Labels, ui: Mapping[str, str], downloads: Downloads) -> str:
    """One council or working group: name, kind, support unit, meetings, members table, notice."""
    name = council.name.in_language(labels.language)
    facts = _facts([
        (ui["councils_kind"], e(labels("council_kinds", council.kind))),
        (ui["councils_support_unit"], external_link(council.support_unit.website, council.support_unit.name,
                                                    text_language(council.support_unit.name))),
        (ui["councils_meets"], e(labels("meeting_frequencies", council.meets))),
    ])
    rows = [
        f"<tr><td>{external_link(member.website, member.organisation, text_language(member.organisation))}</td>"
        f"<td>{e(labels('member_types', member.type))}</td><td>{e(for_language(member.city, labels.language))}</td></tr>"
        for member in council.members
    ]
    headers = [(ui[key], False) for key in ("councils_col_organisation", "councils_col_type", "councils_col_city")]
    return "\n".join([
        f'<div class="gpp-council" data-country="{e(council.country)}">',
        f'<p class="gpp-council__name"><strong>{e(name)}</strong></p>',
        facts,
        _table(ui["councils_members_caption"].replace("{body}", name), headers, rows),
        f'<p class="gpp-notice">{e(ui["councils_notice"])} '
        f'<a href="{e(downloads.councils_csv)}" download>{e(ui["councils_download_csv"])}</a></p>',
        "</div>",
    ])


def _code_list(section: str, codes: Sequence[str], labels: Labels) -> str:
    return '<ul class="gpp-cell-list">' + "".join(f"<li>{e(labels(section, code))}</li>" for code in codes) + "</ul>"


class SupplierRows:
    """The catalogue table's rows, what does not depend on the language prepared once for all languages.

    A row is the same in every language but for the country's label, the lists of labels and
    the example (and a Bulgarian city, in Latin letters on the Latin-script languages' pages):
    prepared once, the rest of 5000 rows took 0.13 s per language to write.

    Site search finds a supplier by name, country or city. The labels of its product groups and
    criteria are on the page once, in the filters; those cells, its example and its contact carry
    SEARCH_IGNORED: with 5000 suppliers they were most of the words Pagefind indexed in the whole
    site (+1.7 s build), for results that all point to this page.
    """

    def __init__(self, suppliers: Sequence[Supplier]):
        self.suppliers = suppliers
        self._parts = [self._language_free_parts(supplier) for supplier in suppliers]

    @staticmethod
    def _language_free_parts(supplier: Supplier) -> tuple[str, str, str, str]:
        """The row before the country's label, after it (the city as written, and in Latin letters), its end."""
        contact = external_link(supplier.contact, contact_text(supplier.contact)) if supplier.contact else ""
        # Space-separated codes: what catalogue.js filters on.
        groups, criteria = " ".join(supplier.product_groups), " ".join(supplier.criteria)
        start = (f'<tr id="supplier-{e(supplier.id)}" data-country="{e(supplier.country)}"'
                 f' data-product-groups="{e(groups)}" data-criteria="{e(criteria)}">'
                 f"<td>{external_link(supplier.website, supplier.name, text_language(supplier.name))}</td><td>")
        def city_cell(city: str) -> str:
            return f"</td><td>{e(city)}</td><td{SEARCH_IGNORED}>"

        own, latin_city = city_cell(supplier.city), in_latin_letters(supplier.city)
        latin = own if latin_city == supplier.city else city_cell(latin_city)
        return start, own, latin, f"</td><td{SEARCH_IGNORED}>{contact}</td></tr>"

    def rows(self, labels: Labels) -> Iterator[str]:
        # Thousands of suppliers share a few countries and a few hundred combinations of codes.
        code_list = lru_cache(maxsize=None)(partial(_code_list, labels=labels))
        country = lru_cache(maxsize=None)(lambda code: e(labels("countries", code)))
        in_latin = labels.language in LATIN_SCRIPT_LANGUAGES
        for supplier, (start, own_middle, latin_middle, end) in zip(self.suppliers, self._parts):
            middle = latin_middle if in_latin else own_middle
            groups, criteria = code_list("product_groups", tuple(supplier.product_groups)), code_list(
                "criteria", tuple(supplier.criteria))
            example = e(supplier.example.in_language(labels.language))
            yield (f"{start}{country(supplier.country)}{middle}{groups}</td><td{SEARCH_IGNORED}>{criteria}"
                   f"</td><td{SEARCH_IGNORED}>{example}{end}")


def _filter(name: str, label: str, all_label: str, options: Iterable[tuple[str, str]]) -> str:
    """One labelled <select>; ``name`` is the row's data attribute it filters on."""
    choices = "".join(f'\n<option value="{e(code)}">{e(text)}</option>' for code, text in options)
    return (
        f'<div class="gpp-catalogue__filter"><label for="gpp-filter-{name}">{e(label)}</label>\n'
        f'<select id="gpp-filter-{name}" data-filter="{name}">'
        f'<option value="">{e(all_label)}</option>{choices}</select></div>'
    )


def _filters(suppliers: Sequence[Supplier], labels: Labels, ui: Mapping[str, str]) -> str:
    """Filters hidden until catalogue.js runs: without JavaScript the full table is the page."""
    countries = [(c, labels("countries", c)) for c in COUNTRIES if any(s.country == c for s in suppliers)]
    groups = [(g, labels("product_groups", g)) for g in PRODUCT_GROUPS if any(g in s.product_groups for s in suppliers)]
    criteria = [(c, labels("criteria", c)) for c in CRITERIA if any(c in s.criteria for s in suppliers)]
    return "".join([
        f'<fieldset class="gpp-catalogue__filters" hidden><legend>{e(ui["catalogue_filters_legend"])}</legend>',
        _filter("country", ui["catalogue_filter_country"], ui["catalogue_all_countries"], countries),
        _filter("product-groups", ui["catalogue_filter_product_group"], ui["catalogue_all_product_groups"], groups),
        _filter("criteria", ui["catalogue_filter_criterion"], ui["catalogue_all_criteria"], criteria),
        f'<button type="button" class="gpp-catalogue__clear">{e(ui["catalogue_clear_filters"])}</button>',
        "</fieldset>",
    ])


def count_text(template: str, shown: int, total: int) -> str:
    return template.replace("{shown}", str(shown)).replace("{total}", str(total))


def render_supplier_catalogue(table: SupplierRows, labels: Labels, ui: Mapping[str, str], downloads: Downloads) -> str:
    """The catalogue: filters, live count, sortable table, notice and open-data links.

    ``table``: the suppliers' rows, prepared once for all the languages they are rendered in.
    """
    suppliers = table.suppliers
    headers = [(ui["catalogue_col_name"], True), (ui["catalogue_col_country"], True), (ui["catalogue_col_city"], True),
               (ui["catalogue_col_product_groups"], False), (ui["catalogue_col_criteria"], False),
               (ui["catalogue_col_example"], False), (ui["catalogue_col_contact"], False)]
    return "\n".join([
        f'<div class="gpp-catalogue" data-count-template="{e(ui["catalogue_count"])}" '
        f'data-none-text="{e(ui["catalogue_none_match"])}">',
        _filters(suppliers, labels, ui),
        f'<p class="gpp-catalogue__count" aria-live="polite" aria-atomic="true">'
        f'{e(count_text(ui["catalogue_count"], len(suppliers), len(suppliers)))}</p>',
        _table(ui["catalogue_caption"], headers, table.rows(labels)),
        f'<p class="gpp-notice">{e(ui["catalogue_notice"])}</p>',
        f'<p class="gpp-downloads">{e(ui["catalogue_downloads_intro"])} '
        f'<a href="{e(downloads.suppliers_csv)}" download>{e(ui["catalogue_download_csv"])}</a> · '
        f'<a href="{e(downloads.suppliers_json)}" download>{e(ui["catalogue_download_json"])}</a></p>',
        "</div>",
    ])
