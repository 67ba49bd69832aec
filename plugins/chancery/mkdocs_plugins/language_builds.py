"""The other languages' builds: one after another, or in parallel processes.

static-i18n builds every other language from inside the root language's ``on_post_build``, one
after another in one process. chancery/languages takes that loop over (static-i18n's own then
returns at once) and runs the same builds in up to ``build_jobs`` forked processes, started as
the root language's build gets its files, each inheriting that build's state: configuration,
catalog, compiled templates.

Language builds write to separate folders. Work on one language's pages that is best done where
they were built (its search index) runs in that process (FinishesLanguage). What a plugin
gathers for the whole site (sitemap entries, 404 pages, hashed inline code) comes back from
each process as JSON and is added in language order, so the site is byte-identical to the
one-process build (tested). The same hand-over lets CI build languages on separate machines and
merge them (``chancery.shards``).
"""

from __future__ import annotations

import gc
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn, Protocol, runtime_checkable

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

log = logging.getLogger("mkdocs.plugins.chancery.language_builds")

#: What plugins gathered in one language build: {plugin name: that plugin's JSON state}.
Gathered = dict[str, Any]


@runtime_checkable
class GathersAcrossLanguages(Protocol):
    """A plugin that collects, during each language build, facts its site-wide step uses."""

    def take_language_state(self) -> Any:
        """What was gathered since the last call, as JSON-ready data; then forget it."""

    def add_language_state(self, state: Any) -> None:
        """Add what one language build gathered (from :meth:`take_language_state`)."""


@runtime_checkable
class FinishesLanguage(Protocol):
    """A plugin with work on one language's built pages, done in the process that built them."""

    def finish_language(self, config: MkDocsConfig) -> None:
        """Run once the current language's build has ended."""


def finish_language(config: MkDocsConfig) -> None:
    """Let each plugin finish the language just built (its search index, for one)."""
    for plugin in config.plugins.values():
        if isinstance(plugin, FinishesLanguage):
            plugin.finish_language(config)


def take_gathered(config: MkDocsConfig) -> Gathered:
    """Take what every gathering plugin collected in the build that just ended."""
    return {
        name: plugin.take_language_state()
        for name, plugin in config.plugins.items()
        if isinstance(plugin, GathersAcrossLanguages)
    }


def add_gathered(config: MkDocsConfig, gathered: Gathered) -> None:
    """Give each plugin back what it gathered in one language build."""
    for name, state in gathered.items():
        plugin = config.plugins.get(name)
        if not isinstance(plugin, GathersAcrossLanguages):
            raise PluginError(f"chancery: a language build returned state for unknown '{name}'")
        plugin.add_language_state(state)


def available_cores() -> int:
    """The cores this process may run on (a container's or CI runner's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class LanguageBuilds:
    """The builds of the languages after the root one, within one `mkdocs build`.

    With one job they run at the end of the root language's build, one after another, as
    static-i18n runs them. With more, :meth:`start` (called as the root build gets its files,
    after it has cleaned the site folder) forks one process for each group of languages but its
    own, so that the root language builds alongside them; :meth:`finish` (at the end of the root
    build) builds this process's group, waits for the others and returns what each language
    gathered, in build order. ``only`` limits the builds to some languages (one machine's share
    in CI); the root language is always built, as static-i18n builds the others from inside it.
    """

    def __init__(
        self,
        config: MkDocsConfig,
        i18n: Any,
        *,
        jobs: int,
        weight: Callable[[str], int],
        only: Iterable[str] | None = None,
    ) -> None:
        self.config, self.i18n = config, i18n
        self.root: str = i18n.default_language
        wanted = None if only is None else set(only)
        self.languages = [
            code
            for code in i18n.build_languages
            if code != self.root and (wanted is None or code in wanted)
        ]
        self.groups = share_out([self.root, *self.languages], weight, jobs)
        #: The languages this process builds after the root one.
        self.here = list(self.languages)
        self.children: dict[int, tuple[list[str], Path]] = {}
        self.folder: Path | None = None

    def start(self) -> None:
        """Fork a process for every group of languages but the root language's."""
        if len(self.groups) < 2 or not _can_fork():
            return
        mine = next(group for group in self.groups if self.root in group)
        self.here = [code for code in mine if code != self.root]
        self.folder = Path(tempfile.mkdtemp(prefix="chancery-languages-"))
        log.info(f"Building the languages in {len(self.groups)} processes: {self.groups}")
        others = [group for group in self.groups if group is not mine]
        # What exists now (the catalog above all) is shared with the children until written
        # to; frozen, the garbage collector never writes to it, so it stays shared (it lives
        # as long as the build anyway).
        gc.freeze()
        for index, group in enumerate(others):
            result = self.folder / f"{index}.json"
            _flush_output()
            pid = os.fork()
            if pid == 0:
                self.children, self.folder = {}, None  # Its siblings are not its to stop.
                _run_child(self.config, self.i18n, group, result)
            self.children[pid] = (group, result)

    def finish(self) -> dict[str, Gathered]:
        """After the root build: build this process's languages, then collect every one."""
        finish_language(self.config)
        gathered = {self.root: take_gathered(self.config)}
        # Nested builds know themselves by this flag (see is_nested_language_build); static-i18n's
        # on_post_build, which would build every language again, returns at once when it is set.
        self.i18n.building = True
        try:
            gathered.update(_build_here(self.config, self.i18n, self.here))
            while self.children:
                pid, _ = os.wait()
                group, result = self.children.pop(pid)
                gathered.update(_read_result(group, result))
        finally:
            self.i18n.current_language = self.root
            self.abandon()
        return {code: gathered[code] for code in self.i18n.build_languages if code in gathered}

    def abandon(self) -> None:
        """Stop the processes still building (the build failed), and clean up."""
        for pid in self.children:
            os.kill(pid, signal.SIGTERM)
        for pid in self.children:
            os.waitpid(pid, 0)
        if self.children:
            stopped = sorted(code for group, _ in self.children.values() for code in group)
            log.info(f"Stopped the builds of {', '.join(stopped)}")
        self.children = {}
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def share_out(languages: list[str], weight: Callable[[str], int], jobs: int) -> list[list[str]]:
    """Split ``languages`` into at most ``jobs`` groups of about equal weight (heaviest first)."""
    groups: list[list[str]] = [[] for _ in range(max(1, min(jobs, len(languages))))]
    loads = [0] * len(groups)
    for code in sorted(languages, key=lambda code: (-weight(code), languages.index(code))):
        lightest = loads.index(min(loads))
        groups[lightest].append(code)
        loads[lightest] += weight(code)
    # Each group builds in the site's language order, as one process would.
    return [sorted(group, key=languages.index) for group in groups if group]


