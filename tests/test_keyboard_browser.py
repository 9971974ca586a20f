"""WCAG 2.1 AA checks axe cannot make, in a real browser: every keyboard stop visible, the menu and
the language list usable from the keyboard, no sideways scrolling at 320 px, search results
announced. Material's own templates fail several (assets/keyboard.js, site.css, search.js)."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, language_prefix

pytestmark = pytest.mark.browser

NARROW, TABLET, DESKTOP = (320, 640), (1024, 800), (1280, 800)
# Where the visitor is when a keyboard stop is at risk of being invisible: off-screen, inside a
# hidden element, or one of Pagefind's controls it has made transparent.
FOCUSED = """() => {
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  return {
    body: element === document.body,
    html: element.outerHTML.slice(0, 120),
    on_screen: box.right > 0 && box.left < window.innerWidth && box.width > 0 && box.height > 0,
    hidden: Boolean(element.closest("[hidden]")) || element.matches(".pagefind-ui__suppressed")
      || getComputedStyle(element).visibility !== "visible",
  };
}"""
DRAWER_OPEN = "document.getElementById('__drawer').checked"


def url(base: str, language: str, path: str) -> str:
    return base + language_prefix(language) + path


def keyboard_stops(page, limit: int = 80) -> list[dict]:
    """Tab from the top of the page until focus comes back to the page itself (the search page
    puts focus in its search box: Tab starts from an element put first for the test)."""
    page.evaluate("""() => { const start = document.createElement("span"); start.tabIndex = -1;
                             document.body.prepend(start); start.focus(); }""")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["body"]:
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("size", [NARROW, TABLET, DESKTOP], ids=["320px", "1024px", "1280px"])
@pytest.mark.parametrize("path", ["", "404.html", "search/"])
def test_every_keyboard_stop_can_be_seen(served_site: str, browser_page, size: tuple[int, int], path: str):
    browser_page.set_viewport_size({"width": size[0], "height": size[1]})
    browser_page.goto(url(served_site, "bg", path))
    stops = keyboard_stops(browser_page)
    assert len(stops) > 3
    unseen = [stop["html"] for stop in stops if not stop["on_screen"] or stop["hidden"]]
    assert unseen == []


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_menu_of_narrow_screens_opens_and_closes_from_the_keyboard(served_site: str, browser_page, key: str):
    browser_page.set_viewport_size({"width": TABLET[0], "height": TABLET[1]})
    browser_page.goto(url(served_site, "pl", "projects/"))
    menu = browser_page.locator('.md-header label[for="__drawer"]')
    for _ in range(5):  # the skip link, then the logo, then the menu button
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.matches('label[for=__drawer]')"):
            break
    assert menu.get_attribute("aria-expanded") == "false"
    # A button named with Material's own word, in the page's language.
    assert browser_page.get_by_role("button", name="Nawigacja", exact=True).count() == 1
    browser_page.keyboard.press(key)
    browser_page.wait_for_function(DRAWER_OPEN)
    browser_page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert menu.get_attribute("aria-expanded") == "true"
    browser_page.wait_for_function(f"({FOCUSED})().on_screen")  # the drawer slides in
    browser_page.keyboard.press("Escape")
    browser_page.wait_for_function(f"!{DRAWER_OPEN}")
    assert browser_page.evaluate("document.activeElement.matches('label[for=__drawer]')")


# What the focused element is called, and whether it is in the open menu and in front of all else there.
MENU_STOP = """() => {
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    name: element.getAttribute("aria-label") || element.textContent.trim().replace(/\\s+/g, " "),
    expanded: element.getAttribute("aria-expanded"),
    in_menu: Boolean(element.closest(".md-sidebar--primary")),
    in_front: Boolean(top) && (top === element || element.contains(top)),
  };
}"""


def menu_round(page) -> list[dict]:
    """The keyboard stops from the focused one, round the page's end and back to it."""
    page.evaluate("document.activeElement.dataset.start = ''")
    stops = [page.evaluate(MENU_STOP)]
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.start === ''"):
            break
        if not page.evaluate("document.activeElement === document.body"):  # past the page's end
            stops.append(page.evaluate(MENU_STOP))
    page.evaluate("document.activeElement.removeAttribute('data-start')")
    return stops


def press_and_settle(page, key: str) -> None:
    page.keyboard.press(key)
    page.wait_for_timeout(400)  # Material's panels slide for 0.25 s


def test_the_open_menu_takes_focus_only_to_the_panel_in_front(served_site: str, browser_page):
    """At 320 px Material's menu is a drawer of sliding panels. Stock, the Tab key went through the
    links of panels slid out or covered (unseen), then out of the drawer into the page behind it."""
    browser_page.set_viewport_size({"width": NARROW[0], "height": NARROW[1]})
    browser_page.goto(url(served_site, "pl", "projects/circpro/"))
    headings = browser_page.evaluate("[...document.querySelectorAll('.md-content h2')].map(h => h.textContent.trim())")
    browser_page.focus('.md-header label[for="__drawer"]')
    press_and_settle(browser_page, "Enter")

    # The page's own section is in front; its title leads back to the top level.
    section = menu_round(browser_page)
    assert [stop["name"] for stop in section] == ["Projekty", "ChemClimCircle II", "GreenS", "CircPro"]
    assert [stop["expanded"] for stop in section] == ["true", None, None, "false"]
    assert all(stop["in_menu"] and stop["in_front"] for stop in section)

    press_and_settle(browser_page, "Enter")  # back, from the section's title
    top_level = menu_round(browser_page)
    assert top_level[0] == {"name": "Projekty", "expanded": "false", "in_menu": True, "in_front": True}
    names = [stop["name"] for stop in top_level]
    assert {"Strona główna", "Aktualności", "Polityka prywatności"} <= set(names)
    assert "ChemClimCircle II" not in names
    assert all(stop["in_menu"] and stop["in_front"] for stop in top_level)

    press_and_settle(browser_page, " ")  # the section again, then the page's table of contents
    assert browser_page.evaluate(MENU_STOP)["name"] == "Projekty"
    browser_page.focus('.md-sidebar--primary label.md-nav__link[for="__toc"]')
    press_and_settle(browser_page, "Enter")
    contents = menu_round(browser_page)
    assert [stop["name"] for stop in contents] == ["Spis treści", *headings]
    assert all(stop["in_menu"] and stop["in_front"] for stop in contents)

    press_and_settle(browser_page, "Escape")
    assert browser_page.evaluate("document.activeElement.matches('label[for=__drawer]')")
    assert browser_page.evaluate("!document.querySelector('.md-content').inert")


