"""Sitemaps (sitemaps.org 0.9) with hreflang alternates, sitemap indexes, and robots.txt.

Each entry carries exactly the alternates of its page's ``<head>``: both come from the same
data, so a search engine reads the same language versions in either place. Output depends on
the entries alone (no build time), and the gzip copies carry no timestamp, so that the same
content gives the same bytes.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

#: The protocol's limits for one sitemap file: URLs, and bytes before compression.
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024

SITEMAP_NAME = "sitemap.xml"


@dataclass(frozen=True)
class SitemapEntry:
    """One published page: its canonical URL, last change, and language alternates."""

    loc: str
    lastmod: datetime | None = None
    #: (hreflang, absolute URL) pairs, x-default included: the page's head alternates.
    alternates: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SitemapFile:
    """A file to publish at ``path`` (relative to the site root)."""

    path: str
    data: bytes


def render_urlset(entries: Iterable[SitemapEntry]) -> bytes:
    """A ``<urlset>`` document listing ``entries`` in the order given."""
    return _document(
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
        [_url_element(entry) for entry in entries],
        "</urlset>",
    )


def render_index(sitemaps: Iterable[tuple[str, datetime | None]]) -> bytes:
    """A ``<sitemapindex>`` document listing (absolute URL, last change) of each sitemap."""
    parts = []
    for loc, lastmod in sitemaps:
        lines = [f"    <loc>{escape(loc)}</loc>"]
        if lastmod is not None:
            lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
        parts.append("  <sitemap>\n" + "\n".join(lines) + "\n  </sitemap>\n")
    return _document(f'<sitemapindex xmlns="{SITEMAP_NS}">', parts, "</sitemapindex>")


def build_sitemaps(
    entries: Iterable[SitemapEntry],
    site_url: str,
    *,
    max_urls: int = MAX_URLS,
    max_bytes: int = MAX_BYTES,
) -> list[SitemapFile]:
    """Every sitemap file of a site, each with its gzip copy.

    Up to ``max_urls`` entries (and ``max_bytes``) give one ``sitemap.xml``. Beyond that,
    ``sitemap.xml`` is an index of ``sitemap-1.xml``, ``sitemap-2.xml``, ... so that robots.txt
    and every reader of the site keep one address. Entries are sorted by URL, so the split
    does not depend on the order pages were built in.
    """
    if max_urls < 1:
        raise ValueError("max_urls must be at least 1")
    ordered = sorted(entries, key=lambda entry: entry.loc)
    chunks = _chunks(ordered, max_urls, max_bytes)
    if len(chunks) <= 1:
        return _with_gzip(SITEMAP_NAME, render_urlset(chunks[0] if chunks else []))
    files: list[SitemapFile] = []
    index: list[tuple[str, datetime | None]] = []
    base = site_url.rstrip("/") + "/"
    for number, chunk in enumerate(chunks, start=1):
        name = f"sitemap-{number}.xml"
        files += _with_gzip(name, render_urlset(chunk))
        index.append((base + name, _latest(entry.lastmod for entry in chunk)))
    return _with_gzip(SITEMAP_NAME, render_index(index)) + files


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzip-compressed with no file name and a zero timestamp: reproducible."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=buffer, mode="wb", mtime=0) as stream:
        stream.write(data)
    return buffer.getvalue()


def robots_txt(sitemap_url: str | None, existing: str | None = None) -> str:
    """A robots.txt that names the sitemap; an existing file is kept, with the line added."""
    line = f"Sitemap: {sitemap_url}" if sitemap_url else None
    if existing is not None:
        if line is None or line in existing.splitlines():
            return existing
        return existing.rstrip("\n") + f"\n\n{line}\n"
    text = "User-agent: *\nAllow: /\n"
    return text + (f"\n{line}\n" if line else "")


def _document(opening: str, parts: Sequence[str], closing: str) -> bytes:
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + opening + "\n" + "".join(parts) + closing
    return (text + "\n").encode("utf-8")


def _url_element(entry: SitemapEntry) -> str:
    lines = [f"    <loc>{escape(entry.loc)}</loc>"]
    if entry.lastmod is not None:
        lines.append(f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>")
    for hreflang, href in entry.alternates:
        attributes = f"hreflang={quoteattr(hreflang)} href={quoteattr(href)}"
        lines.append(f'    <xhtml:link rel="alternate" {attributes}/>')
    return "  <url>\n" + "\n".join(lines) + "\n  </url>\n"


def _chunks(
    entries: Sequence[SitemapEntry], max_urls: int, max_bytes: int
) -> list[list[SitemapEntry]]:
    overhead = len(render_urlset([]))
    chunks: list[list[SitemapEntry]] = []
    current: list[SitemapEntry] = []
    size = overhead
    for entry in entries:
        entry_size = len(_url_element(entry).encode("utf-8"))
        if current and (len(current) >= max_urls or size + entry_size > max_bytes):
            chunks.append(current)
            current, size = [], overhead
        current.append(entry)
        size += entry_size
    if current:
        chunks.append(current)
    return chunks


def _with_gzip(name: str, data: bytes) -> list[SitemapFile]:
    return [SitemapFile(name, data), SitemapFile(f"{name}.gz", gzip_bytes(data))]


def _latest(moments: Iterable[datetime | None]) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None
