"""Per-language search with Pagefind: which pages it indexes, and a reproducible bundle.

Pagefind splits its index by each page's ``<html lang>``, and its script loads the index of
the page it runs on: a reader downloads their own language's index only. Only pages carrying
``data-pagefind-body`` are indexed once any page does; Chancery marks a page's article only
when the page is the real version in the reader's language (no fallback, which carries the
original's text) and is not marked noindex.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: The folder of the search bundle: under search/, where Material's index used to be.
BUNDLE_DIR = "search/pagefind"
#: Pagefind's files Chancery's search page does not load (other UIs, the playground).
UNUSED_FILES = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
)
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


def run_pagefind(site_dir: Path) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind`` with the Pagefind of this environment."""
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--silent",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"cannot run Pagefind ({error})") from error
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError(
            "Pagefind failed: " + " | ".join(detail) + " (is `pagefind[extended]` installed?)"
        )
    make_reproducible(bundle)


def make_reproducible(bundle: Path) -> None:
    """Drop unused files and write pagefind-entry.json with its languages in a fixed order.

    Pagefind writes the entry file's language map in hash-map order, which changes between
    runs; every other file is named and filled by content hash, so it is already stable.
    """
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    entry = bundle / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(
        json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )


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
