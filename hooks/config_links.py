"""Links configured once in mkdocs.yml `extra` and used in Markdown as `(extra:name)`."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from gppkit.config_links import ConfigLinkError, resolve_config_links, unresolved_config_links


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if "extra:" not in markdown:
        return markdown
    try:
        return resolve_config_links(markdown, config.extra, source=page.file.content_string)
    except ConfigLinkError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    left = unresolved_config_links(html)
    if left:
        raise PluginError(f"docs/{page.file.src_uri}: received a link to '{left[0]}' that is not a link target "
                          "Markdown reads; expected [text](extra:name) or a reference '[name]: extra:name' "
                          "on a line of its own")
    return html
