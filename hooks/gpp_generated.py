"""Pages and files made by hooks, set up the way mkdocs-static-i18n sets up the editors' pages.

static-i18n rebuilds the file list of each language in its on_files (priority -100) and drops
what it cannot place, so generated files are added after it (priority below -100). A generated
page gets the attributes static-i18n gives its own pages (locale, alternates ...): the language
switcher, hreflang links (hooks/hreflang.py) and the sitemap then treat it like any other page.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from gpp_mkdocs import current_language, default_language, i18n_plugin
from gppkit.urls import language_root


def current_root(config: MkDocsConfig) -> str:
    """Site-relative folder of the language being built: "" for the default language, "bg/" otherwise."""
    return language_root(current_language(config), default_language(config))


def _page_file(config: MkDocsConfig, language: str, path: str, content: str) -> File:
    """A Markdown page pretending to be docs/<language>/<path>, written under the language's folder."""
    file = File.generated(config, f"{language}/{path}", content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = language_root(language, default_language(config)) + file.dest_uri.removeprefix(f"{language}/")
    file.locale = language
    file.locale_alternate_of = language
    file.localization = language
    file.norm_src_uri = path
    file.alternates = {language: file}
    return file


def add_generated_page(files: Files, config: MkDocsConfig, path: str, content: str,
                       other_languages: list[str]) -> File:
    """Add a page of the current language at ``path`` (such as ``news/tags/climate.md``).

    ``other_languages`` are those where the same generated page exists: the switcher and the
    hreflang links lead there; other languages' switcher entries lead to their home page.
    """
    language = current_language(config)
    file = _page_file(config, language, path, content)
    for other in other_languages:
        if other != language:
            file.alternates[other] = _page_file(config, other, path, "")
    files.append(file)
    # static-i18n's sitemap lists the pages it recorded per language in its own on_files.
    i18n_plugin(config).i18n_files_per_language.setdefault(language, []).append(file)
    return file


def add_generated_asset(files: Files, config: MkDocsConfig, path: str, content: bytes) -> File:
    """Add a non-page file (feed, calendar) at ``path`` under the current language's folder."""
    file = File.generated(config, current_root(config) + path, content=content)
    files.append(file)
    return file


def urls_by_source(files: Files) -> Mapping[str, str]:
    """Site-relative URL of every page of the current build, by source path (``pl/news/x.md``)."""
    return {file.src_uri: file.url for file in files.documentation_pages()}
