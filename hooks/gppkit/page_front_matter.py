"""Every page carries front matter with a description, the text search engines and link previews show.

MkDocs reads front matter that YAML cannot read (a quote left open, a list instead of keys) as
page text: the block appears on the page as a heading and a rule, and the page quietly takes the
site-wide description. A misspelt ``descripton:`` or a missing block does the latter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

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
