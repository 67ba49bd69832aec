"""Text-only HTML for light pages: the page's body with nothing but text, links and structure.

A light page is read on failing or costly connections. It keeps headings, paragraphs, lists,
tables and links; it drops images, media, scripts, styles, classes and every other attribute,
and it writes relative links again for the light page's own address.
"""

from __future__ import annotations

import posixpath
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

#: Elements that keep only their language and direction.
_TEXT_TAGS = [
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "dl",
    "dt",
    "dd",
    "abbr",
    "sub",
    "sup",
    "small",
    "address",
    "span",
    "div",
    "cite",
    "q",
    "s",
    "u",
    "mark",
    "kbd",
    "samp",
    "var",
    "del",
    "ins",
    "figure",
    "figcaption",
    "details",
    "summary",
]
#: Elements kept, with the attributes each may keep.
_KEPT: dict[str, frozenset[str]] = {
    **{tag: frozenset({"lang", "dir"}) for tag in _TEXT_TAGS},
    **{tag: frozenset({"id", "lang", "dir"}) for tag in ("h2", "h3", "h4", "h5", "h6")},
    "a": frozenset({"href", "hreflang", "lang", "dir"}),
    "th": frozenset({"colspan", "rowspan", "scope", "lang", "dir"}),
    "td": frozenset({"colspan", "rowspan", "lang", "dir"}),
    "time": frozenset({"datetime"}),
    "br": frozenset(),
    "hr": frozenset(),
}
_VOID = frozenset({"br", "hr", "img", "wbr", "source", "track", "input", "meta", "link"})
#: Elements dropped with everything inside them.
_DROPPED = frozenset(
    [
        "script",
        "style",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "video",
        "audio",
        "canvas",
        "noscript",
        "template",
        "picture",
        "form",
        "button",
        "select",
        "textarea",
    ]
)
#: An h1 in a body would compete with the light page's own title.
_RENAMED = {"h1": "h2"}
_SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def light_html(html: str, page_url: str, light_url: str) -> str:
    """The text-only version of rendered body ``html``.

    ``page_url`` and ``light_url`` are site-relative URLs ('fr/travel-advice/france/'): the
    first is where ``html``'s relative links were written for, the second where they will be
    read. An image becomes its alternative text.
    """
    parser = _LightParser(_base(page_url), _base(light_url))
    parser.feed(html)
    parser.close()
    return "".join(parser.out).strip()


def rebase(href: str, from_base: str, to_base: str) -> str:
    """A relative URL written for a page in folder ``from_base``, rewritten for ``to_base``."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "#", "?")) or not href:
        return href
    target = posixpath.normpath(posixpath.join(from_base, parts.path))
    relative = posixpath.relpath(target, to_base or ".")
    if parts.path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./":
        relative = "."
    suffix = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )
    return relative + suffix


def _base(url: str) -> str:
    # The folder a relative link starts from: the URL itself for 'a/b/', the parent for 'a.html'.
    folder = url if url.endswith("/") or not url else posixpath.dirname(url)
    return folder.strip("/")


class _LightParser(HTMLParser):
    def __init__(self, from_base: str, to_base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.from_base = from_base
        self.to_base = to_base
        self.out: list[str] = []
        self.dropping = 0
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag in _DROPPED:
                self.dropping += 1
            return
        if tag in _DROPPED:
            self.dropping = 1
            return
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.out.append(f"[{escape(alt)}]")
            return
        name = _RENAMED.get(tag, tag)
        allowed = _KEPT.get(name)
        if allowed is None:
            return
        kept = []
        for key, value in attrs:
            if key not in allowed or value is None:
                continue
            if key == "href":
                if not _safe(value):
                    continue
                value = rebase(value, self.from_base, self.to_base)
            kept.append(f' {key}="{escape(value)}"')
        self.out.append(f"<{name}{''.join(kept)}>")
        if name not in _VOID:
            self.open.append(name)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.dropping:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag in _DROPPED:
                self.dropping -= 1
            return
        name = _RENAMED.get(tag, tag)
        if name in _VOID or name not in _KEPT or name not in self.open:
            return
        # Close what the source left open inside this element, so the output stays balanced.
        while self.open:
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == name:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def close(self) -> None:
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")


def _safe(href: str) -> bool:
    scheme = urlsplit(href.strip()).scheme.lower()
    return not scheme or scheme in _SAFE_SCHEMES
