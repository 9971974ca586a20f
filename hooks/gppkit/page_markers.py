"""Markers a page may hold, and the ones an editor mistyped.

A marker is an HTML comment that a hook replaces (``<!-- events: upcoming -->``); mistyped
(``<!-- events: upcomin -->``, ``<!-- catalog: suppliers -->``, ``<!-- news: list-->``) it stays an
invisible comment and the page silently lacks its list. The councils' and the catalogue's markers
are checked against the data by their own hook (gppkit.catalogue_markers); the others are fixed
texts, checked here. An ordinary comment (``<!-- note: ask Kinno -->``) is left alone: only a
comment whose first word is, or nearly is, a marker's counts.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Final

from .source_lines import line_in_page, line_in_source
from .events_html import PAST_MARKER, UPCOMING_MARKER
from .news_html import LATEST_MARKER, LIST_MARKER
from .search import SEARCH_MARKER

FIXED_MARKERS: Final = (UPCOMING_MARKER, PAST_MARKER, LIST_MARKER, LATEST_MARKER, SEARCH_MARKER)
DATA_KINDS: Final = ("councils", "catalogue")  # checked with the data, by hooks/catalogue.py
_COMMENT = re.compile(r"<!--\s*([A-Za-z][\w-]*)\s*:.*?-->", re.DOTALL)
_ANY_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_KINDS: Final = (*DATA_KINDS, *sorted({_COMMENT.fullmatch(marker).group(1) for marker in FIXED_MARKERS}))  # type: ignore[union-attr]
# Tag pages are generated with their own marker; a page written by an editor does not need one.
_GENERATED = re.compile(r"<!-- news: tag [a-z0-9-]+ -->")


def _letters(comment: str) -> str:
    return re.sub(r"[\W_]+", "", comment.lower())


# A marker written without its colon (``<!-- news list -->``, ``<!-- events - upcoming -->``): its
# letters are a fixed marker's. An ordinary comment that merely starts with "news" is left alone.
_FIXED_LETTERS: Final = {_letters(marker): marker for marker in FIXED_MARKERS}


def _is_marker(comment: str) -> bool:
    match = _COMMENT.fullmatch(comment)
    return comment in FIXED_MARKERS or (match is not None and match.group(1) in DATA_KINDS)


def marker_problems(markdown: str, source: str | None = None) -> list[str]:
    """Mistyped markers, markers written without their colon, and a marker given twice (its list would
    be shown twice, with the same ids), each as "line N: received …; expected …".

    ``source``: the page's file, for line numbers (MkDocs hands hooks the Markdown without its front matter).
    """
    problems = mistyped_markers(markdown, source)
    seen: dict[str, int] = {}
    for match in _ANY_COMMENT.finditer(markdown):
        comment = match.group(0)
        seen[comment] = seen.get(comment, 0) + 1
        intended = _FIXED_LETTERS.get(_letters(comment))
        if intended is not None and _COMMENT.fullmatch(comment) is None:
            received, expected = f"the marker {comment!r}", \
                f"{intended} (exactly so: a marker written otherwise stays an invisible comment)"
        elif seen[comment] == 2 and _is_marker(comment):
            received, expected = f"the marker {comment!r} a second time", \
                "each marker once per page (its list would be shown twice, with the same ids)"
        else:
            continue
        line = line_in_page(markdown, source, comment, seen[comment], match.start())
        problems.append(f"line {line}: received {received}; expected {expected}")
    return problems


def mistyped_markers(markdown: str, source: str | None = None) -> list[str]:
    """"line N: received the marker '…'; expected …" for every mistyped marker of the page.

    ``source``: the page's file, for line numbers (MkDocs hands hooks the Markdown without its front matter).
    """
    problems, seen = [], {}
    for match in _COMMENT.finditer(markdown):
        comment, kind = match.group(0), match.group(1).lower()
        if comment in FIXED_MARKERS or _GENERATED.fullmatch(comment) or (kind in DATA_KINDS and match.group(1) == kind):
            continue
        close = get_close_matches(kind, _KINDS, n=1, cutoff=0.7)
        if not close:
            continue
        seen[comment] = seen.get(comment, 0) + 1
        line = line_in_page(markdown, source, comment, seen[comment], match.start())
        expected = [marker for marker in FIXED_MARKERS if marker.startswith(f"<!-- {close[0]}:")] \
            or [f"<!-- {close[0]}: … -->"]
        problems.append(f"line {line}: received the marker {comment!r}; expected {' or '.join(expected)} "
                        "(exactly so: a marker written otherwise stays an invisible comment)")
    return problems


def missing_markers(markdown: str, original: str, original_label: str) -> list[str]:
    """The fixed markers of ``original`` (the English page's file) a translation's Markdown lacks, as
    problems. The councils' and the catalogue's are checked with the data (every council on a page of
    each language, by hooks/catalogue.py)."""
    return [f"received no {marker}; expected the markers of its English page in the translation too "
            f"({original_label}, line {line_in_source(original, marker, 1)}): without it the page lacks that list"
            for marker in FIXED_MARKERS if marker in original and marker not in markdown]
