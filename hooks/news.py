"""News: drafts left out, the listing (news/index.md) and latest posts (home page), tag pages,
each post's date and tags under its title.

Each language lists only the posts written in it (gppkit.news reads docs/<language>/news/).
Markers are replaced in the rendered HTML, so the listing is built once per page as a string.
"""

from __future__ import annotations

import logging

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from gpp_data import site_labels, site_news
from gpp_generated import add_generated_page, current_root, urls_by_source
from gpp_mkdocs import build_languages, current_language, i18n_plugin, is_fallback
from gppkit.news import SiteNews
from gppkit.news_html import Links, after_title, fill_news_markers, render_post_meta, tag_page_markdown

log = logging.getLogger("mkdocs.hooks.news")
# Every language's posts, as read at the start of this language's build; what its pages link to.
_state: dict[str, Any] = {"links": None}


def on_pre_build(config: MkDocsConfig) -> None:
    _state["news"], _state["links"] = site_news(config), None
    if not i18n_plugin(config).building:  # said once per build: a year mistyped would hide a post
        for post in _news().scheduled():
            log.info("docs/%s: dated %s, after this build's time (%s): left out until the first build after "
                     "that date", post.source, post.day.isoformat(), _news().now.date().isoformat())


def _news() -> SiteNews:
    return _state["news"]


# Before static-i18n's on_files (-100): a draft removed here is not even served as a fallback copy.
def _leave_out_drafts(files: Files, config: MkDocsConfig) -> Files:
    drafts = _news().draft_sources()
    for file in [file for file in files if file.src_uri in drafts]:
        files.remove(file)
    return files


# After static-i18n's on_files (-100), which would drop files it did not find in docs/.
@event_priority(-110)
def _add_tag_pages(files: Files, config: MkDocsConfig) -> Files:
    language = current_language(config)
    tag_labels = site_labels(config).section_labels("tags", language)
    title, description = config.extra["ui"]["news_tag_title"], config.extra["ui"]["news_tag_description"]
    for tag in _news().tags(language):
        label = tag_labels[tag]
        with_page = [other for other in build_languages(config) if tag in _news().tags(other)]
        content = tag_page_markdown(tag, title.replace("{tag}", label), description.replace("{tag}", label))
        add_generated_page(files, config, f"news/tags/{tag}.md", content, with_page)
    return files


on_files = CombinedEvent(_leave_out_drafts, _add_tag_pages)


@dataclass(frozen=True)
class _LanguageLinks:
    """What every page of one language build links to, and the tags' labels: found once per build
    (on_pre_build forgets them; each of 500 posts per language asked static-i18n for the news page
    and listed every page's URL)."""

    links: Links  # its href is the first page's; each page replaces it
    tag_labels: Mapping[str, str]


def _language_links(config: MkDocsConfig, files: Files) -> _LanguageLinks:
    known = _state["links"]
    if known is None:
        language, root, urls = current_language(config), current_root(config), urls_by_source(files)
        news_index = files.get_file_from_path("news/index.md")
        links = Links(
            post_urls=urls,
            tag_urls={tag: urls[f"{language}/news/tags/{tag}.md"] for tag in _news().tags(language)},
            news_url=news_index.url if news_index else f"{root}news/",
            rss_url=f"{root}feed.xml",
            atom_url=f"{root}atom.xml",
            href=str,
        )
        _state["links"] = known = _LanguageLinks(links, site_labels(config).section_labels("tags", language))
    return known


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    post, has_markers = _news().post(page.file.src_uri), "<!-- news: " in html
    if post is None and not has_markers:
        return html
    known = _language_links(config, files)
    # A listing of 500 posts links the same few tag pages thousands of times: each link made once per page.
    links = replace(known.links, href=cache(partial(get_relative_url, other=page.file.url)))
    if post is not None:
        # An untranslated copy shows the original's date only: its language may have no page for a tag.
        html = after_title(html, render_post_meta(post, None if is_fallback(page, config) else known.tag_labels,
                                                  config.extra["ui"], links))
    if not has_markers:
        return html
    return fill_news_markers(html, _news().published(current_language(config)), known.tag_labels, config.extra["ui"], links)
