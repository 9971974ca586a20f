"""A visitor who arrives from elsewhere on a page in one language, while the browser prefers
another language the page is translated into, is offered that translation, worded in that
language. The page carries the offers (overrides/main.html prints ``language_offers_json``);
docs/assets/language-offer.js picks one in the browser, where the preferred languages are known.
Nothing is stored and nothing is sent: the offer shows again on the next arrival from elsewhere.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from gpp_mkdocs import build_languages, text_language, translated_urls
from gppkit.language_offers import language_offers
from gppkit.safe_html import script_json


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    relative = {language: get_relative_url(url, page.file.url) for language, url in translated_urls(page, config).items()}
    offers = language_offers(text_language(page, config), relative, config.extra["ui_translations"], build_languages(config))
    context["language_offers_json"] = script_json(offers) if offers else ""
    return context
