"""What changed in a source since a translation was made, found in git history."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from chancery.core.catalog import Catalog, Page, body_hash
from chancery.core.source import SourceError, parse_source


class HistoryError(ValueError):
    """The history cannot answer; the message says why."""


def source_diff(catalog: Catalog, content_dir: Path, translation: Page) -> str:
    """A unified diff of the source's body, from the version translated to the current one.

    The translation records the hash of the source body it was made from; we look for the
    newest commit whose version of the source file has that body.
    """
    recorded = translation.content.translation_of
    if recorded is None:
        raise HistoryError(f"{translation.path}: is not a translation (no translation_of)")
    reference = catalog.group(translation.key).get(recorded.language)
    if reference is None:
        raise HistoryError(f"{translation.path}: its '{recorded.language}' source is missing")
    source_file = (content_dir / reference.path).resolve()
    if reference.body_hash == recorded.hash:
        return f"{reference.path}: unchanged since {translation.path} was translated\n"
    if reference.matches(recorded.hash):
        return (
            f"{reference.path}: only minor edits (minor_edits) since {translation.path} was "
            "translated\n"
        )
    old_body = _body_at_hash(source_file, recorded.hash)
    if old_body is None:
        raise HistoryError(
            f"{reference.path}: no commit has the version {translation.path} was translated "
            f"from (hash {recorded.hash}); compare the two files by hand"
        )
    lines = difflib.unified_diff(
        old_body.splitlines(keepends=True),
        reference.body.splitlines(keepends=True),
        fromfile=f"{reference.path} (as translated)",
        tofile=f"{reference.path} (now)",
    )
    return "".join(lines)


def committed_body_hash(source_file: Path) -> str | None:
    """The body hash of ``source_file`` as last committed, or None (not in git, or new)."""
    try:
        top = Path(_git(source_file.parent, "rev-parse", "--show-toplevel").strip()).resolve()
    except HistoryError:
        return None
    relative = source_file.resolve().relative_to(top).as_posix()
    try:
        raw = subprocess.run(
            ["git", "show", f"HEAD:{relative}"], cwd=top, capture_output=True, check=True
        ).stdout
        return body_hash(parse_source(raw, relative).body)
    except (subprocess.CalledProcessError, SourceError):
        return None


def _body_at_hash(source_file: Path, wanted: str) -> str | None:
    top = Path(_git(source_file.parent, "rev-parse", "--show-toplevel").strip()).resolve()
    relative = source_file.relative_to(top).as_posix()
    commits = _git(top, "log", "--format=%H", "--follow", "--", relative).split()
    for commit in commits:
        try:
            raw = subprocess.run(
                ["git", "show", f"{commit}:{relative}"],
                cwd=top,
                capture_output=True,
                check=True,
            ).stdout
            body = parse_source(raw, relative).body
        except (subprocess.CalledProcessError, SourceError):
            continue
        if body_hash(body) == wanted:
            return body
    return None


def _git(folder: Path, *arguments: str) -> str:
    try:
        result = subprocess.run(
            ["git", *arguments], cwd=folder, capture_output=True, text=True, check=True
        )
    except FileNotFoundError as error:
        raise HistoryError(
            "git is not installed; --diff needs the content's git history"
        ) from error
    except subprocess.CalledProcessError as error:
        raise HistoryError(
            f"{folder}: not in a git repository; --diff needs the content's git history"
        ) from error
    return result.stdout