def _can_fork() -> bool:
    # Forking a process that runs other threads (mkdocs serve's server) can deadlock the child.
    return hasattr(os, "fork") and threading.active_count() == 1


def _build_here(config: MkDocsConfig, i18n: Any, languages: Iterable[str]) -> dict[str, Gathered]:
    gathered: dict[str, Gathered] = {}
    # Each build() cleans site_dir first; keep the languages built before (as static-i18n does).
    clean_directory = utils.clean_directory
    utils.clean_directory = _keep_directory
    # In strict mode, one verdict for the whole site: the root language's build counts every
    # language's warnings and aborts at its end, so no language build stops at its own (which
    # would show some languages' warnings only, and a count of one language's).
    strict, config.strict = config.strict, False
    try:
        for code in languages:
            i18n.current_language = code
            build(config, dirty=False)
            finish_language(config)
            gathered[code] = take_gathered(config)
    finally:
        utils.clean_directory = clean_directory
        config.strict = strict
    return gathered


def _keep_directory(directory: str) -> None:
    """Stands in for MkDocs' clean_directory during the language builds."""


def _run_child(config: MkDocsConfig, i18n: Any, group: list[str], result: Path) -> NoReturn:
    status = 1
    # Warnings and errors go back to the parent, which logs them: its strict-mode count then
    # includes them, and each is printed once.
    collected = _Collector()
    collected.install()
    try:
        take_gathered(config)  # The parent reports what its own build gathered.
        i18n.building = True  # This process builds nested languages only.
        outcome: dict[str, Any] = {"gathered": _build_here(config, i18n, group)}
        status = 0
    except BaseException as error:
        if not isinstance(error, (Abort, PluginError)):
            log.error("".join(traceback.format_exception(error)).rstrip())
        outcome = {"error": type(error).__name__, "message": str(error)}
    outcome["log"] = collected.records
    try:
        result.write_text(json.dumps(outcome), encoding="utf-8")
    finally:
        _flush_output()
        os._exit(status)


class _Collector(logging.Handler):
    """In a child process: keeps its warnings and errors for the parent, instead of printing."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def install(self) -> None:
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            for handler in logger.handlers:
                handler.addFilter(lambda record: record.levelno < logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _read_result(group: list[str], result: Path) -> dict[str, Gathered]:
    try:
        outcome = json.loads(result.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise PluginError(
            f"chancery: the build of {', '.join(group)} stopped without a result (killed, or out "
            "of memory?); set build_jobs: 1 under chancery/content to build one language at a time"
        ) from None
    for name, level, message in outcome.get("log", ()):
        logging.getLogger(name).log(level, message)
    if "error" in outcome:
        message = str(outcome["message"])
        if outcome["error"] == "Abort":
            raise Abort(message)
        if outcome["error"] == "PluginError":
            raise PluginError(message)
        raise PluginError(
            f"chancery: building {', '.join(group)} failed: {outcome['error']}: {message}"
        )
    return dict(outcome["gathered"])


def _flush_output() -> None:
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
