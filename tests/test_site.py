"""The five-language site as built: pages, languages, navigation, switcher, hreflang, 404s, no third parties."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.meta import YAML_RE

from conftest import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    PROJECT_ROOT,
    assert_clean_failure,
    copy_site,
    english_pages,
    language_dir,
    language_settings,
    output_path,
    page_url,
    read_mkdocs_config,
    run_build,
    site_name,
    soup,
)
from gppkit.config_links import resolve_config_links, unresolved_config_links
from gppkit.nav_titles import nav_translation_problems, nav_titles
from gppkit.page_front_matter import front_matter_text
from gppkit.page_headings import extra_titles, titles

CONFIG = read_mkdocs_config()
SITE_URL = CONFIG["site_url"]
OTHER_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
PAGES = english_pages()


def page_html(site: Path, language: str, source: str) -> BeautifulSoup:
    return soup(language_dir(site, language) / output_path(source))


def resolve_href(site: Path, page: Path, href: str) -> Path:
    """The built file a link on ``page`` points to (relative, or absolute under the site_url path)."""
    site_path = "/" + SITE_URL.split("/", 3)[3]
    target = (site / href[len(site_path):] if href.startswith(site_path) else page.parent / href).resolve()
    return target / "index.html" if target.is_dir() else target  # a directory URL serves its index.html


def test_the_same_pages_exist_as_sources_in_every_language():
    for language in OTHER_LANGUAGES:
        root = PROJECT_ROOT / "docs" / language
        sources = sorted(path.relative_to(root).as_posix() for path in root.rglob("*.md"))
        assert sources == PAGES, f"docs/{language} differs from docs/en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_built_with_its_language(built_site: Path, language: str):
    for source in PAGES:
        html = page_html(built_site, language, source)
        assert html.html["lang"] == language, source
        description = html.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) >= 40, f"{language}/{source} has no description"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_page_is_an_untranslated_copy_of_english(built_site: Path, language: str):
    for source in PAGES:
        english = page_html(built_site, DEFAULT_LANGUAGE, source).find("article").get_text(" ", strip=True)
        translated = page_html(built_site, language, source).find("article").get_text(" ", strip=True)
        # Word sequences: a translation shares proper names and numbers with English, little else.
        similarity = difflib.SequenceMatcher(None, english.split(), translated.split(), autojunk=False).ratio()
        assert similarity < 0.5, f"{language}/{source} reads like the English page ({similarity:.2f})"
        assert "not yet translated" not in translated


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_site_name_and_navigation_are_translated(built_site: Path, language: str):
    settings = language_settings(language)
    html = page_html(built_site, language, "green-deals.md")
    assert html.title.get_text().endswith(settings["site_name"])
    nav_labels = {link.get_text(" ", strip=True) for link in html.select("nav.md-nav--primary .md-nav__link")}
    for english_title, translated_title in settings["nav_translations"].items():
        assert translated_title in nav_labels, f"{language}: nav lacks {translated_title!r} ({english_title})"
        if translated_title != english_title:
            assert english_title not in nav_labels, f"{language}: nav still shows {english_title!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_leads_to_the_same_page(built_site: Path, language: str):
    for source in PAGES:
        path = language_dir(built_site, language) / output_path(source)
        links = {a["hreflang"]: a["href"] for a in soup(path).select("a.md-select__link")}
        assert sorted(links) == sorted(LANGUAGES)
        for target_language, href in links.items():
            target = resolve_href(built_site, path, href)
            expected = (language_dir(built_site, target_language) / output_path(source)).resolve()
            assert target == expected, f"{language}/{source} → {target_language}: {href}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_names_each_language_in_its_own_language_and_marks_the_current(built_site: Path, language: str):
    # WCAG 2.1, 3.1.2 Language of Parts: "Български" on a Finnish page is read with a Bulgarian voice.
    for path in [language_dir(built_site, language) / output_path(source) for source in PAGES] + [
            language_dir(built_site, language) / "404.html"]:
        links = soup(path).select("a.md-select__link")
        assert [(a["lang"], a.get_text(strip=True)) for a in links] == [
            (other, language_settings(other)["name"]) for other in LANGUAGES], path
        assert [a["lang"] for a in links if a.has_attr("aria-current")] == [language], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_hreflang_alternates_are_absolute_with_x_default(built_site: Path, language: str):
    for source in PAGES:
        alternates = {
            link["hreflang"]: link["href"]
            for link in page_html(built_site, language, source).select("link[rel=alternate][hreflang]")
        }
        expected = {other: page_url(other, source) for other in LANGUAGES}
        expected["x-default"] = page_url(DEFAULT_LANGUAGE, source)
        assert alternates == expected, source


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_page_is_in_its_language(built_site: Path, language: str):
    html = soup(language_dir(built_site, language) / "404.html")
    assert html.html["lang"] == language
    heading = html.find("article").find("h1").get_text(strip=True)
    english_heading = soup(built_site / "404.html").find("article").find("h1").get_text(strip=True)
    assert (heading == english_heading) == (language == DEFAULT_LANGUAGE)
    assert html.title.get_text() == f"{heading} - {site_name(language)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_the_accessibility_statement_in_its_language(built_site: Path, language: str):
    # The Web Accessibility Directive wants the statement reachable from every page; a footer link
    # into another language's statement would leave the visitor with one they may not read.
    statement = (language_dir(built_site, language) / "accessibility" / "index.html").resolve()
    pages = [page for page in language_dir(built_site, language).rglob("*.html")
             if language != DEFAULT_LANGUAGE or page.relative_to(built_site).parts[0] not in OTHER_LANGUAGES]
    assert len(pages) > len(PAGES)
    for page in pages:
        footer_links = [resolve_href(built_site, page, link["href"]) for link in soup(page).select(".gpp-footer-links a")]
        assert statement in footer_links, f"{page.relative_to(built_site)}: footer links {footer_links}"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_accessibility_statement_has_every_section_of_the_english_one(built_site: Path, language: str):
    # The model statement's parts (compliance status, non-accessible content by reason, preparation,
    # feedback, enforcement) are the directive's: a translation that drops one is not a statement.
    def outline(html: BeautifulSoup) -> list[str]:
        return [heading.name for heading in html.select("article h1, article h2, article h3")]

    english = page_html(built_site, DEFAULT_LANGUAGE, "accessibility.md")
    translated = page_html(built_site, language, "accessibility.md")
    assert outline(translated) == outline(english)
    assert len(outline(english)) >= 10
    assert translated.select_one("article strong"), "the compliance status is not set out"
    assert translated.select_one('article a[href="mailto:gpp-network@example.org"]')
    assert "2026" in translated.find("article").get_text()


THEME_STRINGS = yaml.safe_load((PROJECT_ROOT / "data" / "ui" / "theme.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_material_strings_the_site_words_differently_come_from_data_ui_theme(built_site: Path, language: str):
    for path in (language_dir(built_site, language) / output_path("councils.md"), language_dir(built_site, language) / "404.html"):
        html = soup(path)
        assert html.select_one(".md-select > button")["aria-label"] == THEME_STRINGS["theme.select.language"][language]
        assert html.select_one("button.md-top").get_text(strip=True) == THEME_STRINGS["theme.top"][language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_logo_is_named_by_its_link_not_by_an_english_alt(built_site: Path, language: str):
    html = page_html(built_site, language, "councils.md")
    logos = html.select("a.md-logo")
    assert logos and all(link["aria-label"] == site_name(language) for link in logos)
    assert [image["alt"] for link in logos for image in link.select("img")] == [""] * len(logos)


def test_no_request_to_third_party_hosts(built_site: Path):
    host = re.escape(SITE_URL.split("/")[2])
    external_resource = re.compile(r"""(?:src|href)=["']https?://(?!""" + host + r")[^\"']+[\"']")
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        html = BeautifulSoup(text, "html.parser")
        for tag in html.find_all(["script", "img", "iframe", "link", "source", "video", "audio"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if url and tag.name == "link" and tag.get("rel") in (["alternate"], ["canonical"]):
                continue
            assert not (url and external_resource.search(f'src="{url}"')), f"{path}: {tag}"
    for path in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8"), path


def test_config_links_with_a_title_or_as_references_are_replaced():
    extra = {"registration_form": "https://forms.example.org/join"}
    markdown = '[A](extra:registration_form "Form") and [B][f]\n\n[f]: extra:registration_form\n'
    assert resolve_config_links(markdown, extra) == \
        '[A](https://forms.example.org/join "Form") and [B][f]\n\n[f]: https://forms.example.org/join\n'
    assert unresolved_config_links('<a href="extra:registration_form">A</a>') == ["extra:registration_form"]


def test_a_misspelt_config_link_stops_the_build_with_its_line_in_the_file(tmp_path: Path):
    root = copy_site(tmp_path)
    page = root / "docs" / "pl" / "join.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("(extra:registration_form)", "(extra:registration-form)"), encoding="utf-8")
    line = text[:text.index("(extra:registration_form)")].count("\n") + 1  # front matter counted
    assert_clean_failure(run_build(root), f"docs/pl/join.md: line {line}: link target 'extra:registration-form' "
                         "received None from mkdocs.yml; expected an http, https or mailto URL in mkdocs.yml "
                         "extra.registration-form (did you mean 'extra:registration_form'?)")


def test_registration_form_link_comes_from_mkdocs_yml(built_site: Path):
    form = CONFIG["extra"]["registration_form"]
    for language in LANGUAGES:
        html = page_html(built_site, language, "join.md")
        assert html.find("a", href=form), f"{language}: join page lacks the form link"
        assert "extra:" not in str(html.find("article"))


def test_missing_site_url_fails_with_a_clear_message(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(root)
    assert_clean_failure(result, "site_url: received nothing", "expected the absolute address")


def test_google_fonts_setting_is_refused(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("font: false", "font:\n    text: Roboto"), encoding="utf-8")
    result = run_build(root)
    assert_clean_failure(result, "theme.font: received", "expected false")


MISTYPED_MARKERS = [
    ("docs/lv/suppliers.md", "<!-- catalogue: suppliers -->", "<!-- catalog: suppliers -->", "<!-- catalogue: … -->"),
    ("docs/bg/events.md", "<!-- events: upcoming -->", "<!-- events: upcomin -->", "<!-- events: upcoming --> or <!-- events: past -->"),
    ("docs/bg/events.md", "<!-- events: past -->", "<!-- event: past -->", "<!-- events: upcoming --> or <!-- events: past -->"),
    ("docs/pl/index.md", "<!-- news: latest -->", "<!-- news: lates -->", "<!-- news: list --> or <!-- news: latest -->"),
    ("docs/fi/news/index.md", "<!-- news: list -->", "<!-- news: list-->", "<!-- news: list --> or <!-- news: latest -->"),
    ("docs/en/search.md", "<!-- search: results -->", "<!-- search: result -->", "<!-- search: results -->"),
    # Without the colon: the letters are a marker's.
    ("docs/pl/news/index.md", "<!-- news: list -->", "<!-- news list -->", "<!-- news: list --> (exactly so"),
    ("docs/fi/events.md", "<!-- events: upcoming -->", "<!-- events - upcoming -->", "<!-- events: upcoming --> (exactly so"),
]


@pytest.mark.parametrize(("source", "marker", "mistyped", "expected"), MISTYPED_MARKERS)
def test_a_mistyped_marker_stops_the_build_instead_of_hiding_its_list(tmp_path: Path, source: str, marker: str,
                                                                     mistyped: str, expected: str):
    root = copy_site(tmp_path)
    page = root / source
    text = page.read_text(encoding="utf-8")
    assert text.count(marker) == 1
    page.write_text(text.replace(marker, mistyped), encoding="utf-8")
    line = text[:text.index(marker)].count("\n") + 1
    assert_clean_failure(run_build(root), f"{source}: line {line}: received the marker '{mistyped}'; expected {expected}")


@pytest.mark.parametrize("source, marker", [("docs/lv/suppliers.md", "<!-- catalogue: suppliers -->"),
                                            ("docs/bg/events.md", "<!-- events: upcoming -->")])
def test_a_marker_given_twice_stops_the_build(tmp_path: Path, source: str, marker: str):
    root = copy_site(tmp_path)
    page = root / source
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(marker, f"{marker}\n\n{marker}"), encoding="utf-8")
    line = text[:text.index(marker)].count("\n") + 3
    assert_clean_failure(run_build(root), f"{source}: line {line}: received the marker '{marker}' a second time; "
                         "expected each marker once per page")


@pytest.mark.parametrize("source, marker", [("fi/events.md", "<!-- events: past -->"),
                                            ("lv/index.md", "<!-- news: latest -->"),
                                            ("bg/search.md", "<!-- search: results -->")])
def test_a_translation_without_a_marker_of_its_english_page_stops_the_build(tmp_path: Path, source: str, marker: str):
    # A translation tool may drop comments: the page would silently lack its list.
    root = copy_site(tmp_path)
    page = root / "docs" / source
    page.write_text(page.read_text(encoding="utf-8").replace(marker, ""), encoding="utf-8")
    english = f"en/{source.split('/', 1)[1]}"
    english_text = (root / "docs" / english).read_text(encoding="utf-8")
    line = english_text[:english_text.index(marker)].count("\n") + 1
    assert_clean_failure(run_build(root), f"docs/{source}: received no {marker}; expected the markers of its English "
                         f"page in the translation too (docs/{english}, line {line})")


def test_an_ordinary_comment_with_a_colon_is_left_alone(tmp_path: Path):
    root = copy_site(tmp_path)
    page = root / "docs" / "en" / "join.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- note: ask Kinno about the 2027 dates -->\n", encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<!-- note: ask Kinno" in (root / "site" / "join" / "index.html").read_text(encoding="utf-8")


FRONT_MATTER_MISTAKES = {
    "quote left open": (lambda text: text.replace("description: ", 'description: "', 1),
                        "received front matter that YAML cannot read as keys and values"),
    "block deleted": (lambda text: text.split("---\n", 2)[2], "received no front matter"),
    "key misspelt": (lambda text: text.replace("description:", "descripton:", 1),
                     "received no description in the front matter (its keys: descripton"),
    "a list, not keys": (lambda text: text.replace("description:", "- description:", 1),
                         "received front matter that YAML cannot read as keys and values"),
}


@pytest.mark.parametrize("mistake", FRONT_MATTER_MISTAKES)
def test_a_page_without_a_readable_description_stops_the_build(tmp_path: Path, mistake: str):
    # Else the block shows on the page as text, or the page takes the site-wide description.
    root = copy_site(tmp_path)
    page = root / "docs" / "lv" / "join.md"
    edit, received = FRONT_MATTER_MISTAKES[mistake]
    page.write_text(edit(page.read_text(encoding="utf-8")), encoding="utf-8")
    assert_clean_failure(run_build(root), f"docs/lv/join.md: {received}", "expected front matter between two '---' lines")


def test_a_misspelt_nav_translation_stops_the_build_instead_of_an_english_menu_entry(tmp_path: Path):
    root = copy_site(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    polish = text.index("- locale: pl")
    config.write_text(text[:polish] + text[polish:].replace("            Green deals:", "            Green Deals:", 1), encoding="utf-8")
    assert_clean_failure(
        run_build(root), "mkdocs.yml is not ready to build",
        "nav_translations of pl: received the title 'Green Deals', which the nav does not have (did you mean 'Green deals'?)",
        "nav_translations of pl: received no translation of 'Green deals' (the other languages translate it)")


def test_nav_titles_are_read_from_sections_and_pages_and_untranslated_names_are_allowed():
    nav = [{"Home": "index.md"}, {"Projects": ["projects/index.md", {"GreenS": "projects/greens.md"}]}]
    assert list(nav_titles(nav)) == ["Home", "Projects", "GreenS"]
    assert nav_translation_problems(nav, {"bg": {"Home": "Начало", "Projects": "Проекти"},
                                          "lv": {"Home": "Sākums", "Projects": "Projekti"}}) == []
    assert nav_translation_problems(nav, {"bg": {"Home": "Начало"}, "lv": {}}) == [
        "lv: received no translation of 'Home' (the other languages translate it); expected 'Home: …' in its nav_translations"]
    # Published as the menu entry "None", "2026" or an empty link.
    for value in (None, "", 2026):
        assert nav_translation_problems(nav, {"bg": {"Home": value}, "lv": {"Home": "Sākums"}}) == [
            f"bg: received {value!r} as the translation of 'Home'; expected the title in that language, as text "
            "(in quotes if YAML would read it as a number)"]


def test_front_matter_that_yaml_would_cut_stops_the_build(tmp_path: Path):
    # MkDocs reads "description: Join us #GPP …" as "Join us", without a word.
    root = copy_site(tmp_path)
    page = root / "docs" / "pl" / "join.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("description: Dołącz", "description: Dołącz #GPP –", 1), encoding="utf-8")
    assert_clean_failure(run_build(root), "docs/pl/join.md:2: field 'description': received 'Dołącz' and then '#GPP –",
                         "expected the whole value in quotes")


def test_a_misspelt_front_matter_key_stops_the_build(tmp_path: Path):
    root = copy_site(tmp_path)
    page = root / "docs" / "fi" / "join.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\ntilte: Liity nyt\n", 1), encoding="utf-8")
    assert_clean_failure(run_build(root), "docs/fi/join.md: received the front-matter key 'tilte' (did you mean 'title'?)",
                         "expected only keys the site reads: description, source_hash")


def test_an_empty_description_is_named_as_such(tmp_path: Path):
    root = copy_site(tmp_path)
    page = root / "docs" / "fi" / "join.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(?m)^description: .*$", 'description: ""', text, count=1), encoding="utf-8")
    assert_clean_failure(run_build(root), "docs/fi/join.md: received the description ''; expected front matter")


