"""What may be published: one decision for every file under the content folder.

Everything under the content folder is untrusted: a careless editor, a compromised account or a
translation agency's delivery. A file reaches the site only as a rendered page (a ``.md`` file in
a language folder) or as an asset of an allow-listed type that a published page references (the
build decides that from the rendered pages) or that the configuration declares public. Symbolic
links that leave the content folder, active content (HTML, scripts, XML) and badly named
publishable files stop the build with an error that names the file and the fix; other files
(editor backups, unknown types) are never published and are listed as withheld.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from anyascii import anyascii
from babel import Locale, UnknownLocaleError
from py_svg_hush import filter_svg
from selectolax.lexbor import LexborHTMLParser

from chancery.core.errors import ContentError, printable
from chancery.core.source import name_problem

#: The suffix of content pages; the other spellings MkDocs knows are errors with a fix.
PAGE_SUFFIX = ".md"
OTHER_MARKDOWN_SUFFIXES = frozenset({".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn"})

#: Asset types a page may publish beside it: images, documents, audio, video, captions and
#: archives. None of them runs script when a browser opens it from the site's origin (SVG is
#: sanitised first, see SANITISED_SUFFIXES).
ASSET_SUFFIXES = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico",
        ".pdf", ".txt", ".csv", ".odt", ".ods", ".odp", ".docx", ".xlsx", ".pptx", ".epub",
        ".mp3", ".m4a", ".oga", ".ogg", ".opus", ".wav",
        ".mp4", ".m4v", ".webm", ".ogv", ".vtt",
        ".zip",
    }
)  # fmt: skip

#: Image types that can carry script: published only as the output of a sanitiser.
SANITISED_SUFFIXES = frozenset({".svg"})

#: Types a browser runs or renders as a document on the site's origin: refused outright.
ACTIVE_SUFFIXES = frozenset(
    {
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".hta", ".htc",
        ".js", ".mjs", ".cjs", ".wasm", ".swf", ".jar", ".vbs",
        ".xml", ".xsl", ".xslt", ".rss", ".atom", ".svgz",
        ".css", ".php", ".asp", ".aspx", ".jsp", ".cgi", ".pl", ".py", ".sh",
        ".webmanifest", ".appcache",
    }
)  # fmt: skip

#: A publishable file's name: lower-case ASCII letters and digits, with '-', '_' and '.' inside.
_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")


@dataclass(frozen=True)
class Withheld:
    """A file under the content folder that is never published, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class ContentTree:
    """The files under the content folder, sorted into what may be published and what not.

    Paths are relative to the content folder, with '/' separators.
    """

    #: Markdown pages inside a language folder, to be read into the catalog.
    pages: tuple[str, ...]
    #: Assets of an allow-listed type inside a language folder; published only when a
    #: published page references them, or when they are declared public.
    assets: tuple[str, ...]
    #: Assets published whether or not a page references them (the ``public_files`` setting).
    public: frozenset[str]
    withheld: tuple[Withheld, ...]
    errors: tuple[ContentError, ...]

    def is_asset(self, path: str) -> bool:
        """Whether ``path`` is an asset that may be published."""
        return path in self._asset_set

    @cached_property
    def _asset_set(self) -> frozenset[str]:
        return frozenset(self.assets)


def is_private(relative_path: str) -> bool:
    """Whether a path is inside (or is) a folder or file whose name starts with '_' or '.'.

    Such folders hold drafts, notes and tooling; nothing in them is ever published.
    """
    return any(part.startswith(("_", ".")) for part in PurePosixPath(relative_path).parts)


def needs_sanitising(relative_path: str) -> bool:
    """Whether an asset is published only through a sanitiser (SVG)."""
    return PurePosixPath(relative_path).suffix.lower() in SANITISED_SUFFIXES


