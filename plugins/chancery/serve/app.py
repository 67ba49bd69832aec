"""`chancery serve`: build, serve, watch, rebuild, reload; stop cleanly on Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from chancery.core.preview import BuildReport, terminal_lines, watched_sources
from chancery.core.swap import SwapError, layout_of, remove_leftovers, site_lock
from chancery.serve.builds import BuildQueue, ChildBuilder
from chancery.serve.server import PreviewServer, PreviewState
from chancery.serve.watch import Watcher

#: Where the preview is built when --site-dir is not given, relative to the configuration:
#: beside the other caches, apart from the site `chancery build` publishes.
DEFAULT_SITE_DIR = Path(".cache/chancery/serve/site")


@dataclass(frozen=True)
class ServeOptions:
    """What `chancery serve` was asked for."""

    config_file: Path
    host: str = "127.0.0.1"
    port: int = 8000
    site_dir: Path | None = None
    strict: bool = True

    @property
    def output(self) -> Path:
        """The preview's site folder (a link to its current build)."""
        if self.site_dir is not None:
            return Path(os.path.abspath(self.site_dir))
        return Path(os.path.abspath(self.config_file.parent / DEFAULT_SITE_DIR))


class Preview:
    """The parts of a running preview, and what happens after each build."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.project = options.config_file.resolve().parent
        self.state = PreviewState(options.output)
        self.builder = ChildBuilder(options.config_file, options.output, strict=options.strict)
        self.queue = BuildQueue(self.build)

    def build(self, changed: frozenset[str]) -> None:
        """One build, its outcome told to the terminal and to the open pages."""
        if changed:
            shown = ", ".join(sorted(changed)[:5]) + (", ..." if len(changed) > 5 else "")
            say(f"Changed: {shown}; rebuilding")
        report = self.builder.build(changed)
        if report is not None:
            self.record(report)

    def record(self, report: BuildReport) -> None:
        """Tell the terminal and the pages what a build did."""
        if report.failure is None:
            self.state.succeeded()
            say(f"Built in {report.seconds:.1f} s; open pages reload")
            return
        self.state.failed(report.failure)
        kept = "the last good build" if self.state.built else "no build yet"
        lines = terminal_lines(report.failure)
        say(f"Build failed ({report.seconds:.1f} s); serving {kept}:", error=True)
        for line in lines:
            say(f"  {line}", error=True)


def serve(options: ServeOptions) -> int:
    """Run the preview until Ctrl-C (or SIGTERM); return the exit status."""
    preview = Preview(options)
    try:
        sources = watched_sources(options.config_file, options.output)
    except ValueError as error:  # SiteConfigError: the configuration cannot be read at all.
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        server = PreviewServer((options.host, options.port), preview.state)
    except OSError as error:
        print(
            f"error: cannot serve on {options.host}:{options.port}: {error.strerror}; "
            "choose another port with --port",
            file=sys.stderr,
        )
        return 2
    watcher = Watcher(sources, preview.project, preview.queue.request)
    worker = threading.Thread(target=preview.queue.run, name="chancery-builds", daemon=True)
    serving: threading.Thread | None = None
    with _stopped_by_signals():
        try:
            if (options.output / "index.html").is_file():
                # A previous preview's build: served while the first build runs.
                preview.state.succeeded()
            say(f"Building the site of {options.config_file}")
            with _signals_to_this_thread():
                serving = server.start()
                watcher.start()
                worker.start()
            preview.queue.request()
            preview.queue.wait_finished(1)
            say(f"Serving {server.origin}/ (Ctrl-C to stop)")
            for folder in sources.folders:
                say(f"Watching {_shown(folder, preview.project)}/")
            for file in sources.files:
                say(f"Watching {_shown(file, preview.project)}")
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            say("Stopping")
            watcher.stop()
            preview.queue.close()
            preview.builder.stop()
            if worker.ident is not None:
                worker.join()
            if serving is not None:
                server.stop()
            else:
                server.server_close()
            _clean(options.output)
    say("Stopped")
    return 0


def say(line: str, *, error: bool = False) -> None:
    """A line in the terminal, at once."""
    print(line, file=sys.stderr if error else sys.stdout, flush=True)


def _shown(path: Path, project: Path) -> str:
    return path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)


def _clean(output: Path) -> None:
    """Remove what a stopped build left in the builds folder (the current build stays)."""
    layout = layout_of(output)
    if not layout.builds.is_dir():
        return
    with contextlib.suppress(SwapError, OSError), site_lock(layout):
        remove_leftovers(layout)


#: The signals that stop the preview.
STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def _signals_to_this_thread() -> Iterator[None]:
    """Threads started here never receive the stop signals: the main thread, waiting, does.

    The system gives a signal to any thread that does not block it; Python only acts on it in
    the main thread, and a main thread waiting on a lock is woken only if it received it.
    (Builds, started from such a thread, unblock them: see chancery.serve.child.)
    """
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """SIGTERM stops the preview as Ctrl-C does; a second Ctrl-C is ignored while it stops."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = {
        number: signal.signal(number, interrupt) for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
