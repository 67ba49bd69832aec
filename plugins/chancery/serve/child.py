"""One preview build, in a process of its own: ``python -m chancery.serve.child``.

A build runs in a fresh process so that MkDocs' and the plugins' state never carries over from
one build to the next, so that the language builds may fork (a process running the server's
threads may not), and so that stopping the server can stop a build half-way: the build then
removes its unfinished folder as `chancery build` does. The process writes what happened to a
JSON report (:class:`chancery.core.preview.BuildReport`) for the server.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chancery.core.preview import Failure

# Only the standard library above: the server may stop a build as soon as it has started, and
# the interrupt must find main()'s handler, not a module still being imported.

#: The environment variable the demo's and new sites' mkdocs.yml read for the parity gate.
GATE_VARIABLE = "CHANCERY_TRANSLATION_GATE"
#: The plugin whose ``translation_gate`` a preview sets to warn.
LANGUAGES_PLUGIN = "chancery/languages"


def build_preview(
    config_file: Path, site_dir: Path, *, strict: bool, changed: frozenset[str] = frozenset()
) -> None:
    """Build the site of ``config_file`` and put it in place at ``site_dir`` in one step.

    The whole site is built into a fresh folder beside ``site_dir`` and swapped in only if the
    build succeeds (chancery.core.swap); otherwise the exception propagates and the site served
    stays as it was. The translation gate only warns, as a preview shows work in progress.
    ``changed`` are the files changed since the last build (paths relative to the project);
    a full build does not need them, an incremental one would start from them.
    """
    from mkdocs.config import load_config

    from chancery.atomic_build import run_build, site_path, staged

    config = load_config(config_file=str(config_file), strict=strict)
    languages = config.plugins.get(LANGUAGES_PLUGIN)
    if languages is not None:
        languages.config["translation_gate"] = "warn"
    final = site_path(config, site_dir)
    with staged(final) as staging:
        config.site_dir = str(staging)
        run_build(config)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one build; write its report; exit 0 when the report is written, 130 when stopped."""
    arguments = _parser().parse_args(argv)
    os.environ[GATE_VARIABLE] = "warn"
    # The server stops a build with SIGINT (its Ctrl-C), or SIGTERM: both end it cleanly.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        # Started from a server thread that blocks them (chancery.serve.app); a stop that
        # came already is delivered here, inside the try.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        _build_and_report(arguments)
    except KeyboardInterrupt:
        return 130
    return 0


def _build_and_report(arguments: argparse.Namespace) -> None:
    from chancery.core.preview import BuildReport

    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    logger.setLevel(logging.INFO)
    started = time.perf_counter()
    failure: Failure | None = None
    try:
        build_preview(
            arguments.config_file,
            arguments.site_dir,
            strict=arguments.strict,
            changed=frozenset(arguments.changed),
        )
    except Exception as error:  # Every failure is the editor's to see, whatever raised it.
        failure = describe(error, records.errors, records.warnings)
        if failure.summary.startswith("Unexpected"):
            traceback.print_exception(error, file=sys.stderr)
    report = BuildReport(time.perf_counter() - started, failure)
    arguments.report.write_text(report.to_json(), encoding="utf-8")


def describe(error: BaseException, errors: Sequence[str], warnings: Sequence[str]) -> Failure:
    """What the editor is shown of a failed build: its summary and every problem named.

    Content errors (front matter) keep their file, line and field; a strict build stopped by
    warnings lists them; any other error gives its message, line by line.
    """
    from chancery.core.errors import ContentErrors
    from chancery.core.preview import Failure, Problem, problems_of

    for cause in _chain(error):
        if isinstance(cause, ContentErrors):
            head = str(cause).splitlines()[0]
            problems = tuple(
                Problem(item.path, item.line, item.field, item.message) for item in cause.errors
            )
            return Failure(head, problems)
    name = type(error).__name__
    lines = [line for line in str(error).splitlines() if line.strip()]
    if name == "Abort" and warnings and "strict" in str(error):
        return Failure(f"{lines[0]} (the warnings below)", problems_of(warnings))
    if name == "Abort" and errors:
        return Failure(_first(errors), problems_of(_rest(errors)))
    if name in {"Abort", "PluginError", "ConfigurationError", "BuildError", "SiteConfigError"}:
        return Failure(lines[0] if lines else name, problems_of(lines[1:]))
    return Failure(f"Unexpected {name}: {lines[0] if lines else ''}".rstrip(": "), ())


def _first(errors: Sequence[str]) -> str:
    return errors[0].splitlines()[0]


def _rest(errors: Sequence[str]) -> list[str]:
    lines = [line for error in errors for line in error.splitlines()]
    return lines[1:]


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    found: BaseException | None = error
    while found is not None and id(found) not in seen:
        seen.add(id(found))
        yield found
        found = found.__cause__ or found.__context__


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class _Records(logging.Handler):
    """Prints MkDocs' warnings as they come, and keeps the warnings and errors for the report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        from chancery.core.errors import printable

        message = "\n".join(printable(line) for line in record.getMessage().splitlines())
        if record.levelno >= logging.ERROR:
            self.errors.append(message)
            return
        self.warnings.append(message)
        print(f"WARNING -  {message}", file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m chancery.serve.child")
    parser.add_argument("--config-file", type=Path, required=True)
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--no-strict", dest="strict", action="store_false")
    parser.add_argument("--changed", action="append", default=[])
    return parser


if __name__ == "__main__":
    sys.exit(main())
