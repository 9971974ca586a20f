"""One RSS 2.0 feed (feed.xml) and one Atom feed (atom.xml) per language, at the language's root,
kept for the next build made from the same posts (gpp_data.kept_output).

Every page, the 404 page included, links to its own language's feeds (overrides/main.html
prints ``feed_links``). Feeds are generated files, so `mkdocs serve` serves them too.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from gpp_data import editors_errors, kept_output, site_labels, site_news
from gpp_generated import add_generated_asset, current_root, urls_by_source
from gpp_mkdocs import current_language
from gppkit.clock import build_now
from gppkit.news import SiteNews
from gppkit.news_feeds import LanguageFeeds, feed_items, news_feeds
from gppkit.urls import absolute_url

# Every language's posts, as read at the start of this language's build.
_state: dict[str, SiteNews] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _state["news"] = site_news(config)


def _news() -> SiteNews:
    return _state["news"]


def language_feeds(config: MkDocsConfig) -> LanguageFeeds:
    root, ui = current_root(config), config.extra["ui"]
    return LanguageFeeds(
        language=current_language(config),
        title=f"{config.site_name} – {ui['news_feed_title']}",
        description=ui["news_feed_description"],
        home_url=absolute_url(config.site_url, root),
        rss_url=absolute_url(config.site_url, f"{root}feed.xml"),
        atom_url=absolute_url(config.site_url, f"{root}atom.xml"),
        tags_url=absolute_url(config.site_url, f"{root}news/tags/"),
    )


# After static-i18n (-100) and after hooks/news.py has added the tag pages (-110).
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language, feeds = current_language(config), language_feeds(config)
    posts = _news().published(language)
    pages = urls_by_source(files)  # the posts' and tag pages' made absolute, not every page's
    urls = {post.source: absolute_url(config.site_url, pages[post.source]) for post in posts}
    tag_urls = {tag: absolute_url(config.site_url, pages[f"{language}/news/tags/{tag}.md"])
                for tag in _news().tags(language)}
    tag_labels = site_labels(config).section_labels("tags", language)
    items = feed_items(posts, urls, tag_labels, tag_urls)
    with editors_errors():
        arguments = (feeds, config.site_name, items, build_now())
        rss, atom = kept_output(config, "feeds", language, arguments, lambda: news_feeds(*arguments))
    add_generated_asset(files, config, "feed.xml", rss)
    add_generated_asset(files, config, "atom.xml", atom)
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    context["feed_links"] = language_feeds(config).links()
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """Static templates (404.html) get the links too."""
    context["feed_links"] = language_feeds(config).links()
    return context
