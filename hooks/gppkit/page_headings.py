"""One level-1 heading per page: the page's title (CONTRIBUTING: "exactly one # Title").

A second ``# `` line (or ``#Title``, or a line underlined with ``===``) makes a second <h1>: screen-reader users navigating by headings meet two
titles, and MkDocs takes the page title from the first only. Lines inside fenced code (a shell
comment such as ``# install``) are not headings.
"""

from __future__ import annotations

import re

from .page_front_matter import FRONT_MATTER

_FENCE = re.compile(r"(?ms)^(```|~~~).*?^\1[ \t]*$")
# Python-Markdown makes both of these an <h1>: "# Title" (or "#Title", no space needed) and a
# line underlined with "=" (a "setext" heading).
_TITLE = re.compile(r"(?m)^#(?!#)[ \t]*(?P<atx>\S[^\n]*?)[ \t#]*$"
                    r"|^[ \t]{0,3}(?P<setext>\S[^\n]*?)[ \t]*\n[ \t]{0,3}=+[ \t]*$")


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def titles(source: str) -> list[tuple[int, str]]:
    """(line, text) of every level-1 heading in a page's file, or in its Markdown without the front
    matter (``source``); the front matter's and fenced code's lines (YAML or shell comments) are not
    headings. Windows line endings count as line ends (a file saved on Windows)."""
    text = _FENCE.sub(_blank, FRONT_MATTER.sub(_blank, source.replace("\r\n", "\n"), count=1))
    return [(text.count("\n", 0, match.start()) + 1, match.group("atx") or match.group("setext"))
            for match in _TITLE.finditer(text)]


def extra_titles(source: str) -> list[int]:
    """The lines (1-based) of every level-1 heading after the first (see ``titles``)."""
    return [line for line, _ in titles(source)][1:]
