"""Helpers for the news, feeds and events tests: read sources independently, follow links in the built site."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import yaml

from conftest import PROJECT_ROOT, SOURCE_DATE_EPOCH, language_prefix, read_mkdocs_config

SITE_URL = read_mkdocs_config()["site_url"]
SITE_PATH = "/" + SITE_URL.split("/", 3)[3]
BUILD_NOW = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), timezone.utc)
BABEL_LOCALE = {"en": "en_GB"}  # British English on the English pages


def language_url(language: str, path: str = "") -> str:
    """Absolute URL of ``path`` under a language's root."""
    return SITE_URL + language_prefix(language) + path


def built_file(site: Path, url: str, page: Path | None = None) -> Path:
    """The file a URL leads to: absolute (site_url), site-absolute (/baltic-gpp/...) or relative to ``page``."""
    if url.startswith(SITE_URL):
        target = site / url[len(SITE_URL):]
    elif url.startswith(SITE_PATH):
        target = site / url[len(SITE_PATH):]
    else:
        assert page is not None, url
        target = page.parent / url.split("#")[0]
    target = target.resolve()
    return target / "index.html" if target.is_dir() else target


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def source_posts(language: str, docs: Path = PROJECT_ROOT / "docs") -> list[dict]:
    """The language's published posts, newest first, read straight from docs/<language>/news/."""
    posts = []
    for path in sorted((docs / language / "news").glob("*.md")):
        meta = front_matter(path)
        if path.name != "index.md" and not meta.get("draft"):
            posts.append({**meta, "slug": path.stem})
    return sorted(posts, key=lambda post: (_instant(post["date"]), post["slug"]), reverse=True)


def _instant(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


def labels(section: str) -> dict[str, dict[str, str]]:
    return yaml.safe_load((PROJECT_ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[section]


def source_events() -> list[dict]:
    return yaml.safe_load((PROJECT_ROOT / "data" / "events.yml").read_text(encoding="utf-8"))["events"]
