"""Join per-language sitemaps into one, byte for byte what one process building every language writes.

static-i18n's sitemap template lists, language after language, the pages of every language built
so far in the process; the last language's build writes the complete file. When languages are
built in separate processes, each writes a sitemap of its own pages only: concatenating their
<url> entries in build order gives the same document.
"""

from __future__ import annotations

import gzip
import io
import struct

CLOSING_TAG = "</urlset>"
ENTRY_END = "</url>"


class SitemapError(ValueError):
    pass


def _split(sitemap: str) -> tuple[str, str, str]:
    """(head up to and including the <urlset …> tag, the <url> entries, the rest from after the last </url>)."""
    start = sitemap.find("<urlset")
    head_end = sitemap.find(">", start) + 1
    if start < 0 or head_end <= 0 or sitemap.rfind(CLOSING_TAG) < head_end:
        raise SitemapError("not a sitemap: expected one <urlset …> … </urlset> document")
    last_entry = sitemap.rfind(ENTRY_END, head_end)
    tail_start = head_end if last_entry < 0 else last_entry + len(ENTRY_END)
    return sitemap[:head_end], sitemap[head_end:tail_start], sitemap[tail_start:]


def merge_sitemaps(sitemaps: list[str]) -> str:
    """The first sitemap with the <url> entries of all of them, in order."""
    if not sitemaps:
        raise SitemapError("no sitemap to merge")
    head, _, tail = _split(sitemaps[0])
    return head + "".join(_split(sitemap)[1] for sitemap in sitemaps) + tail


def gzip_mtime(gzipped: bytes) -> int:
    """The modification time recorded in a gzip header (MkDocs sets it to the build timestamp)."""
    if gzipped[:2] != b"\x1f\x8b" or len(gzipped) < 8:
        raise SitemapError("not a gzip file")
    return struct.unpack("<I", gzipped[4:8])[0]


def gzip_sitemap(sitemap: str, mtime: int, name: str = "sitemap.xml.gz") -> bytes:
    """sitemap.xml.gz as MkDocs writes it (same header name and time, default compression)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=name, mode="wb", mtime=mtime) as compressed:
        compressed.write(sitemap.encode("utf-8"))
    return buffer.getvalue()
