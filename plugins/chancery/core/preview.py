"""The editors' preview (`chancery serve`): how a built site answers a request, without a server.

A request's path is answered as the static host answers it: a folder's ``index.html`` (a
folder named without its slash is redirected to it), the rules of the site's ``_redirects``
for a path no file has (``301`` for a moved page, each language's ``404.html`` with status
404), and the headers of the site's ``_headers`` (its Content-Security-Policy above all), so
that the preview breaks where the published site would break. Two headers change: nothing is
cached (a reload always shows the newest build) and no ``Strict-Transport-Security`` is sent
for a server on the editor's own machine.

In HTML answers only, the preview adds a stylesheet and a script of its own, from the same
origin (the site's ``script-src 'self'`` allows them; no inline code is added), and, while the
last build failed, a banner naming every problem. The banner's text is escaped.
"""

from __future__ import annotations

import functools
import json
import mimetypes
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from chancery.core.config import (
    DEFAULT_LOCALES_DIR,
    PLUGIN_NAME,
    read_config_mapping,
    read_plugin_options,
)
from chancery.core.errors import printable
from chancery.core.headers import HEADERS_PATH, REDIRECTS_PATH, parse_headers_file, url_matches

#: Where the preview's own files and its event stream are served: a path no site page has.
PREVIEW_PREFIX = "/__chancery__/"
#: The stream of build events (Server-Sent Events) the preview's script listens to.
EVENTS_PATH = f"{PREVIEW_PREFIX}events"
#: The preview's own files, by the name they are served under.
PREVIEW_FILES = {"live.js": "application/javascript", "preview.css": "text/css"}
#: The folder of the preview's files and templates, in the package.
PREVIEW_DIR = Path(__file__).resolve().parent.parent / "serve" / "files"

#: Headers of ``_headers`` the preview does not send (HSTS would pin a local address to HTTPS).
DROPPED_HEADERS = frozenset({"cache-control", "strict-transport-security"})
#: What the preview sends instead: every answer is fetched again, so a reload is never stale.
NO_STORE = ("Cache-Control", "no-store")

#: Types the standard library may not know, or knows differently on some systems.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ico": "image/vnd.microsoft.icon",
    ".webmanifest": "application/manifest+json",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".gif": "image/gif",
}
#: Files the host itself reads and does not serve.
HOST_FILES = frozenset({HEADERS_PATH, REDIRECTS_PATH})

_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_HEAD_CLOSE = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    """What a path is answered with: a file and a status, or a redirect to ``location``."""

    status: int
    file: Path | None = None
    location: str | None = None


@dataclass(frozen=True)
class Redirect:
    """One ``_redirects`` rule: ``source`` (``*`` a splat), ``target`` (``:splat``), status."""

    source: str
    target: str
    status: int

    def apply(self, path: str) -> str | None:
        """The target for ``path`` if the rule matches it, else None."""
        head, star, tail = self.source.partition("*")
        if not star:
            return self.target if path.rstrip("/") == self.source.rstrip("/") else None
        if not (path.startswith(head) and path.endswith(tail)) or len(path) < len(head + tail):
            return None
        splat = path[len(head) : len(path) - len(tail)]
        return self.target.replace(":splat", splat)


