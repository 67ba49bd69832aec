"""Compile each Jinja template once per `mkdocs build`, not once per language.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per
language inside the first, so Material's and Chancery's templates were compiled six times in a
six-language build (about a tenth of its time, bench/README.md). A bytecode cache shared by the
builds of one process hands every later environment the code the first one compiled. Jinja keys
each entry by template name and file, and drops it when the source's checksum differs, so the
rendered output is byte-identical to a build without the cache (tests/test_bench.py proves it).
"""

from __future__ import annotations

import os

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

#: Set to "off" to build without the cache (to compare outputs, or to rule it out).
SWITCH = "CHANCERY_TEMPLATE_CACHE"


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}
        #: How many templates were served from the cache rather than compiled.
        self.hits = 0

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` with stored code; Jinja resets it if the source changed."""
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)
            if bucket.code is not None:
                self.hits += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep what Jinja just compiled."""
        self._store[bucket.key] = bucket.bytecode_to_string()


def enabled(switch: str = SWITCH) -> bool:
    """Whether builds use a cache: on unless its switch (CHANCERY_TEMPLATE_CACHE) is "off"."""
    return os.environ.get(switch, "on").strip().lower() != "off"
