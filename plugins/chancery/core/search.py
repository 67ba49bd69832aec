"""Per-language search with Pagefind: which pages it indexes, and a reproducible bundle.

Pagefind splits its index by each page's ``<html lang>``, and its script loads the index of
the page it runs on: a reader downloads their own language's index only. Only pages carrying
``data-pagefind-body`` are indexed once any page does; Chancery marks a page's article only
when the page is the real version in the reader's language (no fallback, which carries the
original's text) and is not marked noindex.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from chancery.core.cache_folder import write_new

#: The folder of the search bundle, under the root language's search page (by default
#: search/, where Material's index used to be).
BUNDLE_NAME = "pagefind"
BUNDLE_DIR = f"search/{BUNDLE_NAME}"


def bundle_dir(search_page: str) -> str:
    """The site folder of the search bundle when the search page is at ``search_page``."""
    return f"{search_page.strip('/')}/{BUNDLE_NAME}"


#: Pagefind's files Chancery's search page does not load (other UIs, the playground).
UNUSED_FILES = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
)
#: The bundle's list of languages and their index files.
ENTRY_FILE = "pagefind-entry.json"
#: The element of a Material page that holds the page's own content.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_BODY_MARK = "data-pagefind-body"


class SearchIndexError(Exception):
    """Pagefind is missing or failed."""


def mark_indexable(html: str) -> str:
    """``html`` with its article marked for indexing (the first Material article only)."""
    if _BODY_MARK in html:
        return html
    return _ARTICLE.sub(lambda match: f"{match.group(0)} {_BODY_MARK}", html, count=1)


def run_pagefind(site_dir: Path, output: Path, glob: str = "**/*.html") -> None:
    """Index the pages of ``site_dir`` that ``glob`` matches into the bundle folder ``output``."""
    if output.exists():
        shutil.rmtree(output)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--glob", glob, "--output-path", str(output), "--silent"]
    try:
        with one_at_a_time(site_dir):
            result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"cannot run Pagefind ({error})") from error
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError(
            "Pagefind failed: " + " | ".join(detail) + " (is `pagefind[extended]` installed?)"
        )


@contextmanager
def one_at_a_time(site_dir: Path) -> Iterator[None]:
    """Hold the lock of the Pagefind runs into ``site_dir`` (which must exist) while inside.

    Pagefind holds a language's whole index in memory (about 0.8 GB for 5,000 pages), and the
    language processes of a parallel build would otherwise run theirs together: they take
    turns. The lock is on the folder they all write to, and the system releases it when a
    process ends, however it ends. A file system without locks (some network and FUSE ones)
    only loses the turns: the runs then overlap, as they did before.
    """
    descriptor = os.open(site_dir, os.O_RDONLY)
    try:
        with suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # Closing releases the lock.


def language_glob(site_dir: Path, prefix: str, other_prefixes: Iterable[str]) -> str:
    """The glob of one language's pages: its folder, or everything outside the others'.

    The root language's folders are those at the site's root when its build ends.
    """
    if prefix:
        return f"{prefix.strip('/')}/**/*.html"
    others = {other.strip("/") for other in other_prefixes}
    folders = sorted(
        entry.name
        for entry in site_dir.iterdir()
        if entry.is_dir() and entry.name not in others and not entry.name.startswith(".")
    )
    return "{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in folders)]) + "}"


def merge_bundles(parts: Iterable[Path], bundle: Path) -> None:
    """One bundle from per-language ones, as one Pagefind run over every language writes it.

    Pagefind names each index, fragment and language file by its content, and indexes each
    language apart; only the entry file, which lists the languages, needs merging. The parts'
    files are moved into the bundle, so the parts are left empty.
    """
    if bundle.exists():
        shutil.rmtree(bundle)
    bundle.mkdir(parents=True)
    languages: dict[str, object] = {}
    entry: dict[str, object] = {}
    for part in parts:
        entry = json.loads((part / ENTRY_FILE).read_text(encoding="utf-8"))
        languages.update(entry.pop("languages"))  # type: ignore[call-overload]
        _move_into(part, bundle)
    entry["languages"] = languages
    _drop_unused(bundle)
    _write_entry(bundle, entry)


def _move_into(source: Path, target: Path) -> None:
    # Renames, not copies: a language's index is thousands of fragment files, and a rename
    # writes no data. A name in two parts (the loader, the WebAssembly) is the same file in
    # each; the last part's stays.
    for folder, _, names in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(exist_ok=True)
        for name in names:
            os.replace(Path(folder) / name, here / name)


def make_reproducible(bundle: Path) -> None:
    """Drop unused files and write pagefind-entry.json with its languages in a fixed order.

    Pagefind writes the entry file's language map in hash-map order, which changes between
    runs; every other file is named and filled by content hash, so it is already stable.
    """
    _drop_unused(bundle)
    _write_entry(bundle, json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8")))


def _drop_unused(bundle: Path) -> None:
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)


def _write_entry(bundle: Path, data: object) -> None:
    # A new file, not written into the old one: that may be a kept index's (cache_folder).
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    write_new(bundle / ENTRY_FILE, text.encode("utf-8"))


def index_sizes(bundle: Path) -> dict[str, int]:
    """Bytes of each language's index files (meta, index chunks and fragments), by language."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    sizes: dict[str, int] = {}
    for code, language in entry["languages"].items():
        total = (bundle / f"pagefind.{language['hash']}.pf_meta").stat().st_size
        total += sum(
            path.stat().st_size
            for folder in ("index", "fragment")
            for path in (bundle / folder).glob(f"{code}_*")
        )
        sizes[code] = total
    return sizes
