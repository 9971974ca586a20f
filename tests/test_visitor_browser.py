"""What a visitor does in a real browser: switch language on a deep page, search in their language."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import DEFAULT_LANGUAGE, LANGUAGES, language_prefix

pytestmark = pytest.mark.browser

OTHER_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
DEEP_PAGE = "projects/circpro/"
# A word every language's pages use, and one that only appears in that language's text.
SHARED_TERM = "CircPro"
OWN_TERMS = {"en": "procurement", "bg": "поръчки", "lv": "iepirkums", "fi": "hankinnat", "pl": "zamówienia"}


def result_languages(base: str, hrefs: list[str]) -> set[str]:
    """The language folder of each result link (the default language has none)."""
    languages = set()
    for href in hrefs:
        path = urlsplit(href).path.removeprefix(urlsplit(base).path)
        first = path.split("/", 1)[0]
        languages.add(first if first in OTHER_LANGUAGES else DEFAULT_LANGUAGE)
    return languages


def search(page, base: str, language: str, term: str) -> list[str]:
    page.goto(f"{base}{language_prefix(language)}search/?q={term}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    return page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.href)")


@pytest.mark.parametrize("target", OTHER_LANGUAGES)
def test_switching_language_on_a_deep_page_stays_on_that_page(served_site: str, browser_page, target: str):
    browser_page.goto(served_site + DEEP_PAGE)
    browser_page.hover(".md-header__option .md-select")
    browser_page.click(f"a.md-select__link[hreflang={target}]")
    browser_page.wait_for_load_state()
    assert browser_page.url == f"{served_site}{target}/{DEEP_PAGE}"
    assert browser_page.get_attribute("html", "lang") == target


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_returns_only_pages_of_the_visitors_language(served_site: str, browser_page, language: str):
    for term in (SHARED_TERM, OWN_TERMS[language]):
        hrefs = search(browser_page, served_site, language, term)
        assert hrefs, f"{language}: no result for {term!r}"
        assert result_languages(served_site, hrefs) == {language}, f"{language}/{term}: {hrefs}"


@pytest.mark.parametrize("language, forms", [("bg", ["поръчка", "поръчки", "поръчките"]),
                                             ("lv", ["iepirkums", "iepirkumu", "iepirkumiem"])])
def test_search_finds_the_same_pages_for_every_form_of_a_word(served_site: str, browser_page, language: str,
                                                                forms: list[str]):
    # Pagefind has no stemmer for Bulgarian or Latvian: "поръчка" found 4 pages, "поръчки" 15.
    counts = []
    for form in forms:
        search(browser_page, served_site, language, form)
        counts.append(int(re.search(r"\d+", browser_page.inner_text(".pagefind-ui__message")).group()))
    assert counts[0] > 5 and counts == [counts[0]] * len(forms), dict(zip(forms, counts))


def test_search_ui_speaks_the_visitors_language(served_site: str, browser_page):
    search(browser_page, served_site, "pl", "zamówienia")
    assert "Wyniki dla" in browser_page.inner_text(".pagefind-ui__message")
    browser_page.goto(f"{served_site}bg/search/?q=qxzqxzqxz")
    browser_page.wait_for_selector(".pagefind-ui__message", timeout=15000)
    browser_page.wait_for_function("document.querySelector('.pagefind-ui__message').innerText.includes('Няма резултати')")


def test_header_search_form_works_from_the_keyboard(served_site: str, browser_page):
    browser_page.goto(served_site + "lv/" + DEEP_PAGE)
    browser_page.focus("#gpp-search-query")
    browser_page.keyboard.type("iepirkums")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert browser_page.url.startswith(served_site + "lv/search/?q=iepirkums")
    hrefs = browser_page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.href)")
    assert result_languages(served_site, hrefs) == {"lv"}


def test_no_request_leaves_the_local_server(served_site: str, browser_page):
    requested: list[str] = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for language in LANGUAGES:
        for path in ("", DEEP_PAGE, "suppliers/", "events/", "news/"):
            browser_page.goto(served_site + language_prefix(language) + path)
            browser_page.wait_for_load_state("networkidle")
    search(browser_page, served_site, "fi", "hankinnat")
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(url for url in requested if "127.0.0.1" not in url)[:10]
    assert len(requested) > 25
