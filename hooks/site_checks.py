"""Refuse configurations that would build a broken site instead of letting them pass silently."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from gppkit.site_settings import check_site_settings


def on_config(config: MkDocsConfig) -> None:
    problems = check_site_settings(
        site_url=config.site_url,
        theme_font=config.theme.get("font"),
        features=config.theme.get("features") or [],
    )
    if problems:
        raise PluginError("mkdocs.yml is not ready to build:\n" + "\n".join(f"  - {p}" for p in problems))
