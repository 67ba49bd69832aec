"""The `chancery` command: checks and tools that use the core directly, without a build."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from chancery.core.catalog import Catalog, load_catalog
from chancery.core.clock import ClockError, build_now
from chancery.core.config import SiteConfigError, SiteSettings, read_site_settings
from chancery.core.errors import ContentErrors
from chancery.core.history import HistoryError, source_diff
from chancery.core.schedule import is_live, upcoming
from chancery.core.schema import write_schemas
from chancery.core.status import language_rows, status_document, status_table
from chancery.core.translate import TranslateError, locate, mark_current, start_translation
from chancery.core.translations import assess


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except ContentErrors as error:
        print(error, file=sys.stderr)
        return 1
    except (SiteConfigError, ClockError, TranslateError, HistoryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chancery", description="Tools for a Chancery public-diplomacy portal."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check every content file's front matter, without building the site"
    )
    _add_config_option(check)
    check.set_defaults(run=_run_check)

    status = commands.add_parser(
        "status",
        help="show each language's pages, missing and stale translations, and the parity gate",
    )
    _add_config_option(status)
    status.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format"
    )
    status.add_argument(
        "--diff",
        metavar="FILE",
        type=Path,
        help="show what changed in FILE's source since FILE was translated (needs git)",
    )
    status.set_defaults(run=_run_status)

    translate = commands.add_parser(
        "translate", help="start a translation, or record that one has caught up"
    )
    _add_config_option(translate)
    translate.add_argument("file", type=Path, metavar="FILE", help="a content file")
    action = translate.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--to", metavar="LANGUAGE", help="create FILE's translation into LANGUAGE, as a draft"
    )
    action.add_argument(
        "--mark-current",
        action="store_true",
        help="record that the translation FILE matches its source as it is now",
    )
    translate.add_argument(
        "--from",
        dest="from_language",
        metavar="LANGUAGE",
        help="with --mark-current: the language FILE was translated from, if not yet recorded",
    )
    translate.set_defaults(run=_run_translate)

    build = commands.add_parser(
        "build",
        help="build the site into a fresh folder and swap it in only when the build succeeds",
    )
    _add_config_option(build)
    build.add_argument(
        "--site-dir", type=Path, help="where the site goes (default: site_dir in mkdocs.yml)"
    )
    build.add_argument(
        "--no-strict",
        dest="strict",
        action="store_false",
        help="do not fail on MkDocs warnings (broken links); not for publishing",
    )
    build.add_argument("--quiet", "-q", action="store_true", help="only print warnings and errors")
    build.set_defaults(run=_run_build)

    schedule = commands.add_parser(
        "schedule",
        help="list what will be published, expire or be withdrawn in the coming days",
    )
    _add_config_option(schedule)
    schedule.add_argument(
        "--days", type=int, default=14, help="how many days ahead to look (default: 14)"
    )
    schedule.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format"
    )
    schedule.set_defaults(run=_run_schedule)

    schema = commands.add_parser(
        "schema", help="write the JSON Schema of every content type, for editors' tools"
    )
    schema.add_argument(
        "--output",
        "-o",
        type=Path,
        default=Path("schemas"),
        help="folder to write the schemas into (default: schemas)",
    )
    schema.set_defaults(run=_run_schema)
    return parser


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config-file",
        "-f",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's mkdocs.yml (default: ./mkdocs.yml)",
    )


def _load(
    arguments: argparse.Namespace, *, check_groups: bool = True
) -> tuple[SiteSettings, Catalog]:
    settings = read_site_settings(arguments.config_file)
    catalog = load_catalog(
        settings.content_dir,
        settings.policy.codes,
        settings.config_file.parent,
        check_groups=check_groups,
    )
    return settings, catalog


def _run_check(arguments: argparse.Namespace) -> int:
    settings, catalog = _load(arguments)
    languages = len(settings.policy.codes)
    print(f"{len(catalog)} pages in {languages} languages: front matter OK")
    return 0


def _run_status(arguments: argparse.Namespace) -> int:
    settings, catalog = _load(arguments)
    if arguments.diff is not None:
        translation = locate(catalog, settings.content_dir, arguments.diff)
        print(source_diff(catalog, settings.content_dir, translation.page), end="")
        return 0
    now = build_now()
    report = assess(
        catalog,
        settings.policy,
        settings.translation,
        now,
        lambda page: is_live(page.content, now),
    )
    rows = language_rows(catalog, settings.policy, report, lambda page: is_live(page.content, now))
    if arguments.format == "json":
        content = settings.content_dir.relative_to(settings.config_file.parent).as_posix()
        document = status_document(rows, report, now, content)
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(status_table(rows, report), end="")
    return 1 if report.gate_fails else 0


def _run_translate(arguments: argparse.Namespace) -> int:
    # Translation groups may be inconsistent: this command is how editors repair them.
    settings, catalog = _load(arguments, check_groups=False)
    given = locate(catalog, settings.content_dir, arguments.file)
    if arguments.to:
        target = start_translation(catalog, settings.content_dir, given, arguments.to)
        print(f"{target}: created as a draft; translate it, then remove `draft: true`")
    else:
        source_hash = mark_current(catalog, given, arguments.from_language)
        print(f"{arguments.file}: marked current with its source (hash {source_hash})")
    return 0


def _run_build(arguments: argparse.Namespace) -> int:
    # Imported here: the other commands answer from the core and never need MkDocs.
    from mkdocs.exceptions import MkDocsException

    from chancery.atomic_build import atomic_build

    _show_build_log(logging.WARNING if arguments.quiet else logging.INFO)
    try:
        site = atomic_build(arguments.config_file, arguments.site_dir, arguments.strict)
    except MkDocsException as error:
        print(f"error: {error}; the previous site was left as it was", file=sys.stderr)
        return 1
    print(f"Built {site}")
    return 0


def _show_build_log(level: int) -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


def _run_schedule(arguments: argparse.Namespace) -> int:
    settings, catalog = _load(arguments)
    now = build_now()
    changes = upcoming(catalog, now, arguments.days)
    content = settings.content_dir.relative_to(settings.config_file.parent).as_posix()
    if arguments.format == "json":
        document = [
            {
                "when": change.when.isoformat(),
                "event": change.event,
                "language": change.page.language,
                "path": f"{content}/{change.page.path}",
                "title": change.page.content.title,
            }
            for change in changes
        ]
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    if not changes:
        print(f"Nothing is scheduled in the next {arguments.days} days.")
        return 0
    for language in settings.policy.languages:
        mine = [change for change in changes if change.page.language == language.code]
        if not mine:
            continue
        print(f"{language.code} {language.name}")
        for change in mine:
            when = change.when.isoformat(timespec="minutes")
            print(f"  {when}  {change.event:<9}  {content}/{change.page.path}")
    return 0


def _run_schema(arguments: argparse.Namespace) -> int:
    for path in write_schemas(arguments.output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
