"""Search in the visitor's language: the search page's widget, and the Pagefind index after the build.

Pages opt in to the index with data-pagefind-body (overrides/main.html puts it on translated
pages only), so untranslated fallback copies never answer a query in the wrong language.

In the editor preview (`mkdocs serve --dirty`, `make preview`) the index is rebuilt in the
background: the saved page is served at once, its search entry a moment later. In `mkdocs build`
each language is indexed as it is built (hooks/search_pages.py); its bundle is assembled here.
"""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import gpp_search_build
from gpp_mkdocs import is_last_step_of_build
from gppkit.search import SEARCH_MARKER, BackgroundIndexer, SearchIndexError, build_search_index, search_widget_html
from gppkit.urls import site_path

_preview: dict[str, BackgroundIndexer | None] = {"indexer": None}


def _report_preview_problem(message: str) -> None:
    # Not through MkDocs' logger: a rebuild running meanwhile would count it as one of its warnings.
    print(f"WARNING -  The search index was not updated: {message}", file=sys.stderr, flush=True)


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve" and dirty:
        _preview["indexer"] = BackgroundIndexer(_report_preview_problem)


def on_shutdown() -> None:
    if _preview["indexer"] is not None:
        _preview["indexer"].wait(timeout=30)  # leave no Pagefind process behind


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    # Markdown passes the marker comment through untouched; the widget replaces it in the HTML.
    if SEARCH_MARKER not in html:
        return html
    root_url = get_relative_url(".", page.url).rstrip("/") + "/"
    widget = search_widget_html(config.extra["ui"], root_url, site_path(config.site_url))
    return html.replace(SEARCH_MARKER, widget)


# After every language is written (static-i18n builds them inside on_post_build at -100).
@event_priority(-120)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_step_of_build(config):
        return
    if _preview["indexer"] is not None:
        _preview["indexer"].request(Path(config.site_dir))
        return
    try:
        # Pagefind over the written site when the pages were not indexed as they were written
        # (serve, --dirty) or no language indexed one (its bundle's scripts are still needed).
        if not (gpp_search_build.is_active() and gpp_search_build.assemble(Path(config.site_dir))):
            build_search_index(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    finally:
        gpp_search_build.discard()
