"""Folders of build caches kept between builds: atomic writes, and pruning what went unused.

Parallel language builds share a cache folder. An entry is written to a temporary file and
renamed into place, so that no build reads half of one; each use touches the entry, so that
after a whole build the entries it did not use (older than its start) can be removed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
