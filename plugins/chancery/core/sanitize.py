"""Sanitising rendered content: the HTML that Markdown produced, before it enters a page.

Translators and embassy staff write content too, and Markdown lets raw HTML through. A page's
body is cleaned in two steps:

1. ammonia (through nh3) removes every element and attribute outside an allow-list made of what
   the site's Markdown extensions write (``EXTENSIONS``) and a few semantic elements editors use:
   scripts, event handlers, styles, iframes, forms, ``javascript:`` and ``data:`` URLs go.
2. One Lexbor parse (selectolax) then enforces what an allow-list cannot say: form controls stay
   only as and where the extensions write them, ids and names cannot clobber the page's scripts,
   and a table cell's alignment becomes a class (the CSP forbids style attributes). The same
   parse collects the body's links and anchors for the link check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from chancery.core.raw_links import URL_ATTRIBUTES, UrlReference

#: Elements Markdown and its core extensions produce, plus semantic ones editors use; every
#: site keeps them.
BASE_TAGS = frozenset(
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
#: Classes are not restricted: admonition types and Pygments' token classes are open-ended,
#: and a class can neither run script nor, under the CSP, carry a style.
GENERIC_ATTRIBUTES = frozenset({"id", "class", "lang", "dir", "title"})

#: Attributes allowed on particular elements of BASE_TAGS.
BASE_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "time": frozenset({"datetime"}),
    "ol": frozenset({"start", "reversed"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "details": frozenset({"open"}),
}

#: URL schemes allowed in links and images; relative URLs are always allowed.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

#: Id namespaces that the page's own scripts own. Material finds its elements by ids starting
#: with `__` (`#__config`, the JSON of the theme's settings; `__search`, `__drawer`,
#: `__palette_0`, `__nav_1`; `__code_0` and `__tooltip_0`, which it assigns) and ours by ids
#: starting with `chancery-` (`chancery-language-offers`, `chancery-search`).
RESERVED_PREFIXES = ("__", "chancery-")
#: What an id, name or `for` in a reserved namespace becomes: GitHub's prefix for user ids.
USER_PREFIX = "user-content-"

#: The body's elements that hold addresses, in one query, and their attributes that do.
_URL_SELECTOR = ", ".join(f"{tag}[{attribute}]" for tag, attribute in URL_ATTRIBUTES)
_URL_ATTRIBUTES_OF: Mapping[str, tuple[str, ...]] = {
    tag: tuple(name for element, name in URL_ATTRIBUTES if element == tag)
    for tag, _ in URL_ATTRIBUTES
}
#: Elements with an id, name or `for` in a reserved namespace, and links to a fragment that may
#: be (a percent-encoded fragment is decoded before it is compared).
_RESERVED_SELECTOR = ", ".join(
    f'[{attribute}^="{prefix}"]'
    for prefix in RESERVED_PREFIXES
    for attribute in ("id", "name", "for")
)
_FRAGMENT_SELECTOR = ", ".join(f'a[href*="#{start}"]' for start in (*RESERVED_PREFIXES, "%"))
#: An id that page scripts can put in a CSS selector as it is.
_WORD_ID = re.compile(r"[\w:.-]+")

#: The alignment a table cell may ask for, and the class of chancery.css that gives it.
ALIGN_CLASSES: Mapping[str, str] = {
    "left": "chancery-align-left",
    "center": "chancery-align-center",
    "right": "chancery-align-right",
}


@dataclass(frozen=True)
class Control:
    """A form control an extension writes: an ``<input>`` of one type, and where it stands."""

    type: str
    #: A CSS selector that the control's parent element matches.
    parent: str
    #: For a control the extension writes disabled: the option that makes it clickable.
    disabled_unless: str | None = None
    #: Whether a label of the body names it by an id of word characters: Material's tab script
    #: looks each tab's label up and stops every script of the page when one is missing.
    labelled: bool = False


@dataclass(frozen=True)
class CheckedAttribute:
    """An attribute an extension writes that page scripts or styles read: kept only as written."""

    attribute: str
    #: A CSS selector the element carrying it matches.
    on: str
    #: A regular expression its whole value matches.
    value: str
    #: A CSS selector that an element inside it matches, if the scripts need one.
    contains: str | None = None


@dataclass(frozen=True)
class Markup:
    """What one Markdown extension writes beyond the base allow-list."""

    #: Elements, each with the attributes it may carry besides GENERIC_ATTRIBUTES.
    elements: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Ids, names and `for` values it writes in a reserved namespace (regular expressions).
    ids: tuple[str, ...] = ()
    #: Options whose value prefixes the ids it writes, as `<value>-<block>-<line>`.
    id_options: tuple[str, ...] = ()
    controls: tuple[Control, ...] = ()
    checked: tuple[CheckedAttribute, ...] = ()
    #: Whether it aligns table cells with a `style` (or `align`) that becomes a class.
    aligns_cells: bool = False
    #: The extension whose options it reads, when not its own (superfences uses highlight's).
    options_of: str | None = None


_TABBED = Markup(
    elements={
        "input": frozenset({"type", "name", "checked"}),
        "label": frozenset({"for"}),
        "div": frozenset({"data-tabs"}),
    },
    ids=(r"__tabbed_\d+_\d+", r"__tabbed_\d+"),
    controls=(Control("radio", parent=".tabbed-set", labelled=True),),
    # Material's scripts set up every [data-tabs] element as a tab set, with its labels.
    checked=(
        CheckedAttribute(
            "data-tabs", on=".tabbed-set", value=r"\d+:\d+", contains=".tabbed-labels"
        ),
    ),
)
_HIGHLIGHT = Markup(
    elements={"a": frozenset({"name"}), "span": frozenset({"data-linenos"})},
    ids=(r"__codelineno-\d+-\d+",),
    id_options=("line_anchors", "line_spans"),
    # Material's stylesheet shows the line numbers of the `pymdownx-inline` style from it.
    checked=(CheckedAttribute("data-linenos", on=".linenos", value=r"[0-9 ]+"),),
    options_of="pymdownx.highlight",
)
_DETAILS = Markup(elements={"details": frozenset({"open"}), "summary": frozenset()})

#: What each Markdown extension writes that the base allow-list lacks, by the name mkdocs.yml
#: gives it. Extensions not listed (admonition, abbr, attr_list, def_list, footnotes,
#: md_in_html, toc, pymdownx.caret/mark/tilde/keys/critic...) write only base elements.
EXTENSIONS: Mapping[str, Markup] = {
    "pymdownx.tabbed": _TABBED,
    "pymdownx.blocks.tab": _TABBED,
    "pymdownx.tasklist": Markup(
        elements={
            "input": frozenset({"type", "checked", "disabled"}),
            "label": frozenset(),
        },
        controls=(
            Control(
                "checkbox",
                parent="li.task-list-item, label.task-list-control",
                disabled_unless="clickable_checkbox",
            ),
        ),
    ),
    "pymdownx.highlight": _HIGHLIGHT,
    "pymdownx.superfences": _HIGHLIGHT,
    "pymdownx.inlinehilite": _HIGHLIGHT,
    "codehilite": Markup(elements={"a": frozenset({"name"})}),
    "pymdownx.details": _DETAILS,
    "pymdownx.blocks.details": _DETAILS,
    # Material's icons and emoji as inline SVG (`to_svg`): a path drawn in a box, nothing more.
    "pymdownx.emoji": Markup(
        elements={"svg": frozenset({"xmlns", "viewBox"}), "path": frozenset({"d"})}
    ),
    "tables": Markup(
        elements={"th": frozenset({"style", "align"}), "td": frozenset({"style", "align"})},
        aligns_cells=True,
    ),
}

#: Extensions that load others, as Python-Markdown and pymdown-extensions define them.
BUNDLES: Mapping[str, tuple[str, ...]] = {
    "extra": (
        "abbr", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables",
    ),
    "pymdownx.extra": (
        "pymdownx.betterem", "pymdownx.superfences", "footnotes", "attr_list", "def_list",
        "tables", "abbr", "md_in_html",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Policy:
    """What the sanitiser keeps on one site: the markup of the extensions it enables."""

    extensions: frozenset[str]
    attributes: Mapping[str, frozenset[str]]
    #: Ids in a reserved namespace that the extensions write themselves (whole-value match).
    own_ids: re.Pattern[str] | None
    controls: tuple[Control, ...]
    #: The controls' types that must be disabled (no option made them clickable).
    disabled_types: frozenset[str]
    checked: tuple[CheckedAttribute, ...]
    aligns_cells: bool
    cleaner: nh3.Cleaner = field(compare=False, repr=False)
    #: Text of ammonia's output that the second step works on (ammonia writes every attribute
    #: as `name="value"`), and the names it may rename: a body with neither is not parsed again.
    work: tuple[str, ...]
    names: re.Pattern[str] = field(compare=False, repr=False)

    def needs_second_step(self, cleaned: str) -> bool:
        """Whether ammonia's output has anything for the second step but links to collect."""
        if any(text in cleaned for text in self.work):
            return True
        # Plain text search first: most bodies hold no name in a reserved namespace at all.
        starts = (f"{quote}{prefix}" for quote in ('="', "#") for prefix in RESERVED_PREFIXES)
        return any(start in cleaned for start in starts) and bool(self.names.search(cleaned))

    @property
    def tags(self) -> frozenset[str]:
        """The elements kept."""
        return frozenset(self.attributes)


