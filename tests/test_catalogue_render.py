"""Renderers of the councils and the supplier catalogue: escaping, links, accessibility, markers, open data."""

from __future__ import annotations

import csv
import io
import json

import markdown
import pytest
from bs4 import BeautifulSoup

from catalogue_samples import labels_data, sample_labels
from conftest import LANGUAGES, PROJECT_ROOT
from gppkit.catalogue_export import (
    SUPPLIER_COLUMNS, SupplierExport, councils_csv, open_data_files, spreadsheet_text,
)
from gppkit.catalogue_html import Downloads, Labels, SupplierRows, render_council, render_supplier_catalogue
from gppkit.catalogue_markers import MarkerError, replace_markers
from gppkit.catalogue_model import Council, LabelsFile, Supplier
from gppkit.safe_html import escape_text, external_link
from gppkit.ui_text import load_ui_text, ui_for_language

NASTY = 'A <script>alert("x")</script> | B & C\n\nD \'q\''
UI = load_ui_text(PROJECT_ROOT / "data" / "ui" / "catalogue.yml", "data/ui/catalogue.yml")
DOWNLOADS = Downloads("../catalogue/suppliers.csv", "../catalogue/suppliers.json", "../catalogue/councils.csv")


def supplier(**changes: object) -> Supplier:
    record = {
        "id": "pl-nasty", "name": NASTY, "country": "PL", "city": NASTY,
        "product_groups": ["paper", "imaging"], "criteria": ["fsc"],
        "example": {language: f"{NASTY} [{language}]" for language in LANGUAGES},
        "website": 'https://nasty.example/?a=1&b="2"', "contact": "mailto:sales@nasty.example?subject=GPP",
    }
    return Supplier.model_validate({**record, **changes})


def council() -> Council:
    return Council.model_validate({
        "country": "LV", "kind": "working_group", "meets": "monthly",
        "name": {language: f"{NASTY} [{language}]" for language in LANGUAGES},
        "support_unit": {"name": NASTY, "website": "https://unit.example"},
        "members": [{"organisation": NASTY, "type": "ngo", "city": "Rīga", "website": "https://ngo.example"}],
    })


def nasty_labels() -> LabelsFile:  # type: ignore[valid-type]
    data = labels_data()
    data["countries"]["PL"]["pl"] = NASTY
    data["member_types"]["ngo"]["pl"] = NASTY
    return LabelsFile.model_validate(data)


def html(fragment: str) -> BeautifulSoup:
    return BeautifulSoup(fragment, "html.parser")


def catalogue(suppliers: list[Supplier], language: str, labels: LabelsFile | None = None) -> str:  # type: ignore[valid-type]
    labels = labels if labels is not None else sample_labels()
    return render_supplier_catalogue(SupplierRows(suppliers), Labels(labels, language), ui_for_language(UI, language),
                                     DOWNLOADS)


def test_escape_text_makes_any_value_inert():
    escaped = escape_text(NASTY)
    assert "<" not in escaped and '"' not in escaped and "'" not in escaped and "|" not in escaped
    assert "\n" not in escaped and "&amp;" in escaped and "&#124;" in escaped
    assert html(f'<p title="{escaped}">{escaped}</p>').p.get_text() == NASTY
    assert html(f'<p title="{escaped}">{escaped}</p>').p["title"] == NASTY


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "JaVaScRiPt:x", "//evil.example", "ftp://x.example"])
def test_unsafe_links_become_plain_text(url: str):
    assert external_link(url, "Name <b>") == "Name &lt;b&gt;"


def test_external_links_have_visible_text_and_noopener():
    link = html(external_link('https://a.example/?q="1"&r=2', "Ekoprint | Plovdiv")).a
    assert link["href"] == 'https://a.example/?q="1"&r=2' and link["rel"] == ["noopener"]
    assert link.get_text() == "Ekoprint | Plovdiv"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_cells_keep_every_value_as_text(language: str):
    fragment = catalogue([supplier()], language, nasty_labels())
    page = html(fragment)
    assert page.find("script") is None and "\n\n" not in fragment
    cells = [cell.get_text() for cell in page.select("tbody td")]
    country = NASTY if language == "pl" else f"countries/PL [{language}]"
    assert cells[:3] == [NASTY, country, NASTY]
    assert cells[5] == f"{NASTY} [{language}]"
    assert cells[6] == "sales@nasty.example"
    assert page.select_one("tbody a")["href"] == 'https://nasty.example/?a=1&b="2"'


def test_unsafe_link_that_bypassed_validation_is_not_linked():
    unchecked = supplier().model_copy(update={"website": "javascript:alert(1)", "contact": "javascript:x"})
    page = html(catalogue([unchecked], "en"))
    assert page.select("tbody a") == [] and page.select_one("tbody td").get_text() == NASTY


