"""The import report: what was imported, mapped, dropped, and what needs a human."""

from __future__ import annotations

from collections import Counter

from chancery.core.importing.plan import Report

#: Lines listed one by one under a heading before the rest is counted.
LISTED = 20


def report_text(report: Report, *, written: bool = True, human: int | None = None) -> str:
    """The report as plain text, for the terminal and the report file.

    ``human`` caps the lines of what needs a human (the terminal's copy; the file has all).
    """
    languages = ", ".join(f"{source} → {tag}" for source, tag in report.languages.items())
    verb = "Imported" if written else "Would import (dry run, nothing written)"
    lines = [
        f"{verb}: {report.layout} site {report.source}: {report.pages} pages "
        f"({report.translations} recording their original); files copied: {report.files}",
        f"Languages: {languages}; originals in {report.source_language}",
    ]
    if report.timezone:
        lines.append(
            f"Dates without an offset read in {report.timezone}: {report.dates_made_explicit}"
        )
    lines += _counts("Front matter kept (source → Chancery: files)", report.mapped)
    lines += _counts("Front matter dropped (field: files)", report.dropped)
    lines += _listed(
        "Renamed to lower-case ASCII names",
        [f"{old} → {new}" for old, new in report.renamed],
    )
    lines.append(
        f"Links rewritten: {report.links_rewritten}; shortcodes converted: "
        f"{report.shortcodes_converted}; old addresses redirected (aliases): {report.aliases}"
    )
    lines += _listed("Descriptions taken from the first sentence (--describe)", report.described)
    lines += _listed("Titles not from front matter", report.titles_derived)
    lines += _listed("Section pages created (one per language)", report.sections_created)
    if report.tags_added:
        lines.append(f"Tags added: {', '.join(report.tags_added)}")
    lines += _listed("Not imported", [f"{path}: {why}" for path, why in report.skipped])
    lines += _listed("Needs a human", report.human, limit=human)
    lines.append("Next: chancery check, then chancery build (strict: it names any broken link).")
    return "\n".join(lines) + "\n"


def _counts(heading: str, counts: Counter[str]) -> list[str]:
    if not counts:
        return []
    width = max(len(name) for name in counts)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    return [f"{heading}:", *(f"  {name:<{width}}  {count}" for name, count in rows)]


def _listed(heading: str, items: list[str], limit: int | None = LISTED) -> list[str]:
    if not items:
        return []
    shown = items if limit is None else items[:limit]
    lines = [f"{heading} ({len(items)}):", *(f"  {item}" for item in shown)]
    if len(items) > len(shown):
        lines.append(f"  and {len(items) - len(shown)} more")
    return lines