@dataclass(frozen=True)
class Sanitised:
    """A sanitised body, and what the same parse learnt from it."""

    html: str
    #: Ids, names and `for` values that were prefixed, old to new.
    renamed: Mapping[str, str]
    #: Every address the body's links, images and media point to, as written, in body order.
    urls: tuple[UrlReference, ...]
    #: The fragments the body answers to: element ids and anchor names, as written (the links
    #: in ``urls`` name them so; renaming changes both alike).
    anchors: frozenset[str]


def extension_names(configured: Iterable[str]) -> frozenset[str]:
    """The extensions mkdocs.yml enables, by their short names, bundles opened."""
    names: set[str] = set()
    for name in configured:
        short = str(name).removeprefix("markdown.extensions.")
        names.add(short)
        names.update(BUNDLES.get(short, ()))
    return frozenset(names)


def policy_for(configured: Iterable[str], options: Mapping[str, Mapping[str, Any]]) -> Policy:
    """The policy of a site whose mkdocs.yml enables ``configured`` with these ``options``.

    ``options`` are the extensions' settings by the name mkdocs.yml gives them (mdx_configs).
    """
    enabled = extension_names(configured)
    # Each markup once, though several extensions share one (highlight's).
    unique: dict[int, tuple[str, Markup]] = {}
    for name in sorted(enabled & EXTENSIONS.keys()):
        unique.setdefault(id(EXTENSIONS[name]), (name, EXTENSIONS[name]))
    markups = list(unique.values())
    attributes = {
        tag: set(GENERIC_ATTRIBUTES | BASE_ATTRIBUTES.get(tag, frozenset())) for tag in BASE_TAGS
    }
    own_ids: set[str] = set()
    controls: list[Control] = []
    disabled: set[str] = set()
    for name, markup in markups:
        settings = _options(options, markup.options_of or name)
        for tag, extra in markup.elements.items():
            attributes.setdefault(tag, set(GENERIC_ATTRIBUTES)).update(extra)
        own_ids.update(markup.ids)
        for option in markup.id_options:
            if settings.get(option):
                own_ids.add(re.escape(str(settings[option])) + r"-\d+-\d+")
        for control in markup.controls:
            controls.append(control)
            if control.disabled_unless and not settings.get(control.disabled_unless):
                disabled.add(control.type)
    frozen = {tag: frozenset(names) for tag, names in attributes.items()}
    aligns_cells = any(markup.aligns_cells for _, markup in markups)
    cleaner = nh3.Cleaner(
        tags=set(frozen),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in frozen.items()},
        url_schemes=set(URL_SCHEMES),
        # Links keep the relation the author gave them (none); ammonia would add noreferrer.
        link_rel=None,
        strip_comments=True,
        # Only a cell's alignment survives, to become a class in the second step.
        filter_style_properties={"text-align"},
    )
    checked = tuple(check for _, markup in markups for check in markup.checked)
    return Policy(
        extensions=enabled,
        attributes=frozen,
        own_ids=re.compile("|".join(sorted(own_ids))) if own_ids else None,
        controls=tuple(controls),
        disabled_types=frozenset(disabled),
        checked=checked,
        aligns_cells=aligns_cells,
        cleaner=cleaner,
        work=(
            "<input",
            ' for="',
            ' style="',
            ' align="',
            "#%",
            *(f' {check.attribute}="' for check in checked),
        ),
        names=_reserved_names(own_ids),
    )


