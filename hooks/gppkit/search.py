"""Per-language search with Pagefind: one index per <html lang>, loaded in fragments, no server.

Chosen over Material's lunr search, which merges all languages into one index and cannot stem
Bulgarian, Latvian or Polish: Pagefind keeps each language's pages apart (a Bulgarian visitor
only ever gets Bulgarian results), stems the languages it knows (en, fi, pl) and still matches
whole words in the others, and a visitor downloads only the index fragments a query needs.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

SEARCH_MARKER = "<!-- search: results -->"
PAGEFIND_FOLDER = "pagefind"

# Pagefind UI's translation keys, filled from data/ui/search.yml (keys prefixed "pagefind_").
PAGEFIND_UI_KEYS = (
    "placeholder", "clear_search", "load_more", "search_label", "zero_results",
    "many_results", "one_result", "alt_search", "search_suggestion", "searching", "filters_label",
)


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> None:
    """Index every page marked data-pagefind-body under ``site_dir`` into ``site_dir/pagefind``.

    A page's search view (see ``search_view``), when one was written, stands in for the page meanwhile.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", PAGEFIND_FOLDER, "--silent"]
    with search_views_in_place(site_dir):
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir} (exit {result.returncode}):\n{result.stderr.strip()}")
    normalise_entry_file(site_dir)


# A large page's cells that search leaves out (data-pagefind-ignore, as the catalogue's example and
# contact columns), taken out of what Pagefind reads: it still had to parse them, 1.4 s of CPU for
# five 4.4 MB catalogue pages, 0.85 s without them, for a byte-identical index (tests/test_search_views.py).
# Such a cell holds escaped data and lists, never another cell.
SEARCH_IGNORED = " data-pagefind-ignore"  # the attribute Pagefind skips an element for
_UNSEARCHED_CELL_START = f"<td{SEARCH_IGNORED}>"
_UNSEARCHED_CELL = re.compile(re.escape(_UNSEARCHED_CELL_START) + r".*?</td>", re.DOTALL)
SEARCH_VIEW_SUFFIX = ".pagefind-view"
FULL_PAGE_SUFFIX = ".pagefind-full"
SEARCH_VIEW_MIN_CHARACTERS = 1_000_000  # smaller pages: not worth a second file


def search_view(page_html: str) -> str | None:
    """What Pagefind reads of a large page: the page without the cells it would ignore; None if the same."""
    if len(page_html) < SEARCH_VIEW_MIN_CHARACTERS or _UNSEARCHED_CELL_START not in page_html:
        return None
    return _UNSEARCHED_CELL.sub("", page_html)


def write_search_view(page_path: Path, page_html: str) -> None:
    """Next to the page (``index.html.pagefind-view``), for ``build_search_index`` to use and remove.

    Called before MkDocs writes the page itself, so the page's folder may not exist yet.
    """
    view = search_view(page_html)
    if view is not None:
        page_path.parent.mkdir(parents=True, exist_ok=True)
        page_path.with_name(page_path.name + SEARCH_VIEW_SUFFIX).write_text(view, encoding="utf-8")


@contextmanager
def search_views_in_place(site_dir: Path) -> Iterator[None]:
    """Each page with a search view is swapped for it while the block runs, and put back afterwards.

    The views are gone afterwards, whatever happens. Only `mkdocs build` writes views: the preview's
    server must never serve one.
    """
    swapped: list[Path] = []
    try:
        for view in sorted(site_dir.rglob("*" + SEARCH_VIEW_SUFFIX)):
            page = view.with_name(view.name.removesuffix(SEARCH_VIEW_SUFFIX))
            if not page.is_file():
                view.unlink()
                continue
            os.replace(page, page.with_name(page.name + FULL_PAGE_SUFFIX))
            swapped.append(page)
            os.replace(view, page)
        yield
    finally:
        for page in swapped:
            os.replace(page.with_name(page.name + FULL_PAGE_SUFFIX), page)


class BackgroundIndexer:
    """Indexes in a thread, one run at a time; a request made during a run is served by one more run.

    For the editor preview: the rebuilt page is served without waiting for the index, which
    follows a fraction of a second later.
    """

    def __init__(self, report: Callable[[str], None]):
        self._report = report
        self._condition = threading.Condition()
        self._wanted: Path | None = None
        self._running = False

    def request(self, site_dir: Path) -> None:
        with self._condition:
            self._wanted = site_dir
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="pagefind", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        """True once no run is going on or wanted (tests, and the end of `mkdocs serve`)."""
        with self._condition:
            return self._condition.wait_for(lambda: not self._running, timeout)

    def _next(self) -> Path | None:
        with self._condition:
            site_dir, self._wanted = self._wanted, None
            self._running = site_dir is not None
            self._condition.notify_all()
            return site_dir

    def _run(self) -> None:
        while (site_dir := self._next()) is not None:
            try:
                build_search_index(site_dir)
            except (SearchIndexError, OSError) as error:  # the next rebuild indexes again
                self._report(str(error))


def normalise_entry_file(site_dir: Path) -> None:
    """Rewrite pagefind-entry.json with its languages in sorted order.

    Pagefind lists the languages in whatever order its threads finish; sorting keeps two builds
    of the same input byte-identical. The file is read as JSON, so the order means nothing to it.
    """
    entry = site_dir / PAGEFIND_FOLDER / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_widget_html(ui: dict[str, str], root_url: str, base_path: str) -> str:
    """The search page's widget; ``root_url`` is the relative URL of the site root from the page."""
    translations = {key: ui[f"pagefind_{key}"] for key in PAGEFIND_UI_KEYS}
    attributes = {
        "id": "gpp-search",
        # Absolute: Pagefind resolves a relative bundle path against its own script, not the page.
        "data-bundle": f"{base_path}{PAGEFIND_FOLDER}/",
        "data-base-url": base_path,
        "data-translations": json.dumps(translations, ensure_ascii=False, sort_keys=True),
    }
    attribute_text = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    return (
        f'<link rel="stylesheet" href="{html.escape(root_url)}{PAGEFIND_FOLDER}/pagefind-ui.css">\n'
        f"<div {attribute_text}></div>\n"
        f'<noscript><p>{html.escape(ui["search_needs_javascript"])}</p></noscript>\n'
        f'<script src="{html.escape(root_url)}{PAGEFIND_FOLDER}/pagefind-ui.js"></script>\n'
        f'<script src="{html.escape(root_url)}assets/search.js"></script>\n'
    )
