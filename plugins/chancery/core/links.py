"""Site-absolute links in Markdown: ``/docs/install.md`` means that page in the page's language.

Real sites link with site-absolute paths (``/docs/install/``) as often as with relative ones.
In Chancery a page's path inside its language folder is its address in every language, so a
site-absolute link is read inside the linking page's language folder: written in
``content/fr/guide.md``, ``/docs/install.md`` (or ``/docs/install/``, ``/fr/docs/install/``)
is ``content/fr/docs/install.md``, or the honest fallback that stands in for it in French. It is
checked like a relative link (a strict build fails when it leads nowhere) and rendered as the
relative URL of that page, so the site works under any path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

#: Suffixes of a page's address rather than of a file: a page written without directory URLs.
_PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class LinkTargets:
    """Where a site-absolute link may lead, in order, as paths of the content folder."""

    #: Content paths to try, first match wins: ('fr/docs/install.md', 'fr/docs/install/index.md').
    candidates: tuple[str, ...] = ()
    #: Why the link cannot be resolved in this language, with the fix; None when it can.
    problem: str | None = None


def is_site_absolute(url: str) -> bool:
    """Whether ``url`` is a path from the site's root ('/docs/x/'), not a URL of another host."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and parts.path.startswith("/")


def link_targets(
    url: str, language: str, languages: Iterable[str], text_language: str | None = None
) -> LinkTargets:
    """The content paths a site-absolute ``url`` written in a page of ``language`` may mean.

    A first part naming the page's own language (``/fr/...`` in French) is dropped; one naming
    another language is a problem: a page links to its own language's pages, and readers change
    language with the language menu. ``text_language`` is the language the text was written in
    when it differs (an honest fallback shows its original's text): its prefix is dropped too,
    so that the link leads to the page in the reader's language.
    """
    path = unquote(urlsplit(url).path)
    parts = [part for part in path.split("/") if part]
    codes = {code.lower(): code for code in languages}
    if parts and parts[0].lower() in codes:
        named = codes[parts[0].lower()]
        if named not in (language, text_language):
            rest = "/" + "/".join(parts[1:]) + ("/" if path.endswith("/") and parts[1:] else "")
            return LinkTargets(
                problem=f"leads into the '{named}' part of the site from a '{language}' page; "
                f"write it as '{rest}', which leads to the page in this page's language (readers "
                "change language with the language menu)"
            )
        parts = parts[1:]
    inner = "/".join(parts)
    folder = path.endswith("/") or not inner
    stem, suffix = posixpath.splitext(inner)
    if folder:
        names = [f"{inner}.md", f"{inner}/index.md"] if inner else ["index.md"]
    elif suffix == ".md":
        names = [inner]
    elif suffix.lower() in _PAGE_SUFFIXES:
        names = [f"{stem}.md"]
    elif not suffix:
        names = [f"{inner}.md", f"{inner}/index.md"]
    else:
        # A file: the page language's own copy, else a file of the site outside the language
        # folders (the theme's and overrides' assets).
        return LinkTargets((f"{language}/{inner}", inner))
    return LinkTargets(tuple(f"{language}/{name}" for name in names))


def relative_link(url: str, from_path: str, to_path: str) -> str:
    """``url`` rewritten as a link from the content file ``from_path`` to ``to_path``.

    Both are content paths ('fr/guide.md', 'fr/docs/install.md'); the query and fragment of
    ``url`` are kept.
    """
    parts = urlsplit(url)
    base = posixpath.dirname(from_path) or "."
    path = quote(posixpath.relpath(to_path, base), safe="/-_.~")
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def unresolved_message(source: str, url: str, targets: LinkTargets, language: str) -> str:
    """The warning for a site-absolute link that leads nowhere in ``language``."""
    if targets.problem is not None:
        return f"Doc file '{source}' contains a link '{url}' that {targets.problem}."
    shown = " or ".join(f"'{candidate}'" for candidate in targets.candidates)
    return (
        f"Doc file '{source}' contains a site-absolute link '{url}', but no page or file of "
        f"'{language}' is at {shown} (nor a fallback of one); correct the link or add the page."
    )
