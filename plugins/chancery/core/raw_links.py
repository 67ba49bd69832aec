"""Links and images written as raw HTML in Markdown: where a browser goes, and whether it exists.

MkDocs checks the links Markdown writes (``[text](../page.md)``) in its own treeprocessor, which
never sees raw HTML: Python-Markdown sets it aside before it builds the tree. So the addresses
that a body's ``<a href>``, ``<img src>`` and media elements were written with in HTML are
resolved here as a browser resolves them from the page's address, and looked up among the files
the site publishes, in every language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from chancery.core.catalog import Catalog
from chancery.core.integrity import WELL_KNOWN
from chancery.core.languages import LanguagePolicy
from chancery.core.schedule import is_live
from chancery.core.search import BUNDLE_DIR
from chancery.core.sitemap import SITEMAP_NAME
from chancery.core.translations import TranslationReport, fallback_original

#: The attributes of a body whose value is an address the browser follows or fetches.
URL_ATTRIBUTES = (
    ("a", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
)
#: Those that Markdown also writes, which MkDocs rewrites and checks itself.
MARKDOWN_URL_ATTRIBUTES = frozenset({("a", "href"), ("img", "src")})

#: What plugins write once the pages are built, so that no language build lists it among its
#: files; a link to it is taken on trust. At the site's root: the sitemap (chancery/seo), the
#: signed manifest (chancery/integrity), the search index (chancery/search)...
WRITTEN_LATER_AT_ROOT = (
    SITEMAP_NAME,
    f"{SITEMAP_NAME}.gz",
    "robots.txt",
    f"{WELL_KNOWN}/",
    f"{BUNDLE_DIR}/",
)
#: ...and under each language's prefix: its 404 page (chancery/headers) and its light pages
#: (chancery/consular).
WRITTEN_LATER_PER_LANGUAGE = ("404.html", "light/")

#: A URL attribute written in HTML anywhere in Markdown source, with its value in any quoting
#: (an unquoted value runs to a space or `>`, as browsers read it).
_HTML_URL = re.compile(
    r"""\b(?:href|src|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class UrlReference:
    """One address in a body: the element and attribute that hold it, and its value."""

    tag: str
    attribute: str
    value: str

    def urls(self) -> tuple[str, ...]:
        """The addresses it holds: a ``srcset`` lists several, each before its descriptor."""
        if self.attribute != "srcset":
            return (self.value,)
        candidates = (candidate.split() for candidate in self.value.split(","))
        return tuple(words[0] for words in candidates if words)

    def written_in(self, raw_values: frozenset[str]) -> bool:
        """Whether it was written in HTML (``raw_values``), not by Markdown, which MkDocs checks."""
        return (self.tag, self.attribute) not in MARKDOWN_URL_ATTRIBUTES or self.value in raw_values


@dataclass(frozen=True)
class BrokenLink:
    """An address written in HTML that leads nowhere."""

    url: str
    #: "missing": no published file; "anchor": no such id on the page itself.
    problem: Literal["missing", "anchor"]
    #: The site-relative path it resolves to (empty for an anchor).
    target: str = ""


def raw_html_values(markdown: str) -> frozenset[str]:
    """The values of URL attributes written in HTML in ``markdown``, entities decoded.

    A value also found in a code sample only means that a Markdown link with the same address
    is checked here too, with the same verdict MkDocs gives it.
    """
    if "<" not in markdown:
        return frozenset()
    return frozenset(
        html.unescape(next(group for group in match.groups() if group is not None))
        for match in _HTML_URL.finditer(markdown)
    )


def resolve(url: str, page_url: str, site_url: str | None) -> str | None:
    """The site-relative path a browser requests for ``url`` on the page at ``page_url``.

    ``page_url`` is the page's site-relative address (``news/visit/``; ``""`` for the home) and
    ``site_url`` the site's address, under whose path the site is served. The result is
    decoded, without query or fragment: ``fr/news/visit/``. None when ``url`` leaves the site
    (another scheme or host, a path outside the site's) or names no path (``#top``, ``?q=x``).
    """
    site = urlsplit(site_url or "")
    root = site.path if site.path.endswith("/") else f"{site.path}/"
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        same_site = bool(site.netloc) and (parts.scheme.lower(), parts.netloc.lower()) == (
            site.scheme.lower(),
            site.netloc.lower(),
        )
        if not same_site:
            return None
    elif not parts.path:
        return None
    base = urlunsplit(
        (site.scheme or "https", site.netloc or "site.invalid", root + page_url, "", "")
    )
    path = urlsplit(urljoin(base, url.strip())).path
    if not path.startswith(root):
        return None
    return unquote(path[len(root) :])


@dataclass(frozen=True)
class SiteAddresses:
    """What a page of one language build may link to."""

    #: Site-relative paths of the files it knows: ``fr/news/visit/index.html``.
    files: frozenset[str]
    #: Paths, and folders ending in ``/``, that plugins write after the pages: on trust.
    later: tuple[str, ...] = ()

    def serves(self, path: str) -> bool:
        """Whether a site-relative ``path`` is served: a file, or a folder with its index.html.

        A folder's address without its final slash counts: servers redirect it.
        """
        if path.startswith(self.later) or f"{path}/" in self.later:
            return True
        if not path or path.endswith("/"):
            return f"{path}index.html" in self.files
        return path in self.files or f"{path}/index.html" in self.files


def broken_links(
    references: Iterable[UrlReference],
    *,
    raw_values: frozenset[str],
    page_url: str,
    site_url: str | None,
    addresses: SiteAddresses,
    anchors: frozenset[str],
) -> list[BrokenLink]:
    """The addresses written in HTML in a page that lead nowhere, each once, in body order.

    ``anchors`` are the ids and anchor names of the page's body; a fragment of the page itself
    (``#section``) must name one of them.
    """
    broken: dict[str, BrokenLink] = {}
    for reference in references:
        if not reference.written_in(raw_values):
            continue
        for url in reference.urls():
            if url in broken:
                continue
            if url.startswith("#"):
                if len(url) > 1 and unquote(url[1:]) not in anchors:
                    broken[url] = BrokenLink(url, "anchor")
                continue
            target = resolve(url, page_url, site_url)
            if target is not None and not addresses.serves(target):
                broken[url] = BrokenLink(url, "missing", target)
    return list(broken.values())


def site_addresses(
    *,
    own: Iterable[str],
    generated: Iterable[str],
    own_prefix: str,
    prefixes: Iterable[str],
    others: Iterable[str],
) -> SiteAddresses:
    """Every site-relative file a page of one language build may link to.

    ``own`` are the files of this build, ``generated`` those of them that plugins made for this
    language (listings, search, verification pages), which every language has at the same path
    under its own prefix; ``own_prefix`` is this language's (``fr/``; ``""`` at the root) and
    ``prefixes`` every language's. ``others`` are the other languages' pages and files.
    """
    addresses = set(own)
    addresses.update(others)
    prefixes = tuple(prefixes)
    for path in generated:
        if own_prefix and not path.startswith(own_prefix):
            continue  # Shared by every language already (the theme's assets).
        inner = path.removeprefix(own_prefix)
        addresses.update(prefix + inner for prefix in prefixes)
    later = (
        *WRITTEN_LATER_AT_ROOT,
        *(prefix + path for prefix in prefixes for path in WRITTEN_LATER_PER_LANGUAGE),
    )
    return SiteAddresses(frozenset(addresses), later)


def published_pages(
    catalog: Catalog,
    languages: LanguagePolicy,
    report: TranslationReport | None,
    now: datetime,
) -> Iterator[tuple[str, str]]:
    """(language, path inside its folder) of every Markdown page each language publishes.

    Its own live pages, and a fallback for every page missing in it (``report``), at the path
    of the original shown.
    """
    for page in catalog:
        if is_live(page.content, now):
            yield page.language, page.path.partition("/")[2]
    for version in report.versions if report is not None else ():
        if version.status == "missing":
            shown = fallback_original(catalog, languages, version, now)
            yield version.language, shown.path.partition("/")[2]


def content_files(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(language, path inside its folder) of every publishable file besides pages.

    The catalog's scan of the content folder decided what may be published (publication.py).
    """
    for asset in catalog.tree.assets if catalog.tree is not None else ():
        language, _, inner = asset.partition("/")
        yield language, inner