def sanitise_html(html: str, policy: Policy, *, links: bool = True) -> Sanitised:
    """``html`` with everything outside ``policy`` removed, and what its parse found.

    ``links=False`` skips collecting links and anchors (a page with no raw HTML needs none):
    then a body with nothing for the second step to do is not parsed a second time.
    """
    cleaned = policy.cleaner.clean(html)
    if not links and not policy.needs_second_step(cleaned):
        return Sanitised(cleaned, {}, (), frozenset())
    tree = LexborHTMLParser(cleaned, is_fragment=True)
    changed = _check_controls(tree, policy)
    changed |= _check_attributes(tree, policy)
    changed |= _align_cells(tree, policy)
    urls: tuple[UrlReference, ...] = ()
    anchors: frozenset[str] = frozenset()
    if links:
        # As written: the link check compares them with the Markdown source.
        urls = tuple(
            UrlReference(tag, attribute, value)
            for node in tree.css(_URL_SELECTOR)
            for tag, attributes in [(node.tag or "", node.attributes)]
            for attribute in _URL_ATTRIBUTES_OF.get(tag, ())
            if (value := attributes.get(attribute))
        )
        anchors = frozenset(
            value
            for node in tree.css("[id], a[name]")
            for attributes in [node.attributes]
            for value in (attributes.get("id"), attributes.get("name"))
            if value
        )
    renamed, moved = _rename_reserved(tree, policy)
    changed |= moved
    # Serialising again only when something changed keeps ammonia's output byte for byte.
    return Sanitised(tree.inner_html if changed else cleaned, renamed, urls, anchors)


