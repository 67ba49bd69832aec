"""Watching the sources of a preview with watchfiles (the operating system's file events).

Folders are watched with all under them. A single file (the configuration, a data file) is
watched through its folder, not recursively, keeping only its own events: editors that save by
writing a new file and renaming it over the old one would otherwise end the watch.

watchfiles groups the events of a burst of saves (an editor's "save all", a ``git checkout``)
and reports them once the files have been quiet for a moment; the build queue then merges
whatever arrives during a build into one more build.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from chancery.core.preview import Sources

#: How long the files must be quiet before a burst of changes is reported (milliseconds).
QUIET_MS = 150
#: The longest a burst is gathered before it is reported anyway (milliseconds).
LONGEST_MS = 1600

#: What is told of each burst of changes: the changed paths, relative to the project.
OnChange = Callable[[frozenset[str]], None]


class SourceFilter(DefaultFilter):
    """watchfiles' default filter (editors' swap and backup files, version control folders)."""

    def __init__(self, files: frozenset[Path] | None = None) -> None:
        super().__init__()
        self.files = files

    def __call__(self, change: Change, path: str) -> bool:
        """Whether an event on ``path`` counts (with ``files``, only theirs)."""
        if self.files is not None and Path(path) not in self.files:
            return False
        return bool(super().__call__(change, path))


def relative_names(paths: set[tuple[Change, str]], project: Path) -> frozenset[str]:
    """The changed paths as the terminal shows them: relative to the project where they can be."""
    names: set[str] = set()
    for _, path in paths:
        found = Path(path)
        names.add(found.relative_to(project).as_posix() if found.is_relative_to(project) else path)
    return frozenset(names)


class Watcher:
    """Watches ``sources`` in background threads and calls ``on_change`` after each burst."""

    def __init__(self, sources: Sources, project: Path, on_change: OnChange) -> None:
        self.sources = sources
        self.project = project
        self.on_change = on_change
        self.stop_event = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        """Start watching."""
        if self.sources.folders:
            self._thread(self.sources.folders, SourceFilter(), recursive=True)
        if self.sources.files:
            parents = tuple(sorted({file.parent for file in self.sources.files}))
            self._thread(parents, SourceFilter(frozenset(self.sources.files)), recursive=False)

    def stop(self) -> None:
        """Stop watching, and wait for the threads to end."""
        self.stop_event.set()
        for thread in self.threads:
            thread.join()

    def _thread(self, paths: tuple[Path, ...], only: SourceFilter, *, recursive: bool) -> None:
        def run() -> None:
            for changes in watch(
                *paths,
                watch_filter=only,
                debounce=LONGEST_MS,
                step=QUIET_MS,
                stop_event=self.stop_event,
                rust_timeout=500,
                raise_interrupt=False,
                recursive=recursive,
            ):
                self.on_change(relative_names(changes, self.project))

        thread = threading.Thread(target=run, name="chancery-watch", daemon=True)
        thread.start()
        self.threads.append(thread)
