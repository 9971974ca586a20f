"""mkdocs.yml for the two builds of one synthetic site: this project's, and stock Material + static-i18n.

The project's file is the real mkdocs.yml with a longer nav. The stock file keeps what makes the
same Markdown build the same site (languages, their names and nav translations, site_url, Markdown
extensions, nav) and nothing of ours: no hooks, no overrides, no theme features (so no
navigation.prune), Material's search plugin instead of Pagefind.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from datagen import NOTES


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV tags (as null)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)

NAV_MARKER = "\nnav:\n"


def read_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)


def not_in_nav(config: dict) -> str:
    return config["not_in_nav"].rstrip("\n") + f"\n/*/{NOTES}/*.md\n"


def project_config(project: Path, extra_nav: list[dict]) -> str:
    """The project's mkdocs.yml, its nav extended by ``extra_nav``."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if NAV_MARKER not in text:
        raise SystemExit("bench: mkdocs.yml has no top-level 'nav:' section to extend")
    config = read_config(project)
    tail = {"nav": config["nav"] + extra_nav, "not_in_nav": not_in_nav(config)}
    head = text[: text.index(NAV_MARKER)]
    return head + "\n" + yaml.safe_dump(tail, allow_unicode=True, sort_keys=False, width=200)


def _stock_languages(config: dict) -> list[dict]:
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return [{key: value for key, value in language.items()} for language in i18n["languages"]]


def stock_config(project: Path, extra_nav: list[dict]) -> str:
    config = read_config(project)
    stock = {
        key: config[key] for key in ("site_name", "site_description", "site_url", "copyright", "docs_dir")
    }
    stock |= {
        "theme": {"name": "material", "language": "en"},
        "markdown_extensions": config["markdown_extensions"],
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "fallback_to_default": True,
                                        "languages": _stock_languages(config)}}],
        "nav": config["nav"] + extra_nav,
        "not_in_nav": not_in_nav(config),
    }
    return yaml.safe_dump(stock, allow_unicode=True, sort_keys=False, width=200)
