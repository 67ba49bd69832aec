"""The `chancery` command: checks and tools that use the core directly, without a build."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from chancery.core.catalog import Catalog, Page
from chancery.core.clock import ClockError, build_now
from chancery.core.config import (
    DASHBOARD_PLUGIN_NAME,
    SiteConfigError,
    SiteSettings,
    load_site_catalog,
    read_plugin_options,
    read_site_settings,
    site_topics,
)
from chancery.core.errors import ContentErrors
from chancery.core.history import HistoryError, source_diff
from chancery.core.importing.plan import ImportOptions, run_import
from chancery.core.importing.report import report_text
from chancery.core.importing.sources import FORMATS as IMPORT_FORMATS
from chancery.core.importing.sources import ImportProblem
from chancery.core.integrity import (
    EXIT_CANNOT_VERIFY,
    IntegrityError,
    exit_status,
    locate_site,
    report_lines,
    trusted_key,
    verify_site,
)
from chancery.core.interface import interface_gaps
from chancery.core.listings import SECTION_TYPES
from chancery.core.metrics import (
    MetricsSettings,
    MetricsSettingsError,
    measure,
    metrics_document,
    metrics_table,
)
from chancery.core.schedule import is_live, upcoming
from chancery.core.schema import write_schemas
from chancery.core.status import language_rows, status_document, status_table
from chancery.core.strings import Strings, StringsError, Update, update_folder
from chancery.core.taxonomy import Topics
from chancery.core.translate import TranslateError, locate, mark_current, start_translation
from chancery.core.translations import assess

#: The configuration the commands read when --config-file is not given.
DEFAULT_CONFIG = Path("mkdocs.yml")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except ContentErrors as error:
        print(error, file=sys.stderr)
        return 1
    except (SiteConfigError, ClockError, TranslateError, HistoryError, StringsError) as error:
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
    build.add_argument(
        "--languages",
        metavar="CODES",
        help="with --shard-out: build only these languages (comma-separated), for "
        "`chancery merge`; CI runners each build some languages",
    )
    build.add_argument(
        "--shard-out",
        type=Path,
        metavar="FOLDER",
        help="with --languages: the new folder for this shard (its site and findings)",
    )
    build.set_defaults(run=_run_build)

    merge = commands.add_parser(
        "merge",
        help="merge shards built by `chancery build --languages` into the site, run the "
        "site-wide steps (sitemap, search, headers, signature) and swap it in",
    )
    _add_config_option(merge)
    merge.add_argument("shards", nargs="+", type=Path, metavar="FOLDER", help="shard folders")
    merge.add_argument(
        "--site-dir", type=Path, help="where the site goes (default: site_dir in mkdocs.yml)"
    )
    merge.add_argument(
        "--no-strict", dest="strict", action="store_false", help="do not fail on warnings"
    )
    merge.add_argument("--quiet", "-q", action="store_true", help="only print warnings and errors")
    merge.set_defaults(run=_run_merge)

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

    metrics = commands.add_parser(
        "metrics",
        help="measure each language's depth, cadence and freshness against the domestic one, "
        "and check the targets",
    )
    _add_config_option(metrics)
    metrics.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format"
    )
    metrics.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a target is missed (as metrics_fail_on_missed_targets: true does)",
    )
    metrics.set_defaults(run=_run_metrics)

    strings = commands.add_parser(
        "strings", help="the catalogs (.po) of the interface strings readers see"
    )
    actions = strings.add_subparsers(required=True, metavar="ACTION")
    update = actions.add_parser(
        "update",
        help="refresh every catalog of the site's folder from the package's template: add new "
        "strings, mark those whose English changed as fuzzy, keep translations",
    )
    _add_config_option(update)
    update.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="TAG",
        help="also create TAG.po (a BCP 47 tag such as de or pt-BR) with every string to "
        "translate; repeat for more languages",
    )
    update.add_argument(
        "--folder",
        type=Path,
        help="the folder of .po files (default: chancery/content's locales_dir in mkdocs.yml, "
        "else locales/ beside it)",
    )
    update.set_defaults(run=_run_strings_update)

    importer = commands.add_parser(
        "import",
        help="bring an existing site's content (Hugo, MkDocs + static-i18n, locale folders) "
        "into this site",
        description="Reads SOURCE, maps its languages and front matter to this site's, and "
        "writes its pages into the content folder only when the result passes `chancery "
        "check`; prints a report and writes it to --report. Exit status: 0 imported; 1 nothing "
        "imported (every problem listed); 2 no site here, or bad arguments.",
    )
    _add_config_option(importer)
    importer.add_argument("source", type=Path, metavar="SOURCE", help="the folder of the site")
    importer.add_argument(
        "--from",
        dest="layout",
        choices=IMPORT_FORMATS,
        help="what SOURCE is (default: detected from its files)",
    )
    importer.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="SOURCE=TAG",
        help="import the source's language SOURCE as this site's TAG (e.g. en_US=en); by "
        "default en_US is en-US, or en when the site has en only; repeat for more",
    )
    importer.add_argument(
        "--source",
        dest="source_language",
        metavar="LANGUAGE",
        help="the language the originals are in (default: the source's default language); "
        "the other versions record that they are its translations",
    )
    importer.add_argument(
        "--timezone",
        metavar="ZONE",
        help="the time zone of dates written without an offset, e.g. Europe/Berlin (default: "
        "Hugo's timeZone setting)",
    )
    importer.add_argument(
        "--describe",
        action="store_true",
        help="give pages without a description their first sentence (the report lists them)",
    )
    importer.add_argument(
        "--overwrite",
        action="store_true",
        help="replace files that already exist in the content folder (a new site's starters)",
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="check and report, but write nothing"
    )
    importer.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="where the report is written (default: import-report.txt beside mkdocs.yml)",
    )
    importer.set_defaults(run=_run_import)

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

    verify = commands.add_parser(
        "verify",
        help="check a published site's signature and every file's hash; name what differs",
        description="The ministry's key comes from --public-key, else from integrity_public_key "
        "(chancery/integrity) in the site's mkdocs.yml. Exit status: 0 verified; 1 a bad "
        "signature, or a tampered, missing or extra file; 2 could not verify (no manifest, "
        "unreadable key, network error); 3 unsigned: the files match the manifest but it has "
        "no signature; 4 the signature is valid and every file matches, but only against the "
        "key the site itself publishes, which anyone who can change the site can change "
        "(--trust-site-key accepts it: 0).",
    )
    verify.add_argument("site", metavar="DIR_OR_URL", help="a built site's folder, or its URL")
    key = verify.add_mutually_exclusive_group()
    key.add_argument(
        "--public-key",
        type=Path,
        metavar="FILE",
        help="the ministry's public key (PEM or base64), obtained independently of the site",
    )
    key.add_argument(
        "--trust-site-key",
        action="store_true",
        help="without the ministry's key, accept the key the site publishes (exit 0 instead "
        "of 4); it proves only that the files match what the site's own key signed",
    )
    verify.add_argument(
        "--config-file",
        "-f",
        type=Path,
        metavar="FILE",
        help="a mkdocs.yml whose integrity_public_key pins the ministry's key "
        "(default: ./mkdocs.yml, if there is one)",
    )
    verify.set_defaults(run=_run_verify)
    return parser


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config-file",
        "-f",
        type=Path,
        default=DEFAULT_CONFIG,
        help="the site's mkdocs.yml (default: ./mkdocs.yml)",
    )


def _load(
    arguments: argparse.Namespace, *, check_groups: bool = True
) -> tuple[SiteSettings, Catalog]:
    settings = read_site_settings(arguments.config_file)
    catalog = load_site_catalog(settings, check_groups=check_groups, topics=_topics(settings))
    return settings, catalog


def _topics(settings: SiteSettings) -> Topics:
    return site_topics(settings)


def _run_strings_update(arguments: argparse.Namespace) -> int:
    folder = arguments.folder or read_site_settings(arguments.config_file).locales_dir
    updates = update_folder(folder, arguments.language)
    if not updates:
        print(f"{folder}: no catalog to update; create one with --language TAG")
    for update in updates:
        print(_update_line(update))
    return 0


def _update_line(update: Update) -> str:
    parts = [f"{update.total} strings, {update.untranslated} to translate"]
    if update.overrides:
        parts[0] = f"{update.total} overrides of the package's strings"
    if update.created:
        parts.insert(0, "created")
    for name, keys in (
        ("new", update.added),
        ("English changed, marked fuzzy", update.fuzzy),
        ("no longer used, kept as obsolete", update.obsolete),
    ):
        if keys:
            shown = ", ".join(keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
            parts.append(f"{name}: {shown}")
    return f"{update.path}: {'; '.join(parts)}"


def _run_check(arguments: argparse.Namespace) -> int:
    settings, catalog = _load(arguments)
    languages = len(settings.policy.codes)
    print(f"{len(catalog)} pages in {languages} languages: front matter OK")
    for warning in catalog.warnings:
        print(f"warning: {warning}")
    withheld = catalog.tree.withheld if catalog.tree is not None else ()
    shown = settings.content_dir.relative_to(settings.config_file.parent).as_posix()
    for item in withheld:
        if not item.reason.startswith("in a private folder"):
            print(f"not published: {shown}/{item.path}: {item.reason}")
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
    content = settings.content_dir.relative_to(settings.config_file.parent).as_posix()
    locales = settings.locales_dir
    interface = interface_gaps(
        settings.policy,
        catalog,
        now,
        topics=_topics(settings),
        regions=settings.regions,
        content_prefix=f"{content}/",
        generated_sections=SECTION_TYPES,
        strings=Strings.load(locales, relative_to=settings.config_file.parent),
        locales_dir=locales.relative_to(settings.config_file.parent).as_posix(),
    )
    if arguments.format == "json":
        document = status_document(rows, report, now, content, interface)
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(status_table(rows, report, interface), end="")
    return 1 if report.policy.gate == "fail" and (report.blocking or interface) else 0


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
    from chancery.atomic_build import atomic_build
    from chancery.shards import build_shard

    if (arguments.languages is None) != (arguments.shard_out is None):
        print("error: --languages and --shard-out go together", file=sys.stderr)
        return 2

    def build() -> str:
        config_file, strict = arguments.config_file, arguments.strict
        if arguments.shard_out is None:
            return f"Built {atomic_build(config_file, arguments.site_dir, strict)}"
        codes = [code.strip() for code in arguments.languages.split(",") if code.strip()]
        out = build_shard(config_file, codes, arguments.shard_out, strict=strict)
        return f"Built the shard {out} ({', '.join(codes)}); merge it with `chancery merge`"

    return _report_build(arguments, build)


def _run_merge(arguments: argparse.Namespace) -> int:
    from chancery.shards import merge_shards

    def merge() -> str:
        site = merge_shards(
            arguments.config_file, arguments.shards, arguments.site_dir, strict=arguments.strict
        )
        return f"Merged {len(arguments.shards)} shards into {site}"

    return _report_build(arguments, merge)


def _report_build(arguments: argparse.Namespace, work: Callable[[], str]) -> int:
    """Run a build step with MkDocs' log shown; on failure, say that the site was kept."""
    from mkdocs.exceptions import MkDocsException

    from chancery.core.swap import SwapError
    from chancery.shards import ShardError

    with _build_log(logging.WARNING if arguments.quiet else logging.INFO):
        try:
            message = work()
        except (ShardError, SwapError) as error:
            print(f"error: {error}; the previous site was left as it was", file=sys.stderr)
            return 2
        except MkDocsException as error:
            print(f"error: {error}; the previous site was left as it was", file=sys.stderr)
            return 1
    print(message)
    return 0


