"""Replace `extra:name` link targets in Markdown with the URL configured under `extra.name`.

Inline links (``[text](extra:name)``, with or without a title) and reference definitions
(``[name]: extra:name``) are replaced; anything else that still links to ``extra:`` after
rendering is reported by :func:`unresolved_config_links` rather than published as a broken link.
"""

import re
from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any

from .source_lines import line_in_page
from .urls import is_safe_link

# The target of an inline link or of a reference definition; names as editors may mistype them.
CONFIG_LINK = re.compile(r"(\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?)extra:([\w-]*)", re.MULTILINE)
_LEFT_IN_HTML = re.compile(r"""(?:href|src)="extra:([^"]*)\"""")


class ConfigLinkError(ValueError):
    pass


def _expected(name: str, extra: Mapping[str, Any]) -> str:
    names = [key for key, value in extra.items() if isinstance(value, str) and is_safe_link(value)]
    close = get_close_matches(name, names, n=1)
    hint = f" (did you mean 'extra:{close[0]}'?)" if close else ""
    return f"an http, https or mailto URL in mkdocs.yml extra.{name}{hint}"


def resolve_config_links(markdown: str, extra: Mapping[str, Any], source: str | None = None) -> str:
    """``markdown`` with each `extra:name` target replaced; ConfigLinkError naming the line of the
    first one without a usable setting. ``source``: the page's file, for line numbers."""
    seen: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(2)
        target = f"extra:{name}"
        seen[target] = seen.get(target, 0) + 1
        value = extra.get(name)
        if not isinstance(value, str) or not is_safe_link(value):
            line = line_in_page(markdown, source, target, seen[target], match.start())
            raise ConfigLinkError(f"line {line}: link target '{target}' received {value!r} from mkdocs.yml; "
                                  f"expected {_expected(name, extra)}")
        return match.group(1) + value

    return CONFIG_LINK.sub(replace, markdown)


def unresolved_config_links(html: str) -> list[str]:
    """The `extra:` targets left in a page's HTML (written in a form Markdown did not take as a link target)."""
    return [f"extra:{name}" for name in _LEFT_IN_HTML.findall(html)] if "extra:" in html else []
