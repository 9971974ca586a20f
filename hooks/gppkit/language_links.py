"""Links from one language's pages into another language's folder.

A translator who links ``[angielska](../en/join.md)`` from docs/pl/ means the English page, but
static-i18n rewrites the link to the Polish page itself, without a word; the other way round
(``../pl/join.md`` from docs/en/) MkDocs reports the target as "not found" although the file
exists. Pages link within their own language; the language switcher leads to the others.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection

from .source_lines import line_in_page

# Inline link targets and reference definitions, up to a title, an anchor or the closing bracket.
_TARGET = re.compile(r"\]\(\s*<?([^)\s>#]+\.md)|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>#]+\.md)", re.MULTILINE)


def links_into_other_languages(markdown: str, src_uri: str, languages: Collection[str],
                               source: str | None = None) -> list[str]:
    """"line N: received …; expected …" for each link of the page ``src_uri`` ("pl/join.md") that
    points into another language's folder. ``source``: the page's file, for line numbers."""
    own = src_uri.split("/", 1)[0]
    problems, seen = [], {}
    for match in _TARGET.finditer(markdown):
        target = match.group(1) or match.group(2)
        seen[target] = seen.get(target, 0) + 1
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
        language = resolved.split("/", 1)[0]
        if language in languages and language != own:
            line = line_in_page(markdown, source, target, seen[target], match.start())
            problems.append(f"line {line}: received a link to docs/{resolved}, a page of another language; expected "
                            f"a link within docs/{own}/ (the same page in this language is "
                            f"{posixpath.relpath(own + '/' + resolved.split('/', 1)[1], posixpath.dirname(src_uri))}; "
                            "the language switcher leads to the others)")
    return problems
