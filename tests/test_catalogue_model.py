"""The typed model of data/councils.yml, suppliers.yml and labels.yml: every mistake named precisely."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from catalogue_samples import edit, line_with, write_samples
from conftest import PROJECT_ROOT
from gppkit.catalogue_data import CatalogueSource, load_catalogue
from gppkit.data_schemas import SCHEMA_DIR, schema_path, schema_texts
from gppkit.problems import DataError, Problem
from gppkit.vocabularies import CRITERIA, PARTNER_COUNTRIES, PRODUCT_GROUPS
from gppkit.yamlio import load_yaml_text


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_samples(tmp_path / "data")


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load_catalogue(folder)
    return caught.value.problems


def only_problem(folder: Path) -> Problem:
    problems = problems_of(folder)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_samples_are_valid(data: Path):
    catalogue = load_catalogue(data)
    assert [s.id for s in catalogue.suppliers.suppliers] == ["pl-eko-druk", "fi-puhdas-koti"]
    assert catalogue.labels.label("countries", "PL", "fi") == "countries/PL [fi]"
    assert catalogue.labels.label("tags", "green-deals", "bg") == "tags/green-deals [bg]"


def test_broken_yaml_names_line_and_column(data: Path):
    text = edit(data / "suppliers.yml", "    city: Tampere", '    city: "Tampere')
    problem = only_problem(data)
    assert problem.file == "data/suppliers.yml"
    assert problem.line is not None and problem.line >= line_with(text, '"Tampere')
    assert re.search(r"not valid YAML, column \d+", problem.received)
    assert "well-formed YAML" in problem.expected


def test_a_quote_left_open_is_named_where_it_opens():
    # YAML reads on to the next quote, records later, and reports the error there (line 6 here).
    text = 'suppliers:\n  - id: a\n    city: "Plovdiv\n    name: x\n  - id: b\n    city: "Sofia"\n'
    with pytest.raises(DataError) as caught:
        load_yaml_text(text, "data/suppliers.yml")
    (problem,) = caught.value.problems
    assert problem.line == 6 and "the quote opened on line 3 is not closed on that line" in problem.received


def test_broken_yaml_in_one_file_still_checks_the_others(data: Path):
    edit(data / "suppliers.yml", "    city: Tampere", "    city: [Tampere")
    edit(data / "councils.yml", "website: https://agency.example\n    meets", "website: ftp://agency.example\n    meets")
    assert {problem.file for problem in problems_of(data)} == {"data/suppliers.yml", "data/councils.yml"}


def test_duplicate_key_inside_a_record(data: Path):
    text = edit(data / "suppliers.yml", "    city: Kraków\n", "    city: Kraków\n    city: Warszawa\n")
    problem = only_problem(data)
    assert (problem.file, problem.line, problem.field) == ("data/suppliers.yml", line_with(text, "Warszawa"), "city")
    assert f"first on line {line_with(text, 'Kraków')}" in problem.received
    assert "each key once per record" in problem.expected


@pytest.mark.parametrize("old, new, field, received, expected", [
    ("    city: Kraków\n", "    city: Kraków #2 office\n", "city",
     "'Kraków' and then '#2 office' on the same line", 'the whole value in quotes: "Kraków #2 office"'),
    ("    name: Eko-Druk", "    name: &Co Eko-Druk", None,
     "'&Co' before a value (YAML reads it as an anchor's name, and drops it)", 'the whole value in quotes: "&Co …"'),
])
def test_yaml_that_would_drop_part_of_a_value_is_refused(data: Path, old: str, new: str, field: str | None,
                                                        received: str, expected: str):
    # " #" starts a comment and "&" an anchor: YAML drops both without a word ("name: EkoPrint #1" reads "EkoPrint").
    text = edit(data / "suppliers.yml", old, new)
    problem = only_problem(data)
    assert (problem.file, problem.line, problem.field) == ("data/suppliers.yml", line_with(text, new.strip()), field)
    assert received in problem.received and expected in problem.expected


def test_comments_on_their_own_lines_and_hashes_inside_values_are_kept(data: Path):
    edit(data / "suppliers.yml", "    city: Kraków\n", '    # the head office\n    city: "Kraków #2"\n')
    assert load_catalogue(data).suppliers.suppliers[0].city == "Kraków #2"


def test_duplicate_supplier_id(data: Path):
    text = edit(data / "suppliers.yml", "id: fi-puhdas-koti", "id: pl-eko-druk")
    problem = only_problem(data)
    assert problem.line == line_with(text, "id: pl-eko-druk", occurrence=2)
    assert problem.record == "suppliers[1] (id: pl-eko-druk)" and problem.field == "id"
    assert problem.received == f"'pl-eko-druk', already used on line {line_with(text, 'id: pl-eko-druk')}"
    assert problem.expected == "an id that no other supplier uses"


def test_missing_required_field(data: Path):
    text = edit(data / "suppliers.yml", "    website: https://puhdas-koti.example\n", "")
    problem = only_problem(data)
    assert problem.record == "suppliers[1] (id: fi-puhdas-koti)" and problem.field == "website"
    assert problem.line == line_with(text, "id: fi-puhdas-koti")
    assert (problem.received, problem.expected) == ("nothing", "the required field 'website'")


def test_unknown_country(data: Path):
    text = edit(data / "suppliers.yml", "country: FI", "country: XX")
    problem = only_problem(data)
    assert (problem.line, problem.field, problem.received) == (line_with(text, "country: XX"), "country", "'XX'")
    assert problem.expected.startswith("one of 'BG', 'LV', 'FI'") and "'DK'" in problem.expected


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("product_groups: [cleaning]", "product_groups: [cleaning, plastics]", "product_groups[1]"),
        ("criteria: [nordic_swan]", "criteria: [green_star]", "criteria[0]"),
        ("    type: energy_agency", "    type: agency", "type"),
        ("meets: quarterly", "meets: weekly", "meets"),
        ("kind: coordination_council", "kind: committee", "kind"),
    ],
)
def test_unknown_vocabulary_value(data: Path, old: str, new: str, field: str):
    path = data / ("suppliers.yml" if old.split(":")[0] in ("product_groups", "criteria") else "councils.yml")
    text = edit(path, old, new)
    problem = only_problem(data)
    received = new.split(":")[1].strip().strip("[]").split(", ")[-1]
    assert (problem.line, problem.field, problem.received) == (line_with(text, new), field, repr(received))
    assert problem.expected.startswith("one of '")


def test_council_country_must_be_a_partner_country(data: Path):
    edit(data / "councils.yml", "country: BG", "country: SE")
    problem = only_problem(data)
    assert problem.field == "country" and all(f"'{code}'" in problem.expected for code in PARTNER_COUNTRIES)


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ("website: https://puhdas-koti.example", "website: javascript:alert(1)", "website", "an http or https address"),
        ("contact: mailto:biuro@eko-druk.example", "contact: javascript:alert(1)", "contact", "a mailto, http or https"),
        ("website: https://puhdas-koti.example", "website: mailto:x@puhdas-koti.example", "website", "an http or https"),
        ("website: https://puhdas-koti.example", "website: 'https://'", "website", "an http or https address"),
    ],
)
def test_links_accept_only_safe_schemes(data: Path, old: str, new: str, field: str, expected: str):
    text = edit(data / "suppliers.yml", old, new)
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_with(text, new), field)
    assert problem.received == repr(new.split(": ", 1)[1].strip("'")) and problem.expected.startswith(expected)


def test_unsafe_link_in_a_council(data: Path):
    text = edit(data / "councils.yml", "website: https://primerovo.example", "website: 'javascript:alert(1)'")
    problem = only_problem(data)
    assert problem.file == "data/councils.yml" and problem.line == line_with(text, "javascript:")
    assert problem.record == "councils[0] (country: BG) members[0] (organisation: Община Примерово)"
    assert problem.field == "website" and problem.received == "'javascript:alert(1)'"


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ("product_groups: [cleaning]", "product_groups: cleaning", "product_groups", "a list such as [a, b]"),
        ("name: Puhdas Koti Oy", "name: 1234", "name", "a text"),
        ("city: Tampere", "city: 2024-01-01", "city", "a text"),
        ("criteria: [nordic_swan]", "criteria: []", "criteria", "at least 1 item"),
        ("example: {en: Cleaning for schools", "example: {en: ''", "example.en", "a non-empty text"),
    ],
)
def test_wrong_type(data: Path, old: str, new: str, field: str, expected: str):
    text = edit(data / "suppliers.yml", old, new)
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_with(text, new), field)
    assert problem.expected.startswith(expected)


@pytest.mark.parametrize(("written", "received"), [
    ("00100", "00100 (YAML reads it as 64: put the value in quotes)"),
    ("10:30", "10:30 (YAML reads it as 630: put the value in quotes)"),
    ("2.10", "2.10 (YAML reads it as 2.1: put the value in quotes)"),
])
def test_a_value_yaml_typed_is_shown_as_the_editor_wrote_it(data: Path, written: str, received: str):
    # "received 64" for a postcode written 00100: the editor could not find 64 in the file.
    text = edit(data / "suppliers.yml", "city: Tampere", f"city: {written}")
    problem = only_problem(data)
    assert (problem.line, problem.field, problem.received) == (line_with(text, f"city: {written}"), "city", received)


def test_a_link_with_a_space_inside_is_refused_and_spaces_around_it_are_dropped(data: Path):
    # A space inside was published as href="https://puhdas koti.example": a broken link.
    text = edit(data / "suppliers.yml", "website: https://puhdas-koti", "website: https://puhdas koti")
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_with(text, "puhdas koti"), "website")
    assert problem.expected.startswith("an http or https address without spaces")
    edit(data / "suppliers.yml", "website: https://puhdas koti", "website: '  https://puhdas-koti")
    edit(data / "suppliers.yml", "https://puhdas-koti.example", "https://puhdas-koti.example  '")
    (supplier,) = [s for s in load_catalogue(data).suppliers.suppliers if "puhdas" in s.website]
    assert supplier.website == "https://puhdas-koti.example"


def test_unknown_field_is_not_silently_dropped(data: Path):
    text = edit(data / "suppliers.yml", "    website: https://puhdas-koti", "    websit: https://puhdas-koti")
    problems = problems_of(data)
    unknown = next(problem for problem in problems if problem.field == "websit")
    assert unknown.line == line_with(text, "websit:") and unknown.received == "the unknown field 'websit'"
    assert unknown.expected.startswith("only the fields id, name, country, city, product_groups, criteria")


def test_missing_label_in_one_language(data: Path):
    text = edit(data / "labels.yml", ', pl: "member_types/ngo [pl]"', "")
    problem = only_problem(data)
    assert (problem.file, problem.line) == ("data/labels.yml", line_with(text, "  ngo:"))
    assert problem.field == "member_types.ngo.pl"
    assert problem.expected == "the Polish label of 'ngo'"


def test_vocabulary_value_without_any_label(data: Path):
    text = (data / "labels.yml").read_text(encoding="utf-8")
    (data / "labels.yml").write_text(re.sub(r"(?m)^  fairtrade: .*\n", "", text), encoding="utf-8")
    problem = only_problem(data)
    assert problem.field == "criteria.fairtrade" and problem.received == "nothing"
    assert problem.expected == "a label for 'fairtrade' in each of en, bg, lv, fi, pl"


def test_supplier_id_form_and_country_prefix(data: Path):
    text = edit(data / "suppliers.yml", "id: fi-puhdas-koti", "id: Puhdas_Koti")
    problem = only_problem(data)
    assert problem.line == line_with(text, "Puhdas_Koti") and "lowercase letters, digits and hyphens" in problem.expected
    text = edit(data / "suppliers.yml", "id: Puhdas_Koti", "id: se-puhdas-koti")
    problem = only_problem(data)
    assert (problem.line, problem.field, problem.received) == (line_with(text, "se-puhdas-koti"), "id", "'se-puhdas-koti'")
    assert problem.expected == "an id starting with 'fi-', the code of its country FI"


def test_one_council_per_country(data: Path):
    text = (data / "councils.yml").read_text(encoding="utf-8")
    council = text.split("councils:\n", 1)[1]
    (data / "councils.yml").write_text(text + council, encoding="utf-8")
    problem = only_problem(data)
    assert problem.record == "councils[1] (country: BG)" and problem.field == "country"
    assert "already used on line" in problem.received


def test_every_problem_of_every_file_is_reported_together(data: Path):
    edit(data / "suppliers.yml", "id: fi-puhdas-koti", "id: pl-eko-druk")
    edit(data / "suppliers.yml", "country: FI", "country: NO")
    edit(data / "councils.yml", "meets: quarterly", "meets: weekly")
    edit(data / "labels.yml", ', bg: "council_kinds/working_group [bg]"', "")
    with pytest.raises(DataError) as caught:
        load_catalogue(data)
    report = caught.value.report()
    assert report.startswith("4 problems in the site's data:")
    assert [problem.file for problem in caught.value.problems] == [
        "data/councils.yml", "data/suppliers.yml", "data/suppliers.yml", "data/labels.yml"]
    assert "'weekly'" in report and "received NO (YAML reads an unquoted yes, no" in report
    assert "field 'council_kinds.working_group.bg': received nothing; expected the Bulgarian label" in report


def test_source_reads_again_only_after_a_change(data: Path):
    source = CatalogueSource(data)
    first = source.load()
    assert source.load() is first
    edit(data / "suppliers.yml", "city: Tampere", "city: Oulu ")
    assert source.load().suppliers.suppliers[1].city == "Oulu"
    edit(data / "suppliers.yml", "city: Oulu ", "city: [Oulu")
    with pytest.raises(DataError):
        source.load()
    with pytest.raises(DataError):  # a failed load is never replaced by the previous catalogue
        source.load()


def test_the_project_data_is_valid_and_large_enough():
    catalogue = load_catalogue(PROJECT_ROOT / "data")
    councils, suppliers = catalogue.councils.councils, catalogue.suppliers.suppliers
    assert [council.country for council in councils] == list(PARTNER_COUNTRIES)
    assert sum(len(council.members) for council in councils) >= 40
    assert len(suppliers) >= 60
    groups = Counter(code for supplier in suppliers for code in supplier.product_groups)
    criteria = Counter(code for supplier in suppliers for code in supplier.criteria)
    assert all(groups[code] >= 2 for code in PRODUCT_GROUPS), groups
    assert all(criteria[code] >= 2 for code in CRITERIA), criteria


def test_the_project_data_uses_only_example_domains():
    catalogue = load_catalogue(PROJECT_ROOT / "data")
    suppliers = catalogue.suppliers.suppliers
    links = [s.website for s in suppliers] + [s.contact for s in suppliers if s.contact]
    for council in catalogue.councils.councils:
        links += [council.support_unit.website, *(member.website for member in council.members)]
    host = re.compile(r"^(https://|mailto:[^@]+@)[a-z0-9.-]+\.example(/|$)")
    assert [link for link in links if not host.match(link)] == []


def test_json_schemas_are_current():
    for stem, text in schema_texts().items():
        path = schema_path(stem)
        assert path.exists() and path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(PROJECT_ROOT)} is stale: run `make schemas`")


def test_data_files_point_to_their_schema():
    for stem in schema_texts():
        first_line = (PROJECT_ROOT / "data" / f"{stem}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema={schema_path(stem).relative_to(SCHEMA_DIR.parent)}"
