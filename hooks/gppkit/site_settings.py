"""Checks of mkdocs.yml settings that the stock stack accepts but that break this site."""

from typing import Any

from .urls import is_safe_link


def check_site_settings(site_url: str | None, theme_font: Any, features: list[str]) -> list[str]:
    """Every problem with the settings, each as a sentence naming key, received and expected."""
    problems: list[str] = []
    if not site_url:
        problems.append(
            "site_url: received nothing; expected the absolute address the site is published at, "
            "such as 'https://www.example.org/baltic-gpp/' (hreflang links, feeds, calendars and the "
            "sitemap would otherwise contain 'None')."
        )
    elif not site_url.startswith(("https://", "http://")) or not is_safe_link(site_url):
        problems.append(f"site_url: received {site_url!r}; expected an absolute http(s) address.")
    if theme_font is not False:
        problems.append(
            f"theme.font: received {theme_font!r}; expected false (any other value makes every page "
            "request Google Fonts, a third-party host)."
        )
    if "navigation.instant" in features:
        problems.append(
            "theme.features: received 'navigation.instant'; expected it absent (it breaks the language switcher)."
        )
    return problems
