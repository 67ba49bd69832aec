"""Old addresses that lead to a page: its ``aliases``, as redirect rules and redirect pages.

A page moved from an old site keeps its old addresses working: each alias (a path from the
site's root, as the old site served it) becomes a ``301`` rule in ``_redirects`` (Netlify,
Cloudflare Pages) and a small HTML page at the old address for hosts that ignore that file
(GitHub Pages, a plain web server). The page sends the reader on with a meta refresh and a
link: no script, so the site's Content-Security-Policy stays as strict as it is.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from chancery.core.catalog import Page, alias_file, page_address


@dataclass(frozen=True)
class Redirect:
    """One old address of a page, and where the page is now."""

    #: The old address as written in front matter: '/old/page/', '/about.html'.
    alias: str
    #: The page's site-relative URL: 'fr/docs/install/' ('' for the root language's home).
    target: str
    page: Page

    @property
    def file(self) -> str:
        """Where the redirect page is written in the site folder: 'old/page/index.html'."""
        return alias_file(self.alias)


def page_url(page: Page, root_language: str, directory_urls: bool = True) -> str:
    """The site-relative URL of a page in its language: 'fr/docs/install/', 'about.html'."""
    prefix = "" if page.language == root_language else f"{page.language}/"
    address = page_address(page.path.partition("/")[2], directory_urls)
    if directory_urls and (address == "index.html" or address.endswith("/index.html")):
        address = address.removesuffix("index.html")
    return prefix + address


def redirects(
    pages: Iterable[Page], root_language: str, directory_urls: bool = True
) -> tuple[Redirect, ...]:
    """The redirects of ``pages`` (the published ones), sorted by old address."""
    found = [
        Redirect(alias, page_url(page, root_language, directory_urls), page)
        for page in pages
        for alias in page.content.aliases
    ]
    return tuple(sorted(found, key=lambda redirect: redirect.alias))


def redirect_rules(moved: Iterable[Redirect], base_path: str = "/") -> list[str]:
    """``_redirects`` lines, one ``301`` per old address; ``base_path`` is site_url's path."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return [
        f"{quote(base + redirect.alias.lstrip('/'), safe='/')}  "
        f"{quote(base + redirect.target, safe='/')}  301"
        for redirect in moved
    ]


def redirect_page(redirect: Redirect, *, direction: str, canonical: str) -> str:
    """The HTML page written at an old address: a meta refresh and a link, no script.

    ``canonical`` is the page's absolute URL (search engines move their entry to it).
    """
    base = posixpath.dirname(redirect.file)
    target = posixpath.relpath(redirect.target or ".", base or ".")
    if redirect.target.endswith("/") or not redirect.target:
        target = target.rstrip("/") + "/" if target != "." else "./"
    href = html.escape(quote(target, safe="/.-_~"), quote=True)
    title = html.escape(redirect.page.content.title)
    language = html.escape(redirect.page.language, quote=True)
    return (
        "<!doctype html>\n"
        f'<html lang="{language}" dir="{direction}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n"
        f'<body><p><a href="{href}">{title}</a></p></body>\n'
        "</html>\n"
    )
