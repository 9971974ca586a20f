"""Refuse configurations and files that would build a broken site, or stop MkDocs with a traceback."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from gpp_data import data_dir, editors_errors
from gpp_mkdocs import i18n_plugin, text_language
from gppkit.language_links import links_into_other_languages
from gppkit.languages import DEFAULT_LANGUAGE, language_list_problems, translated_settings_problems, unlisted_language_folders
from gppkit.nav_titles import nav_translation_problems
from gppkit.news import is_post_source
from gppkit.page_front_matter import check_front_matter_text, description_problem, unknown_keys_problem
from gppkit.page_headings import extra_titles
from gppkit.page_markers import marker_problems, missing_markers
from gppkit.site_settings import check_site_settings
from gppkit.text_files import decode_text
from gppkit.translations import pages_without_original
from gppkit.yamlio import misnamed_yaml_files


def on_config(config: MkDocsConfig) -> None:
    problems = check_site_settings(
        site_url=config.site_url,
        theme_font=config.theme.get("font"),
        features=config.theme.get("features") or [],
    )
    problems += _language_problems(config)
    if problems:
        raise PluginError("mkdocs.yml is not ready to build:\n" + "\n".join(f"  - {p}" for p in problems))
    # Before hooks/ui_strings.py reads data/ui/: a renamed file would only show as missing strings.
    misnamed = misnamed_yaml_files(data_dir(config), "data")
    if misnamed:
        raise PluginError("\n".join(misnamed))


def _language_problems(config: MkDocsConfig) -> list[str]:
    """mkdocs.yml's languages against gppkit.languages, their own words, and docs/ folders of none."""
    i18n_config = i18n_plugin(config).config
    languages = i18n_config.languages
    # A one-language preview marks its language static-i18n's default.
    defaults = None if i18n_config.build_only_locale else [entry.locale for entry in languages if entry.default]
    problems = language_list_problems(_configured_languages(config), defaults)
    problems += translated_settings_problems({entry.locale: entry for entry in languages})
    problems += [f"docs/{folder}/: received the pages of a language plugins.i18n.languages does not list; expected "
                 "it removed, or the language added (README, \"Another project's languages\")"
                 for folder in unlisted_language_folders(path.name for path in Path(config.docs_dir).iterdir() if path.is_dir())]
    # The nav's titles are the default language's.
    translations = {entry.locale: entry.nav_translations or {} for entry in languages if entry.locale != DEFAULT_LANGUAGE}
    problems += [f"nav_translations of {problem}" for problem in nav_translation_problems(config.nav, translations)]
    return problems


def _configured_languages(config: MkDocsConfig) -> list[str]:
    """Every language of mkdocs.yml, also those a one-language preview does not build."""
    return [entry.locale for entry in i18n_plugin(config).config.languages]


def on_pre_build(config: MkDocsConfig) -> None:
    if i18n_plugin(config).building:  # checked once, when the first language starts
        return
    problems = pages_without_original(Path(config.docs_dir), DEFAULT_LANGUAGE, _configured_languages(config))
    if problems:
        raise PluginError("\n".join(problems))


def _markers_the_original_has(markdown: str, page: Page, config: MkDocsConfig) -> list[str]:
    """A translation lacks a marker its English page has (a translation tool may drop comments):
    the page would silently lack the list."""
    language = text_language(page, config)
    if language == DEFAULT_LANGUAGE:
        return []
    source = f"{DEFAULT_LANGUAGE}/{page.file.src_uri.removeprefix(f'{language}/')}"
    original = Path(config.docs_dir) / source
    if not original.is_file():
        return []
    return missing_markers(markdown, original.read_text(encoding="utf-8-sig"), f"docs/{source}")


def on_pre_page(page: Page, config: MkDocsConfig, files) -> Page:
    # MkDocs reads the page next and stops with a UnicodeDecodeError traceback on a byte that is
    # not UTF-8 (a page saved as Windows-1252): the editor gets its file and line instead.
    label = f"docs/{page.file.src_uri}"
    with editors_errors():
        check_front_matter_text(decode_text(page.file.content_bytes, label), label)
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    problems = [problem for problem in [description_problem(page.meta, markdown)] if problem]
    if not is_post_source(page.file.src_uri):  # a post's keys are checked with the post (gppkit.news)
        problems += [problem for problem in [unknown_keys_problem(page.meta)] if problem]
    if extra_titles(markdown):  # rare: only then is the file read again for its line numbers
        problems += [f"line {line}: received a second level-1 heading ('# …', or a line underlined with '==='); "
                     "expected one title per page (use '## ' for its sections)"
                     for line in extra_titles(page.file.content_string)]
    if marker_problems(markdown):  # rare: only then is the file read again for its line numbers
        problems += marker_problems(markdown, source=page.file.content_string)
    if not problems:  # a mistyped marker is also missing: one message is enough
        problems = _markers_the_original_has(markdown, page, config)
    if "../" in markdown:  # only such a link can leave the language's folder
        problems += links_into_other_languages(markdown, page.file.src_uri, _configured_languages(config),
                                               page.file.content_string)
    if problems:
        raise PluginError(f"docs/{page.file.src_uri}: " + "; ".join(problems))
    return markdown
