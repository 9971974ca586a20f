"""Pages that exist only in English, served under another language, say so plainly.

The notice, in the visitor's language, follows the page title (as FastAPI's docs did); the
English text is marked lang="en" for screen readers; the page is noindex with a canonical
link to the English original (overrides/main.html prints both from `fallback_original_url`).
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from gpp_mkdocs import current_language, default_language, is_fallback
from gppkit.fallback_notice import insert_notice_after_title, wrap_in_language
from gppkit.urls import absolute_url


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if not is_fallback(page, config):
        return markdown
    return insert_notice_after_title(markdown, config.extra["ui"]["untranslated_notice"], current_language(config))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if not is_fallback(page, config):
        return html
    return wrap_in_language(html, default_language(config))


@event_priority(-50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if is_fallback(page, config):
        original = page.file.alternates.get(default_language(config))
        context["fallback_original_url"] = absolute_url(config.site_url, original.url if original else page.file.url)
    return context
