"""Absolute hreflang alternates (plus x-default) for every page, in every language.

Material prints relative alternates taken from the language switcher; search engines need
absolute ones, and only to pages that exist in that language. overrides/main.html prints these.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from gpp_mkdocs import build_languages, translated_urls
from gppkit.alternates import hreflang_alternates
from gppkit.languages import DEFAULT_LANGUAGE


# After static-i18n (priority 50) has set up the page's alternates.
@event_priority(-50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    context["hreflang_alternates"] = hreflang_alternates(
        config.site_url,
        translated_urls(page, config),
        tuple(build_languages(config)),
        DEFAULT_LANGUAGE,
    )
    return context
