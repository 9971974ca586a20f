"""Per-language search with Pagefind: one index per <html lang>, loaded in fragments, no server.

Chosen over Material's lunr search, which merges all languages into one index and cannot stem
Bulgarian, Latvian or Polish: Pagefind keeps each language's pages apart (a Bulgarian visitor
only ever gets Bulgarian results), stems the languages it knows (en, fi, pl) and still matches
whole words in the others, and a visitor downloads only the index fragments a query needs.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from gppkit.pagefind_service import PagefindService, PagefindServiceError

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

    What the editor preview and `mkdocs serve` run over the written site; `mkdocs build` gives
    Pagefind each page as it is written instead (``LanguageSearchIndex``).
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", PAGEFIND_FOLDER, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir} (exit {result.returncode}):\n{result.stderr.strip()}")
    normalise_entry_file(site_dir)


# What Pagefind reads of a page marked data-pagefind-body: the <html lang> (which index), the title
# and the marked element; the rest (navigation, header, footer: 12 of every 13 bytes of a page) it
# parses only to skip. overrides/main.html closes the element with the comment SEARCH_BODY_END.
SEARCH_BODY_START = "<div data-pagefind-body>"
SEARCH_BODY_END = "</div><!-- /pagefind-body -->"
_HTML_LANG = re.compile(r'<html\b[^>]*\blang="[^"]*"')
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
# A large page's cells that search leaves out (data-pagefind-ignore, as the catalogue's example and
# contact columns), taken out too: Pagefind still had to parse them, 1.4 s of CPU for five 4.4 MB
# catalogue pages, 0.85 s without them. Such a cell holds escaped data and lists, never another cell.
SEARCH_IGNORED = " data-pagefind-ignore"  # the attribute Pagefind skips an element for
_UNSEARCHED_CELL_START = f"<td{SEARCH_IGNORED}>"
_UNSEARCHED_CELL = re.compile(re.escape(_UNSEARCHED_CELL_START) + r".*?</td>", re.DOTALL)
UNSEARCHED_CELLS_MIN_CHARACTERS = 1_000_000  # smaller pages: not worth the pass
# A large page's table rows also lose their ids. Pagefind keeps every id in the body as an anchor of
# the page's record, but its interface links results to headings only (`calculate_sub_results`,
# elements h1 to h6): the catalogue's 5000 row anchors were half of the compressed record a visitor
# downloads with each catalogue result (85 KB, 40 KB without them) and a third of Pagefind's work
# on the page. On the page itself each row keeps its id, for links to a supplier.
_ROW_ID = re.compile(r'<tr id="[^"]*"')
# A list that repeats other pages' text for browsing (a news listing's or tag page's posts) is out of
# search, so that a search finds each post itself rather than every listing that repeats its summary;
# made by ``unsearched_list``, it holds no <div> and leaves every view whole, whatever the page's size:
# Pagefind parsed the 90-360 KB of each such page of 500 posts only to skip them (0.3 s of its CPU per
# build of five languages).
_UNSEARCHED_LIST_MARK = "data-gpp-unsearched-list"
_UNSEARCHED_LIST = re.compile(rf"<div [^>]*\b{_UNSEARCHED_LIST_MARK}>.*?</div>", re.DOTALL)


def unsearched_list(css_class: str, items_html: str) -> str:
    """``items_html`` in a <div> of class ``css_class`` that search leaves out (see above)."""
    if "<div" in items_html:  # the view drops the list up to its first </div>
        raise ValueError("an unsearched list holds no <div>")
    return f'<div class="{css_class}"{SEARCH_IGNORED} {_UNSEARCHED_LIST_MARK}>{items_html}</div>'


def search_view(page_html: str) -> str | None:
    """The part of a page Pagefind indexes, as a page of its own; None for a page outside the index.

    A page with Pagefind attributes outside the marked element (a filter or metadata in the header,
    say), or marked without overrides/main.html's closing comment, is returned whole: Pagefind reads
    those too. tests/test_search_views.py checks that the views give the bundle the whole pages
    give, but for the anchors of a large page's table rows.
    """
    if "data-pagefind-body" not in page_html:
        return None
    start = page_html.find(SEARCH_BODY_START)
    end = page_html.rfind(SEARCH_BODY_END)
    if start < 0 or end < start:  # marked some other way (another template): Pagefind reads it all
        return page_html
    outside = page_html[:start] + page_html[end:]
    language, title = _HTML_LANG.search(outside), _TITLE.search(outside)
    if "data-pagefind-" in outside or language is None:
        return page_html
    body = page_html[start:end + len("</div>")]
    if _UNSEARCHED_LIST_MARK in body:
        body = _UNSEARCHED_LIST.sub("", body)
    if len(body) >= UNSEARCHED_CELLS_MIN_CHARACTERS:
        if _UNSEARCHED_CELL_START in body:
            body = _UNSEARCHED_CELL.sub("", body)
        body = _ROW_ID.sub("<tr", body)
    head = f'<head><meta charset="utf-8">{title.group(0) if title else ""}</head>'
    return f"<!doctype html>\n{language.group(0)}>{head}<body>{body}</body></html>\n"


class LanguageSearchIndex:
    """One language's pages, given to a Pagefind service as they are written; its bundle at the end.

    Each language build (in whichever process builds it) has one, so Pagefind indexes while the
    other languages are still being built, from the pages' search views, without reading the site
    back from disk; ``assemble_bundle`` puts the languages' bundles together afterwards. The
    pages are indexed in the order they are given, so the same build gives the same bundle.
    """

    def __init__(self, start_service: Callable[[], PagefindService] = PagefindService):
        self._start_service = start_service
        self._service: PagefindService | None = None
        self._pages: dict[int, str] = {}  # message id -> the page's path in the site

    def add(self, dest_path: str, page_html: str) -> None:
        """``dest_path``: the page's path in the site (``bg/projects/index.html``); Pagefind makes its URL."""
        view = search_view(page_html)
        if view is None:
            return
        try:
            if self._service is None:
                self._service = self._start_service()
            message_id = self._service.send(
                {"type": "AddFile", "index_id": self._service.index_id, "file_path": dest_path, "url": None,
                 "file_contents": view})
        except PagefindServiceError as error:
            raise SearchIndexError(f"Pagefind could not index {dest_path}: {error}") from None
        self._pages[message_id] = dest_path

    def write_bundle(self, folder: Path) -> bool:
        """Write this language's bundle into ``folder``; False (nothing written) when no page was indexed."""
        if self._service is None:
            return False
        service = self._service
        try:
            answer = service.request({"type": "GetFiles", "index_id": service.index_id})
            failed = [path for message_id, path in self._pages.items() if service.answer(message_id)["type"] != "IndexedFile"]
        except PagefindServiceError as error:
            raise SearchIndexError(f"Pagefind could not index the pages: {error}") from None
        finally:
            self.close()
        if failed or answer["type"] != "GetFiles":
            raise SearchIndexError(f"Pagefind could not index {', '.join(failed) or 'the pages'}: {answer}")
        files = [(folder / file["path"], file["content"]) for file in answer["files"]]
        for parent in {path.parent for path, _ in files}:  # each folder once, not once per file (700 files)
            parent.mkdir(parents=True, exist_ok=True)
        for path, content in files:
            path.write_bytes(base64.b64decode(content))
        return True

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None


