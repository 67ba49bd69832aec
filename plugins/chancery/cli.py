"""The `chancery` command: checks and tools that use the core directly, without a build."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from chancery.core.catalog import load_catalog
from chancery.core.config import SiteConfigError, read_site_settings
from chancery.core.errors import ContentErrors
from chancery.core.schema import write_schemas


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except SiteConfigError as error:
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


def _run_check(arguments: argparse.Namespace) -> int:
    settings = read_site_settings(arguments.config_file)
    try:
        catalog = load_catalog(
            settings.content_dir, settings.policy.codes, settings.config_file.parent
        )
    except ContentErrors as error:
        print(error, file=sys.stderr)
        return 1
    languages = len(settings.policy.codes)
    print(f"{len(catalog)} pages in {languages} languages: front matter OK")
    return 0


def _run_schema(arguments: argparse.Namespace) -> int:
    for path in write_schemas(arguments.output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
