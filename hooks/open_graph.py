"""Open Graph properties for every page, so a shared link previews in the page's language:
its title, description, absolute URL, language (and the languages it is translated into) and,
for a news post, its date and tags. overrides/main.html prints ``open_graph``.

An untranslated copy previews as what it is: the English original, at the original's URL.
"""

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from markupsafe import Markup

from gpp_data import site_labels, site_news
from gpp_mkdocs import is_fallback, text_language, translated_urls
from gppkit.open_graph import Article, SharedPage, open_graph_properties


# The posts and labels, taken once per language build: asking the data cache on every page
# fingerprinted all 2500 post files each time (+20 % CPU on the benchmark's large-data site).
_state: dict[str, Any] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _state["news"], _state["labels"] = site_news(config), site_labels(config)


def _article(page: Page, fallback: bool) -> Article | None:
    post = _state["news"].post(page.file.src_uri)
    if post is None:
        return None
    if fallback:  # as the page shows it: the original's date only (news.py)
        return Article(post.date)
    return Article(post.date, tuple(_state["labels"].label("tags", tag, post.language) for tag in post.tags))


def _title(page: Page, config: MkDocsConfig) -> str:
    """The page's own heading (its nav title may be shorter; an untranslated copy's is the
    original's); the site's name for the home page, as its <title> has it."""
    if page.is_homepage:
        return config.site_name
    heading = next(iter(page.toc), None)
    title = heading.title if heading is not None and heading.level == 1 else page.meta.get("title") or page.title
    # HTML either way (Material prints a front-matter title as HTML too: a tag page's label is
    # escaped for it), as text: overrides/main.html escapes it once.
    return Markup(str(title)).striptags() if title else config.site_name


# After hooks/untranslated.py (-50) has found an untranslated copy's original.
@event_priority(-60)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    shared = SharedPage(
        site_name=config.site_name,
        title=_title(page, config),
        description=str(page.meta.get("description") or config.site_description or ""),
        url=context.get("fallback_original_url") or page.canonical_url or "",
        language=text_language(page, config),
        other_languages=tuple(translated_urls(page, config)),
        article=_article(page, is_fallback(page, config)),
    )
    context["open_graph"] = open_graph_properties(shared)
    return context