@contextlib.contextmanager
def _build_log(level: int) -> Iterator[None]:
    """Print MkDocs' log at ``level`` during a build, then leave logging as it was."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(level)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(level, previous) if previous else level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


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


def _run_metrics(arguments: argparse.Namespace) -> int:
    settings, catalog = _load(arguments)
    options = read_plugin_options(settings.config_file, DASHBOARD_PLUGIN_NAME) or {}
    try:
        metrics_settings = MetricsSettings.from_options(options, settings.policy)
    except MetricsSettingsError as error:
        raise SiteConfigError(
            f"{settings.config_file}: plugins: {DASHBOARD_PLUGIN_NAME}: {error}"
        ) from error
    now = build_now()

    def published(page: Page) -> bool:
        return is_live(page.content, now)

    report = assess(catalog, settings.policy, settings.translation, now, published)
    metrics = measure(catalog, settings.policy, report, now, published, metrics_settings)
    if arguments.format == "json":
        print(json.dumps(metrics_document(metrics), indent=2, ensure_ascii=False))
    else:
        print(metrics_table(metrics), end="")
    fail = arguments.check or metrics.fail_on_missed_targets
    return 1 if fail and metrics.missed else 0


def _run_import(arguments: argparse.Namespace) -> int:
    config_file: Path = arguments.config_file
    if not config_file.is_file():
        print(
            f"error: {config_file}: not found; `chancery import` brings content into an "
            "existing Chancery site: create the site first (`chancery new site`), then run "
            "this from its folder or pass --config-file",
            file=sys.stderr,
        )
        return 2
    languages = {}
    for pair in arguments.language:
        source, equals, tag = pair.partition("=")
        if not equals or not source or not tag:
            print(f"error: --language {pair}: write SOURCE=TAG, e.g. en_US=en", file=sys.stderr)
            return 2
        languages[source] = tag
    settings = read_site_settings(config_file)
    options = ImportOptions(
        arguments.source,
        arguments.layout,
        languages,
        arguments.source_language,
        arguments.timezone,
        arguments.describe,
        arguments.overwrite,
    )
    try:
        report = run_import(options, settings, write=not arguments.dry_run)
    except ImportProblem as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except ContentErrors as error:
        print(
            f"error: nothing was imported; the result would not pass `chancery check`:\n{error}",
            file=sys.stderr,
        )
        return 1
    written = not arguments.dry_run
    print(report_text(report, written=written, human=None if not written else 40), end="")
    if written:
        path = arguments.report or config_file.parent / "import-report.txt"
        path.write_text(report_text(report), encoding="utf-8")
        print(f"Report written to {path}, with every line")
    return 0


def _run_schema(arguments: argparse.Namespace) -> int:
    for path in write_schemas(arguments.output):
        print(path)
    return 0


def _run_verify(arguments: argparse.Namespace) -> int:
    config = arguments.config_file
    if config is None and DEFAULT_CONFIG.is_file():
        config = DEFAULT_CONFIG
    try:
        key, source = trusted_key(arguments.public_key, config)
        result = verify_site(locate_site(arguments.site), key)
    except IntegrityError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_CANNOT_VERIFY
    trust = arguments.trust_site_key
    for line in report_lines(result, key_source=source, trust_site_key=trust):
        print(line)
    return exit_status(result, trust_site_key=trust)


if __name__ == "__main__":
    sys.exit(main())