def append_to_page(root: Path, source: str, addition: str) -> int:
    """Add a paragraph at the end of ``docs/<source>``; return its line in the file."""
    page = root / "docs" / source
    text = page.read_text(encoding="utf-8")
    page.write_text(f"{text}\n{addition}\n", encoding="utf-8")
    return text.count("\n") + 2


def test_a_second_title_stops_the_build_with_its_line(tmp_path: Path):
    root = copy_site(tmp_path)
    line = append_to_page(root, "en/join.md", "# Second title")
    assert_clean_failure(run_build(root), f"docs/en/join.md: line {line}: received a second level-1 heading",
                         "expected one title per page (use '## ' for its sections)")


def test_only_real_headings_count_as_titles():
    page = "---\n# a YAML comment\ndescription: x\n---\n\n# Title\n\n```\n# a shell comment\n```\n\n## Section\n\n# Second\n"
    assert extra_titles(page) == [14]
    assert extra_titles("---\ndescription: x\n---\n\n# Title\n\nText.\n") == []
    # Python-Markdown makes an <h1> of these too.
    assert extra_titles("# Title\n\n#Kto może dołączyć\n\nLiity nyt\n=========\n\n| a |\n| --- |\n") == [3, 5]
    assert extra_titles("Title\n=====\n\nText.\n\n---\n\nMore.\n") == []
    # Their texts, as a post's title is compared with its heading; a file saved with Windows line ends.
    assert titles("---\r\nd: 1\r\n---\r\n\r\n# Title ##\r\n\r\nSecond\r\n===\r\n") == [(5, "Title"), (7, "Second")]
    # Front matter closed by '...', as MkDocs allows: its YAML comment is not a heading either.
    assert titles("---\n# a YAML comment\n...\n\n# Title\n") == [(5, "Title")]


