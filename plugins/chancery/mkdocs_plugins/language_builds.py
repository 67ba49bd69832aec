"""The other languages' builds: one after another, or in parallel processes.

static-i18n builds every other language from inside the first language's ``on_post_build``, one
after another in one process. chancery/content takes that loop over (static-i18n's own then
returns at once) and runs the same builds in up to ``build_jobs`` forked processes, each
inheriting the first build's state: configuration, catalog, compiled templates.

Language builds write to separate folders. What a plugin gathers for the whole site during each
language build (sitemap entries, 404 pages) comes back from each process as JSON and is added in
language order, so the site is byte-identical to the one-process build (tested). The same
hand-over lets CI build languages on separate machines and merge them (``chancery.shards``).
"""

from __future__ import annotations

import json
import logging
import os
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


def build_other_languages(
    config: MkDocsConfig,
    i18n: Any,
    *,
    jobs: int,
    weight: Callable[[str], int],
    only: Iterable[str] | None = None,
) -> dict[str, Gathered]:
    """After the root language's build: build the others; what each gathered, in build order.

    ``only`` limits the builds to some languages (one machine's share in CI).
    """
    root = i18n.default_language
    gathered = {root: take_gathered(config)}
    wanted = None if only is None else set(only)
    others = [
        code for code in i18n.build_languages if code != root and (wanted is None or code in wanted)
    ]
    # Nested builds know themselves by this flag (see is_nested_language_build); static-i18n's
    # on_post_build, which would build every language again, returns at once when it is set.
    i18n.building = True
    try:
        gathered.update(build_languages(config, i18n, others, jobs=jobs, weight=weight))
    finally:
        i18n.current_language = root
    return {code: gathered[code] for code in i18n.build_languages if code in gathered}


def build_languages(
    config: MkDocsConfig,
    i18n: Any,
    languages: list[str],
    *,
    jobs: int,
    weight: Callable[[str], int],
) -> dict[str, Gathered]:
    """Build ``languages`` (static-i18n's nested builds); return what each one gathered.

    ``jobs`` processes at most; ``weight`` (a language's page count) shares the languages out
    so that the processes finish together. Fewer than two jobs, a single language, a platform
    without ``fork`` or a process already running threads (``mkdocs serve``) build here, in order.
    """
    groups = share_out(languages, weight, jobs)
    if len(groups) < 2 or not _can_fork():
        return _build_here(config, i18n, languages)
    return _build_forked(config, i18n, groups)


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
    try:
        for code in languages:
            i18n.current_language = code
            build(config, dirty=False)
            gathered[code] = take_gathered(config)
    finally:
        utils.clean_directory = clean_directory
    return gathered


def _keep_directory(directory: str) -> None:
    """Stands in for MkDocs' clean_directory during the language builds."""


def _build_forked(config: MkDocsConfig, i18n: Any, groups: list[list[str]]) -> dict[str, Gathered]:
    log.info(f"Building {len(groups)} groups of languages in parallel: {groups}")
    with tempfile.TemporaryDirectory(prefix="chancery-languages-") as folder:
        children: dict[int, tuple[list[str], Path]] = {}
        for index, group in enumerate(groups):
            result = Path(folder) / f"{index}.json"
            _flush_output()
            pid = os.fork()
            if pid == 0:
                _run_child(config, i18n, group, result)
            children[pid] = (group, result)
        gathered: dict[str, Gathered] = {}
        try:
            while children:
                pid, _ = os.wait()
                group, result = children.pop(pid)
                gathered.update(_read_result(group, result))
        finally:
            for pid in children:  # A group failed: stop the others, and reap them.
                os.kill(pid, signal.SIGTERM)
            for pid in children:
                os.waitpid(pid, 0)
    return gathered


def _run_child(config: MkDocsConfig, i18n: Any, group: list[str], result: Path) -> NoReturn:
    status = 1
    try:
        take_gathered(config)  # The parent reports what its own build gathered.
        outcome: dict[str, Any] = {"gathered": _build_here(config, i18n, group)}
        status = 0
    except BaseException as error:
        if not isinstance(error, (Abort, PluginError)):
            log.error("".join(traceback.format_exception(error)).rstrip())
        outcome = {"error": type(error).__name__, "message": str(error)}
    try:
        result.write_text(json.dumps(outcome), encoding="utf-8")
    finally:
        _flush_output()
        os._exit(status)


def _read_result(group: list[str], result: Path) -> dict[str, Gathered]:
    try:
        outcome = json.loads(result.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise PluginError(
            f"chancery: the build of {', '.join(group)} stopped without a result (killed, or out "
            "of memory?); set build_jobs: 1 under chancery/content to build one language at a time"
        ) from None
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
