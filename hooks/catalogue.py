"""Councils and the supplier catalogue from data/*.yml, as HTML tables in every language.

- on_pre_build: data/councils.yml, suppliers.yml and labels.yml validated once per build (re-read
  only when changed, so `mkdocs serve` picks up edits; kept for the next build, see gpp_data), the
  table's rows and open-data records prepared with them; every problem stops the build together.
- on_page_markdown: `<!-- councils: BG -->` and `<!-- catalogue: suppliers -->` become raw HTML,
  rendered once per language and page (and kept for the next build); an unknown marker stops the
  build. The HTML waits outside Markdown (gppkit.deferred_html) and takes its place in on_page_content.
- on_post_build: each language's open-data files in <language root>/catalogue/ (kept for the next
  build, as the data is: gpp_data.catalogue_output); a council or the catalogue that no page of the
  language showed (its marker deleted, say) stops the build.
The work itself is plain Python in gppkit (catalogue_*.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from gpp_data import catalogue_output, data_dir, site_catalogue
from gpp_mkdocs import current_language, default_language, i18n_plugin
from gppkit.catalogue_export import open_data_files
from gppkit.catalogue_html import Downloads, Labels, render_council, render_supplier_catalogue
from gppkit.catalogue_markers import MarkerError, marker_text, markers_not_shown, replace_markers
from gppkit.catalogue_model import CatalogueData
from gppkit.catalogue_prepared import PreparedCatalogue
from gppkit.deferred_html import DeferredBlocks, HtmlBlock, StandInMissing
from gppkit.urls import language_root

DOWNLOADS_FOLDER = "catalogue"

_state: dict[str, Any] = {"catalogue": None, "rendered": {}, "deferred": {}, "every_page": True}


def on_startup(command: str, dirty: bool) -> None:
    _state["every_page"] = not dirty  # --dirty renders only the pages that changed


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> None:
    # `mkdocs serve` watches docs/ only; editors also change data/.
    server.watch(str(data_dir(config)))


def on_pre_build(config: MkDocsConfig) -> None:
    if not i18n_plugin(config).building:  # the first language of a (re)build
        _state["rendered"].clear()
    # Loaded by the first language, before the others are forked (hooks/parallel_build.py).
    _state["catalogue"] = site_catalogue(config)
    _state["deferred"].clear()


def _downloads(config: MkDocsConfig, page: Page) -> Downloads:
    folder = language_root(current_language(config), default_language(config)) + DOWNLOADS_FOLDER
    return Downloads(*(get_relative_url(f"{folder}/{name}", page.url)
                       for name in ("suppliers.csv", "suppliers.json", "councils.csv")))


def _render(kind: str, argument: str, config: MkDocsConfig, downloads: Downloads) -> HtmlBlock | None:
    prepared: PreparedCatalogue = _state["catalogue"]
    catalogue = prepared.data
    labels, ui = Labels(catalogue.labels, current_language(config)), config.extra["ui"]
    if kind == "catalogue" and argument == "suppliers":
        return HtmlBlock.of(render_supplier_catalogue(prepared.rows, labels, ui, downloads))
    council = next((c for c in catalogue.councils.councils if kind == "councils" and c.country == argument), None)
    return HtmlBlock.of(render_council(council, labels, ui, downloads)) if council else None


def _cached_render(kind: str, argument: str, config: MkDocsConfig, page: Page) -> HtmlBlock | None:
    """Rendered once per language and page, and kept for the next build with the data (the catalogue
    of 5000 suppliers: 0.1 s per language)."""
    language = current_language(config)
    key = (language, page.url, kind, argument)
    if key not in _state["rendered"]:
        downloads = _downloads(config, page)
        _state["rendered"][key] = catalogue_output(config, f"{kind}: {argument} on {page.url}", language,
                                                   (downloads, config.extra["ui"]),
                                                   lambda: _render(kind, argument, config, downloads))
    return _state["rendered"][key]


def _known_markers() -> list[str]:
    catalogue: CatalogueData = _state["catalogue"].data
    return [*(marker_text("councils", c.country) for c in catalogue.councils.councils), marker_text("catalogue", "suppliers")]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    known = _known_markers()
    blocks = DeferredBlocks()

    def stand_in(kind: str, argument: str) -> str | None:
        block = _cached_render(kind, argument, config, page)
        return None if block is None else blocks.stand_in(block, marker_text(kind, argument))

    try:
        markdown = replace_markers(markdown, stand_in, known, source=page.file.content_string)
    except MarkerError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
    if blocks:  # most pages have no marker: nothing to put back after Markdown
        _state["deferred"][page.url] = blocks
    return markdown


@event_priority(100)  # before every other hook sees the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    blocks: DeferredBlocks | None = _state["deferred"].pop(page.url, None)
    if blocks is None:
        return html
    try:
        html = blocks.insert(html)
    except StandInMissing as error:
        raise PluginError(f"docs/{page.file.src_uri}: received the marker {error} where Markdown does not keep "
                          "raw HTML (a code block, say); expected each marker on a line of its own, "
                          "with a blank line before and after.") from None
    page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.anchor_ids()
    return html


def _check_every_table_shown(language: str) -> None:
    shown = [(kind, argument) for (shown_in, _, kind, argument), block in _state["rendered"].items()
             if shown_in == language and block is not None]
    missing = markers_not_shown(shown, _known_markers())
    if missing:
        raise PluginError(f"docs/{language}/: received no page with {', '.join(missing)}; expected every council of "
                          "data/councils.yml and the supplier catalogue on a page of each language "
                          "(the councils page and the suppliers page hold their markers)")


def on_post_build(config: MkDocsConfig) -> None:
    prepared: PreparedCatalogue = _state["catalogue"]
    catalogue = prepared.data
    language = current_language(config)
    if _state["every_page"]:
        _check_every_table_shown(language)
    folder = Path(config.site_dir) / language_root(language, default_language(config)) / DOWNLOADS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    notice = config.extra["ui"]["catalogue_notice"]
    files = catalogue_output(config, "open data", language, (notice,), lambda: open_data_files(
        catalogue.councils.councils, prepared.export, Labels(catalogue.labels, language), notice))
    for name, content in files.items():
        (folder / name).write_bytes(content)
