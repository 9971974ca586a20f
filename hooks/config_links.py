"""Links configured once in mkdocs.yml `extra` and used in Markdown as `(extra:name)`."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from gppkit.config_links import ConfigLinkError, resolve_config_links


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    try:
        return resolve_config_links(markdown, config.extra)
    except ConfigLinkError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
