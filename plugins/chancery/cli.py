"""The `chancery` command: checks and tools that use the core directly, without a build."""

from __future__ import annotations

import argparse
import contextlib
import glob
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
from chancery.core.history import HistoryError, committed_body_hash, source_diff
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
from chancery.core.models import MODELS
from chancery.core.scaffold import (
    PLACEHOLDER_URL,
    ScaffoldError,
    SiteRequest,
    parse_languages,
    parse_names,
    plan_page,
    plan_site,
    site_policy,
    site_url,
    source_language,
    write_page,
    write_site,
)
from chancery.core.schedule import is_live, upcoming
from chancery.core.schema import write_schemas
from chancery.core.status import language_rows, status_document, status_table
from chancery.core.strings import Strings, StringsError, Update, update_folder
from chancery.core.taxonomy import Topics
from chancery.core.translate import (
    ContentFile,
    TranslateError,
    is_source,
    locate,
    mark_current,
    record_minor_edit,
    start_translation,
)
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
    except (
        SiteConfigError,
        ClockError,
        TranslateError,
        HistoryError,
        StringsError,
        ScaffoldError,
    ) as error:
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
        "translate",
        help="start translations, record that translations have caught up, or record a minor "
        "edit of a source",
    )
    _add_config_option(translate)
    translate.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="content files, folders (every page under them) or quoted glob patterns",
    )
    action = translate.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--to", metavar="LANGUAGE", help="create each FILE's translation into LANGUAGE, as a draft"
    )
    action.add_argument(
        "--mark-current",
        action="store_true",
        help="record that each translation matches its source as it is now (sources are skipped)",
    )
    action.add_argument(
        "--minor",
        action="store_true",
        help="record that each source's latest edit needs no new translation: translations "
        "made before it stay current (the record stays in the file, as minor_edits)",
    )
    translate.add_argument(
        "--from",
        dest="from_language",
        metavar="LANGUAGE",
        help="with --mark-current: the language the files were translated from, if not "
        "recorded (default: the site's source language)",
    )
    translate.add_argument("--note", help="with --minor: what the edit changed, for the record")
    translate.add_argument(
        "--previous",
        metavar="HASH",
        help="with --minor: the source's body hash before the edit (default: from git's last "
        "commit, else the hash its translations recorded)",
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

    serve = commands.add_parser(
        "serve",
        help="preview the site while editing: build it, serve it on this machine, rebuild and "
        "reload the open pages after each change",
        description="Builds the site (the parity gate only warns), serves it at "
        "http://127.0.0.1:PORT/ as the host would (its addresses, 404 pages and headers), "
        "watches the content, the configuration, the overrides and the files the configuration "
        "names, and rebuilds after each change. A build that fails leaves the last good site "
        "served, with the problems shown in the terminal and above every page. Ctrl-C stops.",
    )
    _add_config_option(serve)
    serve.add_argument(
        "--port", type=int, default=8000, help="the port to serve on (default: 8000; 0: any free)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to serve on (default: 127.0.0.1, this machine only)",
    )
    serve.add_argument(
        "--site-dir",
        type=Path,
        help="where the preview is built (default: .cache/chancery/serve/site beside mkdocs.yml)",
    )
    serve.add_argument(
        "--no-strict",
        dest="strict",
        action="store_false",
        help="do not fail on MkDocs warnings (broken links); the default fails as publishing would",
    )
    serve.set_defaults(run=_run_serve)

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

    _add_new_commands(commands)

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


def _add_new_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser(
        "new",
        help="start a portal (new site DIR), or a page of any content type "
        "(new TYPE --lang TAG PATH)",
    )
    what = new.add_subparsers(required=True, metavar="site|TYPE")
    site = what.add_parser(
        "site",
        help="write a complete, buildable portal into a new or empty folder",
        description="Write a portal for a ministry into DIR: mkdocs.yml, a home and an about "
        "page in every language, a placeholder emblem, the publishing workflow, .gitignore and "
        "a README. A value not given is asked for when a person is at the terminal.",
    )
    site.add_argument("directory", type=Path, metavar="DIR", help="a new or empty folder")
    site.add_argument(
        "--languages",
        metavar="TAGS",
        help="BCP 47 tags in the order of the language menu, the ministry's own language "
        "marked :domestic, e.g. en:domestic,de,ja,pt-BR,zh-Hant,ar (the others are foreign)",
    )
    site.add_argument(
        "--root",
        metavar="TAG",
        help="the language served at the site root (default: the first foreign one)",
    )
    site.add_argument(
        "--site-name",
        action="append",
        default=[],
        metavar="[TAG=]NAME",
        help="the ministry's name in a language, e.g. --site-name 'de=Auswärtiges Amt'; "
        "repeat for each language. A name without TAG= stands for the languages not named",
    )
    site.add_argument(
        "--site-url",
        metavar="URL",
        help=f"the portal's address, e.g. https://www.mfa.example/ (default: {PLACEHOLDER_URL}, "
        "a placeholder to replace)",
    )
    site.set_defaults(run=_run_new_site)
    for kind in MODELS:
        page = what.add_parser(
            kind,
            help=f"write a {kind} page as a draft, with the fields its type needs",
            description=f"Write content/TAG/PATH as a draft {kind} page whose front matter "
            "passes the checks, and say what to fill in.",
        )
        _add_config_option(page)
        page.add_argument(
            "--lang", required=True, metavar="TAG", help="the page's language, e.g. fr or pt-BR"
        )
        page.add_argument(
            "path",
            metavar="PATH",
            help="the file inside the language's folder, in lower-case ASCII, e.g. "
            "news/2026-visit.md",
        )
        page.add_argument("--title", help="the page's title, in its language")
        page.add_argument(
            "--description", help="one sentence on what the page is about, in its language"
        )
        page.set_defaults(run=_run_new_page, kind=kind)


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
    files = [locate(catalog, settings.content_dir, file) for file in _expand(arguments.files)]
    source_language = settings.policy.source.code
    if arguments.to:
        for given in files:
            target = start_translation(catalog, settings.content_dir, given, arguments.to)
            print(f"{target}: created as a draft; translate it, then remove `draft: true`")
        return 0
    if arguments.minor:
        for given in files:
            _record_minor(catalog, given, arguments)
        return 0
    marked = skipped = 0
    for given in files:
        if arguments.from_language is None and is_source(catalog, given.page, source_language):
            skipped += 1
            print(f"{given.file}: the source of its page; nothing to mark")
            continue
        source_hash = mark_current(catalog, given, arguments.from_language, source_language)
        marked += 1
        print(f"{given.file}: marked current with its source (hash {source_hash})")
    if len(files) > 1:
        print(f"{marked} translations marked current; {skipped} sources left as they are")
    return 0


def _expand(arguments: Sequence[Path]) -> list[Path]:
    """Files from the command line: folders give every page under them, patterns their matches."""
    found: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            found += sorted(argument.rglob("*.md"))
        elif not argument.exists() and any(char in str(argument) for char in "*?["):
            matches = sorted(Path(match) for match in glob.glob(str(argument), recursive=True))
            if not matches:
                raise TranslateError(f"{argument}: matches no file")
            found += matches
        else:
            found.append(argument)
    return list(dict.fromkeys(found))


def _record_minor(catalog: Catalog, given: ContentFile, arguments: argparse.Namespace) -> None:
    page = given.page
    if page.content.translation_of is not None:
        raise TranslateError(
            f"{given.file}: is a translation; --minor records an edit of a source, which its "
            "translations need not follow"
        )
    recorded = {
        version.content.translation_of.hash
        for version in catalog.group(page.key).values()
        if version.content.translation_of is not None
        and version.content.translation_of.language == page.language
        and not page.matches(version.content.translation_of.hash)
    }
    previous = arguments.previous or committed_body_hash(given.file)
    if previous is None or previous == page.body_hash:
        if len(recorded) != 1:
            listed = ", ".join(sorted(recorded)) or "none"
            raise TranslateError(
                f"{given.file}: cannot tell the body hash before the edit (translations record: "
                f"{listed}); give it with --previous HASH"
            )
        previous = next(iter(recorded))
    record_minor_edit(given, previous, build_now(), arguments.note)
    kept = sorted(
        version.path
        for version in catalog.group(page.key).values()
        if version.content.translation_of is not None
        and version.content.translation_of.hash == previous
    )
    print(
        f"{given.file}: minor edit recorded ({previous} -> {page.body_hash}); "
        f"{len(kept)} translations stay current"
    )


def _ask(question: str, default: str | None = None) -> str | None:
    """A person's answer at the terminal (the default if they just press Enter); else None."""
    if not sys.stdin.isatty():
        return None
    shown = f" [{default}]" if default else ""
    try:
        answer = input(f"{question}{shown}: ").strip()
    except EOFError:
        answer = ""
    return answer or default


def _given(value: str | None, question: str, option: str, example: str) -> str:
    """An option's value, else the answer to ``question``; ScaffoldError when there is neither."""
    value = (value or "").strip() or _ask(question)
    if not value:
        raise ScaffoldError(f"{option} is missing; give it, e.g. {option} {example}")
    return value


def _run_new_site(arguments: argparse.Namespace) -> int:
    spec = _given(
        arguments.languages,
        "Languages, in menu order, the ministry's own marked :domestic (en:domestic,de,fr)",
        "--languages",
        "en:domestic,de,fr",
    )
    languages = parse_languages(spec)
    codes = [language.code for language in languages]
    names, default = parse_names(arguments.site_name, codes)
    request = SiteRequest(languages, names, default, arguments.root)
    policy = site_policy(request)
    source = source_language(policy)
    # Ask for each name not given, the source language's first; Enter keeps the one shown.
    for code in sorted(policy.codes, key=lambda code: code != source):
        if code not in names:
            fallback = default or next(iter(names.values()), None)
            answer = _ask(f"The ministry's name in {policy.get(code).name} ({code})", fallback)
            if answer and answer != fallback:
                names[code] = answer
    url = arguments.site_url or _ask("The portal's address", PLACEHOLDER_URL) or PLACEHOLDER_URL
    request = SiteRequest(languages, names, default, arguments.root, site_url(url))
    plan = plan_site(request, Strings.load())
    written = write_site(arguments.directory, plan)
    roles = ", ".join(f"{language.code} ({language.role})" for language in policy.languages)
    print(f"{arguments.directory}: a new portal in {roles}; {policy.root_code} at the root")
    for path in written:
        print(f"  {path}")
    print("Before publishing:")
    for note in plan.notes:
        print(f"  - {note}")
    print(
        f"Next: cd {arguments.directory}, install (python3 -m venv .venv && .venv/bin/pip "
        "install -r requirements.txt) and run `chancery build`; README.md says more."
    )
    return 0


def _run_new_page(arguments: argparse.Namespace) -> int:
    settings = read_site_settings(arguments.config_file)
    title = _given(arguments.title, "Title", "--title", '"Minister visits Lisbon"')
    description = _given(
        arguments.description,
        "Description (one sentence)",
        "--description",
        '"The minister meets her counterpart to sign a cultural agreement."',
    )
    new = plan_page(
        settings,
        arguments.kind,
        arguments.lang,
        arguments.path,
        title=title,
        description=description,
        now=build_now(),
        strings=Strings.load(settings.locales_dir, relative_to=settings.config_file.parent),
    )
    write_page(new)
    print(f"{new.shown}: written as a draft (type: {arguments.kind}). Fill in:")
    for item in new.fill_in:
        print(f"  - {item}")
    print("then delete `draft: true` to publish it.")
    for note in new.notes:
        print(f"Note: {note}")
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


def _run_serve(arguments: argparse.Namespace) -> int:
    from chancery.serve.app import ServeOptions, serve

    config_file: Path = arguments.config_file
    if not config_file.is_file():
        print(
            f"error: {config_file}: not found; run from the site's folder or pass -f",
            file=sys.stderr,
        )
        return 2
    options = ServeOptions(
        config_file, arguments.host, arguments.port, arguments.site_dir, arguments.strict
    )
    return serve(options)


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