def test_catalogue_structure_is_accessible_and_works_without_javascript():
    ui = ui_for_language(UI, "fi")
    page = html(catalogue([supplier(), supplier(id="pl-other")], "fi"))
    region = page.select_one(".gpp-table-scroll")
    assert region["tabindex"] == "0" and region["role"] == "region" and region["aria-label"] == ui["catalogue_caption"]
    assert page.select_one("table caption").get_text() == ui["catalogue_caption"]
    assert [th["scope"] for th in page.select("thead th")] == ["col"] * 7
    assert len(page.select("thead th[data-sortable]")) == 3
    assert page.select_one("fieldset.gpp-catalogue__filters").has_attr("hidden")
    for select in page.select("select"):
        assert page.select_one(f'label[for="{select["id"]}"]').get_text()
    count = page.select_one(".gpp-catalogue__count")
    assert count["aria-live"] == "polite" and count.get_text() == "Toimittajia näkyvissä: 2 (yhteensä 2)"
    assert page.select_one(".gpp-catalogue")["data-count-template"] == ui["catalogue_count"]
    assert page.select_one(".gpp-notice").get_text() == ui["catalogue_notice"]
    assert [a["href"] for a in page.select(".gpp-downloads a")] == [DOWNLOADS.suppliers_csv, DOWNLOADS.suppliers_json]


def test_filter_options_list_only_codes_in_use_with_translated_labels():
    page = html(catalogue([supplier()], "lv"))
    options = {select["data-filter"]: [(o["value"], o.get_text()) for o in select.select("option")[1:]]
               for select in page.select("select")}
    assert options["country"] == [("PL", "countries/PL [lv]")]
    assert options["product-groups"] == [("imaging", "product_groups/imaging [lv]"), ("paper", "product_groups/paper [lv]")]
    row = page.select_one("tbody tr")
    assert (row["data-country"], row["data-product-groups"], row["data-criteria"]) == ("PL", "paper imaging", "fsc")


@pytest.mark.parametrize("language", LANGUAGES)
def test_council_shows_name_kind_unit_meetings_and_members(language: str):
    ui = ui_for_language(UI, language)
    page = html(render_council(council(), Labels(nasty_labels(), language), ui, DOWNLOADS))
    assert page.find("script") is None
    assert page.select_one(".gpp-council__name").get_text() == f"{NASTY} [{language}]"
    facts = [(dt.get_text(), dd.get_text()) for dt, dd in zip(page.select("dt"), page.select("dd"))]
    assert facts == [(ui["councils_kind"], f"council_kinds/working_group [{language}]"),
                     (ui["councils_support_unit"], NASTY),
                     (ui["councils_meets"], f"meeting_frequencies/monthly [{language}]")]
    assert page.select_one("dd a")["href"] == "https://unit.example"
    member_type = NASTY if language == "pl" else f"member_types/ngo [{language}]"
    assert [td.get_text() for td in page.select("tbody td")] == [NASTY, member_type, "Rīga"]
    caption = ui["councils_members_caption"].replace("{body}", f"{NASTY} [{language}]")
    assert page.select_one("caption").get_text() == caption
    assert ui["councils_notice"] in page.select_one(".gpp-notice").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bulgarian_city_is_in_latin_letters_on_latin_script_pages(language: str):
    sofia = supplier(id="bg-sofia", country="BG", city="София", name="Зелена <трапеза> ЕООД")
    krakow = supplier(id="pl-krakow", city="Kraków")
    rows = html(catalogue([sofia, krakow], language)).select("tbody tr")
    cities = [row.find_all("td")[2].get_text() for row in rows]
    assert cities == (["София", "Kraków"] if language == "bg" else ["Sofia", "Kraków"])
    assert rows[0].find("td").get_text() == "Зелена <трапеза> ЕООД"  # a name is the supplier's own
    member = council().model_copy(update={"members": [
        council().members[0].model_copy(update={"city": "Пловдив"})]})
    cells = html(render_council(member, Labels(nasty_labels(), language), ui_for_language(UI, language), DOWNLOADS))
    assert cells.select("tbody td")[2].get_text() == ("Пловдив" if language == "bg" else "Plovdiv")


def test_markers_become_raw_html_blocks_that_markdown_keeps_intact():
    ui, labels = ui_for_language(UI, "bg"), Labels(nasty_labels(), "bg")
    blocks = {("councils", "LV"): render_council(council(), labels, ui, DOWNLOADS),
              ("catalogue", "suppliers"): render_supplier_catalogue(SupplierRows([supplier()]), labels, ui, DOWNLOADS)}
    source = "Intro\n<!-- councils: LV -->\nMiddle | not a table\n\n<!--catalogue:suppliers-->\nOutro"
    result = replace_markers(source, lambda kind, argument: blocks.get((kind, argument)), [])
    page = html(markdown.markdown(result, extensions=["attr_list", "admonition", "toc"]))
    assert len(page.select("table.gpp-table")) == 2 and page.find("script") is None
    assert [td.get_text() for td in page.select(".gpp-catalogue tbody td")][:3] == [NASTY, "countries/PL [bg]", NASTY]
    assert [p.get_text() for p in page.find_all("p", recursive=False)] == ["Intro", "Middle | not a table", "Outro"]


