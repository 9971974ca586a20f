"""Replace `](extra:name)` link targets in Markdown with the URL configured under `extra.name`."""

import re
from collections.abc import Mapping
from typing import Any

from .urls import is_safe_link

CONFIG_LINK = re.compile(r"\]\(extra:([A-Za-z_][A-Za-z0-9_]*)\)")


class ConfigLinkError(ValueError):
    pass


def resolve_config_links(markdown: str, extra: Mapping[str, Any]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        line = markdown.count("\n", 0, match.start()) + 1
        value = extra.get(name)
        if not isinstance(value, str) or not is_safe_link(value):
            raise ConfigLinkError(
                f"line {line}: link target 'extra:{name}' needs mkdocs.yml extra.{name}; "
                f"received {value!r}, expected an http, https or mailto URL."
            )
        return f"]({value})"

    return CONFIG_LINK.sub(replace, markdown)
