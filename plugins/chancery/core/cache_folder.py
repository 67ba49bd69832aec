"""Folders of build caches kept between builds: atomic writes, links into the site, pruning.

Parallel language builds share a cache folder. An entry is written to a temporary file and
renamed into place, so that no build reads half of one; each use touches the entry, so that
after a whole build the entries it did not use (older than its start) can be removed.

A kept file that goes into the site unchanged (a share card, a search index file) is linked
there rather than copied: a warm build then allocates no new file for it, which is most of the
cost of writing a small file. The site's copy and the entry are then one file, so no step may
write into such a file in place: the one that rewrites one replaces it instead (write_new).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from functools import cache
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The file gets the mode any new file gets (the umask applies), not a temporary file's
    owner-only one: an entry linked into the site must be readable by the web server.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        if new_file_mode() >= 0:
            os.fchmod(handle, new_file_mode())
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as a new file: the old one may be linked to a cache entry."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def place(entry: Path, target: Path) -> bool:
    """Put the kept file ``entry`` at ``target``; False if the entry is gone.

    Linked when the entry has the mode a new file gets here and the two share a file system;
    copied otherwise, so the site's files have the same modes either way. A file already at
    ``target`` is replaced, never written into (it may be linked to another entry).
    """
    try:
        mode = stat.S_IMODE(entry.stat().st_mode)
    except OSError:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode == new_file_mode():
        try:
            os.link(entry, target)
            return True
        except FileNotFoundError:
            return False
        except OSError:  # Another file system, or links not allowed: a copy.
            pass
    target.unlink(missing_ok=True)
    try:
        shutil.copyfile(entry, target)
    except FileNotFoundError:
        return False
    return True


def place_tree(source: Path, target: Path) -> None:
    """Put every file under the kept folder ``source`` under ``target``, as place() does."""
    for folder, _, names in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in names:
            if not place(Path(folder) / name, here / name):
                raise FileNotFoundError(Path(folder) / name)


@cache
def new_file_mode() -> int:
    """The mode a file created here with mode 0o666 gets (the process's umask applied)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Without /proc: -1 matches no mode, so kept files are copied, never linked.
    return -1


def prune(folder: Path, pattern: str, older_than: float) -> int:
    """Remove the entries matching ``pattern`` unused since ``older_than`` (a time.time())."""
    removed = 0
    for path in folder.glob(pattern):
        try:
            if path.stat().st_mtime < older_than:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed
