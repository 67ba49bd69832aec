"""A cache of rendered Markdown, kept between builds and keyed by everything that shapes it.

Python-Markdown is a tenth of a build, and most pages do not change between two builds. A page's
HTML, table of contents, title, anchors and link warnings depend on its Markdown (after every
plugin's on_page_markdown), its place in the site, the addresses of every file its links may
point to, the Markdown extensions and their settings, link validation, and the versions of the
software. The cache key hashes all of these, so a hit gives exactly what rendering would give:
the output is byte-identical with the cache cold, warm or off (tested), and a broken link is
still reported (its warning is replayed) and still fails a strict build.

Extensions that read other files (snippets, includes) would make a page depend on more than
its own Markdown; the cache is used only when every configured extension is known to depend on
the page alone. Entries are files named by their key, written atomically, so the parallel
language builds share one folder; entries not used by a full build are removed after it. CI can
keep the folder between runs (``actions/cache``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink, get_toc

from chancery.core import cache_folder

#: Extensions whose output depends on the page's own Markdown and their settings only.
PURE_EXTENSIONS = frozenset(
    {
        *(
            f"markdown.extensions.{name}"
            for name in (
                "abbr",
                "admonition",
                "attr_list",
                "def_list",
                "extra",
                "fenced_code",
                "footnotes",
                "legacy_attrs",
                "legacy_em",
                "md_in_html",
                "meta",
                "nl2br",
                "sane_lists",
                "smarty",
                "tables",
                "toc",
                "wikilinks",
            )
        ),
        *(
            f"pymdownx.{name}"
            for name in (
                "betterem",
                "caret",
                "details",
                "emoji",
                "keys",
                "mark",
                "smartsymbols",
                "superfences",
                "tabbed",
                "tasklist",
                "tilde",
            )
        ),
        # Site-absolute links, resolved against the build's files (which the key hashes).
        "chancery.absolute_links",
    }
)
#: The logger of MkDocs' link checks, whose warnings a cache hit replays.
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
_FORMAT = 1


class MarkdownCache:
    """Rendered Markdown in ``folder``, shared by the language builds of one site."""

    def __init__(self, folder: Path, config: MkDocsConfig) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self._settings = _settings_digest(config)
        # The file set of the current language build and its digest; the set is held, not its
        # id(), which a later build's set could reuse once this one is freed.
        self._files: Files | None = None
        self._files_digest_value = ""

    def attach(self, page: MkDocsPage, text_language: str = "") -> None:
        """Render ``page`` through the cache when MkDocs asks it to render.

        ``text_language`` is the language of the page's text (a fallback shows its original's),
        which decides where its site-absolute links lead.
        """
        page.render = lambda config, files: self._render(page, config, files, text_language)  # type: ignore[method-assign]

    def _render(
        self, page: MkDocsPage, config: MkDocsConfig, files: Files, text_language: str = ""
    ) -> None:
        key = self._key(page, files, text_language)
        path = self.folder / key[:2] / f"{key}.json"
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entry = None
        if entry is not None and entry.get("format") == _FORMAT:
            self.hits += 1
            _restore(page, entry, files)
            os.utime(path)  # Still in use: kept by prune().
            return
        self.misses += 1
        with _captured_warnings() as warnings:
            MkDocsPage.render(page, config, files)
        cache_folder.write_atomically(path, json.dumps(_entry(page, warnings)).encode("utf-8"))

    def _key(self, page: MkDocsPage, files: Files, text_language: str = "") -> str:
        digest = hashlib.sha256()
        for part in (
            self._settings,
            text_language,
            self._files_digest(files),
            page.file.src_uri,
            page.file.dest_uri,
            page.file.url,
            page.markdown or "",
        ):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def _files_digest(self, files: Files) -> str:
        # Where every file of this language build is published: what links resolve against.
        if files is not self._files:
            digest = hashlib.sha256()
            for file in sorted(files, key=lambda file: file.src_uri):
                row = (file.src_uri, file.dest_uri, file.url, file.inclusion.name)
                digest.update("\0".join(row).encode("utf-8") + b"\n")
            self._files, self._files_digest_value = files, digest.hexdigest()
        return self._files_digest_value


def usable(config: MkDocsConfig) -> bool:
    """Whether every Markdown extension of the site depends on the page alone."""
    return all(_extension_name(name) in PURE_EXTENSIONS for name in config.markdown_extensions)


def prune(folder: Path, older_than: float) -> int:
    """Remove entries no build has used since ``older_than`` (a time.time()); how many."""
    return cache_folder.prune(folder, "*/*.json", older_than)


def _extension_name(name: Any) -> str:
    text = str(name)
    return text if "." in text else f"markdown.extensions.{text}"


def _settings_digest(config: MkDocsConfig) -> str:
    versions = {
        name: _version(name)
        for name in ("mkdocs-chancery", "markdown", "mkdocs", "pymdown-extensions")
    }
    settings = {
        "format": _FORMAT,
        "versions": versions,
        "extensions": [str(name) for name in config.markdown_extensions],
        "extension_configs": config.mdx_configs,
        "validation": {key: str(value) for key, value in config.validation.links.items()},
        "use_directory_urls": config.use_directory_urls,
    }
    text = json.dumps(settings, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _entry(page: MkDocsPage, warnings: list[tuple[int, str]]) -> dict[str, Any]:
    links = page.links_to_anchors or {}
    return {
        "format": _FORMAT,
        "content": page.content,
        "toc": [_toc_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": {file.src_uri: dict(anchors) for file, anchors in links.items()},
        "warnings": warnings,
    }


def _toc_token(link: AnchorLink) -> dict[str, Any]:
    # The token get_toc() built this entry from (Python-Markdown's toc_tokens).
    return {
        "level": link.level,
        "id": link.id,
        "name": link.title,
        "children": [_toc_token(child) for child in link.children],
    }


def _restore(page: MkDocsPage, entry: dict[str, Any], files: Files) -> None:
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    links = {}
    for src_uri, anchors in entry["links"].items():
        file = files.get_file_from_path(src_uri)
        if file is not None:
            links[file] = dict(anchors)
    if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:  # As MkDocs' render does.
        page.links_to_anchors = links
    for level, message in entry["warnings"]:
        _PAGES_LOG.log(level, message)


@contextmanager
def _captured_warnings() -> Iterator[list[tuple[int, str]]]:
    # The link checks' messages, to replay on a hit (they still reach the log as usual).
    captured: list[tuple[int, str]] = []

    class _Recorder(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            captured.append((record.levelno, record.getMessage()))

    recorder = _Recorder(logging.INFO)
    _PAGES_LOG.addHandler(recorder)
    try:
        yield captured
    finally:
        _PAGES_LOG.removeHandler(recorder)
