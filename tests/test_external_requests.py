"""G5: no page of the demo build makes a reader's browser ask a third party for anything.

Every output HTML, CSS, JavaScript and JSON file is parsed for URLs a browser (or a feed
reader) would fetch on its own: scripts, stylesheets, icons, preloads, images, frames, media,
CSS url() and @import, fonts, JSON Feed and JSON-LD images. An absolute URL on any host but
the site's own fails the test. Links (`<a href>`) to other sites are navigation, not requests,
and are allowed. JavaScript cannot be run to its end here, so every absolute URL in a script's
string literals must be either the site's own or one of the few dormant ones listed below,
each with the check that keeps it dormant.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from tests.conftest import REPO

#: Element attributes that make a browser fetch something by itself.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "form": ("action",),
}
#: <link rel> values that fetch (or open a connection to) their href.
FETCHING_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "mask-icon",
        "preload",
        "modulepreload",
        "prefetch",
        "prerender",
        "preconnect",
        "dns-prefetch",
        "manifest",
    }
)
#: JSON keys (JSON Feed, JSON-LD, web manifests) whose URL a client fetches to show it.
FETCHED_JSON_KEYS = frozenset(
    {"icon", "favicon", "image", "banner_image", "avatar", "logo", "thumbnailUrl", "contentUrl"}
)
#: XML namespaces and the like: absolute URLs that are names, never fetched.
NAMESPACES = ("http://www.w3.org/",)

#: Absolute URLs in third-party scripts (Material's bundle, Pagefind) that the demo never lets
#: run, and why.
DORMANT_IN_SCRIPTS = {
    # Material loads Mermaid only for a page with a `mermaid` block; see the check below.
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "mermaid",
    # Loaded only where ResizeObserver is missing: no browser Material supports lacks it.
    "https://unpkg.com/resize-observer-polyfill": "resize-observer",
    # Repository facts, fetched only when mkdocs.yml sets repo_url; see the check below.
    "https://api.github.com/repos/${e}/${t}": "repo_url",
    "https://api.github.com/users/${e}": "repo_url",
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}": "repo_url",
    # Pagefind resolves relative result URLs against a dummy base; never fetched.
    "https://example.com${anchored_url}": "url-base",
    "https://example.com${normalized}": "url-base",
    "https://p": "url-base",
}

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.S)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]([^'"]+)['"]""")
_JS_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_JS_STRING_URL = re.compile(r"""["'`](https?://[^"'`\s<>]*)""")


def _site_host() -> str:
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as file:
        config: dict[str, Any] = yaml_load(file)
    return urlsplit(config["site_url"]).netloc


SITE_HOST = _site_host()


def is_external(url: str) -> bool:
    """An absolute URL (or protocol-relative one) to any host but the site's own."""
    url = url.strip()
    if url.startswith(NAMESPACES):
        return False
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "mailto", "tel", "javascript"):
        return False
    return bool(parts.netloc) and parts.netloc != SITE_HOST


def css_urls(text: str) -> Iterator[str]:
    text = _CSS_COMMENT.sub("", text)
    yield from (match.group(2) for match in _CSS_URL.finditer(text))
    yield from (match.group(1) for match in _CSS_IMPORT.finditer(text))


