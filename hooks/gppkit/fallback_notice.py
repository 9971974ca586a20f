"""The notice on a page that is served in the default language because it is not translated yet."""

import html
import re

NOTICE_CLASS = "gpp-untranslated"
_FIRST_HEADING = re.compile(r"(?m)^# .*$")


def notice_html(text: str, language: str) -> str:
    """A raw HTML block for Markdown, in the visitor's language (blank lines keep it a block)."""
    return (f'\n\n<div class="{NOTICE_CLASS}" role="note" lang="{html.escape(language)}">'
            f"<p>{html.escape(text)}</p></div>\n\n")


def insert_notice_after_title(markdown: str, text: str, language: str) -> str:
    """Place the notice right after the first level-1 heading, or at the top when there is none."""
    match = _FIRST_HEADING.search(markdown)
    position = match.end() if match else 0
    return markdown[:position] + notice_html(text, language) + markdown[position:]


def wrap_in_language(page_html: str, language: str) -> str:
    """Mark the untranslated text with its language; the notice inside keeps its own lang."""
    return f'<div lang="{html.escape(language)}">{page_html}</div>'
