"""Interface strings: the keys the site prints, no other, each with the English text's placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, assert_clean_failure, copy_site, run_build
from gppkit.search import PAGEFIND_UI_KEYS
from gppkit.problems import DataError
from gppkit.ui_text import THEME_PREFIX, UI_KEYS, load_ui_folder, load_ui_text

CODE = "\n".join(path.read_text(encoding="utf-8") for folder in ("hooks", "overrides")
                 for path in sorted((PROJECT_ROOT / folder).rglob("*")) if path.suffix in (".py", ".html"))
# How hooks and templates ask for a string: ui["key"], ui['key'], ui.get("key"), config.extra.ui.key
USES = re.compile(r"""ui\[["']([a-z_]+)["']\]|ui\.get\(["']([a-z_]+)["']|extra\.ui\.([a-z_]+)""")


def test_every_key_the_code_asks_for_is_listed_and_every_listed_key_is_asked_for():
    asked = {next(group for group in match if group) for match in USES.findall(CODE)}
    assert asked <= UI_KEYS, asked - UI_KEYS
    for key in UI_KEYS:
        pagefind_key = key.removeprefix("pagefind_")
        assert f'"{key}"' in CODE or f"'{key}'" in CODE or f"ui.{key}" in CODE or pagefind_key in PAGEFIND_UI_KEYS, key


def test_the_projects_files_hold_exactly_the_listed_keys_and_some_theme_strings():
    strings = load_ui_folder(PROJECT_ROOT / "data" / "ui")
    assert {key for key in strings if not key.startswith(THEME_PREFIX)} == UI_KEYS


def _edit(root: Path, name: str, old: str, new: str) -> int:
    """Replace ``old`` once in data/ui/<name>; return the line the edit is on."""
    path = root / "data" / "ui" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


CASES = {
    "misspelt key": ("news.yml", "news_rss:", "news_rs:",
                     ["field 'news_rs': received a key the site does not use (did you mean 'news_rss'?)"]),
    "unused key": ("site.yml", "footer_privacy:", "footer_contact:\n  en: Contact\n  bg: Контакти\n  lv: Kontakti\n"
                   "  fi: Yhteystiedot\n  pl: Kontakt\nfooter_privacy:", ["field 'footer_contact': received a key the site does not use"]),
    "misspelt placeholder": ("catalogue.yml", 'pl: "Wyświetlono {shown} z {total} dostawców"', 'pl: "Wyświetlono {shown} z {totl} dostawców"',
                             ["field 'catalogue_count.pl': received the placeholders {shown}, {totl}",
                              "expected the placeholders of the English text: {shown}, {total}"]),
    "placeholder left out": ("catalogue.yml", 'pl: "Członkowie: {body}"', 'pl: "Członkowie"',
                             ["field 'councils_members_caption.pl': received the placeholders none", "{body}"]),
    "stray brace": ("catalogue.yml", 'fi: "Jäsenet: {body}"', 'fi: "Jäsenet: {body} {"',
                    ["field 'councils_members_caption.fi': received a brace outside a placeholder"]),
    "a language missing": ("theme.yml", "theme.top:\n  en: Back to top\n  bg: Към началото\n  lv: Atpakaļ uz augšu\n  fi: Takaisin ylös\n",
                           "theme.top:\n  en: Back to top\n  bg: Към началото\n  lv: Atpakaļ uz augšu\n",
                           ["field 'theme.top.fi': received nothing; expected a non-empty text in Finnish"]),
    "unknown theme key": ("theme.yml", "theme.select.language:", "theme.select.langauge:",
                          ["field 'theme.select.langauge': received a key Material does not have (did you mean 'theme.select.language'?)"]),
}


@pytest.mark.parametrize("case", CASES)
def test_a_key_or_placeholder_mistake_stops_the_build_naming_file_line_and_key(tmp_path: Path, case: str):
    name, old, new, fragments = CASES[case]
    root = copy_site(tmp_path)
    line = _edit(root, name, old, new)  # the key's line, or the language's for a placeholder
    assert_clean_failure(run_build(root), f"data/ui/{name}:{line}:", *fragments)


def test_a_key_missing_from_every_file_stops_the_build_naming_it(tmp_path: Path):
    root = copy_site(tmp_path)
    _edit(root, "events.yml", "events_online:\n  en: Online\n", "events_online_old:\n  en: Online\n")
    path = root / "data" / "ui" / "events.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("events_online_old:")
    end = text.index("\n", text.index("  pl:", start)) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert_clean_failure(run_build(root), "data/ui: field 'events_online': received no such key in any file",
                         "expected every interface string the site prints, in each of en, bg, lv, fi, pl")


def test_a_missing_text_is_reported_once_not_also_as_lacking_placeholders(tmp_path: Path):
    path = tmp_path / "catalogue.yml"
    path.write_text('catalogue_count:\n  en: "{shown} of {total} suppliers"\n  bg: "{shown} от {total} доставчици"\n'
                    '  lv: "Piegādātāji: {shown} no {total}"\n  fi: "{shown}/{total} toimittajaa"\n', encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_ui_text(path, "data/ui/catalogue.yml")
    assert [(problem.line, problem.field, problem.received) for problem in raised.value.problems] == [
        (1, "catalogue_count.pl", "nothing")]


def test_an_interface_strings_file_renamed_to_yaml_is_named_as_such(tmp_path: Path):
    # Else the build listed its strings as missing, without naming the file it did not read.
    root = copy_site(tmp_path)
    (root / "data" / "ui" / "site.yml").rename(root / "data" / "ui" / "site.yaml")
    assert_clean_failure(run_build(root), "data/ui/site.yaml: received a file ending in '.yaml', which the build "
                         "does not read; expected the name ending in '.yml' (site.yml)")
