"""One level-1 heading per page: the page's title (CONTRIBUTING: "exactly one # Title").

A second ``# `` line (or ``#Title``, or a line underlined with ``===``) makes a second <h1>: screen-reader users navigating by headings meet two
titles, and MkDocs takes the page title from the first only. Lines inside fenced code (a shell
comment such as ``# install``) are not headings.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---\n.*?^---[ \t]*$", re.MULTILINE | re.DOTALL)
_FENCE = re.compile(r"(?ms)^(```|~~~).*?^\1[ \t]*$")
# Python-Markdown makes both of these an <h1>: "# Title" (or "#Title", no space needed) and a
# line underlined with "=" (a "setext" heading).
_TITLE = re.compile(r"(?m)^#(?!#)[ \t]*\S|^[ \t]{0,3}\S[^\n]*\n[ \t]{0,3}=+[ \t]*$")


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def extra_titles(source: str) -> list[int]:
    """The lines (1-based) of every level-1 heading after the first in a page's file, or in its Markdown
    without the front matter (``source``); the front matter's and fenced code's lines (YAML or shell
    comments) are not headings."""
    text = _FENCE.sub(_blank, _FRONT_MATTER.sub(_blank, source))
    return [text.count("\n", 0, match.start()) + 1 for match in _TITLE.finditer(text)][1:]