def json_urls(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in FETCHED_JSON_KEYS:
                if isinstance(value, str):
                    yield value
                elif isinstance(value, dict) and isinstance(value.get("url"), str):
                    yield value["url"]
                elif isinstance(value, list):
                    yield from (item for item in value if isinstance(item, str))
            yield from json_urls(value)
    elif isinstance(data, list):
        for item in data:
            yield from json_urls(item)


def html_urls(text: str) -> Iterator[str]:
    soup = BeautifulSoup(text, "lxml")
    for tag, attributes in FETCHING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                if attribute == "srcset":
                    yield from (part.strip().split(" ")[0] for part in str(value).split(","))
                else:
                    yield str(value)
    for link in soup.find_all("link"):
        rels = {rel.lower() for rel in link.get("rel") or []}
        if rels & FETCHING_RELS and link.get("href"):
            yield str(link["href"])
    for element in soup.find_all(style=True):
        yield from css_urls(str(element["style"]))
    for style in soup.find_all("style"):
        yield from css_urls(style.get_text())
    for meta in soup.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        content = str(meta.get("content", ""))
        if "url=" in content.lower():
            yield content.split("=", 1)[1].strip()
    for script in soup.find_all("script", type="application/ld+json"):
        yield from json_urls(json.loads(script.get_text()))


def script_urls(text: str) -> Iterator[str]:
    text = _JS_BLOCK_COMMENT.sub("", text)
    yield from (match.group(1) for match in _JS_STRING_URL.finditer(text))


def scan(site: Path) -> dict[str, list[str]]:
    """External URLs each file would fetch, by site-relative path; scripts' listed apart."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        suffix = path.suffix.lower()
        if suffix == ".html":
            urls = list(html_urls(path.read_text("utf-8")))
        elif suffix == ".css":
            urls = list(css_urls(path.read_text("utf-8")))
        elif suffix in (".js", ".mjs"):
            urls = [url for url in script_urls(path.read_text("utf-8")) if url not in DORMANT]
        elif suffix == ".json":
            urls = list(json_urls(json.loads(path.read_text("utf-8"))))
        else:
            continue
        # Relative URLs resolve against the file itself: on the site's own host.
        external = [url for url in urls if is_external(urljoin(f"https://{SITE_HOST}/", url))]
        if external:
            found[relative] = sorted(set(external))
    return found


DORMANT = frozenset(DORMANT_IN_SCRIPTS)


def test_no_output_file_fetches_from_a_third_party(demo_site: Path) -> None:
    assert scan(demo_site) == {}


def test_the_dormant_script_urls_stay_dormant(demo_site: Path) -> None:
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as file:
        config: dict[str, Any] = yaml_load(file)
    assert not config.get("repo_url"), "repo_url makes Material call GitHub's API (G5)"
    for page in demo_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        assert not soup.select(".mermaid"), f"{page}: a Mermaid block loads unpkg.com (G5)"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("html", '<script src="https://cdn.example.net/x.js"></script>'),
        ("html", '<link rel="stylesheet" href="//fonts.googleapis.com/css">'),
        ("html", '<link rel="icon" href="https://cdn.example.net/i.png">'),
        ("html", '<img srcset="a.png 1x, https://cdn.example.net/b.png 2x">'),
        ("html", '<iframe src="https://www.youtube.com/embed/x"></iframe>'),
        ("html", '<p style="background: url(https://t.example.net/p.gif)">'),
        (
            "html",
            '<script type="application/ld+json">{"logo": "https://cdn.example.net/l"}</script>',
        ),
        ("css", "@import 'https://fonts.googleapis.com/css2';"),
        ("css", "@font-face { src: url('https://fonts.gstatic.com/s/x.woff2') }"),
        ("js", 'fetch("https://tracker.example.net/hit")'),
        ("json", '{"items": [{"image": "https://cdn.example.net/i.png"}]}'),
    ],
)
def test_the_scanner_catches_each_kind_of_request(tmp_path: Path, kind: str, text: str) -> None:
    (tmp_path / f"page.{kind}").write_text(text, "utf-8")
    assert list(scan(tmp_path)) == [f"page.{kind}"]


def test_links_to_other_sites_are_allowed(tmp_path: Path) -> None:
    page = '<a href="https://un.org/">UN</a><link rel="alternate" href="https://x.example/">'
    (tmp_path / "page.html").write_text(page, "utf-8")
    own = f'<img src="https://{SITE_HOST}/logo.png"><script src="/assets/x.js"></script>'
    (tmp_path / "own.html").write_text(own, "utf-8")
    assert scan(tmp_path) == {}
