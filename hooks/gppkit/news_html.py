"""HTML of news listings, tag pages and subscribe links, rendered once per page as strings.

Every value from editors' files is escaped here. URLs come from the hook (site-relative, as
MkDocs computed them); ``href`` turns one into a link relative to the page being rendered.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from .dates import format_long_date
from .news import Post, with_tag
from .search import unsearched_list

LIST_MARKER = "<!-- news: list -->"
LATEST_MARKER = "<!-- news: latest -->"
TAG_MARKER = "<!-- news: tag {tag} -->"
LATEST_COUNT = 3


@dataclass(frozen=True)
class Links:
    """Where things are in the language being built, and how the current page links to them."""

    post_urls: Mapping[str, str]  # post source ("pl/news/x.md") → site-relative URL
    tag_urls: Mapping[str, str]  # tag → site-relative URL of its page
    news_url: str
    rss_url: str
    atom_url: str
    href: Callable[[str], str]

    def to(self, url: str) -> str:
        return escape(self.href(url))


def tag_page_markdown(tag: str, title: str, description: str) -> str:
    """Source of a generated tag page: title and description in front matter, then the listing marker."""
    # JSON strings are valid YAML scalars, so any label is quoted safely. Material prints a page's
    # title as HTML (heading, <title>, header): the title, holding a label from data/labels.yml, is
    # escaped for it; the description is escaped where overrides/main.html prints it.
    quoted_title, summary = (json.dumps(text, ensure_ascii=False) for text in (escape(title), description))
    return f"---\ntitle: {quoted_title}\ndescription: {summary}\n---\n\n{TAG_MARKER.format(tag=tag)}\n"


def _tag_list(post: Post, tag_labels: Mapping[str, str], ui: Mapping[str, str], links: Links) -> str:
    items = "".join(
        f'<li><a class="gpp-tag" href="{links.to(links.tag_urls[tag])}">{escape(tag_labels[tag])}</a></li>'
        for tag in post.tags
    )
    return f'<ul class="gpp-tags" aria-label="{escape(ui["news_tags"])}">{items}</ul>' if items else ""


def render_post_meta(post: Post, tag_labels: Mapping[str, str] | None, ui: Mapping[str, str], links: Links) -> str:
    """What follows a post's title on its own page: its date, then its tags linked to their pages
    (``tag_labels`` None: the date only, as on an untranslated copy whose language has no such tag pages)."""
    date = (f'<p class="gpp-post-meta"><time datetime="{post.day.isoformat()}">'
            f"{escape(format_long_date(post.day, post.language))}</time></p>")
    return date + (_tag_list(post, tag_labels, ui, links) if tag_labels is not None else "")


def after_title(page_html: str, block: str) -> str:
    """``block`` right after the page's first level-1 heading; first when Material adds the title itself."""
    end = page_html.find("</h1>")
    position = end + len("</h1>") if end >= 0 else 0
    return page_html[:position] + block + page_html[position:]


def render_post(post: Post, heading_level: int, tag_labels: Mapping[str, str], ui: Mapping[str, str], links: Links) -> str:
    heading = f"h{heading_level}"
    return (
        '<article class="gpp-news-item">'
        f'<{heading} class="gpp-news-item__title">'
        f'<a href="{links.to(links.post_urls[post.source])}">{escape(post.title)}</a></{heading}>'
        f'<p class="gpp-news-item__date"><time datetime="{post.day.isoformat()}">'
        f"{escape(format_long_date(post.day, post.language))}</time></p>"
        f'<p class="gpp-news-item__summary">{escape(post.summary)}</p>'
        f"{_tag_list(post, tag_labels, ui, links)}"
        "</article>"
    )


def render_post_list(posts: Sequence[Post], heading_level: int, tag_labels: Mapping[str, str],
                     ui: Mapping[str, str], links: Links) -> str:
    """The posts in the given order, or a short notice when there are none."""
    if not posts:
        return f'<p class="gpp-news-empty">{escape(ui["news_none"])}</p>'
    items = "".join(render_post(post, heading_level, tag_labels, ui, links) for post in posts)
    # Out of the search index: a search finds the post itself, not every listing that repeats its
    # summary (and indexing 500 summaries per listing and tag page cost the build a second).
    return unsearched_list("gpp-news-list", items)


def render_subscribe(ui: Mapping[str, str], links: Links) -> str:
    """The visible subscribe line with the RSS and Atom feeds of the page's language."""
    return (
        f'<p class="gpp-subscribe">{escape(ui["news_subscribe"])} '
        f'<a href="{links.to(links.rss_url)}" type="application/rss+xml">{escape(ui["news_rss"])}</a> · '
        f'<a href="{links.to(links.atom_url)}" type="application/atom+xml">{escape(ui["news_atom"])}</a></p>'
    )


def render_all_news_link(ui: Mapping[str, str], links: Links) -> str:
    return f'<p class="gpp-news-all"><a href="{links.to(links.news_url)}">{escape(ui["news_all"])}</a></p>'


_TAG_MARKER = re.compile(r"<!-- news: tag ([a-z0-9-]+) -->")


def fill_news_markers(html: str, posts: Sequence[Post], tag_labels: Mapping[str, str],
                      ui: Mapping[str, str], links: Links) -> str:
    """Replace the listing, latest-posts and tag markers; ``posts`` are published, newest first."""
    if LIST_MARKER in html:
        html = html.replace(LIST_MARKER, render_subscribe(ui, links) + render_post_list(posts, 2, tag_labels, ui, links))
    if LATEST_MARKER in html:
        # The home page's own text links to the news page; no second link here.
        html = html.replace(LATEST_MARKER, render_post_list(posts[:LATEST_COUNT], 3, tag_labels, ui, links))
    return _TAG_MARKER.sub(
        lambda match: render_post_list(with_tag(posts, match.group(1)), 2, tag_labels, ui, links)
        + render_all_news_link(ui, links) + render_subscribe(ui, links),
        html,
    )
