"""Interface parity: what a reader of each language would see in another language, or as a slug.

Translation parity (translations.py) is about pages. A reader also sees the interface around
them: section titles, topic and region names, and interface strings. Each one missing in a
site language is an interface gap, reported by `chancery status` and by the parity gate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath

from chancery.core.audiences import Regions
from chancery.core.catalog import Catalog, Page
from chancery.core.languages import LanguagePolicy
from chancery.core.schedule import is_live
from chancery.core.strings import Strings
from chancery.core.taxonomy import Topics


@dataclass(frozen=True, order=True)
class InterfaceGap:
    """One piece of interface with no text in one language."""

    language: str
    #: What is missing: "section 'industries'", "tag 'climate'", "region 'europe'".
    what: str
    #: What to do about it, naming the file to edit.
    fix: str

    def line(self) -> str:
        """The gap as one line of a report."""
        return f"{self.language}: {self.what}: {self.fix}"


def interface_gaps(
    policy: LanguagePolicy,
    catalog: Catalog,
    now: datetime,
    *,
    topics: Topics,
    regions: Regions,
    content_prefix: str = "content/",
    generated_sections: Iterable[str] = (),
    strings: Strings | None = None,
    locales_dir: str = "locales",
) -> tuple[InterfaceGap, ...]:
    """Every interface gap of the site, in every language.

    ``generated_sections`` are the folders whose index page a plugin generates in every
    language (listings), which therefore have a title everywhere. ``strings`` are the
    interface strings, whose untranslated keys are gaps too; ``locales_dir`` is the site's
    folder of catalogs, where a site adds what the package lacks.
    """
    live = [page for page in catalog if is_live(page.content, now)]
    gaps: list[InterfaceGap] = []
    generated = set(generated_sections)
    # The folders each language's navigation shows: its own pages', and those of the sources
    # it gets a fallback of.
    shown: dict[str, set[str]] = {code: set() for code in policy.codes}
    for page in live:
        folders = {
            parent.as_posix()
            for parent in PurePosixPath(page.path.partition("/")[2]).parents
            if parent.as_posix() != "."
        }
        for code in _shown_in(page, policy):
            shown[code] |= folders
    titled = {
        (page.language, PurePosixPath(page.path.partition("/")[2]).parent.as_posix())
        for page in live
        if PurePosixPath(page.path).name == "index.md"
    }
    used_tags = {tag for page in live for tag in page.content.tags}
    for language in policy.languages:
        code = language.code
        for folder in sorted(shown[code]):
            if folder not in generated and (code, folder) not in titled:
                gaps.append(
                    InterfaceGap(
                        code,
                        f"section '{folder}'",
                        f"add {content_prefix}{code}/{folder}/index.md, titled in "
                        f"{language.name}; its folder name would show instead",
                    )
                )
        for tag, _ in topics.missing([code], used_tags):
            gaps.append(
                InterfaceGap(
                    code,
                    f"tag '{tag}'",
                    f"add `{code}: ...` with its name under '{tag}' in {topics.source}",
                )
            )
        for key in strings.missing(code) if strings is not None else ():
            gaps.append(
                InterfaceGap(
                    code,
                    f"string '{key}'",
                    f'translate it (msgctxt "{key}") in {locales_dir}/{code}.po',
                )
            )
        for region in regions:  # Every region has a hub page in every language.
            if not region.names.get(code):
                gaps.append(
                    InterfaceGap(
                        code,
                        f"region '{region.slug}'",
                        f"add `{code}: ...` to the names of region '{region.slug}' in "
                        "mkdocs.yml (chancery/content: regions)",
                    )
                )
    return tuple(sorted(gaps))


def _shown_in(page: Page, policy: LanguagePolicy) -> set[str]:
    """The languages whose readers get ``page``: its own, and those that need a translation."""
    content = page.content
    if content.translation_of is not None or content.translation == "not-needed":
        return {page.language}
    wanted = set(content.languages) or set(policy.codes)
    return {page.language} | (wanted & set(policy.codes))


#: In a report, at most this many gaps of one kind in one language are listed one by one.
LISTED_PER_KIND = 8


def interface_lines(gaps: Iterable[InterfaceGap]) -> list[str]:
    """Report lines for ``gaps``: each one, or the first few of a long run and a count.

    A language with no catalog at all misses every string; its report names the first ones
    and says how many more, rather than printing hundreds of lines.
    """
    lines: list[str] = []
    runs: dict[tuple[str, str], list[InterfaceGap]] = {}
    for gap in gaps:
        runs.setdefault((gap.language, gap.what.partition(" ")[0]), []).append(gap)
    for run in runs.values():
        lines += [f"interface: {gap.line()}" for gap in run[:LISTED_PER_KIND]]
        if len(run) > LISTED_PER_KIND:
            rest = len(run) - LISTED_PER_KIND
            lines.append(
                f"interface: {run[0].language}: and {rest} more {run[0].what.partition(' ')[0]}s"
            )
    return lines
