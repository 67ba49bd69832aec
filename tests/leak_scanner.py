"""A scanner for text that must not be published: every file, its path, gzip and JSON."""

from __future__ import annotations

import contextlib
import gzip
import json
from collections.abc import Iterable
from pathlib import Path


def readable_text(path: Path) -> str:
    """A file's text as a reader or crawler could see it, lower-cased.

    Gzip is opened, JSON is re-serialised without ASCII escapes (so that an escaped canary is
    still found), and bytes that are not UTF-8 are replaced rather than skipped.
    """
    data = path.read_bytes()
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = data.decode("utf-8", "replace")
    if path.suffix == ".json" or path.name.endswith(".json.gz"):
        # A JSON file that does not parse is still scanned as text above.
        with contextlib.suppress(ValueError):
            text += "\n" + json.dumps(json.loads(text), ensure_ascii=False)
    return text.lower()


def find_leaks(site: Path, canaries: Iterable[str]) -> list[str]:
    """Every place a canary appears in ``site``: a file's path (its slug) or its content."""
    wanted = [canary.lower() for canary in canaries]
    leaks = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        for canary in wanted:
            if canary in relative.lower():
                leaks.append(f"{relative}: path contains {canary}")
        if path.is_file():
            text = readable_text(path)
            leaks += [f"{relative}: contains {canary}" for canary in wanted if canary in text]
    return leaks
