"""Starting a translation, and recording that one has caught up with its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from chancery.core.catalog import Catalog, Page
from chancery.core.front_matter_edit import (
    block_lines,
    join_file,
    split_file,
    translation_of_lines,
    without_keys,
)
from chancery.core.strict_yaml import load_mapping


class TranslateError(ValueError):
    """A translation command that cannot be carried out; the message says why and what to do."""


@dataclass(frozen=True)
class ContentFile:
    """A content file given on the command line, located in the catalog."""

    file: Path
    page: Page


def locate(catalog: Catalog, content_dir: Path, file: Path) -> ContentFile:
    """Find the catalog page of a file path given by an editor."""
    try:
        relative = file.resolve().relative_to(content_dir.resolve()).as_posix()
    except ValueError as error:
        raise TranslateError(f"{file}: not inside the content folder {content_dir}") from error
    page = catalog.get(relative)
    if page is None:
        raise TranslateError(f"{file}: not a content page (is it a Markdown file in content/?)")
    return ContentFile(file, page)


def start_translation(
    catalog: Catalog, content_dir: Path, source: ContentFile, language: str
) -> Path:
    """Create the ``language`` version of ``source`` as a draft that records its source hash.

    The new file is a draft, so that nothing untranslated is published in the wrong language;
    the translator replaces the body and removes ``draft: true``.
    """
    if language not in catalog.languages:
        raise TranslateError(
            f"--to {language}: not a language of this site; use one of "
            f"{', '.join(catalog.languages)}"
        )
    if language == source.page.language:
        raise TranslateError(f"{source.file}: is already in '{language}'")
    target = content_dir / language / source.page.path.partition("/")[2]
    if target.exists():
        raise TranslateError(
            f"{target}: already exists; after updating it, record that it is current with "
            f"`chancery translate --mark-current {target}`"
        )
    lines, body = _editable(source.file)
    # Old addresses and the nav's order belong to the source, which places every version.
    lines = without_keys(lines, {"translation_of", "draft", "aliases", "order"})
    lines += ["draft: true", *translation_of_lines(source.page.language, source.page.body_hash)]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(join_file(lines, body), encoding="utf-8")
    return target


def mark_current(
    catalog: Catalog,
    translation: ContentFile,
    from_language: str | None = None,
    source_language: str | None = None,
) -> str:
    """Record that ``translation`` matches its source as it is now; return the new hash.

    The version it was translated from is ``from_language``, else the one it records, else
    the one in ``source_language`` (the policy's source language).
    """
    recorded = translation.page.content.translation_of
    language = from_language or (recorded.language if recorded else None) or source_language
    if language is None or language == translation.page.language:
        raise TranslateError(
            f"{translation.file}: has no translation_of; say which version it was translated "
            "from with --from LANGUAGE"
        )
    reference = catalog.group(translation.page.key).get(language)
    if reference is None:
        raise TranslateError(
            f"{translation.file}: there is no '{language}' version of this page to compare with"
        )
    if reference is translation.page:
        raise TranslateError(f"{translation.file}: a page cannot be a translation of itself")
    lines, body = _editable(translation.file)
    lines = without_keys(lines, {"translation_of"})
    lines += translation_of_lines(language, reference.body_hash)
    translation.file.write_text(join_file(lines, body), encoding="utf-8")
    return reference.body_hash


def _editable(file: Path) -> tuple[list[str], str]:
    text = file.read_text(encoding="utf-8")
    lines, body = split_file(text)
    data = load_mapping("\n".join(lines), first_line=2).data
    return block_lines(lines, data), body


def is_source(catalog: Catalog, page: Page, source_language: str) -> bool:
    """Whether ``page`` is its group's original rather than a translation of it.

    A page that records no source is the original when it is in the source language, or when
    no version of its group is.
    """
    if page.content.translation_of is not None:
        return False
    group = catalog.group(page.key)
    return page.language == source_language or source_language not in group


def record_minor_edit(
    source: ContentFile, previous: str, moment: datetime, note: str | None = None
) -> None:
    """Record in ``source`` an edit that needs no new translation.

    Its body went from the hash ``previous`` to its current one; translations made from
    ``previous`` stay current. The record (``minor_edits``) stays in the file, never silent.
    """
    lines, body = _editable(source.file)
    data = load_mapping("\n".join(lines), first_line=2).data
    entries = list(data.get("minor_edits") or [])
    entry = {"date": moment.isoformat(), "before": previous, "after": source.page.body_hash}
    if note:
        entry["note"] = note
    entries.append(entry)
    lines = without_keys(lines, {"minor_edits"})
    lines += yaml.safe_dump(
        {"minor_edits": entries}, allow_unicode=True, sort_keys=False, default_flow_style=False
    ).splitlines()
    source.file.write_text(join_file(lines, body), encoding="utf-8")
