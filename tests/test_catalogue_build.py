"""Councils and the supplier catalogue as built: every record in every language, downloads, clean failures."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalogue_samples import edit, line_with
from conftest import LANGUAGES, PROJECT_ROOT, assert_clean_failure, copy_site, language_dir, run_build
from gppkit.catalogue_data import load_catalogue
from gppkit.catalogue_export import SupplierExport, open_data_files
from gppkit.catalogue_html import Labels, count_text
from gppkit.latin_letters import for_language
from gppkit.ui_text import load_ui_text, ui_for_language

CATALOGUE = load_catalogue(PROJECT_ROOT / "data")
SUPPLIERS = CATALOGUE.suppliers.suppliers
COUNCILS = CATALOGUE.councils.councils
UI = load_ui_text(PROJECT_ROOT / "data" / "ui" / "catalogue.yml", "data/ui/catalogue.yml")


def page(site: Path, language: str, name: str) -> BeautifulSoup:
    path = language_dir(site, language) / name / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def label(language: str) -> Labels:
    return Labels(CATALOGUE.labels, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_supplier_is_in_the_catalogue_with_translated_labels(built_site: Path, language: str):
    ui, labels = ui_for_language(UI, language), label(language)
    catalogue = page(built_site, language, "suppliers").select_one("article .gpp-catalogue")
    rows = catalogue.select("table.gpp-table tbody tr")
    assert [row["id"] for row in rows] == [f"supplier-{supplier.id}" for supplier in SUPPLIERS]
    for row, supplier in zip(rows, SUPPLIERS):
        cells = row.find_all("td", recursive=False)
        assert cells[0].get_text() == supplier.name and cells[0].a["href"] == supplier.website
        assert cells[1].get_text() == labels("countries", supplier.country)
        assert cells[2].get_text() == for_language(supplier.city, language)
        groups, criteria = [li.get_text() for li in cells[3].select("li")], [li.get_text() for li in cells[4].select("li")]
        assert groups == [labels("product_groups", code) for code in supplier.product_groups]
        assert criteria == [labels("criteria", code) for code in supplier.criteria]
        assert cells[5].get_text() == supplier.example.in_language(language)
    assert catalogue.select_one("caption").get_text() == ui["catalogue_caption"]
    assert [th.get_text() for th in catalogue.select("thead th")][0] == ui["catalogue_col_name"]
    assert catalogue.select_one(".gpp-catalogue__count").get_text() == count_text(
        ui["catalogue_count"], len(SUPPLIERS), len(SUPPLIERS))
    assert catalogue.select_one(".gpp-notice").get_text() == ui["catalogue_notice"]


def test_bulgarian_cities_are_cyrillic_on_the_bulgarian_pages_and_latin_elsewhere(built_site: Path):
    bulgarian = [supplier for supplier in SUPPLIERS if supplier.country == "BG"]
    assert bulgarian and all(not supplier.city.isascii() for supplier in bulgarian)  # the sample data's own cities
    for language in LANGUAGES:
        rows = page(built_site, language, "suppliers").select("article table.gpp-table tbody tr")
        cities = {row["id"]: row.find_all("td", recursive=False)[2].get_text() for row in rows}
        for supplier in bulgarian:
            city = cities[f"supplier-{supplier.id}"]
            assert city == supplier.city if language == "bg" else (city.isascii() and city != supplier.city)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_council_member_is_in_its_countrys_table(built_site: Path, language: str):
    ui, labels = ui_for_language(UI, language), label(language)
    html = page(built_site, language, "councils")
    for council in COUNCILS:
        section = html.select_one(f'article .gpp-council[data-country="{council.country}"]')
        # The marker sits under the country's heading, so the table is in the right section.
        assert section.find_previous("h2").get_text(strip=True) == labels("countries", council.country)
        assert section.select_one(".gpp-council__name").get_text() == council.name.in_language(language)
        assert [dd.get_text() for dd in section.select("dd")] == [
            labels("council_kinds", council.kind), council.support_unit.name, labels("meeting_frequencies", council.meets)]
        rows = [[td.get_text() for td in tr.find_all("td")] for tr in section.select("tbody tr")]
        assert rows == [[m.organisation, labels("member_types", m.type), for_language(m.city, language)]
                        for m in council.members]
        # A name in Cyrillic is marked Bulgarian on every page (WCAG 2.1, 3.1.2: read with a Bulgarian voice).
        names = [*section.select("tbody tr td:first-child a"), section.select_one("dd a")]
        assert [name.get("lang") for name in names] == [
            "bg" if not text.isascii() and council.country == "BG" else None
            for text in [*(m.organisation for m in council.members), council.support_unit.name]]
        assert ui["councils_notice"] in section.select_one(".gpp-notice").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_data_downloads_exist_parse_and_are_linked(built_site: Path, language: str):
    folder = language_dir(built_site, language) / "catalogue"
    expected = open_data_files(COUNCILS, SupplierExport(SUPPLIERS), label(language), ui_for_language(UI, language)["catalogue_notice"])
    for name, content in expected.items():
        assert (folder / name).read_bytes() == content, name
    # With a byte-order mark: Excel reads UTF-8 without one in the Windows code page.
    assert all((folder / name).read_bytes().startswith(b"\xef\xbb\xbfid," if name == "suppliers.csv" else b"\xef\xbb\xbf")
               for name in ("suppliers.csv", "councils.csv"))
    rows = list(csv.DictReader(io.StringIO((folder / "suppliers.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["id"], r["country"]) for r in rows] == [(s.id, label(language)("countries", s.country)) for s in SUPPLIERS]
    document = json.loads((folder / "suppliers.json").read_text(encoding="utf-8"))
    assert document["language"] == language and len(document["suppliers"]) == len(SUPPLIERS)
    members = list(csv.DictReader(io.StringIO((folder / "councils.csv").read_text(encoding="utf-8-sig"))))
    assert len(members) == sum(len(council.members) for council in COUNCILS)
    for name, links in (("suppliers", ".gpp-downloads a"), ("councils", ".gpp-notice a")):
        page_dir = language_dir(built_site, language) / name
        for link in page(built_site, language, name).select(f"article {links}"):
            assert (page_dir / link["href"]).resolve().is_file(), link["href"]
            assert link.get_text(strip=True)


def test_filters_are_hidden_until_the_script_runs(built_site: Path):
    html = page(built_site, "en", "suppliers")
    assert html.select_one(".gpp-catalogue__filters").has_attr("hidden")
    scripts = [script["src"] for script in html.find_all("script", src=True)]
    assert any(src.endswith("assets/catalogue.js") for src in scripts)
    assert (built_site / "assets" / "catalogue.js").is_file() and (built_site / "assets" / "catalogue.css").is_file()


def test_data_mistakes_in_three_files_stop_the_build_together(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    first_id = SUPPLIERS[0].id
    suppliers = edit(root / "data" / "suppliers.yml", f"id: {SUPPLIERS[1].id}\n", f"id: {first_id}\n")
    website = COUNCILS[0].members[0].website
    councils = edit(root / "data" / "councils.yml", f"website: {website}\n", "website: 'javascript:alert(1)'\n")
    labels = (root / "data" / "labels.yml").read_text(encoding="utf-8")
    ngo_line = next(line for line in labels.splitlines() if line.startswith("  ngo:"))
    labels = edit(root / "data" / "labels.yml", ngo_line, ngo_line.split(", pl:")[0] + "}")
    assert_clean_failure(
        run_build(root),
        "3 problems in the site's data:",
        f"data/councils.yml:{line_with(councils, 'javascript:')}: councils[0] (country: {COUNCILS[0].country}) members[0]",
        "field 'website': received 'javascript:alert(1)'; expected an http or https address",
        f"data/suppliers.yml:{line_with(suppliers, f'id: {first_id}', 2)}: suppliers[1] (id: {first_id}): field 'id'",
        f"already used on line {line_with(suppliers, f'id: {first_id}')}",
        f"data/labels.yml:{line_with(labels, '  ngo:')}: field 'member_types.ngo.pl': received nothing; "
        "expected the Polish label of 'ngo'",
    )


def test_broken_yaml_stops_the_build_with_line_and_column(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    groups = f"product_groups: {_flow(SUPPLIERS[3].product_groups)}"
    city = f"    city: {SUPPLIERS[3].city}\n"
    text = edit(root / "data" / "suppliers.yml", f"{city}    {groups}", f"{city}   {groups}")
    output = assert_clean_failure(run_build(root), "data/suppliers.yml:", "not valid YAML, column")
    reported = int(output.split("data/suppliers.yml:")[1].split(":")[0])
    broken = text.splitlines().index(f"   {groups}") + 1
    assert reported in (broken, broken + 1)


def _flow(codes: list[str]) -> str:
    return "[" + ", ".join(codes) + "]"


@pytest.mark.parametrize(
    ("page_source", "old", "new"),
    [
        ("docs/en/councils.md", "<!-- councils: LT -->", "<!-- councils: XX -->"),
        ("docs/pl/suppliers.md", "<!-- catalogue: suppliers -->", "<!-- catalogue: foo -->"),
    ],
)
def test_unknown_marker_stops_the_build_naming_page_and_marker(tmp_path: Path, page_source: str, old: str, new: str):
    root = copy_site(tmp_path / "src")
    text = edit(root / page_source, old, new)
    assert_clean_failure(
        run_build(root),
        f"{page_source}: line {line_with(text, new)}: received the marker '{new}'",
        "expected one of: <!-- councils: BG -->",
        "<!-- catalogue: suppliers -->",
    )


@pytest.mark.parametrize(("page_source", "marker"), [
    ("docs/pl/councils.md", "<!-- councils: LT -->"),
    ("docs/en/councils.md", "<!-- councils: EE -->"),
    ("docs/fi/suppliers.md", "<!-- catalogue: suppliers -->"),
])
def test_a_deleted_marker_stops_the_build_instead_of_leaving_its_table_out(tmp_path: Path, page_source: str, marker: str):
    root = copy_site(tmp_path / "src")
    edit(root / page_source, marker, "")
    language = page_source.split("/")[1]
    assert_clean_failure(run_build(root), f"docs/{language}/: received no page with {marker}",
                         "expected every council of data/councils.yml and the supplier catalogue on a page of each language")


def test_a_marker_where_markdown_keeps_no_raw_html_stops_the_build(tmp_path: Path):
    # A fork that adds fenced code blocks: inside one, the table would be shown as code (4 MB of it).
    root = copy_site(tmp_path / "src")
    edit(root / "mkdocs.yml", "markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.superfences\n")
    edit(root / "docs/fi/suppliers.md", "<!-- catalogue: suppliers -->", "```\n<!-- catalogue: suppliers -->\n```")
    assert_clean_failure(
        run_build(root),
        "docs/fi/suppliers.md: received the marker <!-- catalogue: suppliers --> where Markdown does not keep raw HTML",
        "expected each marker on a line of its own, with a blank line before and after",
    )


def decode_fragment(content: bytes) -> dict:
    """One page's record in Pagefind's bundle: gzipped JSON after Pagefind's signature."""
    data = gzip.decompress(content)
    assert data.startswith(b"pagefind_dcd")
    return json.loads(data[len(b"pagefind_dcd"):])


