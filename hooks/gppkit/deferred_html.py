"""Large HTML blocks (the councils, the supplier catalogue) kept out of Python-Markdown.

Markdown only copies such a block into the page, but it copies 4.4 MB (5000 suppliers) through
its whitespace clean-up, its raw-HTML stash and its output filters: 0.12 s per language. Here
the page's Markdown holds a one-line stand-in instead, ``<div class="gpp-deferred"
data-block="0"></div>`` between blank lines, which Markdown passes through as a raw HTML
block; in the converted page each stand-in is replaced by its block. The page comes out byte
for byte as if Markdown had copied the block (tests/test_render_speed.py), and the block's
anchor ids are handed to MkDocs' link check, which would otherwise have found them in it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

STAND_IN = '<div class="gpp-deferred" data-block="{index}"></div>'
_STAND_IN = re.compile(r'<div class="gpp-deferred" data-block="(\d+)"></div>')
# The anchors MkDocs' link check collects from raw HTML: id attributes (our blocks quote them with ").
_ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class HtmlBlock:
    """A block and the anchor ids MkDocs' link check should know of it (5000 row ids: 0.04 s to find
    per language, so a block kept for the next build keeps them too)."""

    html: str
    anchor_ids: frozenset[str]

    @classmethod
    def of(cls, block: str) -> HtmlBlock:
        return cls(block, frozenset(html.unescape(value) for value in _ID_ATTRIBUTE.findall(block)))


class StandInMissing(ValueError):
    """A block's stand-in is not in the converted page (a marker inside a code block, say)."""


class DeferredBlocks:
    """The blocks of one page: ``stand_in(block)`` before Markdown, ``insert(content)`` after it."""

    def __init__(self) -> None:
        self._blocks: list[HtmlBlock] = []
        self._labels: list[str] = []

    def __len__(self) -> int:
        return len(self._blocks)

    def stand_in(self, block: HtmlBlock, label: str) -> str:
        """The stand-in for ``block``; ``label`` names it in a StandInMissing message (its marker)."""
        self._blocks.append(block)
        self._labels.append(label)
        return STAND_IN.format(index=len(self._blocks) - 1)

    def insert(self, content: str) -> str:
        """``content`` with each stand-in replaced by its block; StandInMissing if one is not there once."""
        placed: list[int] = []

        def block(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(self._blocks):
                return match.group(0)  # not ours: text that happens to look like a stand-in
            placed.append(index)
            return self._blocks[index].html

        result = _STAND_IN.sub(block, content)
        if sorted(placed) != list(range(len(self._blocks))):
            misplaced = [label for index, label in enumerate(self._labels) if placed.count(index) != 1]
            raise StandInMissing(", ".join(misplaced))
        return result

    def anchor_ids(self) -> set[str]:
        return set().union(*(block.anchor_ids for block in self._blocks))
