"""Pagefind runs kept between builds: a language whose pages did not change is not indexed again.

Pagefind indexes one language's pages in a second or more; on a build where that language's
pages are what they were, its index is too. An index is kept in the cache folder under a digest
of everything Pagefind reads: its version, the glob, and the address and bytes of every page
the glob can match (a superset of what it indexes, read with Python's own glob). Equal
digests, equal input, equal index; anything else runs Pagefind as before.

Entries are folders, written under a temporary name and renamed into place (the parallel
language builds share the folder); each use touches its folder, and a whole build removes the
folders it did not use. Their files are linked into the site, not copied (cache_folder.place).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from chancery.core.cache_folder import place_tree

_FORMAT = 1


def input_digest(site_dir: Path, glob: str) -> str:
    """A digest of every file ``glob`` can match under ``site_dir``, by address and bytes.

    ``glob`` is one pattern or Pagefind's ``{a,b}`` alternatives (core.search.language_glob).
    """
    patterns = glob[1:-1].split(",") if glob.startswith("{") and glob.endswith("}") else [glob]
    files = sorted({path for pattern in patterns for path in site_dir.glob(pattern)})
    digest = hashlib.blake2b(digest_size=24)
    digest.update(f"format {_FORMAT}\npagefind {_version()}\nglob {glob}\n".encode())
    for path in files:
        if not path.is_file():
            continue
        data = path.read_bytes()
        name = path.relative_to(site_dir).as_posix()
        digest.update(f"{name} {len(data)}\n".encode("utf-8", "surrogateescape"))
        digest.update(hashlib.blake2b(data).digest())
    return digest.hexdigest()


def indexed(
    cache: Path | None, site_dir: Path, output: Path, glob: str, run: Callable[[], None]
) -> bool:
    """Fill ``output`` with the kept index of these pages, or ``run()`` Pagefind and keep its.

    True if the kept index served; ``cache`` None: always run.
    """
    if cache is None:
        run()
        return False
    entry = cache / input_digest(site_dir, glob)
    if entry.is_dir():
        if output.exists():
            shutil.rmtree(output)
        try:
            place_tree(entry, output)
        except FileNotFoundError:  # Pruned meanwhile by another build: index afresh.
            shutil.rmtree(output, ignore_errors=True)
        else:
            os.utime(entry)  # Still in use: kept by prune().
            return True
    run()
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache, prefix=".", suffix=".tmp"))
    try:
        place_tree(output, staging)
        os.replace(staging, entry)
    except OSError:  # Another language build kept the same index first.
        shutil.rmtree(staging, ignore_errors=True)
    return False


def prune(cache: Path, older_than: float) -> int:
    """Remove the kept indexes no build has used since ``older_than`` (a time.time())."""
    removed = 0
    for entry in cache.iterdir() if cache.is_dir() else ():
        try:
            if entry.is_dir() and entry.stat().st_mtime < older_than:
                shutil.rmtree(entry)
                removed += 1
        except OSError:
            continue
    return removed


def _version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return ""
