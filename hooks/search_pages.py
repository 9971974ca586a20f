"""Each language's pages go to Pagefind as they are written, in the process that builds the language.

`mkdocs build` only (gpp_search_build says why and where the bundles go); hooks/search.py puts the
languages' bundles together at the end, and indexes the written site in the preview and `serve`.
"""

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import gpp_search_build
from gpp_mkdocs import current_language, i18n_plugin, writes_whole_site
from gppkit.search import SearchIndexError

log = logging.getLogger("mkdocs.hooks.search_pages")
_command: dict[str, bool] = {"whole_site": False}


def on_startup(command: str, dirty: bool) -> None:
    _command["whole_site"] = writes_whole_site(command, dirty)


# Before hooks/parallel_build.py forks the language processes (-100): they write into the scratch folder too.
def on_pre_build(config: MkDocsConfig) -> None:
    if i18n_plugin(config).building:  # a language built inside the first one's build
        return
    if _command["whole_site"]:  # begin() discards what an earlier build in this process left
        try:
            gpp_search_build.begin(Path(config.site_dir))
        except OSError as error:  # hooks/search.py lets Pagefind read the written site instead
            log.info("Search indexes the site after the build (%s)", error)


# Last: the page as it will be written.
@event_priority(-200)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> None:
    if gpp_search_build.is_active():
        _reporting_errors(gpp_search_build.add_page, current_language(config), page.file.dest_uri, output)


# Before static-i18n builds the other languages (-100): the first language's bundle is done meanwhile.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    if gpp_search_build.is_active():
        _reporting_errors(gpp_search_build.end_language)


def _reporting_errors(step, *arguments) -> None:
    try:
        step(*arguments)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_build_error(error: Exception) -> None:
    gpp_search_build.discard()


def on_shutdown() -> None:
    gpp_search_build.discard()
