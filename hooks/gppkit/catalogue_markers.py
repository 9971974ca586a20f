"""Markers in Markdown (``<!-- councils: BG -->``, ``<!-- catalogue: suppliers -->``) replaced by HTML."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .source_lines import line_in_page

MARKER = re.compile(r"<!--\s*(councils|catalogue)\s*:\s*(.*?)\s*-->", re.DOTALL)


class MarkerError(ValueError):
    pass


def marker_text(kind: str, argument: str) -> str:
    return f"<!-- {kind}: {argument} -->"


def replace_markers(
    markdown: str, render: Callable[[str, str], str | None], known: Sequence[str], source: str | None = None
) -> str:
    """Each marker becomes a raw HTML block (blank lines around); ``render`` returns None for unknown ones.

    Every unknown marker of the page is reported at once, with its line in ``source`` (the page's
    file: MkDocs hands hooks the Markdown without its front matter) and the markers that exist.
    """
    unknown: list[str] = []
    seen: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        html = render(match.group(1), match.group(2))
        if html is None:
            marker = match.group(0)
            seen[marker] = seen.get(marker, 0) + 1
            line = line_in_page(markdown, source, marker, seen[marker], match.start())
            unknown.append(f"line {line}: received the marker {marker!r}")
            return marker
        return f"\n\n{html}\n\n"

    result = MARKER.sub(replace, markdown)
    if unknown:
        raise MarkerError("; ".join(unknown) + f"; expected one of: {', '.join(known)}")
    return result


def markers_not_shown(shown: Iterable[tuple[str, str]], expected: Sequence[str]) -> list[str]:
    """The ``expected`` markers that no page of a language rendered (``shown``: kind and argument)."""
    rendered = {marker_text(kind, argument) for kind, argument in shown}
    return [marker for marker in expected if marker not in rendered]
