"""Costs of rendering pages that grew with the site, removed without changing a byte of output.

- The councils and the supplier catalogue do not go through Python-Markdown at all (hooks/catalogue.py,
  gppkit.deferred_html): a 5000-supplier table cost seconds per language to parse, twice.
- Compiled templates are kept for the next build: MkDocs creates a new Jinja environment for
  every build, so each of static-i18n's language builds, and each `mkdocs serve` rebuild, compiled
  Material's templates again (about 0.3 s). Jinja's bytecode cache checks each template's source,
  so an edited override is compiled afresh.
- Material renders every section of the navigation on every page; with navigation.prune a section
  outside the page's own branch is one link, but the template still walks all its pages (for the
  section's index page) and renders it through a stack of macros: 78 % of a page's template time
  on a 1000-page site. Such a pruned section's HTML depends on the page only through the relative
  link to the section's first page, so overrides/partials/nav-item.html asks ``gpp_nav_item`` for
  it, which renders it once per build and link.
- overrides/partials/toc.html asks whether the page is in the navigation. ``page in nav.pages``
  compares the page with every page of the nav, on every page: quadratic in the number of pages.
  ``page_in_nav`` answers the same question from a set (a page is in the nav only as itself:
  pages compare equal only when they have the same File object).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates by template and source checksum, for the life of the process."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # ignored by Jinja if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = MemoryBytecodeCache()
_nav_page_ids: set[int] = set()


def is_pruned(nav_item: Any, level: int, parent: Any, features: Sequence[str]) -> bool:
    """What nav-item.html's render() decides for a nested item: rendered as one link (pruned)."""
    if not getattr(nav_item, "children", None) or nav_item.active or getattr(nav_item, "pages", None):
        return False  # a leaf, the page's own branch, or an item render() replaces by the page
    if "navigation.prune" not in features:
        return False
    if "navigation.tabs" in features:
        is_section = (level == 1 and nav_item.active) or (
            "navigation.sections" in features and level == 2 and bool(parent and parent.active))
    else:
        is_section = "navigation.sections" in features and level == 1
    return not is_section


def link_target(nav_item: Any) -> Any:
    """The page a pruned item links to: render_pruned() follows first children down to a leaf."""
    first = nav_item.children[0]
    while getattr(first, "children", None):
        first = first.children[0]
    return first


def pruned_nav_items(features: Sequence[str]) -> Callable[..., str]:
    """``gpp_nav_item(render, nav_item, path, level, parent)``: render(...), kept for pruned items."""
    rendered: dict[tuple[str, int, str], str] = {}

    @jinja2.pass_context
    def nav_item_html(context: Any, render: Callable[..., str], nav_item: Any, path: str, level: int,
                      parent: Any) -> str:
        if not is_pruned(nav_item, level, parent, features):
            return render(nav_item, path, level, parent)
        key = (path, level, url_filter(context, link_target(nav_item).url))
        if key not in rendered:
            rendered[key] = render(nav_item, path, level, parent)
        return rendered[key]

    return nav_item_html


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = _compiled_templates
    # A new environment per build (language): the kept HTML never outlives its navigation.
    env.globals["gpp_nav_item"] = pruned_nav_items(list(config.theme.get("features") or []))
    return env


# After static-i18n's on_nav (-100), which may rebuild the navigation.
@event_priority(-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _nav_page_ids.clear()
    _nav_page_ids.update(id(page) for page in nav.pages)  # the nav keeps these pages alive during the build
    return nav


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context["page_in_nav"] = id(page) in _nav_page_ids
    return context