ENTRY_FILE = "pagefind-entry.json"


def assemble_bundle(language_bundles: list[Path], bundle_dir: Path) -> None:
    """Move the languages' bundles into one: their files side by side, their entry files merged.

    Each language's files are named after it (``bg_…``); the files every bundle has (Pagefind's
    scripts, styles, the generic WebAssembly) are the same in each and kept once. The merged entry
    file is what one Pagefind run over the whole site writes, with its languages sorted.
    """
    entries: list[dict] = []
    made: set[Path] = set()
    for language_bundle in language_bundles:
        for path in sorted(language_bundle.rglob("*")):
            if path.is_dir():
                continue
            relative = path.relative_to(language_bundle)
            if relative.as_posix() == ENTRY_FILE:
                entries.append(json.loads(path.read_text(encoding="utf-8")))
                continue
            target = bundle_dir / relative
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            if target.exists():
                if target.read_bytes() != path.read_bytes():
                    raise SearchIndexError(f"Two languages' search bundles differ in {relative.as_posix()}")
                continue
            os.replace(path, target)
    if not entries:
        return
    entry = dict(entries[0])
    entry["languages"] = {language: meta for each in entries for language, meta in each.get("languages", {}).items()}
    bundle_dir.mkdir(parents=True, exist_ok=True)
    _write_entry_file(bundle_dir / ENTRY_FILE, entry)


def _write_entry_file(path: Path, entry: dict) -> None:
    """pagefind-entry.json with its languages sorted, as compact as Pagefind writes it.

    Pagefind lists the languages in whatever order its threads finish; sorting keeps two builds
    of the same input byte-identical. The file is read as JSON, so the order means nothing to it.
    """
    entry = {**entry, "languages": dict(sorted(entry.get("languages", {}).items()))}
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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
    """Rewrite the entry file of Pagefind's command line with its languages in sorted order."""
    entry = site_dir / PAGEFIND_FOLDER / ENTRY_FILE
    _write_entry_file(entry, json.loads(entry.read_text(encoding="utf-8")))


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
