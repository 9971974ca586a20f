"""Search in the visitor's language: the search page's widget, and the Pagefind index after the build.

Pages opt in to the index with data-pagefind-body (overrides/main.html puts it on translated
pages only), so untranslated fallback copies never answer a query in the wrong language.

In the editor preview (`mkdocs serve --dirty`, `make preview`) the index is rebuilt in the
background: the saved page is served at once, its search entry a moment later. In `mkdocs build`,
a large page is indexed from its search view, without the cells search ignores (gppkit.search).
"""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from gpp_mkdocs import is_last_step_of_build
from gppkit.search import (
    SEARCH_MARKER, BackgroundIndexer, SearchIndexError, build_search_index, search_widget_html, write_search_view,
)
from gppkit.urls import site_path

_preview: dict[str, BackgroundIndexer | None] = {"indexer": None}
_command: dict[str, str | None] = {"name": None}


def _report_preview_problem(message: str) -> None:
    # Not through MkDocs' logger: a rebuild running meanwhile would count it as one of its warnings.
    print(f"WARNING -  The search index was not updated: {message}", file=sys.stderr, flush=True)


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command
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


# Last: the page as it will be written. Not while serving: the server must never see a view.
@event_priority(-200)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> None:
    if _command["name"] in ("build", "gh-deploy"):
        write_search_view(Path(page.file.abs_dest_path), output)


# After every language is written (static-i18n builds them inside on_post_build at -100).
@event_priority(-120)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_step_of_build(config):
        return
    if _preview["indexer"] is not None:
        _preview["indexer"].request(Path(config.site_dir))
        return
    try:
        build_search_index(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