def search_records(site: Path) -> dict[str, str]:
    """Pagefind's indexed text of every page, by URL."""
    records = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        record = decode_fragment(fragment.read_bytes())
        records[record["url"]] = record["content"]
    return records


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_suppliers_by_name_and_city_and_labels_once(built_site: Path, language: str):
    # Examples and contacts stay out of the index: with thousands of suppliers they were most of
    # the words Pagefind indexed; the labels are indexed once, from the filters.
    labels, root = label(language), "/" if language == "en" else f"/{language}/"
    content = search_records(built_site)[f"{root}suppliers/"]
    for supplier in SUPPLIERS:
        assert supplier.name in content and for_language(supplier.city, language) in content
        assert supplier.example.in_language(language) not in content
        if supplier.contact:
            assert supplier.contact.removeprefix("mailto:") not in content
    for code in {code for supplier in SUPPLIERS for code in supplier.criteria}:
        assert content.count(labels("criteria", code)) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_reads_each_councils_facts_as_separate_words(built_site: Path, language: str):
    root = "/" if language == "en" else f"/{language}/"
    words = search_records(built_site)[f"{root}councils/"].split()
    ui = ui_for_language(UI, language)
    for council in COUNCILS:
        assert council.support_unit.name.split()[0] in words, council.support_unit.name
        assert label(language)("meeting_frequencies", council.meets).split()[0] in words
    assert ui["councils_support_unit"].split()[-1] in words


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_reads_the_catalogues_filter_labels_and_headers_as_separate_words(built_site: Path, language: str):
    # The labels are indexed once, from the filters' options: glued together they could not be found.
    root = "/" if language == "en" else f"/{language}/"
    words = {word.rstrip(".,") for word in search_records(built_site)[f"{root}suppliers/"].split()}
    labels, ui = label(language), ui_for_language(UI, language)
    for section, codes in (("criteria", {c for s in SUPPLIERS for c in s.criteria}),
                           ("product_groups", {g for s in SUPPLIERS for g in s.product_groups})):
        for code in codes:
            text = [word.rstrip(".,") for word in labels(section, code).split()]
            assert text[0] in words and text[-1] in words, (section, code, text)
    for key in ("catalogue_col_name", "catalogue_col_contact"):
        assert ui[key].split()[0] in words, ui[key]
