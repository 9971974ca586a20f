"""Another project's languages: a fork that publishes in Estonian instead of Latvian.

README ("Another project's languages") lists the steps; this fork takes them on a copy of the
site (hooks/gppkit/languages.py, mkdocs.yml, docs/<lang>/, the texts in data/) and builds it. The
code and the data models take the languages from that one list: nothing else is changed. A fork
that misses a step gets a message, not a traceback.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import DEFAULT_LANGUAGE, LANGUAGES, assert_clean_failure, copy_site, language_dir, run_build, soup
from gppkit.catalogue_model import Translation
from gppkit.events import Translated
from gppkit.languages import (
    language_description,
    language_list_problems,
    translated_settings_problems,
    unlisted_language_folders,
)

FORK_LANGUAGES = ("en", "bg", "et", "fi", "pl")
ESTONIAN_NOTICE = "Seda lehte pole veel eesti keelde tõlgitud; loete ingliskeelset originaali."
ESTONIAN_LANGUAGE_PICKER = "Valige keel"
UNTRANSLATED_IN_ESTONIAN = "privacy.md"
ESTONIAN_ENTRY = """        - locale: et
          name: Eesti
          build: true
          site_name: "Läänemere rohehangete võrgustik"
          site_description: "Läänemere piirkonna avaliku sektori asutuste võrgustik, mis teeb rohehanked tavapäraseks."
          copyright: "Näidissisu Läänemere piirkonna rohehangete projektide kohta. Kataloogides nimetatud organisatsioonid on väljamõeldud."
          nav_translations:
            Home: "Avaleht"
            Projects: "Projektid"
            GPP support units: "Rohehangete tugiüksused"
            Councils and working groups: "Nõukogud ja töörühmad"
            Supplier network: "Tarnijate võrgustik"
            Green deals: "Rohelised kokkulepped"
            Webinars and events: "Veebiseminarid ja üritused"
            News: "Uudised"
            Join us: "Liituge meiega"
            Accessibility: "Ligipääsetavus"
            Privacy: "Privaatsus"
"""
LATVIAN_ENTRY = re.compile(r"^        - locale: lv\n(?:^          .*\n)+", re.MULTILINE)


def replace_once(path: Path, old: str | re.Pattern[str], new: str) -> None:
    """Replace one occurrence; fail loudly when the file no longer has it (the steps went stale)."""
    text = path.read_text(encoding="utf-8")
    changed, count = (old.subn(new, text, count=1) if isinstance(old, re.Pattern)
                      else (text.replace(old, new, 1), text.count(old)))
    assert count >= 1, f"{path.name}: {old!r} not found"
    path.write_text(changed, encoding="utf-8")


def fork_code(root: Path, *, name: bool = True) -> None:
    """hooks/gppkit/languages.py: Estonian in Latvian's place (and its English name, unless not)."""
    languages = root / "hooks" / "gppkit" / "languages.py"
    replace_once(languages, 'LANGUAGES: Final = ("en", "bg", "lv", "fi", "pl")',
                 f"LANGUAGES: Final = {FORK_LANGUAGES!r}".replace("'", '"'))
    replace_once(languages, '    "lv": "Latvian",\n', '    "et": "Estonian",\n' if name else "")


def fork_config(root: Path) -> None:
    replace_once(root / "mkdocs.yml", LATVIAN_ENTRY, ESTONIAN_ENTRY)


def fork_pages(root: Path) -> None:
    """docs/et: the English pages (as a first, untranslated draft would), one left out; no docs/lv."""
    docs = root / "docs"
    shutil.rmtree(docs / "lv")
    shutil.copytree(docs / DEFAULT_LANGUAGE, docs / "et")
    (docs / "et" / UNTRANSLATED_IN_ESTONIAN).unlink()


ESTONIAN_TEXTS = {"untranslated_notice": ESTONIAN_NOTICE, "theme.select.language": ESTONIAN_LANGUAGE_PICKER}


