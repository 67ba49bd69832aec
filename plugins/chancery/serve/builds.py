"""Preview builds: one at a time, queued, each in a child process that can be stopped.

Changes that arrive while a build runs are gathered, and make exactly one more build when it
ends: a build never overlaps another, and a burst of saves never queues a build per save.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chancery.core.preview import BuildReport, Failure

#: How long a build asked to stop may take to remove its unfinished folder before it is killed.
STOP_GRACE_SECONDS = 20.0

#: A build: the files changed since the last one, to what happened.
Build = Callable[[frozenset[str]], None]


@dataclass
class BuildQueue:
    """Runs ``build`` in :meth:`run`'s thread whenever :meth:`request` was called since the last.

    Requests made during a build are merged into the next one, with every changed path.
    """

    build: Build
    _condition: threading.Condition = field(default_factory=threading.Condition)
    _pending: set[str] = field(default_factory=set)
    _requested: bool = False
    _running: bool = False
    _closed: bool = False
    #: How many builds have ended (for tests and the terminal).
    finished: int = 0

    def request(self, changed: Iterable[str] = ()) -> None:
        """Ask for a build that sees ``changed``: now if idle, else once the current one ends."""
        with self._condition:
            self._pending.update(changed)
            self._requested = True
            self._condition.notify_all()

    def run(self) -> None:
        """Build on each request, one build at a time, until :meth:`close`."""
        while True:
            with self._condition:
                while not (self._requested or self._closed):
                    self._condition.wait()
                if self._closed:
                    return
                changed = frozenset(self._pending)
                self._pending.clear()
                self._requested = False
                self._running = True
            try:
                self.build(changed)
            finally:
                with self._condition:
                    self._running = False
                    self.finished += 1
                    self._condition.notify_all()

    def close(self) -> None:
        """Stop :meth:`run` after the current build (requests not yet started are dropped)."""
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    def wait_finished(self, count: int, timeout: float | None = None) -> bool:
        """Wait until ``count`` builds have ended; False if ``timeout`` passed first."""
        with self._condition:
            return self._condition.wait_for(lambda: self.finished >= count, timeout)

    @property
    def busy(self) -> bool:
        """Whether a build runs or one is waiting to start."""
        with self._condition:
            return self._running or self._requested


class ChildBuilder:
    """Runs :func:`chancery.serve.child.build_preview` in a child process, one at a time."""

    def __init__(self, config_file: Path, site_dir: Path, *, strict: bool) -> None:
        self.config_file = config_file
        self.site_dir = site_dir
        self.strict = strict
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = False

    def build(self, changed: frozenset[str] = frozenset()) -> BuildReport | None:
        """Build once; the report, or None if :meth:`stop` stopped the build."""
        handle, name = tempfile.mkstemp(prefix="chancery-serve-", suffix=".json")
        os.close(handle)
        report = Path(name)
        command = [
            sys.executable,
            "-m",
            "chancery.serve.child",
            "--config-file",
            str(self.config_file),
            "--site-dir",
            str(self.site_dir),
            "--report",
            str(report),
        ]
        if not self.strict:
            command.append("--no-strict")
        for path in sorted(changed):
            command += ["--changed", path]
        try:
            with self._lock:
                if self._stopping:
                    return None
                # A session of its own: Ctrl-C at the terminal reaches the server only, which
                # then stops the build itself (see stop) and waits for it to clean up.
                self._process = subprocess.Popen(command, start_new_session=True)
            status = self._process.wait()
            with self._lock:
                self._process = None
                if self._stopping:
                    return None
            try:
                return BuildReport.from_json(report.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                summary = f"The build process ended without a report (exit status {status})"
                return BuildReport(0.0, Failure(summary))
        finally:
            report.unlink(missing_ok=True)

    def stop(self) -> None:
        """Stop the build under way, if any, and wait until it has removed its folder."""
        with self._lock:
            self._stopping = True
            process = self._process
        if process is None:
            return
        # The build's process group: the build and the language builds it forked.
        try:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        except ProcessLookupError:
            pass