def _reserved_names(own_ids: Iterable[str]) -> re.Pattern[str]:
    """A reserved id, name, `for` or fragment that no extension wrote, in ammonia's output.

    Ammonia writes them `id="__x"` and `href="#__x"`; the namespace is tested before the
    extensions' own ids, which a page of code holds by the thousand.
    """
    reserved = "|".join(re.escape(prefix) for prefix in RESERVED_PREFIXES)
    own = "|".join(sorted(own_ids))
    unless_own = f'(?!(?:{own})")' if own else ""
    return re.compile(f'(?:="|#)(?=(?:{reserved})){unless_own}')


def is_reserved(value: str, policy: Policy) -> bool:
    """Whether an id, name or `for` value lies in a namespace the page's scripts own.

    Ids there that the site's extensions write themselves are not: Material reads them as the
    extensions wrote them (a tab's radio button, a code line's anchor).
    """
    if not value.startswith(RESERVED_PREFIXES):
        return False
    return policy.own_ids is None or policy.own_ids.fullmatch(value) is None


def _options(options: Mapping[str, Mapping[str, Any]], name: str) -> Mapping[str, Any]:
    for key in (name, f"markdown.extensions.{name}"):
        if key in options:
            return options[key] or {}
    return {}


def _check_controls(tree: LexborHTMLParser, policy: Policy) -> bool:
    """Keep an ``<input>`` only of a type and in a place an extension writes one; no other.

    A label then works no control but the body's own: one for `__drawer` (Material's menu) or
    for a removed input loses its `for`.
    """
    changed = False
    labels = tree.css("label[for]")
    labelled = {node.attributes.get("for") for node in labels}
    for node in tree.css("input"):
        kind = (node.attributes.get("type") or "").lower()
        parent = node.parent
        id_ = node.attributes.get("id") or ""
        allowed = parent is not None and any(
            control.type == kind
            and parent.css_matches(control.parent)
            and (not control.labelled or (_WORD_ID.fullmatch(id_) and id_ in labelled))
            for control in policy.controls
        )
        if not allowed:
            node.decompose()
            changed = True
        elif kind in policy.disabled_types and "disabled" not in node.attributes:
            node.attrs["disabled"] = ""
            changed = True
    kept = {node.attributes.get("id") for node in tree.css("input[id]")} if labels else set()
    for node in labels:
        if node.attributes.get("for") not in kept:
            del node.attrs["for"]
            changed = True
    return changed


