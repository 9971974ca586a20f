"""The offer to read a page in the browser's language: what each page carries, and what a visitor
sees in a real browser (who is offered what, and when not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    PROJECT_ROOT,
    english_pages,
    language_dir,
    language_prefix,
    output_path,
    soup,
    wcag_violations,
)
from gppkit.language_offers import language_offers

UI = yaml.safe_load((PROJECT_ROOT / "data" / "ui" / "site.yml").read_text(encoding="utf-8"))
OFFER = "aside.gpp-language-offer"


def offers(html: BeautifulSoup) -> list[dict]:
    script = html.select_one("script#gpp-language-offers[type='application/json']")
    return json.loads(script.string) if script else []


def offered_page(page: Path, href: str) -> Path:
    target = (page.parent / href).resolve()
    return target / "index.html" if target.is_dir() else target


def test_offers_follow_the_language_order_and_skip_the_shown_language_and_missing_translations():
    texts = {"language_offer": {"en": "Read in English", "fi": "Lue suomeksi", "pl": "Czytaj"},
             "language_offer_close": {"en": "Close", "fi": "Sulje", "pl": "Zamknij"}}
    assert language_offers("en", {"pl": "../pl/", "en": "./", "fi": "../fi/"}, texts, ["en", "fi", "pl"]) == [
        {"lang": "fi", "href": "../fi/", "text": "Lue suomeksi", "close": "Sulje"},
        {"lang": "pl", "href": "../pl/", "text": "Czytaj", "close": "Zamknij"},
    ]
    assert language_offers("en", {"en": "./"}, texts, ["en", "fi", "pl"]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_offers_its_translations_worded_in_their_languages(built_site: Path, language: str):
    for source in english_pages():
        page = language_dir(built_site, language) / output_path(source)
        found = offers(soup(page))
        assert [offer["lang"] for offer in found] == [other for other in LANGUAGES if other != language], source
        for offer in found:
            assert offered_page(page, offer["href"]) == (language_dir(built_site, offer["lang"]) / output_path(source)).resolve()
            assert (offer["text"], offer["close"]) == (UI["language_offer"][offer["lang"]], UI["language_offer_close"][offer["lang"]])


def test_an_untranslated_page_is_not_offered_and_its_copy_offers_no_english(untranslated_site: Path):
    assert "pl" not in [offer["lang"] for offer in offers(soup(untranslated_site / "privacy" / "index.html"))]
    # The Polish address serves the English text: English is not offered again, the translations are.
    copy = offers(soup(untranslated_site / "pl" / "privacy" / "index.html"))
    assert [offer["lang"] for offer in copy] == [other for other in LANGUAGES if other not in (DEFAULT_LANGUAGE, "pl")]


# --- In a browser ----------------------------------------------------------------------------------

def without_language(path: str) -> str:
    """``pl/news/`` → ``news/``: the page's path under any language's root."""
    first, _, rest = path.partition("/")
    return rest if first in LANGUAGES else path


def visit(chromium_browser, url: str, languages: list[str], referer: str | None = None, width: int = 1280):
    """A page opened by a browser whose preferred languages are ``languages``, arriving from ``referer``
    (None: typed or opened from a bookmark)."""
    context = chromium_browser.new_context(locale=languages[0], viewport={"width": width, "height": 800})
    context.add_init_script(f"Object.defineProperty(navigator, 'languages', {{get: () => {json.dumps(languages)}}});")
    page = context.new_page()
    page.goto(url, referer=referer) if referer else page.goto(url)
    return page


@pytest.mark.browser
@pytest.mark.parametrize("languages, path, offered", [
    (["pl-PL", "en"], "projects/greens/", "pl"),
    (["de-DE", "fi-FI", "pl"], "projects/greens/", "fi"),  # the first language the site has
    (["en-GB"], "bg/events/", "en"),
    (["lv"], "pl/news/", "lv"),
])
def test_a_visitor_from_elsewhere_is_offered_the_page_in_the_browsers_language(
        chromium_browser, served_site: str, languages: list[str], path: str, offered: str):
    page = visit(chromium_browser, served_site + path, languages, referer="https://search.example/?q=gpp")
    try:
        box = page.locator(OFFER)
        assert box.get_attribute("lang") == offered
        link = box.locator("a")
        assert link.inner_text() == UI["language_offer"][offered]
        assert box.locator("button").get_attribute("aria-label") == UI["language_offer_close"][offered]
        link.click()
        page.wait_for_load_state()
        assert page.url == served_site + language_prefix(offered) + without_language(path)
        assert page.evaluate("document.documentElement.lang") == offered
        assert page.locator(OFFER).count() == 0, "the page in the visitor's language offers nothing"
    finally:
        page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("languages, path, referer", [
    (["en-GB", "pl"], "projects/greens/", None),  # the page is in the first language the site has
    (["pl"], "pl/projects/greens/", None),
    (["de-DE", "sv"], "projects/greens/", None),  # none of the site's languages
    (["pl-PL"], "projects/greens/", "SITE"),  # came from a page of this site: already chose
])
def test_no_offer_when_the_page_is_in_the_wanted_language_or_the_visitor_moved_inside_the_site(
        chromium_browser, served_site: str, languages: list[str], path: str, referer: str | None):
    page = visit(chromium_browser, served_site + path, languages, referer=served_site if referer == "SITE" else referer)
    try:
        assert page.locator("h1").count() >= 1  # the page did load
        assert page.locator(OFFER).count() == 0
    finally:
        page.context.close()


@pytest.mark.browser
def test_closing_the_offer_leaves_focus_at_the_start_of_the_page(chromium_browser, served_site: str):
    page = visit(chromium_browser, served_site + "councils/", ["fi"], width=320)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        page.keyboard.press("Tab")  # Material's "skip to content"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == UI["language_offer"]["fi"]
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.locator(OFFER).count() == 0
        assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_page_with_the_offer_passes_axe_wcag_aa(chromium_browser, served_site: str):
    page = visit(chromium_browser, served_site + "bg/suppliers/", ["lv-LV"])
    try:
        assert page.locator(OFFER).count() == 1
        violations = wcag_violations(page)
        assert not violations, "\n".join(violations)
    finally:
        page.context.close()
