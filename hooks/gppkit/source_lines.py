"""Lines in a page's file for editors' messages.

MkDocs hands hooks the Markdown without its front matter, so a line counted there is off by the
front matter's length; the page's file (``source``) gives the line an editor's editor shows.
"""

from __future__ import annotations


def line_in_source(source: str, text: str, occurrence: int) -> int | None:
    """Line (1-based) of the ``occurrence``-th ``text`` in the page's file, or None if it is not there."""
    start = -1
    for _ in range(occurrence):
        start = source.find(text, start + 1)
        if start < 0:
            return None
    return source.count("\n", 0, start) + 1


def line_in_page(markdown: str, source: str | None, text: str, occurrence: int, start: int) -> int:
    """The line of ``text`` found at ``start`` in ``markdown``, its ``occurrence``-th: counted in the
    page's file when given and holding it, else in the Markdown."""
    found = line_in_source(source, text, occurrence) if source is not None else None
    return found or markdown.count("\n", 0, start) + 1