def _check_attributes(tree: LexborHTMLParser, policy: Policy) -> bool:
    """Keep an attribute page scripts read only on the element and with the value it had."""
    changed = False
    for check in policy.checked:
        for node in tree.css(f"[{check.attribute}]"):
            value = node.attributes.get(check.attribute) or ""
            if not (
                node.css_matches(check.on)
                and re.fullmatch(check.value, value)
                and (check.contains is None or node.css_first(check.contains) is not None)
            ):
                del node.attrs[check.attribute]
                changed = True
    return changed


def _align_cells(tree: LexborHTMLParser, policy: Policy) -> bool:
    """Turn the tables extension's `style="text-align: ..."` into a class; drop every style."""
    changed = False
    for node in tree.css("[style], [align]"):
        align = _alignment(node) if policy.aligns_cells else None
        for attribute in ("style", "align"):
            if attribute in node.attributes:
                del node.attrs[attribute]
        if align is not None:
            classes = (node.attributes.get("class") or "").split()
            node.attrs["class"] = " ".join([*classes, ALIGN_CLASSES[align]])
        changed = True
    return changed


def _alignment(node: LexborNode) -> str | None:
    if node.tag not in ("th", "td"):
        return None
    value = node.attributes.get("align") or ""
    style = node.attributes.get("style") or ""
    if match := re.fullmatch(r"\s*text-align\s*:\s*(\w+)\s*;?\s*", style):
        value = match.group(1)
    value = value.lower()
    return value if value in ALIGN_CLASSES else None


# Ids and names. An element of the body whose id is one the page's scripts look up comes first
# in the document, so `<a id="__config">` is what Material reads its settings from: its
# scripts stop (DOM clobbering). GitHub prefixes every user id with `user-content-` and maps
# the address's fragment back with a script; with no inline script that mapping is not
# available, and prefixing every id would change every heading's anchor (the TOC, permalinks,
# links from other pages and from elsewhere). So only values in the namespaces the page's
# scripts own are prefixed, together with every `for`, `name` and `href="...#x"` of the body
# that names them (the rule depends on the value alone, so links between pages agree too).
# Other ids cannot clobber: a named property of `window` never hides a real one, and no element
# the allow-list keeps gives `document` a named property (only `name` on embed, form, iframe,
# img and object does, and `name` is kept on tab radio buttons and code-line anchors only).
def _rename_reserved(tree: LexborHTMLParser, policy: Policy) -> tuple[dict[str, str], bool]:
    """Prefix reserved ids, names and `for` values (old to new), and links to them."""
    renamed: dict[str, str] = {}
    changed = False
    for node in tree.css(_RESERVED_SELECTOR):
        attributes = node.attributes
        for attribute in ("id", "name", "for"):
            value = attributes.get(attribute)
            if value and is_reserved(value, policy):
                renamed[value] = node.attrs[attribute] = USER_PREFIX + value
                changed = True
    for node in tree.css(_FRAGMENT_SELECTOR):
        href = node.attrs.get("href") or ""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not is_reserved(unquote(parts.fragment), policy):
            continue
        base, _, fragment = href.partition("#")
        node.attrs["href"] = f"{base}#{USER_PREFIX}{fragment}"
        changed = True
    return renamed, changed
