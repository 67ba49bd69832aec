"""The CSP hashes of each page's inline code, kept between builds by the page's exact bytes.

Finding a page's inline scripts and styles means parsing all of it (chancery.core.headers), and
a build parses every page; a page whose bytes are those of a page an earlier build scanned has
the same inline code, so its hashes are taken from this file instead. Only pages that passed
the checks (no event handlers, no style attributes) are ever recorded. The file holds the
pages of the last build alone, so it never grows with old pages; a file that is missing, from
another version or not what this module writes is ignored (every page is scanned again).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from chancery.core.cache_folder import write_atomically

#: Bump when what a record means changes.
FORMAT = 1

#: What chancery.core.headers.csp_hash writes: nothing else may reach the policy from here.
_HASH = re.compile(r"'sha256-[A-Za-z0-9+/]{43}='")

#: A page's digest (core.headers' caller decides which) to its script and style hashes.
Scans = dict[str, tuple[list[str], list[str]]]


def load(path: Path) -> Scans:
    """The records of the last build, or none if the file cannot be used."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    pages = data.get("pages")
    if not isinstance(pages, dict):
        return {}
    found: Scans = {}
    for digest, record in pages.items():
        if not _is_record(record):
            return {}  # Not written by save(): trust none of it.
        found[digest] = (list(record[0]), list(record[1]))
    return found


def save(path: Path, scans: Scans) -> None:
    """Keep ``scans`` (this build's pages) for the next build, in place of the last ones."""
    pages = {digest: [scripts, styles] for digest, (scripts, styles) in sorted(scans.items())}
    data = json.dumps({"format": FORMAT, "pages": pages}, separators=(",", ":"))
    write_atomically(path, data.encode("utf-8"))


def _is_record(record: object) -> bool:
    return (
        isinstance(record, list)
        and len(record) == 2
        and all(isinstance(hashes, list) and all(map(_is_hash, hashes)) for hashes in record)
    )


def _is_hash(item: object) -> bool:
    return isinstance(item, str) and _HASH.fullmatch(item) is not None
