"""Sanitising rendered content: the HTML that Markdown produced, before it enters a page.

Translators and embassy staff write content too, and Markdown lets raw HTML through. A page's
body is therefore cleaned with ammonia (through nh3) against this allow-list; everything else
(scripts, event handlers, styles, iframes, forms, `javascript:` and `data:` URLs) is removed.
"""

from __future__ import annotations

import nh3

#: Elements Markdown and its extensions produce, plus a few semantic ones editors use.
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br",
        "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
        "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s",
        "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip

#: Attributes allowed on every element: anchors for the table of contents, classes for
#: admonitions and code highlighting, and the language marks of quotations in other scripts.
GENERIC_ATTRIBUTES = frozenset({"id", "class", "lang", "dir", "title"})

#: Attributes allowed on particular elements.
ELEMENT_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "details": {"open"},
}

#: URL schemes allowed in links and images; relative URLs are always allowed.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def sanitise_html(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    attributes = {tag: set(GENERIC_ATTRIBUTES) for tag in ALLOWED_TAGS}
    for tag, extra in ELEMENT_ATTRIBUTES.items():
        attributes[tag] |= extra
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        # Links keep the relation the author gave them (none); ammonia would add noreferrer.
        link_rel=None,
        strip_comments=True,
    )
