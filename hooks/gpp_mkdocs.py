"""The few facts the hooks need from MkDocs and mkdocs-static-i18n, in one place.

static-i18n builds every language in turn inside one process; these helpers say which
language is being built and whether a page is a real translation or a fallback copy.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from gppkit.languages import DEFAULT_LANGUAGE


def i18n_plugin(config: MkDocsConfig) -> Any:
    try:
        return config.plugins["i18n"]
    except KeyError:
        raise PluginError("mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) must be listed under 'plugins'.") from None


def current_language(config: MkDocsConfig) -> str:
    # Before static-i18n's own on_config (priority -100) has run for the first build, its
    # current_language is still None: that first build is the default language's (with
    # build_only_locale, the one language being previewed).
    plugin = i18n_plugin(config)
    return plugin.current_language or plugin.default_language or DEFAULT_LANGUAGE


def default_language(config: MkDocsConfig) -> str:
    """The language built at the site root (English, or the only one when previewing one language)."""
    return i18n_plugin(config).default_language or DEFAULT_LANGUAGE


def build_languages(config: MkDocsConfig) -> list[str]:
    return list(i18n_plugin(config).build_languages)


def page_language(page: Page) -> str:
    """The language the page is published under (not the language its text is written in)."""
    return getattr(page.file, "locale_alternate_of", None) or DEFAULT_LANGUAGE


def is_fallback(page: Page, config: MkDocsConfig) -> bool:
    """True when the page is the default language's text served under another language."""
    return getattr(page.file, "locale", current_language(config)) != current_language(config)


def text_language(page: Page, config: MkDocsConfig) -> str:
    """The language the page's text is written in: the default language on an untranslated copy."""
    return default_language(config) if is_fallback(page, config) else current_language(config)


def writes_whole_site(command: str | None, dirty: bool) -> bool:
    """True for the commands that write every page of every language into the site folder.

    ``command`` and ``dirty`` as on_startup receives them: `mkdocs build` and `gh-deploy` without
    --dirty (`serve` writes into a temporary folder and rebuilds; --dirty writes only what changed).
    """
    return command in ("build", "gh-deploy") and not dirty


def is_last_step_of_build(config: MkDocsConfig) -> bool:
    """True in the outer build's on_post_build after every language has been written.

    static-i18n builds the other languages from inside the first build's on_post_build
    (priority -100) and sets ``building`` meanwhile; a hook running at a lower priority,
    outside those nested builds, sees ``building`` False again.
    """
    return not i18n_plugin(config).building


def translated_urls(page: Page, config: MkDocsConfig) -> dict[str, str]:
    """Site-relative URL of this page in each built language where it really is translated, in the
    languages' order."""
    urls: dict[str, str] = {}
    if not is_fallback(page, config):
        urls[current_language(config)] = page.file.url
    for language, alternate in getattr(page.file, "alternates", {}).items():
        if getattr(alternate, "locale", None) == language:
            urls.setdefault(language, alternate.url)
    return {language: urls[language] for language in build_languages(config) if language in urls}
