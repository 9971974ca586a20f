"""Values from data/ made safe for HTML that reaches a page as a raw block inside Markdown."""

from __future__ import annotations

import html
import json

from .urls import is_safe_link


def escape_text(value: object) -> str:
    """HTML-escaped (quotes too, so the result is also safe inside attributes).

    ``|`` and line breaks become character references: Markdown would read a ``|`` as a table
    border and a blank line as the end of the raw HTML block, spilling the rest as text.
    """
    text = html.escape(str(value), quote=True).replace("|", "&#124;")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "&#10;")


def definition_item(term_html: str, detail_html: str) -> str:
    """One ``<dt>``/``<dd>`` pair of a definition list; both are HTML already.

    The line breaks are for site search: Pagefind reads a term and the detail after it as one
    word ("WhereKouvola") when nothing separates them, and the detail could not be found.
    """
    return f"<dt>{term_html}</dt>\n<dd>{detail_html}</dd>\n"


def external_link(url: str, text: str, language: str | None = None) -> str:
    """A link with visible ``text`` (in ``language`` when given, marked with lang); only the text when
    ``url`` is not http, https or mailto."""
    lang = f' lang="{escape_text(language)}"' if language else ""
    if not is_safe_link(url):
        return f"<span{lang}>{escape_text(text)}</span>" if lang else escape_text(text)
    return f'<a href="{escape_text(url.strip())}" rel="noopener"{lang}>{escape_text(text)}</a>'


def contact_text(url: str) -> str:
    """What a visitor reads for a contact link: the e-mail address of a mailto link, else the URL."""
    if url.lower().startswith("mailto:"):
        return url[len("mailto:"):].split("?", 1)[0]
    return url


def script_json(value: object) -> str:
    """JSON that can stand inside a <script> element: ``<``, ``>`` and ``&`` as \\u escapes, so no
    value from data/ can close the element or open a comment. Other characters as they are (UTF-8)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