@dataclass(frozen=True)
class Problem:
    """One reason a build failed, as the terminal and the banner show it."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        parts = [part for part in (where, self.field, self.message) if part]
        return printable(": ".join(parts))


@dataclass(frozen=True)
class Failure:
    """A failed build: what it said in one sentence, and each problem it named."""

    summary: str
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class BuildReport:
    """What one preview build did: how long it took, and its failure if it failed."""

    seconds: float
    failure: Failure | None = None

    def to_json(self) -> str:
        """The report as the build process writes it for the server."""
        failure = None
        if self.failure is not None:
            problems = [asdict(problem) for problem in self.failure.problems]
            failure = {"summary": self.failure.summary, "problems": problems}
        return json.dumps({"seconds": self.seconds, "failure": failure}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> BuildReport:
        """The report in ``text`` (ValueError if it is not one)."""
        try:
            data = json.loads(text)
            found = data["failure"]
            failure = None
            if found is not None:
                problems = tuple(
                    Problem(str(p["path"]), int(p["line"]), str(p["field"]), str(p["message"]))
                    for p in found["problems"]
                )
                failure = Failure(str(found["summary"]), problems)
            return cls(float(data["seconds"]), failure)
        except (KeyError, TypeError) as error:
            raise ValueError(f"not a build report: {error}") from error


@dataclass(frozen=True)
class SiteRules:
    """The host rules a built site carries: its ``_headers`` and ``_redirects``."""

    headers: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    redirects: tuple[Redirect, ...] = ()

    @classmethod
    def read(cls, root: Path) -> SiteRules:
        """The rules of the site in ``root``; none for a file that is missing or unreadable."""
        headers: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        try:
            text = (root / HEADERS_PATH).read_text(encoding="utf-8")
            headers = [(pattern, tuple(rule)) for pattern, rule in parse_headers_file(text)]
        except (OSError, ValueError):
            pass
        try:
            redirects = parse_redirects((root / REDIRECTS_PATH).read_text(encoding="utf-8"))
        except OSError:
            redirects = []
        return cls(tuple(headers), tuple(redirects))

    def headers_for(self, path: str) -> list[tuple[str, str]]:
        """The headers the matching ``_headers`` rules give ``path``, as the preview sends them."""
        found = [
            (name, value)
            for pattern, rule in self.headers
            if url_matches(pattern, path)
            for name, value in rule
            if name.lower() not in DROPPED_HEADERS
        ]
        return [*found, NO_STORE]


def parse_redirects(text: str) -> list[Redirect]:
    """The rules of a ``_redirects`` file in order, skipping lines not ``from to status``."""
    rules: list[Redirect] = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 2 or parts[0].startswith("#"):
            continue
        status = parts[2].rstrip("!") if len(parts) > 2 else "301"
        if status.isdigit():
            rules.append(Redirect(parts[0], parts[1], int(status)))
    return rules


def answer(root: Path, url_path: str, rules: SiteRules) -> Answer:
    """How the site in ``root`` answers ``url_path`` (the path part of a URL, still quoted)."""
    path = _clean(url_path)
    if path is None:
        return Answer(400)
    relative = path.lstrip("/")
    if relative in HOST_FILES:
        return _not_found(root, path, rules)
    target = root / relative if relative else root
    if target.is_dir():
        if not path.endswith("/"):
            return Answer(301, location=f"{path}/")
        target = target / "index.html"
    if target.is_file() and _inside(root, target):
        return Answer(200, target)
    return _not_found(root, path, rules)


def _not_found(root: Path, path: str, rules: SiteRules) -> Answer:
    # Netlify applies the first rule that matches a path no file has.
    for rule in rules.redirects:
        target = rule.apply(path)
        if target is None:
            continue
        if rule.status in (301, 302, 303, 307, 308):
            return Answer(rule.status, location=target)
        page = root / target.lstrip("/")
        if page.is_file() and _inside(root, page):
            return Answer(rule.status, page)
    # No rule: the nearest 404.html up the path, as each language's folder has its own.
    parts = [part for part in path.split("/") if part]
    for end in range(len(parts), -1, -1):
        page = root.joinpath(*parts[:end], "404.html")
        if page.is_file() and _inside(root, page):
            return Answer(404, page)
    return Answer(404)


def _clean(url_path: str) -> str | None:
    """The unquoted path, or None if it tries to leave the site (``..``) or holds a NUL."""
    path = unquote(url_path.split("?", 1)[0].split("#", 1)[0])
    if "\0" in path or "\\" in path or not path.startswith("/"):
        return None
    if any(part == ".." for part in path.split("/")):
        return None
    return path


def _inside(root: Path, path: Path) -> bool:
    resolved_root = root.resolve()
    return path.resolve().is_relative_to(resolved_root)


def content_type(path: Path) -> str:
    """The Content-Type of a file the preview serves, by its name."""
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known is not None:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def is_html(path: Path) -> bool:
    """Whether the preview adds its script (and any banner) to this file."""
    return path.suffix.lower() in (".html", ".htm")


def inject(html: bytes, generation: int, failure: Failure | None, *, kept: bool = True) -> bytes:
    """``html`` with the preview's stylesheet and script, and the banner of ``failure`` if any.

    ``generation`` counts the builds (failed ones too) the server has finished: the script
    reloads the page when the server announces another. ``kept``: the page is the last good
    build (not a page saying that there is none yet).
    """
    head = (
        f'<link rel="stylesheet" href="{PREVIEW_PREFIX}preview.css">'
        f'<script src="{PREVIEW_PREFIX}live.js" data-generation="{generation}" '
        f'data-events="{EVENTS_PATH}" defer></script>'
    ).encode()
    found = _HEAD_CLOSE.search(html)
    html = html[: found.start()] + head + html[found.start() :] if found else head + html
    if failure is None:
        return html
    banner = render_banner(failure, kept=kept).encode()
    opened = _BODY_OPEN.search(html)
    if opened is not None:
        return html[: opened.end()] + banner + html[opened.end() :]
    closed = _BODY_CLOSE.search(html)
    at = closed.start() if closed else len(html)
    return html[:at] + banner + html[at:]


def render_banner(failure: Failure, *, kept: bool = True) -> str:
    """The banner of a failed build (every value escaped)."""
    return _templates().get_template("banner.html").render(failure=failure, kept=kept)


def render_waiting_page(failure: Failure | None, generation: int) -> bytes:
    """The page shown for every path while no build has succeeded yet."""
    page = _templates().get_template("waiting.html").render(failure=failure)
    return inject(page.encode(), generation, failure, kept=False)


def problems_of(lines: Iterable[str]) -> tuple[Problem, ...]:
    """Problems from lines of text without a file (a warning, a configuration error)."""
    return tuple(Problem("", 0, "", line) for line in lines if line.strip())


def terminal_lines(failure: Failure) -> Sequence[str]:
    """The failure as the terminal shows it: the summary, then one problem a line."""
    return [printable(failure.summary), *(f"  {problem}" for problem in failure.problems)]


@dataclass(frozen=True)
class Sources:
    """What a preview watches: folders (and all under them) and single files."""

    folders: tuple[Path, ...]
    files: tuple[Path, ...]


#: Folders that hold no source, whatever the configuration's values happen to name.
NOT_SOURCES = frozenset({".git", ".cache", ".venv", "node_modules", "__pycache__"})


def watched_sources(config_file: Path, site_dir: Path) -> Sources:
    """The sources of the site of ``config_file``: what a change to must rebuild the preview.

    The configuration file, the content folder, the theme's overrides, MkDocs' own ``watch``
    list, the interface strings' folder, and every file or folder inside the project that a
    setting names (data files such as ``alerts_file``, an emblem, a public key), except the
    output (``site_dir`` and its builds) and caches.
    """
    project = config_file.resolve().parent
    raw = read_config_mapping(config_file)
    named: list[str] = [str(raw.get("docs_dir") or "docs")]
    theme = raw.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        named.append(str(theme["custom_dir"]))
    options = read_plugin_options(config_file, PLUGIN_NAME) or {}
    named.append(str(options.get("locales_dir") or DEFAULT_LOCALES_DIR))
    named += [str(value) for value in raw.get("watch") or () if isinstance(value, str)]
    named += list(_strings(raw.get("plugins"), key=""))
    output = Path(os.path.abspath(site_dir))
    excluded = (output, output.with_name(f".{output.name}-builds"))
    folders: set[Path] = set()
    files: set[Path] = {config_file.resolve()}
    for value in named:
        if not value or "\0" in value:
            continue
        path = (project / value).resolve()
        if path == project or not path.is_relative_to(project) or not path.exists():
            continue
        parts = path.relative_to(project).parts
        if NOT_SOURCES.intersection(parts) or any(
            path == out or path.is_relative_to(out) or out.is_relative_to(path) for out in excluded
        ):
            continue
        (folders if path.is_dir() else files).add(path)
    kept = sorted(
        folder
        for folder in folders
        if not any(folder.is_relative_to(f) and folder != f for f in folders)
    )
    alone = sorted(file for file in files if not any(file.is_relative_to(f) for f in kept))
    return Sources(tuple(kept), tuple(alone))


def _strings(value: Any, key: str) -> Iterator[str]:
    """Every string among ``value``'s values, except those of settings that name a cache."""
    if key.endswith("_cache"):
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, str(name))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)


@functools.cache
def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(PREVIEW_DIR)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