def test_unknown_markers_are_all_reported_with_their_line_in_the_file():
    body = "# Title\n\n<!-- councils: XX -->\n\n<!-- councils: BG -->\n\n<!-- catalogue: foo -->\n"
    source = "---\ndescription: A page\n---\n\n" + body  # MkDocs gives hooks the body only
    with pytest.raises(MarkerError) as caught:
        replace_markers(body, lambda kind, argument: "<div></div>" if argument == "BG" else None,
                        ["<!-- councils: BG -->", "<!-- catalogue: suppliers -->"], source=source)
    message = str(caught.value)
    assert "line 7: received the marker '<!-- councils: XX -->'" in message
    assert "line 11: received the marker '<!-- catalogue: foo -->'" in message
    assert message.endswith("expected one of: <!-- councils: BG -->, <!-- catalogue: suppliers -->")


def test_open_data_is_deterministic_parseable_and_labelled():
    labels = Labels(nasty_labels(), "pl")
    suppliers = [supplier(), supplier(id="pl-second", contact=None)]
    files = open_data_files([council()], SupplierExport(suppliers), labels, "notice")
    assert files == open_data_files([council()], SupplierExport(suppliers), labels, "notice")
    assert all(b"\r" not in content for content in files.values())
    rows = list(csv.DictReader(io.StringIO(files["suppliers.csv"].decode("utf-8-sig"))))
    assert tuple(rows[0]) == SUPPLIER_COLUMNS
    assert (rows[0]["name"], rows[0]["country"], rows[0]["country_code"]) == (NASTY, NASTY, "PL")
    assert rows[0]["product_group_codes"] == "paper; imaging" and rows[1]["contact"] == ""
    document = json.loads(files["suppliers.json"])
    assert document["language"] == "pl" and [s["id"] for s in document["suppliers"]] == ["pl-nasty", "pl-second"]
    assert document["suppliers"][0]["criteria"] == [{"code": "fsc", "label": "criteria/fsc [pl]"}]
    canonical = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert files["suppliers.json"].decode("utf-8") == canonical
    members = list(csv.DictReader(io.StringIO(councils_csv([council()], labels).decode("utf-8-sig"))))
    assert [(m["organisation"], m["type_code"], m["type"]) for m in members] == [(NASTY, "ngo", NASTY)]
    assert SupplierExport(suppliers).csv(labels) == files["suppliers.csv"]  # prepared afresh: the same bytes
    assert SupplierExport(suppliers).json(labels, "notice") == files["suppliers.json"]


def dict_writer_csv(suppliers: list[Supplier], labels: Labels) -> bytes:
    """The suppliers' CSV written the plain way, row by row with csv.DictWriter: the reference."""
    def joined(section: str, codes: list[str]) -> str:
        return "; ".join(labels(section, code) for code in codes)

    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=SUPPLIER_COLUMNS, lineterminator="\n")
    buffer.write("\ufeff")  # the byte-order mark Excel needs to read UTF-8
    writer.writeheader()
    for s in suppliers:
        row = {"id": s.id, "name": s.name, "country_code": s.country, "country": labels("countries", s.country),
               "city": s.city, "product_group_codes": "; ".join(s.product_groups),
               "product_groups": joined("product_groups", s.product_groups), "criteria_codes": "; ".join(s.criteria),
               "criteria": joined("criteria", s.criteria), "example": s.example.in_language(labels.language),
               "website": s.website, "contact": s.contact or ""}
        writer.writerow({column: spreadsheet_text(value) for column, value in row.items()})
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("language", ["pl", "bg"])
def test_prepared_open_data_is_byte_for_byte_the_plain_writers(language: str):
    # Commas, quotes, line breaks, a formula start, Cyrillic, no contact, an example that is one quote.
    suppliers = [supplier(), supplier(id="pl-second", name="Zielony, \"Eko\" Sp. z o.o.", city="=Łódź",
                                      contact=None, example={lang: '"' for lang in LANGUAGES}),
                 supplier(id="pl-third", name="Зелен\r\nдом", city="-", criteria=["fsc", "eu_ecolabel"])]
    labels = Labels(nasty_labels(), language)
    export = SupplierExport(suppliers)
    assert export.csv(labels) == dict_writer_csv(suppliers, labels)
    document = json.loads(export.json(labels, 'a "notice"'))
    assert export.json(labels, 'a "notice"').decode("utf-8") == json.dumps(
        document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert SupplierExport([]).json(labels, "n") == b'{\n  "language": "%s",\n  "notice": "n",\n  "suppliers": []\n}\n' % (
        language.encode())
    assert SupplierExport([]).csv(labels) == dict_writer_csv([], labels)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])  # the model strips a leading tab
def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(start: str):
    formula = f'{start}HYPERLINK("https://evil.example","x")'
    labels = Labels(nasty_labels(), "en")
    risky = supplier(name=formula, city=formula, example={language: formula for language in LANGUAGES})
    row = next(csv.DictReader(io.StringIO(SupplierExport([risky]).csv(labels).decode("utf-8-sig"))))
    assert row["name"] == row["city"] == row["example"] == "'" + formula
    assert row["website"] == risky.website  # other cells unchanged
    assert json.loads(SupplierExport([risky]).json(labels, "notice"))["suppliers"][0]["name"] == formula  # JSON is data
