"""Prepared HTML blocks (the councils, the supplier catalogue) handed to Python-Markdown ready-made.

Python-Markdown finds raw HTML blocks by running Python's html.parser over the whole page, and
MkDocs runs it a second time to collect the ids of the page's anchors. For a 5000-supplier
catalogue that is 3 MB of HTML parsed twice per language: measured, 60 % of what the large data
added to a build. The blocks our hooks insert (gppkit.catalogue_markers: a ``<div class="gpp-…">``
without blank lines, between blank lines) are stored in Markdown's HTML stash directly, exactly
as its own parser would store them, and their ids are added to MkDocs' anchor list: the page comes
out byte for byte the same (tests/test_render_speed.py).
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

BLOCK_START = re.compile(r'<div class="gpp-[a-z0-9_-]+"[ >]')
DIV_TAG = re.compile(r"<div[\s>]|</div>")
ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')


def is_whole_element(block: str) -> bool:
    """True when ``block`` is one <div> element: it closes at its very end, and not before."""
    depth = 0
    for tag in DIV_TAG.finditer(block):
        depth += -1 if tag.group(0) == "</div>" else 1
        if depth == 0:
            return tag.end() == len(block)
    return False


def prepared_block_end(lines: list[str], start: int) -> int | None:
    """The index after a prepared block starting at ``lines[start]``, or None if there is none."""
    if not BLOCK_START.match(lines[start]) or (start > 0 and lines[start - 1].strip()):
        return None
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    if end == len(lines) or not is_whole_element("\n".join(lines[start:end])):
        return None
    return end


class PreparedHtmlStash(Preprocessor):
    """Stores each prepared block as Python-Markdown's html_block preprocessor would: text plus newline."""

    def __init__(self, md: Markdown):
        super().__init__(md)
        self.anchor_ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        self.anchor_ids = set()
        result, index = [], 0
        while index < len(lines):
            end = prepared_block_end(lines, index)
            if end is None:
                result.append(lines[index])
                index += 1
                continue
            block = "\n".join(lines[index:end])
            self.anchor_ids.update(html.unescape(value) for value in ID_ATTRIBUTE.findall(block))
            result += ["", self.md.htmlStash.store(block + "\n"), ""]
            index = end
        return result


class AnchorIdsHandOver(Preprocessor):
    """Adds the stashed blocks' ids to the anchor list of the preprocessor named ``collector``."""

    def __init__(self, md: Markdown, stash: PreparedHtmlStash, collector: str):
        super().__init__(md)
        self.stash, self.collector = stash, collector

    def run(self, lines: list[str]) -> list[str]:
        if self.stash.anchor_ids and self.collector in self.md.preprocessors:
            self.md.preprocessors[self.collector].present_anchor_ids |= self.stash.anchor_ids
        return lines


class PreparedHtmlExtension(Extension):
    """``anchor_collector``: the registered name of the preprocessor that lists a page's anchor ids
    (MkDocs: mkdocs_raw_html, priority 21, right before Python-Markdown's html_block at 20)."""

    def __init__(self, anchor_collector: str = "mkdocs_raw_html"):
        super().__init__()
        self.anchor_collector = anchor_collector

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        stash = PreparedHtmlStash(md)
        md.preprocessors.register(stash, "gpp_prepared_html", 25)  # after normalize_whitespace (30)
        md.preprocessors.register(AnchorIdsHandOver(md, stash, self.anchor_collector), "gpp_prepared_ids", 20.5)