def scan_content(
    content_dir: Path,
    languages: Iterable[str],
    *,
    shown_prefix: str = "",
    public_files: Iterable[str] = (),
) -> ContentTree:
    """Sort every file under ``content_dir`` into pages, assets, withheld files and errors.

    The walk never follows a symbolic link. A link to a file inside the content folder that
    could be published itself is treated as that file; any other link is an error.
    ``public_files`` are glob patterns, relative to the content folder, of assets published
    even when no page references them. ``shown_prefix`` is how editors see the content folder
    in messages (``content/``).
    """
    root = content_dir.resolve()
    codes = tuple(languages)
    patterns = tuple(public_files)
    pages: list[str] = []
    assets: list[str] = []
    public: set[str] = set()
    withheld: list[Withheld] = []
    errors: list[ContentError] = []

    def error(path: str, message: str) -> None:
        errors.append(ContentError(printable(shown_prefix + path), 0, "", message))

    for folder, folders, files in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in sorted(folders):
            relative = (here / name).relative_to(root).as_posix()
            if (here / name).is_symlink():
                error(relative, _link_problem(here / name, root, folder=True))
                folders.remove(name)
            elif here == root and not is_private(name):
                problem = _language_folder_problem(name, codes)
                if problem:
                    error(relative, problem)
                    folders.remove(name)
        folders.sort()
        for name in sorted(files):
            path = here / name
            relative = path.relative_to(root).as_posix()
            if not path.is_symlink() and not path.is_file() and not is_private(relative):
                error(relative, "is not a regular file (a pipe or a device?); remove it")
                continue
            if path.is_symlink() and not is_private(relative):
                target = _internal_target(path, root)
                if target is None:
                    error(relative, _link_problem(path, root, folder=False))
                    continue
                if is_private(target.relative_to(root).as_posix()):
                    error(
                        relative,
                        "links to a private file (in a folder starting with '_' or "
                        "'.'); copy what should be published instead of linking to it",
                    )
                    continue
            kind = _classify(relative, codes, patterns)
            if isinstance(kind, Withheld):
                withheld.append(kind)
            elif kind.startswith("error:"):
                error(relative, kind.removeprefix("error:"))
            elif kind == "page":
                pages.append(relative)
            else:
                assets.append(relative)
                if kind == "public":
                    public.add(relative)
    for pattern in patterns:
        if not any(fnmatch.fnmatchcase(path, pattern) for path in public):
            errors.append(
                ContentError(
                    "mkdocs.yml",
                    0,
                    "public_files",
                    f"'{pattern}' matches no publishable file of the content folder; "
                    "correct the pattern or remove it",
                )
            )
    return ContentTree(
        tuple(sorted(pages)),
        tuple(sorted(assets)),
        frozenset(public),
        tuple(sorted(withheld, key=lambda item: item.path)),
        tuple(errors),
    )


def _classify(relative: str, codes: tuple[str, ...], patterns: tuple[str, ...]) -> str | Withheld:
    """'page', 'asset', 'public', 'error:<message>' or a Withheld record for one file."""
    if is_private(relative):
        return Withheld(relative, "in a private folder or file (its name starts with '_' or '.')")
    path = PurePosixPath(relative)
    suffix = path.suffix.lower()
    declared = any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns)
    in_language = len(path.parts) > 1 and path.parts[0] in codes
    if suffix in ACTIVE_SUFFIXES:
        return (
            f"error:is active content ({suffix}), which could run script on the site's "
            "origin; content cannot publish it. Write the page in Markdown, and put "
            "scripts and styles in overrides/ (reviewed with the site's code), or remove it"
        )
    if suffix == PAGE_SUFFIX or suffix in OTHER_MARKDOWN_SUFFIXES:
        if not in_language:
            return (
                "error:is not inside a language folder; move it to "
                f"content/<language>/, with <language> one of {', '.join(codes)}"
            )
        if path.suffix != PAGE_SUFFIX:
            return f"error:{_rename_hint(path, PAGE_SUFFIX)}"
        bad = _bad_name(path)
        return f"error:{bad}" if bad else "page"
    if suffix not in ASSET_SUFFIXES and suffix not in SANITISED_SUFFIXES:
        why = "no suffix" if not suffix else f"'{suffix}' is not a publishable type"
        if declared:
            return (
                f"error:is declared in public_files, but {why}; see the list of publishable types"
            )
        return Withheld(relative, f"{why} (editor or backup file?)")
    if not in_language and not declared:
        return Withheld(relative, "not inside a language folder, and not in public_files")
    bad = _bad_name(path, skip_language=in_language)
    if bad:
        return f"error:{bad}"
    return "public" if declared else "asset"


def _bad_name(path: PurePosixPath, *, skip_language: bool = True) -> str | None:
    """A message when a part of ``path`` (after its language folder) is not a safe name."""
    parts = path.parts[1:] if skip_language else path.parts
    for part in parts:
        unprintable = name_problem(part)
        if unprintable:
            return unprintable
        if not _NAME.match(part):
            return (
                f"'{part}' is not a lower-case ASCII name (letters a-z, digits, '-', '_', '.'), "
                f"which every published address uses; rename it to '{suggest_name(part)}'"
            )
    return None


def is_safe_name(name: str) -> bool:
    """Whether a file or folder name is lower-case ASCII, as every published address is."""
    return bool(_NAME.match(name))


def _rename_hint(path: PurePosixPath, suffix: str) -> str:
    return (
        f"'{path.suffix}' is not the suffix of a content page; rename it to "
        f"'{suggest_name(path.stem + suffix)}'"
    )


