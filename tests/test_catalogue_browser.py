"""The supplier catalogue in a real browser: filters, live count, sorting, keyboard, no third-party requests."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import PROJECT_ROOT, wcag_violations
from gppkit.catalogue_data import load_catalogue
from gppkit.catalogue_html import Labels, count_text
from gppkit.ui_text import load_ui_text, ui_for_language

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(PROJECT_ROOT / "data")
SUPPLIERS = CATALOGUE.suppliers.suppliers
UI = load_ui_text(PROJECT_ROOT / "data" / "ui" / "catalogue.yml", "data/ui/catalogue.yml")
ROWS = ".gpp-catalogue tbody tr"


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(ROWS, "rows => rows.filter(r => !r.hidden).map(r => r.id.slice(9))")


def count_of(page) -> str:
    return page.inner_text(".gpp-catalogue__count").strip()


def open_catalogue(page, base_url: str, language: str) -> list[str]:
    """Open the catalogue page; return the URL of every script, style, font, image and media it loaded."""
    requested: list[str] = []
    # Material's language switcher fetches sitemaps from site_url by XHR; resources are what we check.
    page.on("request", lambda request: requested.append(request.url)
            if request.resource_type in ("script", "stylesheet", "font", "image", "media") else None)
    prefix = "" if language == "en" else f"{language}/"
    page.goto(f"{base_url}{prefix}suppliers/")
    page.wait_for_selector(".gpp-catalogue__filters:not([hidden])")
    return requested


def busiest(codes: Counter) -> str:
    """The most used code (first in file order on a tie), so the filter keeps several rows."""
    return max(codes, key=lambda code: codes[code])


@pytest.mark.parametrize("language", ["en", "pl"])
def test_filters_narrow_the_table_and_the_count_follows(browser_page, served_site: str, language: str):
    page, ui = browser_page, ui_for_language(UI, language)
    requested = open_catalogue(page, served_site, language)
    assert count_of(page) == count_text(ui["catalogue_count"], len(SUPPLIERS), len(SUPPLIERS))
    assert page.get_attribute(".gpp-catalogue__count", "aria-live") == "polite"

    country = busiest(Counter(s.country for s in SUPPLIERS))
    page.select_option("select[data-filter=country]", country)
    in_country = [s for s in SUPPLIERS if s.country == country]
    assert visible_ids(page) == [s.id for s in in_country]
    assert count_of(page) == count_text(ui["catalogue_count"], len(in_country), len(SUPPLIERS))
    assert set(page.eval_on_selector_all(ROWS, "rows => rows.filter(r => !r.hidden).map(r => r.cells[1].innerText)")) == {
        Labels(CATALOGUE.labels, language)("countries", country)}

    group = busiest(Counter(g for s in in_country for g in s.product_groups))
    page.select_option("select[data-filter=product-groups]", group)
    in_group = [s for s in in_country if group in s.product_groups]
    assert visible_ids(page) == [s.id for s in in_group]

    criterion = in_group[0].criteria[0]
    page.select_option("select[data-filter=criteria]", criterion)
    matching = [s.id for s in in_group if criterion in s.criteria]
    assert visible_ids(page) == matching
    assert count_of(page) == count_text(ui["catalogue_count"], len(matching), len(SUPPLIERS))

    page.select_option("select[data-filter=country]", "")
    page.select_option("select[data-filter=product-groups]", "")
    page.select_option("select[data-filter=criteria]", "")
    assert len(visible_ids(page)) == len(SUPPLIERS)
    host = served_site.split("/")[2]
    assert [url for url in requested if url.split("/")[2] != host] == []
    assert any(url.endswith("/assets/catalogue.js") for url in requested)


@pytest.mark.parametrize("language", ["fi", "bg"])
def test_filters_that_leave_no_supplier_say_so_and_clear_with_one_button(browser_page, served_site: str, language: str):
    # Stock: an empty table under its headers, and "0 of 64" (a visitor's audit, Finnish page).
    page, ui = browser_page, ui_for_language(UI, language)
    open_catalogue(page, served_site, language)
    countries = {s.country for s in SUPPLIERS}
    country, group = next((country, group) for country in sorted(countries) for group in sorted(
        {g for s in SUPPLIERS for g in s.product_groups}) if not any(
        s.country == country and group in s.product_groups for s in SUPPLIERS))
    page.select_option("select[data-filter=country]", country)
    page.select_option("select[data-filter=product-groups]", group)
    assert visible_ids(page) == []
    assert count_of(page) == f'{count_text(ui["catalogue_count"], 0, len(SUPPLIERS))}. {ui["catalogue_none_match"]}'
    clear = page.get_by_role("button", name=ui["catalogue_clear_filters"], exact=True)
    clear.focus()
    page.keyboard.press("Enter")
    assert len(visible_ids(page)) == len(SUPPLIERS)
    assert page.eval_on_selector_all("select[data-filter]", "selects => selects.map(s => s.value)") == ["", "", ""]
    assert count_of(page) == count_text(ui["catalogue_count"], len(SUPPLIERS), len(SUPPLIERS))


def test_a_column_sorts_both_ways_by_mouse_and_keyboard(browser_page, served_site: str):
    page = browser_page
    open_catalogue(page, served_site, "en")
    header = page.locator(".gpp-catalogue thead th").nth(1)  # Country: plain English names
    countries = "rows => rows.map(r => r.cells[1].innerText)"
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    ascending = page.eval_on_selector_all(ROWS, countries)
    assert ascending == sorted(ascending) and len(set(ascending)) > 1
    header.get_by_role("button").focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert page.eval_on_selector_all(ROWS, countries) == sorted(ascending, reverse=True)
    assert page.locator(".gpp-catalogue thead th[aria-sort]").count() == 1


def test_every_filter_has_a_visible_label_and_the_table_scrolls_by_keyboard(browser_page, served_site: str):
    page = browser_page
    open_catalogue(page, served_site, "bg")
    ui = ui_for_language(UI, "bg")
    for key in ("catalogue_filter_country", "catalogue_filter_product_group", "catalogue_filter_criterion"):
        assert page.get_by_label(ui[key], exact=True).is_visible()
    region = page.locator(".gpp-catalogue .gpp-table-scroll")
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('gpp-table-scroll')")


def test_without_javascript_the_full_table_is_shown(chromium_browser, served_site: str):
    context = chromium_browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{served_site}fi/suppliers/")
        assert page.locator(".gpp-catalogue__filters").is_hidden()
        assert page.locator(f"{ROWS}:visible").count() == len(SUPPLIERS)
        assert page.locator(".gpp-catalogue thead button").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("path", ["suppliers/", "lv/councils/"])
def test_catalogue_and_councils_pass_axe_wcag_aa(browser_page, served_site: str, path: str):
    browser_page.goto(f"{served_site}{path}")
    context = {"include": [[".gpp-catalogue"]] if path.endswith("suppliers/") else [[".gpp-council"]]}
    violations = wcag_violations(browser_page, context)
    assert not violations, "\n".join(violations)