@pytest.mark.parametrize("text", [
    "---\nd: 1\n---\n", "---\nd: 1\n...\n", "--- \nd: 1\n---\t\n", "---\r\nd: 1\r\n---\r\n# T\r\n",
    " ---\nd: 1\n---\n", "---\nd: 1\n---", "---\n---\n# T\n", "# T\n---\nd: 1\n---\n", "----\nd: 1\n----\n",
    "---\nd: 1\n--- x\n", "",
])
def test_front_matter_is_found_where_mkdocs_finds_it(text: str):
    """Posts, the heading check and the translation tools read front matter by MkDocs' own rule."""
    found_by_mkdocs = YAML_RE.match(text.replace("\r\n", "\n"))  # MkDocs reads files with universal newlines
    assert (front_matter_text(text) is None) == (found_by_mkdocs is None)
    if found_by_mkdocs:
        assert front_matter_text(text) == "\n" + found_by_mkdocs.group(1)


def test_a_link_into_another_languages_folder_stops_the_build(tmp_path: Path):
    # From docs/pl/, static-i18n rewrote "../en/join.md" to the Polish page itself, without a word.
    root = copy_site(tmp_path)
    line = append_to_page(root, "pl/join.md", "Zobacz też [wersję angielską](../en/join.md).")
    assert_clean_failure(run_build(root), f"docs/pl/join.md: line {line}: received a link to docs/en/join.md, a page "
                         "of another language; expected a link within docs/pl/ (the same page in this language is "
                         "join.md; the language switcher leads to the others)")