def suggest_name(name: str) -> str:
    """A lower-case ASCII spelling of a file or folder name, e.g. 'Über Uns.md' -> 'uber-uns.md'."""
    stem, dot, suffix = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    ascii_stem = anyascii(unicodedata.normalize("NFC", stem)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-") or "page"
    clean_suffix = re.sub(r"[^a-z0-9]+", "", anyascii(suffix).lower())
    return f"{slug}.{clean_suffix}" if dot and clean_suffix else slug


def _language_folder_problem(name: str, codes: tuple[str, ...]) -> str | None:
    """A message for a top-level folder that is not one of the site's languages."""
    if name in codes:
        return None
    folded = {code.lower(): code for code in codes}
    if name.lower() in folded:
        return f"is not written as the language tag; rename the folder to '{folded[name.lower()]}'"
    try:
        Locale.parse(name.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        return None  # Not a language: its files are sorted one by one (withheld or errors).
    return (
        f"'{name}' is not a language of this site ({', '.join(codes)}); add it to the languages "
        "of chancery/content in mkdocs.yml, or move its files into a language folder"
    )


def _internal_target(link: Path, root: Path) -> Path | None:
    """The file a symbolic link points to, if it is a regular file inside the content folder."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target


def _link_problem(link: Path, root: Path, *, folder: bool) -> str:
    try:
        target = link.resolve(strict=False)
    except (OSError, RuntimeError):
        return "is a symbolic link that cannot be resolved (a loop?); replace it with the file"
    if folder:
        return (
            "is a symbolic link to a folder; content folders cannot be links (they could publish "
            "anything they point to); copy the files it should publish into a real folder"
        )
    if not target.is_relative_to(root):
        return (
            "is a symbolic link to a file outside the content folder, which would publish it; "
            "copy the file into the content folder instead"
        )
    return "is a symbolic link to something that is not a file; replace it with the file itself"


#: Attributes through which a rendered page makes the browser fetch or open a file.
_URL_ATTRIBUTES = ("href", "src", "poster", "data")


def referenced_paths(html: str, page_url: str) -> set[str]:
    """The site paths (e.g. 'news/visit/photo.jpg') that a rendered page links to or embeds.

    ``page_url`` is the page's site-relative URL ('news/visit/' or 'news/visit.html'). Links to
    other sites, and links that leave the site's folder, are not included.
    """
    tree = LexborHTMLParser(html)
    found: set[str] = set()
    selector = ",".join(f"[{name}]" for name in (*_URL_ATTRIBUTES, "srcset"))
    for node in tree.css(selector):
        attributes = node.attributes
        values = [attributes.get(name) for name in _URL_ATTRIBUTES]
        srcset = attributes.get("srcset")
        if srcset:
            values += [candidate.split()[0] for candidate in srcset.split(",") if candidate.split()]
        for value in values:
            path = site_path(value, page_url) if value else None
            if path is not None:
                found.add(path)
    return found


def site_path(url: str, page_url: str) -> str | None:
    """Where a URL written in the page at ``page_url`` points inside the site, or None.

    A folder URL stands for its index.html; the result has no leading '/', query or fragment.
    """
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
        joined = posixpath.join(base, path)
    normal = posixpath.normpath(joined)
    if normal.startswith("..") or normal.startswith("/"):
        return None
    if normal == ".":
        normal = ""
    if path.endswith("/") or normal == "":
        normal = posixpath.join(normal, "index.html")
    return normal


class SvgError(ValueError):
    """An SVG image the sanitiser cannot read."""


def sanitise_svg(data: bytes) -> bytes:
    """An SVG image without script, event handlers, external references or foreign content.

    Cloudflare's svg-hush keeps the drawing and drops everything that could run or fetch.
    """
    try:
        return bytes(filter_svg(data))
    except Exception as error:  # The filter reports malformed XML in its own exception types.
        raise SvgError(f"is not an SVG image the sanitiser can read ({error})") from error


def rebase_links(html: str, original_url: str, page_url: str, known: set[str]) -> str:
    """``html`` written for ``original_url``, with its links made to work at ``page_url``.

    A fallback page shows its original's body at another address. Each relative link that finds
    nothing from ``page_url`` but finds a file of ``known`` (site paths such as
    'news/index.html') from ``original_url`` is rewritten to reach that file. Everything else,
    and every byte around the links, stays as it was.
    """
    if original_url == page_url:
        return html
    tree = LexborHTMLParser(html)
    replacements: dict[str, str] = {}
    for node in tree.css(",".join(f"[{name}]" for name in _URL_ATTRIBUTES)):
        for name in _URL_ATTRIBUTES:
            value = node.attributes.get(name)
            if not value or site_path(value, page_url) in known:
                continue
            target = site_path(value, original_url)
            if target is None or target not in known:
                continue
            written = f'{name}="{_attribute_text(value)}"'
            replacements[written] = (
                f'{name}="{_attribute_text(_relative(value, target, page_url))}"'
            )
    for written, rewritten in replacements.items():
        html = html.replace(written, rewritten)
    return html


def _relative(value: str, target: str, page_url: str) -> str:
    """A URL from ``page_url`` to the site path ``target``, keeping ``value``'s query and anchor."""
    parts = urlsplit(value)
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    if parts.path.endswith("/") and target.endswith("index.html"):
        target = target.removesuffix("index.html")
    relative = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
    return urlunsplit(("", "", quote(relative), parts.query, parts.fragment))


def _attribute_text(value: str) -> str:
    # As the sanitiser's serialiser writes an attribute value between double quotes.
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("\xa0", "&nbsp;")
