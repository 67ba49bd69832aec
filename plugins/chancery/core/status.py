"""The language status report: depth and gaps of every language, for people and for CI."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chancery.core.catalog import Catalog, Page
from chancery.core.interface import InterfaceGap, interface_lines
from chancery.core.languages import LanguagePolicy
from chancery.core.translations import TranslationPolicy, TranslationReport, Version
from chancery.core.words import count_words

#: Version of the JSON document, bumped when a field changes meaning or disappears.
STATUS_FORMAT = 2


@dataclass(frozen=True)
class LanguageStatus:
    """One row of the status table."""

    code: str
    name: str
    role: str
    pages: int
    words: int
    last_update: datetime | None
    missing: tuple[Version, ...]
    stale: tuple[Version, ...]


def language_rows(
    catalog: Catalog,
    languages: LanguagePolicy,
    report: TranslationReport,
    is_published: Callable[[Page], bool],
) -> tuple[LanguageStatus, ...]:
    """One row per language, in policy order."""
    rows = []
    for language in languages.languages:
        pages = [page for page in catalog.in_language(language.code) if is_published(page)]
        changes = [
            moment
            for page in pages
            for moment in (page.content.updated or page.content.date,)
            if moment is not None
        ]
        rows.append(
            LanguageStatus(
                code=language.code,
                name=language.name,
                role=language.role,
                pages=len(pages),
                words=sum(count_words(page.body) for page in pages),
                last_update=max(changes) if changes else None,
                missing=report.missing(language.code),
                stale=report.stale(language.code),
            )
        )
    return tuple(rows)


def status_document(
    rows: tuple[LanguageStatus, ...],
    report: TranslationReport,
    now: datetime,
    content: str,
    interface: tuple[InterfaceGap, ...] = (),
) -> dict[str, Any]:
    """The status as a JSON-ready document; its schema is chancery/schemas/status.schema.json."""
    return {
        "format": STATUS_FORMAT,
        "now": now.isoformat(),
        "gate": {
            "mode": report.policy.gate,
            "passed": not (report.policy.gate == "fail" and (report.blocking or interface)),
            "blocking": [_gap(version, content) for version in report.blocking],
            "interface": [
                {"language": gap.language, "what": gap.what, "fix": gap.fix} for gap in interface
            ],
        },
        "languages": [
            {
                "code": row.code,
                "name": row.name,
                "role": row.role,
                "pages": row.pages,
                "words": row.words,
                "last_update": row.last_update.isoformat() if row.last_update else None,
                "missing": [_gap(version, content) for version in row.missing],
                "stale": [_gap(version, content) for version in row.stale],
            }
            for row in rows
        ],
    }


def _gap(version: Version, content: str) -> dict[str, Any]:
    return {
        "language": version.language,
        "key": version.key,
        "status": version.status,
        "tier": version.tier,
        "source": f"{content}/{version.source.path}",
        "page": f"{content}/{version.page.path}" if version.page else None,
        "since": version.since.isoformat() if version.since else None,
        "age_days": version.age_days,
        "over_grace": version.over_grace,
        "blocking": version.blocking,
    }


def status_table(
    rows: tuple[LanguageStatus, ...],
    report: TranslationReport,
    interface: tuple[InterfaceGap, ...] = (),
) -> str:
    """The status as a table for people, followed by every gap and the gate's verdict."""
    header = ("Language", "Role", "Pages", "Missing", "Stale (oldest)", "Words", "Last update")
    body = [
        (
            f"{row.code} {row.name}",
            row.role,
            str(row.pages),
            str(len(row.missing)),
            _stale_cell(row.stale),
            f"{row.words:,}",
            row.last_update.date().isoformat() if row.last_update else "-",
        )
        for row in rows
    ]
    widths = [max(_width(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(_pad(cell, width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in (header, *body)
    ]
    gaps = [version for row in rows for version in (*row.missing, *row.stale)]
    if gaps:
        lines += ["", "Gaps:"]
        lines += [f"  {gap_line(version, report.policy)}" for version in gaps]
    if interface:
        lines += ["", "Interface gaps (section titles, tag and region names, strings):"]
        lines += [f"  {line.removeprefix('interface: ')}" for line in interface_lines(interface)]
    lines += ["", gate_verdict(report, len(interface))]
    return "\n".join(lines) + "\n"


def gap_line(version: Version, policy: TranslationPolicy) -> str:
    """One gap, e.g. 'fr statements/visit.md: stale for 21 days (required, grace 14 days)'."""
    if version.age_days is None:
        age = "since an unknown date (set updated: on the source)"
    else:
        age = f"for {version.age_days} days"
    grace = f"grace {policy.max_stale_days(version.tier)} days"
    blocking = "; blocks the build" if version.blocking else ""
    where = f"{version.language} {version.key}"
    return f"{where}: {version.status} {age} ({version.tier}, {grace}){blocking}"


def gate_verdict(report: TranslationReport, interface: int = 0) -> str:
    """The parity gate's verdict in one line; ``interface`` counts the interface gaps."""
    count = len(report.blocking) + interface
    if not count:
        return "Parity gate: passed"
    noun = "gap blocks" if count == 1 else "gaps block"
    if report.policy.gate == "warn":
        return f"Parity gate: {count} required {noun} the build, but the gate is set to warn"
    return f"Parity gate: FAILED: {count} required {noun} the build"


def _stale_cell(stale: tuple[Version, ...]) -> str:
    if not stale:
        return "0"
    ages = [version.age_days for version in stale if version.age_days is not None]
    return f"{len(stale)} ({max(ages)} days)" if ages else f"{len(stale)} (age unknown)"


def _width(text: str) -> int:
    # Hangul and Han characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