def fork_texts(value: object, key: str = "") -> None:
    """Every text in every language of a data file: Latvian dropped, Estonian added (the English
    text, as a draft would have it, but for ESTONIAN_TEXTS)."""
    if isinstance(value, dict):
        if set(LANGUAGES) <= set(value):
            value.pop("lv")
            value["et"] = ESTONIAN_TEXTS.get(key, value["en"])
        for child_key, child in value.items():
            fork_texts(child, str(child_key))
    elif isinstance(value, list):
        for child in value:
            fork_texts(child)


def fork_data(root: Path, *, forgotten: str = "") -> None:
    """Every file of data/ but the ``forgotten`` one."""
    for path in sorted((root / "data").rglob("*.yml")):
        if path.name == forgotten:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        fork_texts(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def fork(root: Path, *, code: bool = True, english_name: bool = True, forgotten: str = "") -> Path:
    """Every step on a copy of the site, but those a test leaves out."""
    if code:
        fork_code(root, name=english_name)
    fork_config(root)
    fork_pages(root)
    fork_data(root, forgotten=forgotten)
    return root


@pytest.fixture(scope="module")
def forked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = fork(copy_site(tmp_path_factory.mktemp("fork-src")))
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_the_fork_builds_its_languages_and_not_the_dropped_one(forked_site: Path):
    assert (forked_site / "et" / "index.html").is_file()
    assert not (forked_site / "lv").exists()
    for language in FORK_LANGUAGES:
        page = soup(language_dir(forked_site, language) / "index.html")
        assert page.html["lang"] == language
        assert {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")} == {*FORK_LANGUAGES, "x-default"}
        assert [a["hreflang"] for a in page.select("a.md-select__link")] == list(FORK_LANGUAGES)


def test_estonian_pages_have_their_own_strings_dates_and_script(forked_site: Path):
    estonian = forked_site / "et"
    assert f'aria-label="{ESTONIAN_LANGUAGE_PICKER}"' in (estonian / "index.html").read_text(encoding="utf-8")
    # Babel's Estonian month names; a Bulgarian city in Latin letters, as on every Latin-script page.
    assert "detsember 2026" in (estonian / "events" / "index.html").read_text(encoding="utf-8")
    assert "Plovdiv" in (estonian / "suppliers" / "index.html").read_text(encoding="utf-8")
    assert "Näidissisu" in soup(estonian / "index.html").select_one(".md-copyright").get_text()  # its own footer
    assert "Пловдив" in (forked_site / "bg" / "suppliers" / "index.html").read_text(encoding="utf-8")


def test_an_estonian_page_not_translated_yet_says_so_in_estonian(forked_site: Path):
    page = soup(forked_site / "et" / "privacy" / "index.html")
    assert ESTONIAN_NOTICE in page.get_text(" ", strip=True)
    assert page.select_one('meta[name="robots"]')["content"].startswith("noindex")
    translated = soup(forked_site / "et" / "projects" / "index.html")
    assert ESTONIAN_NOTICE not in translated.get_text(" ", strip=True)


def test_the_fork_has_an_estonian_feed_search_index_and_sitemap_entries(forked_site: Path):
    estonian_feed = feedparser.parse((forked_site / "et" / "feed.xml").read_bytes())
    english_feed = feedparser.parse((forked_site / "feed.xml").read_bytes())
    assert estonian_feed.feed.language == "et"
    assert len(estonian_feed.entries) == len(english_feed.entries) > 0
    assert estonian_feed.feed.link.endswith("/et/")
    pagefind = json.loads((forked_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(pagefind["languages"]) == set(FORK_LANGUAGES)
    sitemap = (forked_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/et/projects/</loc>" in sitemap and "/lv/" not in sitemap


def test_mkdocs_yml_and_the_code_must_list_the_same_languages(tmp_path: Path):
    root = fork(copy_site(tmp_path), code=False)  # languages.py still lists Latvian
    assert_clean_failure(
        run_build(root),
        "plugins.i18n.languages: received the locales en, bg, et, fi, pl; expected en, bg, lv, fi, pl, "
        "the languages of hooks/gppkit/languages.py in its order")


def test_a_new_language_needs_its_english_name_for_editors_messages(tmp_path: Path):
    root = fork(copy_site(tmp_path), english_name=False)
    assert_clean_failure(run_build(root), "hooks/gppkit/languages.py: received no LANGUAGE_NAMES_EN entry for 'et'")


def test_the_default_language_must_be_the_codes(tmp_path: Path):
    root = copy_site(tmp_path)
    config = root / "mkdocs.yml"
    replace_once(config, "          default: true\n", "")
    replace_once(config, "        - locale: pl\n", "        - locale: pl\n          default: true\n")
    assert_clean_failure(run_build(root), "plugins.i18n.languages: received pl marked 'default: true'; expected en")


def test_a_data_file_not_forked_has_each_text_named(tmp_path: Path):
    root = fork(copy_site(tmp_path), forgotten="labels.yml")
    output = assert_clean_failure(run_build(root), "received nothing; expected the Estonian label of",
                                  "received the unknown field 'lv'; expected only the fields en, bg, et, fi, pl")
    assert re.search(r"data/labels\.yml:\d+: field 'countries\.BG\.et': received nothing; "
                     r"expected the Estonian label of 'BG'", output), output
    assert re.search(r"data/labels\.yml:\d+: field 'countries\.BG\.lv': received the unknown field 'lv'", output), output


def test_the_models_have_a_field_per_language_in_order():
    assert tuple(Translation.model_fields) == LANGUAGES
    assert tuple(Translated.model_fields) == LANGUAGES
    assert [language_description(language) for language in ("en", "bg")] == ["English", "Bulgarian (Cyrillic)"]


def test_language_list_problems_name_both_places():
    assert language_list_problems(list(LANGUAGES), [DEFAULT_LANGUAGE]) == []
    assert language_list_problems(list(LANGUAGES), None) == []  # a one-language preview: default not known
    (reordered,) = language_list_problems(["en", "pl", "bg", "lv", "fi"], ["en"])
    assert reordered.startswith("plugins.i18n.languages: received the locales en, pl, bg, lv, fi; expected en, bg, lv, fi, pl")
    assert len(language_list_problems(["en", "bg"], ["bg"])) == 2
    (two_defaults,) = language_list_problems(list(LANGUAGES), ["en", "pl"])
    assert "received en, pl marked 'default: true'; expected en only" in two_defaults


def test_each_language_words_its_site_name_description_and_copyright():
    complete = {"site_name": "Nimi", "site_description": "Kuvaus", "copyright": "Esimerkki"}
    assert translated_settings_problems({"en": {}, "fi": complete}) == []
    assert translated_settings_problems({"en": {}, "fi": {**complete, "copyright": None, "site_description": " "}}) == [
        "plugins.i18n.languages, fi: received no site_description; expected it in Finnish (without it the pages show the English one)",
        "plugins.i18n.languages, fi: received no copyright; expected it in Finnish (without it the pages show the English one)",
    ]


def test_only_language_folders_of_no_listed_language_are_named():
    assert unlisted_language_folders(["assets", "en", "bg", "lv", "fi", "pl", "et", "images", "sv"]) == ["et", "sv"]


def test_a_dropped_languages_pages_or_settings_left_behind_stop_the_build(tmp_path: Path):
    root = fork(copy_site(tmp_path))
    shutil.copytree(root / "docs" / "fi", root / "docs" / "lv")  # a folder the fork forgot to delete
    replace_once(root / "mkdocs.yml", '          site_name: "Läänemere rohehangete võrgustik"\n', "")
    assert_clean_failure(
        run_build(root),
        "docs/lv/: received the pages of a language plugins.i18n.languages does not list; expected it removed",
        "plugins.i18n.languages, et: received no site_name; expected it in Estonian")
