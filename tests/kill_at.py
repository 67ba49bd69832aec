"""Fault injection: run a build step, and SIGKILL this process before one chosen file change.

    python tests/kill_at.py WHEN REPORT COMMAND [ARGS...]

Every file-system change (``os.mkdir``, ``symlink``, ``replace``, ``rename``, ``unlink``,
``rmdir``, and the atomic exchange) is counted. WHEN says before which one the process kills
itself with SIGKILL, as an outside kill would, with no chance to clean up:

- ``N``: the Nth change of the run (0: never);
- ``publish+K``: the Kth change after publishing the new build began (K=1 is the link's
  creation, K=2 the rename that makes it the site, K=3 and on the clean-up after it);
- ``page+K``: the Kth change after MkDocs began writing its first page (K=2: that page is
  written, the others are not).

At a normal exit, REPORT receives the counts as JSON: ``changes``, and ``publish`` and
``page``, the count when each began.

COMMAND is ``swap SITE MARK`` (publish a small fake build whose files hold MARK at SITE),
``build ARGS...`` (``chancery build ARGS``), or ``hold SITE`` (hold SITE's build lock until
stdin closes).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chancery.core import swap

counts: dict[str, int] = {"changes": 0}
when = sys.argv[1]
report = Path(sys.argv[2])


def _due() -> bool:
    if when.isdigit():
        return counts["changes"] == int(when) != 0
    start, _, offset = when.partition("+")
    return start in counts and counts["changes"] == counts[start] + int(offset)


def counted(real: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        counts["changes"] += 1
        if _due():
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    return call


def marked(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        counts.setdefault(name, counts["changes"])
        return real(*args, **kwargs)

    return call


for change in ("mkdir", "symlink", "replace", "rename", "unlink", "rmdir"):
    setattr(os, change, counted(getattr(os, change)))
swap.exchange = counted(swap.exchange)  # type: ignore[method-assign]
swap.publish = marked("publish", swap.publish)  # type: ignore[method-assign]


def fake_build(site: Path, mark: str) -> None:
    """A small site whose every file holds ``mark``, written one folder at a time."""
    with swap.staged(site) as staging:
        for folder in ("", "fr/", "fr/news/", "assets/"):
            (staging / folder).mkdir(exist_ok=True)
            (staging / folder / "index.html").write_text(f"{folder} {mark}", encoding="utf-8")


command, *arguments = sys.argv[3:]
status = 0
if command == "swap":
    fake_build(Path(arguments[0]), arguments[1])
elif command == "build":
    # Imported here: MkDocs takes a while to import, and only this command needs it.
    import mkdocs.commands.build as mkdocs_build

    from chancery.cli import main

    mkdocs_build._build_page = marked("page", mkdocs_build._build_page)
    status = main(["build", *arguments])
elif command == "hold":
    layout = swap.layout_of(Path(arguments[0]))
    layout.builds.mkdir(parents=True, exist_ok=True)
    with swap.site_lock(layout):
        print("locked", flush=True)
        sys.stdin.read()
report.write_text(json.dumps(counts), encoding="utf-8")
sys.exit(status)
