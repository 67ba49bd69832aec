"""HTTP security headers for the published site: a strict Content-Security-Policy and friends.

The policy allows scripts, styles, images and fonts from the site's own origin only. The few
inline scripts Material writes (its palette and scope bootstraps) are allowed by the SHA-256
hash of their exact text, collected from every built page, so no ``'unsafe-inline'`` is ever
needed. Non-executable ``<script>`` data blocks (JSON, JSON-LD) are not scripts to CSP and are
left out. The headers are written in the ``_headers`` format of Netlify and Cloudflare Pages;
:func:`nginx_snippet` gives the same policy for nginx.

``_headers`` also says how long browsers and shared caches may keep each file: a year for files
whose name carries a hash of their content (a new content is a new address), five minutes and
then revalidation for everything else.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

#: Script types a browser executes; any other type is a data block CSP does not govern.
EXECUTABLE_SCRIPT_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)

#: Where the headers file goes, at the site root.
HEADERS_PATH = "_headers"
#: Netlify's redirect rules file, which also serves each language's 404 page.
REDIRECTS_PATH = "_redirects"

#: How long a file whose name does not change with its content may be kept: pages, feeds,
#: JSON, and assets with a fixed name. The site is rebuilt every 15 minutes (embargoes lift,
#: statements are corrected or withdrawn), so a reader gets a copy at most 5 minutes older
#: than the published one; after that it is revalidated (a 304 costs no body).
#: Our own assets under assets/chancery/ (stylesheets, scripts, fonts) keep a fixed name: they
#: get the pages' lifetime, so that after an upgrade a page and the stylesheet and scripts it
#: was built with are never more than 5 minutes apart. Fingerprinting them would let them be
#: kept for a year too, but their addresses are written by templates and several plugins.
REVALIDATED_CACHE = "public, max-age=300, must-revalidate"
#: How long a file whose name carries a hash of its content may be kept: new content gets a
#: new name, so a copy never goes stale.
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"

#: Names that carry a hash of their content, by the tools that write them (the group ``hash``).
FINGERPRINTED: tuple[re.Pattern[str], ...] = (
    # Material for MkDocs: assets/stylesheets/main.57a0d79d.min.css, palette.<hash>.min.css,
    # assets/javascripts/bundle.<hash>.min.js, and their source maps.
    re.compile(
        r"^assets/(?:stylesheets|javascripts)/(?:[\w-]+/)*[\w-]+\.(?P<hash>[0-9a-f]{8})"
        r"\.min\.(?:css|js)(?:\.map)?$"
    ),
    # Pagefind: fragment/en_1a2b3c4.pf_fragment, index/en_1a2b3c4.pf_index and
    # pagefind.en_1a2b3c4d5e.pf_meta; its loader, WebAssembly and pagefind-entry.json
    # (which names the current ones) keep fixed names.
    re.compile(r"(?:^|/)(?:fragment|index)/[\w-]+_(?P<hash>[0-9a-f]{7,})\.pf_(?:fragment|index)$"),
    re.compile(r"(?:^|/)pagefind\.[\w-]+_(?P<hash>[0-9a-f]{7,})\.pf_meta$"),
)

#: Headers every response gets besides the CSP.
STATIC_HEADERS: tuple[tuple[str, str], ...] = (
    ("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), interest-cohort=(), "
        "magnetometer=(), microphone=(), payment=(), usb=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cache-Control", REVALIDATED_CACHE),
)


@dataclass
class InlineCode:
    """The inline code of one page: what CSP must allow by hash."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    #: Values of ``style=""`` attributes: allowed only with 'unsafe-hashes', so we report them.
    style_attributes: list[str] = field(default_factory=list)
    #: ``on*=`` event handler attributes: never allowed; their presence is an error.
    event_handlers: list[str] = field(default_factory=list)