def test_escape_closes_the_language_list_and_tab_opens_it_again(served_site: str, browser_page):
    browser_page.goto(url(served_site, "fi", ""))
    list_opacity = "document.querySelector('.md-header .md-select__inner') && getComputedStyle(document.querySelector('.md-header .md-select__inner')).opacity"
    browser_page.focus(".md-header .md-select button")
    browser_page.wait_for_function(f"{list_opacity} === '1'")
    browser_page.keyboard.press("Escape")
    browser_page.wait_for_function(f"{list_opacity} === '0'")
    assert browser_page.evaluate("document.activeElement.matches('.md-select button')")
    browser_page.keyboard.press("Tab")
    browser_page.wait_for_function(f"{list_opacity} === '1'")
    assert browser_page.evaluate("document.activeElement.matches('.md-select__link')")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "suppliers/", "councils/", "events/", "news/", "search/"])
def test_no_page_scrolls_sideways_at_320_px(served_site: str, browser_page, language: str, path: str):
    # WCAG 2.1, 1.4.10 Reflow; a data table may scroll, inside its own region. Finnish words
    # ("Sidosryhmätapaaminen") widened the events' and councils' facts until they were stacked.
    browser_page.set_viewport_size({"width": NARROW[0], "height": NARROW[1]})
    browser_page.goto(url(served_site, language, path))
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= NARROW[0]
    # A table's caption wraps within the visible part of its region (it was cut mid-word).
    captions = browser_page.evaluate("""[...document.querySelectorAll('.gpp-table caption')].map(caption => {
        const region = caption.closest('.gpp-table-scroll').getBoundingClientRect();
        const box = caption.getBoundingClientRect();
        return box.left >= region.left - 1 && box.right <= region.right + 1; })""")
    assert all(captions)


def test_back_to_top_from_the_keyboard_puts_focus_at_the_top(served_site: str, browser_page):
    browser_page.goto(url(served_site, "lv", "events/"))
    browser_page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    browser_page.mouse.wheel(0, -400)  # Material shows the button when the visitor scrolls up
    browser_page.wait_for_function("!document.querySelector('.md-top').hidden")
    browser_page.focus(".md-top")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function("window.scrollY === 0")
    assert browser_page.evaluate("document.activeElement.matches('.md-skip')")


@pytest.mark.parametrize("language, words", [("pl", "Wyniki dla"), ("bg", "Резултати за")])
def test_search_results_are_announced_to_screen_readers(served_site: str, browser_page, language: str, words: str):
    # WCAG 2.1, 4.1.3 Status messages: Pagefind's message has no live region of its own.
    term = {"pl": "zamówienia", "bg": "поръчки"}[language]
    browser_page.goto(url(served_site, language, f"search/?q={term}"))
    browser_page.wait_for_function(
        f"(document.querySelector('[role=status]') || {{}}).textContent?.includes({words!r})", timeout=15000)
    assert browser_page.locator("[role=status]").count() == 1


def test_a_focused_language_is_outlined(served_site: str, browser_page):
    browser_page.goto(url(served_site, "lv", ""))
    browser_page.focus(".md-header .md-select button")
    browser_page.keyboard.press("Tab")
    outline = browser_page.evaluate("(() => { const s = getComputedStyle(document.activeElement); "
                                    "return [document.activeElement.className, s.outlineStyle, s.outlineWidth]; })()")
    assert outline[0].startswith("md-select__link") and outline[1:] == ["solid", "2px"]


@pytest.mark.parametrize("language, column", [("en", "Supplier"), ("pl", "Dostawca")])
def test_a_sort_buttons_name_is_its_column_without_the_arrow(served_site: str, browser_page, language: str, column: str):
    browser_page.goto(url(served_site, language, "suppliers/"))
    browser_page.wait_for_selector(".gpp-sort")
    assert browser_page.get_by_role("button", name=column, exact=True).count() == 1
    browser_page.get_by_role("button", name=column, exact=True).click()  # sorted: another arrow, same name
    assert browser_page.get_by_role("button", name=column, exact=True).count() == 1


@pytest.mark.parametrize("language, path", [("bg", "councils/"), ("fi", "events/")])
def test_links_among_facts_are_underlined(served_site: str, browser_page, language: str, path: str):
    # WCAG 2.1, 1.4.1: a council's support unit was told from the text by its colour alone (axe's
    # link-in-text-block rule looks only at links inside running text).
    browser_page.goto(url(served_site, language, path))
    decorations = browser_page.evaluate("""[...document.querySelectorAll('.md-content dd a[href]')]
        .map(link => getComputedStyle(link).textDecorationLine)""")
    assert decorations and all("underline" in decoration for decoration in decorations)
