"""Every page carries front matter with a description, the text search engines and link previews show.

MkDocs reads front matter that YAML cannot read (a quote left open, a list instead of keys) as
page text: the block appears on the page as a heading and a rule, and the page quietly takes the
site-wide description. A misspelt ``descripton:`` or a missing block does the latter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any, Final

from .yamlio import load_yaml_text

DESCRIPTION_EXPECTED: Final = ("front matter between two '---' lines at the top of the file, with "
                               "description: one sentence in the page's language (search results and link previews show it)")


def description_problem(meta: Mapping[str, Any], markdown: str) -> str | None:
    """What is wrong with the page's front matter, as "received …; expected …", or None."""
    description = meta.get("description")
    if isinstance(description, str) and description.strip():
        return None
    if markdown.lstrip("\ufeff").startswith("---"):  # MkDocs left the block in the text: YAML could not read it
        received = "front matter that YAML cannot read as keys and values (check the quotes and indentation of its lines)"
    elif not meta:
        received = "no front matter"
    elif "description" in meta:
        received = f"the description {description!r}"
    else:
        received = f"no description in the front matter (its keys: {', '.join(sorted(map(str, meta)))})"
    return f"received {received}; expected {DESCRIPTION_EXPECTED}"


# The keys a page's front matter may have: what the hooks, overrides/main.html, MkDocs and
# Material read. A post's are checked with the post (gppkit.news). A misspelt key ("tilte:") was
# ignored without a word.
PAGE_KEYS: Final = ("description", "source_hash", "search_exclude", "title",
                    "hide", "icon", "status", "subtitle", "template")


def unknown_keys_problem(meta: Mapping[str, Any]) -> str | None:
    """"received the key …; expected …" for front-matter keys no part of the site reads, or None."""
    unknown = [str(key) for key in meta if key not in PAGE_KEYS]
    if not unknown:
        return None
    hints = [f"'{key}' (did you mean '{close[0]}'?)" if (close := get_close_matches(key, PAGE_KEYS, n=1)) else f"'{key}'"
             for key in unknown]
    return (f"received the front-matter key{'s' if len(unknown) > 1 else ''} {', '.join(hints)}; expected only "
            f"keys the site reads: {', '.join(PAGE_KEYS)}")


# The front matter as MkDocs reads it (mkdocs.utils.meta.YAML_RE): a block between a '---' line and a
# '---' or '...' line at the very top, in text whose line ends are "\n" (MkDocs reads files with
# universal newlines; a file saved on Windows has "\r\n"). Every reader of front matter here uses it:
# with rules of their own, the translation tools missed a Windows file's block (and added a second one
# above it) and the heading check read a YAML comment as a heading.
FRONT_MATTER: Final = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def front_matter_text(text: str) -> str | None:
    """The front matter block, preceded by one empty line so YAML line numbers are file line numbers;
    None when the file does not start with one that MkDocs reads."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    return None if match is None else "\n" + match.group(1)


def check_front_matter_text(text: str, file_label: str) -> None:
    """Raise DataError where MkDocs' reading of a page's front matter drops what the editor wrote
    ("description: Join us #GPP" reads "Join us"; "&name" too): gppkit.yamlio refuses both. Only a
    block with a '#' or '&' in it is read again."""
    block = front_matter_text(text)
    if block is not None and ("#" in block or "&" in block):
        load_yaml_text(block, file_label)