def inline_code(html: str) -> InlineCode:
    """The inline scripts, styles, style attributes and event handlers of one HTML document.

    Parsed with Lexbor, an HTML5-conformant parser (the tree a browser builds, seven times
    faster than ``html.parser`` on our pages, where this scan runs over every built file).
    Script and style contents are raw text in HTML5, so the hashed text is exactly the page's.
    """
    found = InlineCode()
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse() if tree.root is not None else ():
        attributes = node.attributes
        for name, value in attributes.items():
            if name == "style":
                found.style_attributes.append(value or "")
            elif name.startswith("on"):
                found.event_handlers.append(f"<{node.tag} {name}>")
        if node.tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").strip().lower()
            if kind in EXECUTABLE_SCRIPT_TYPES:
                found.scripts.append(node.text(deep=True))
        elif node.tag == "style":
            found.styles.append(node.text(deep=True))
    return found


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly ``text`` (as it appears in the page)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(
    script_hashes: Iterable[str], style_hashes: Iterable[str], *, wasm: bool
) -> str:
    """The site's policy; ``wasm`` adds 'wasm-unsafe-eval' for the search index's WebAssembly.

    'wasm-unsafe-eval' lets same-origin WebAssembly compile; it does not allow eval() or
    new Function(), which stay blocked.
    """
    scripts = ["'self'", *sorted(set(script_hashes))]
    if wasm:
        scripts.append("'wasm-unsafe-eval'")
    styles = ["'self'", *sorted(set(style_hashes))]
    directives = (
        ("default-src", "'self'"),
        ("script-src", " ".join(scripts)),
        ("style-src", " ".join(styles)),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("worker-src", "'self'"),
        ("manifest-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("frame-ancestors", "'none'"),
        ("form-action", "'self'"),
    )
    return "; ".join(f"{name} {value}" for name, value in directives)


def all_headers(policy: str) -> tuple[tuple[str, str], ...]:
    """Every header each response gets, CSP first."""
    return (("Content-Security-Policy", policy), *STATIC_HEADERS)


#: SVG images opened as documents get a policy of their own on top of the site's: no script,
#: no fetch, sandboxed. They are sanitised when published (publication.py); this is the belt
#: to those braces. Browsers apply both policies, so the stricter wins.
SVG_RULE = ("/*.svg", "default-src 'none'; img-src 'self' data:; sandbox")


def headers_file(policy: str, immutable: Iterable[str] = ()) -> str:
    """The ``_headers`` file (Netlify, Cloudflare Pages).

    The same headers on every path, a policy of their own for SVG images, and a year's caching
    on the ``immutable`` URL patterns (:func:`immutable_rules`).
    """
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in all_headers(policy)]
    lines += ["", SVG_RULE[0], f"  Content-Security-Policy: {SVG_RULE[1]}"]
    patterns = list(immutable)
    if patterns:
        # Cloudflare Pages joins the values of a header that two matching rules set; "!"
        # first removes the one "/*" set. Netlify skips the "!" line; if it joins the values,
        # the short lifetime comes first, and caches use the first max-age or treat the copy
        # as stale (RFC 9111, 4.2.1): a hashed file is revalidated early, never a page late.
        lines += ["", "# Names that carry a hash of their content: kept for a year."]
        for pattern in patterns:
            lines += [pattern, "  ! Cache-Control", f"  Cache-Control: {IMMUTABLE_CACHE}"]
    return "\n".join(lines) + "\n"


def immutable_rules(paths: Iterable[str]) -> list[str]:
    """The ``_headers`` URL patterns of the files among ``paths`` whose names carry a hash.

    ``paths`` are every published file, relative to the site. One pattern per folder and name
    ending (``/assets/stylesheets/*.min.css``) when every file it matches carries a hash; else
    (a site's own ``extra.min.css`` beside Material's) the hashed files' own paths.
    """
    published = sorted(set(paths))
    groups: dict[str, list[str]] = {}
    for path in published:
        found = _fingerprint(path)
        if found is not None:
            folder = posixpath.dirname(path)
            pattern = "/" + posixpath.join(folder, "*" + path[found.end("hash") :])
            groups.setdefault(pattern, []).append(path)
    rules: list[str] = []
    for pattern, members in sorted(groups.items()):
        start = pattern[1:].partition("*")[0]
        matched = [
            path
            for path in published
            if _may_match(start, path) and url_matches(pattern, f"/{path}")
        ]
        if all(_fingerprint(path) is not None for path in matched):
            rules.append(pattern)
        else:
            rules += [f"/{path}" for path in members]
    return rules


def _may_match(start: str, path: str) -> bool:
    # A cheap test before the regex (thousands of files, a pattern per hashed folder): an ASCII
    # path that does not start as the pattern does, case ignored, cannot match it. Outside
    # ASCII, case-insensitive matching has more equivalences than lower() knows: the regex.
    if start.isascii() and path.isascii():
        return path[: len(start)].lower() == start.lower()
    return True


def url_matches(pattern: str, url: str) -> bool:
    """Whether a ``_headers`` URL pattern matches ``url`` as the hosts match it.

    ``*`` matches any characters, slashes included; Netlify also ignores case and a trailing
    slash. Both readings count, so that no host matches more than this says.
    """
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(f"{regex}/?", url, re.IGNORECASE) is not None


def _fingerprint(path: str) -> re.Match[str] | None:
    for known in FINGERPRINTED:
        found = known.search(path)
        if found is not None:
            return found
    return None


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a ``_headers`` file: (path pattern, [(name, value)]) in order.

    ``! Name`` lines (Cloudflare's "detach a header") are left out, as Netlify leaves them.
    """
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith(("#", "!")):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
            continue
        name, sep, value = line.strip().partition(":")
        if not sep or not rules:
            raise ValueError(f"{HEADERS_PATH}:{number}: expected 'Name: value' under a path")
        rules[-1][1].append((name.strip(), value.strip()))
    return rules


def redirects_file(prefixes: Iterable[str], moved: Iterable[str] = ()) -> str:
    """Netlify ``_redirects`` rules serving each language's 404 page under its prefix.

    ``prefixes`` are the language URL prefixes ("" for the root language, else "fr/"); the
    root rule comes last because Netlify applies the first match. ``moved`` are the rules of
    pages' old addresses (chancery.core.redirects), which come first for the same reason.
    """
    lines = list(moved)
    lines += [f"/{prefix}*  /{prefix}404.html  404" for prefix in sorted(prefixes) if prefix]
    lines.append("/*  /404.html  404")
    return "\n".join(lines) + "\n"


def nginx_snippet(policy: str, prefixes: Iterable[str]) -> str:
    """The same headers and 404 pages for an nginx ``server`` block."""
    lines = [f'add_header {name} "{value}" always;' for name, value in all_headers(policy)]
    lines.append("error_page 404 /404.html;")
    for prefix in sorted(prefixes):
        if prefix:
            lines.append(f"location /{prefix} {{ error_page 404 /{prefix}404.html; }}")
    return "\n".join(lines) + "\n"
