"""Language service metrics: the depth, cadence and freshness of every language.

Everything is measured from the content and the build clock, never from readers: pages, words,
new items per month, the age of pages, how long translations take to catch up with their
source, and what is missing or stale (taken from the translation report, not recomputed). The
gap that matters is the one against the **reference language**: the domestic language, or, on
a site without one, the language served at the root. Every other language gets:

- a **depth ratio**: its words, in reference-language words, over the reference language's;
- a **cadence ratio**: its new items over the reference language's, over the last 12 months.

Word counts are native to each script (a Chinese character is a word, a Korean word runs
between spaces), so they are not comparable as they stand. Each language's **density** (its
words per reference-language word) converts them: the ministry may set it in the config;
otherwise it is measured on the site's own current translations between that language and the
reference one; with fewer than ``MIN_DENSITY_PAIRS`` of those it is assumed to be 1.

**Translation lag** of a current translation: the days from its reference's last change
(``updated``, else ``date``) to the translation's own last change (``updated``, else ``date``).
A translation that keeps its original's ``date`` and was never updated came out with it (lag 0).
When the translation's last recorded change is earlier than its reference's, the content does
not say when it caught up: that lag is counted as unmeasured. Stale translations have not
caught up yet: the days they have been waiting are reported apart.
"""

from __future__ import annotations

import dataclasses
import statistics
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from chancery.core.catalog import Catalog, Page
from chancery.core.languages import LanguagePolicy
from chancery.core.models import MODELS, BaseContent
from chancery.core.translations import TranslationReport, Version
from chancery.core.words import count_words

#: Version of the JSON document, bumped when a field changes meaning or disappears.
METRICS_FORMAT = 2
#: The cadence window: this many calendar months, the build clock's month included.
MONTHS = 12
#: Current translations needed to measure a language's density; below, it is assumed to be 1.
MIN_DENSITY_PAIRS = 3
#: A target key that applies to every foreign language without a target of its own.
EVERY_FOREIGN_LANGUAGE = "*"

TargetMetric = Literal["depth", "cadence", "coverage", "lag_days"]
TARGET_METRICS: tuple[TargetMetric, ...] = ("depth", "cadence", "coverage", "lag_days")
#: Targets that are ceilings (the value must stay at or under them); the others are floors.
_CEILINGS = frozenset({"lag_days"})
#: Targets measured against the reference language, which therefore cannot have them.
_RATIOS = frozenset({"depth", "cadence"})

VerdictStatus = Literal["met", "missed", "unmeasured"]
DensityOrigin = Literal["configured", "measured", "assumed"]


class MetricsSettingsError(ValueError):
    """Metrics settings that cannot work; the message names the option and the fix."""


@dataclass(frozen=True)
class Target:
    """A figure the ministry wants a language to reach, e.g. English depth >= 0.8."""

    language: str
    metric: TargetMetric
    threshold: float

    @property
    def comparison(self) -> str:
        """'>=' for a floor, '<=' for a ceiling (translation lag in days)."""
        return "<=" if self.metric in _CEILINGS else ">="


@dataclass(frozen=True)
class MetricsSettings:
    """Targets, configured densities, and whether `chancery metrics` fails on a missed target."""

    targets: tuple[Target, ...] = ()
    word_density: Mapping[str, float] = field(default_factory=dict)
    fail_on_missed_targets: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any], languages: LanguagePolicy) -> MetricsSettings:
        """Read the ``metrics_*`` options of ``chancery/dashboard``."""
        fail = options.get("metrics_fail_on_missed_targets", False)
        if not isinstance(fail, bool):
            raise MetricsSettingsError(
                f"metrics_fail_on_missed_targets: '{fail}' must be true or false"
            )
        return cls(
            targets=_targets(options.get("metrics_targets") or {}, languages),
            word_density=_densities(options.get("metrics_word_density") or {}, languages),
            fail_on_missed_targets=fail,
        )


def reference_language(languages: LanguagePolicy) -> str:
    """The language the others are measured against: the domestic one, else the root one."""
    return (languages.domestic or languages.root).code


def _foreign(languages: LanguagePolicy) -> tuple[str, ...]:
    """The foreign languages measured against the reference language.

    On a site without a domestic language, the reference is the root one, which is left out.
    """
    reference = reference_language(languages)
    return tuple(
        language.code
        for language in languages.languages
        if language.role == "foreign" and language.code != reference
    )


def _number(value: Any, where: str, example: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise MetricsSettingsError(
            f"{where}: '{value}' must be a number of 0 or more, e.g. {example}"
        )
    return float(value)


def _targets(raw: Any, languages: LanguagePolicy) -> tuple[Target, ...]:
    if not isinstance(raw, Mapping):
        raise MetricsSettingsError(
            "metrics_targets: must map languages to targets, e.g. {en: {depth: 0.8, cadence: 0.8}}"
        )
    given: dict[tuple[str, str], float] = {}
    defaults: dict[str, float] = {}
    for code, wanted in raw.items():
        where = f"metrics_targets: {code}"
        code = str(code)
        if code != EVERY_FOREIGN_LANGUAGE and code not in languages.codes:
            raise MetricsSettingsError(
                f"{where}: not a language of this site; use one of {', '.join(languages.codes)} "
                f"or '{EVERY_FOREIGN_LANGUAGE}' for every foreign language"
            )
        if not isinstance(wanted, Mapping):
            raise MetricsSettingsError(f"{where}: must map metrics to values, e.g. {{depth: 0.8}}")
        for metric, value in wanted.items():
            if metric not in TARGET_METRICS:
                raise MetricsSettingsError(
                    f"{where}: '{metric}' is not a target; use {', '.join(TARGET_METRICS)}"
                )
            threshold = _number(value, f"{where}: {metric}", "0.8")
            if metric in _RATIOS and code == reference_language(languages):
                raise MetricsSettingsError(
                    f"{where}: {metric} is measured against {code} itself (the reference "
                    "language); set it on the other languages"
                )
            if code == EVERY_FOREIGN_LANGUAGE:
                defaults[metric] = threshold
            else:
                given[(code, metric)] = threshold
    for code in _foreign(languages):
        for metric, threshold in defaults.items():
            given.setdefault((code, metric), threshold)
    # Policy order, then the order of TARGET_METRICS.
    return tuple(
        Target(code, metric, given[(code, metric)])
        for code in languages.codes
        for metric in TARGET_METRICS
        if (code, metric) in given
    )


def _densities(raw: Any, languages: LanguagePolicy) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise MetricsSettingsError(
            "metrics_word_density: must map languages to their words per reference word, "
            "e.g. {zh: 2.6}"
        )
    densities = {}
    for code, value in raw.items():
        where = f"metrics_word_density: {code}"
        if str(code) not in _foreign(languages):
            raise MetricsSettingsError(
                f"{where}: not a foreign language of this site; use one of "
                f"{', '.join(_foreign(languages))}"
            )
        density = _number(value, where, "1.3")
        if density == 0:
            raise MetricsSettingsError(f"{where}: must be more than 0, e.g. 1.3")
        densities[str(code)] = density
    return densities


@dataclass(frozen=True)
class Figures:
    """What one language has in one slice of the site (all of it, a type or an audience)."""

    pages: int
    words: int
    #: New items per month, oldest month first (see MetricsReport.months).
    monthly: tuple[int, ...]
    #: The median number of days since pages last changed; None when no page is dated.
    median_age_days: float | None
    #: Pages of the slice that this language should have, and how many it has (any state).
    needed: int
    present: int
    missing: int
    stale: int

    @property
    def new_items(self) -> int:
        """New items over the whole window."""
        return sum(self.monthly)

    @property
    def items_per_month(self) -> float:
        """The cadence: new items per month over the window."""
        return self.new_items / len(self.monthly) if self.monthly else 0.0

    @property
    def coverage(self) -> float | None:
        """The share of the pages this language should have that it has."""
        return self.present / self.needed if self.needed else None


@dataclass(frozen=True)
class Lag:
    """How long this language's translations took to catch up, and how long they wait."""

    #: Days each measurable current translation took, sorted.
    caught_up: tuple[int, ...] = ()
    #: Current translations whose catching-up day the content does not give.
    unmeasured: int = 0
    #: Days each stale translation has been waiting (when its reference is dated), sorted.
    waiting: tuple[int, ...] = ()

    @property
    def median_days(self) -> float | None:
        """The median lag of caught-up translations."""
        return float(statistics.median(self.caught_up)) if self.caught_up else None

    @property
    def longest_days(self) -> int | None:
        """The longest lag of a caught-up translation."""
        return self.caught_up[-1] if self.caught_up else None

    @property
    def median_waiting_days(self) -> float | None:
        """The median wait of stale translations."""
        return float(statistics.median(self.waiting)) if self.waiting else None

    @property
    def longest_waiting_days(self) -> int | None:
        """The longest wait of a stale translation."""
        return self.waiting[-1] if self.waiting else None


@dataclass(frozen=True)
class Density:
    """A language's words per reference-language word, and where that figure comes from."""

    value: float
    origin: DensityOrigin
    #: The current translation pairs it was measured on (for a measured density).
    pairs: int = 0


@dataclass(frozen=True)
class LanguageMetrics:
    """Every figure of one language."""

    code: str
    name: str
    role: str
    total: Figures
    by_type: tuple[tuple[str, Figures], ...]
    by_audience: tuple[tuple[str, Figures], ...]
    lag: Lag
    #: None for the reference language (the yardstick).
    density: Density | None = None
    depth_ratio: float | None = None
    cadence_ratio: float | None = None

    def value(self, metric: TargetMetric) -> float | None:
        """The figure a target of ``metric`` is checked against."""
        if metric == "depth":
            return self.depth_ratio
        if metric == "cadence":
            return self.cadence_ratio
        if metric == "coverage":
            return self.total.coverage
        return self.lag.median_days


@dataclass(frozen=True)
class Verdict:
    """A target, the measured value, and whether it was met."""

    target: Target
    value: float | None
    status: VerdictStatus


@dataclass(frozen=True)
class MetricsReport:
    """The metrics of every language, in policy order, with the targets' verdicts."""

    now: datetime
    #: The cadence window's months as (year, month), oldest first; the last is the clock's.
    months: tuple[tuple[int, int], ...]
    #: The language every other one is measured against: the domestic one, else the root one.
    reference: str
    languages: tuple[LanguageMetrics, ...]
    verdicts: tuple[Verdict, ...]
    fail_on_missed_targets: bool = False

    def get(self, code: str) -> LanguageMetrics:
        """The metrics of one language."""
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    @property
    def missed(self) -> tuple[Verdict, ...]:
        """Targets that were not met."""
        return tuple(verdict for verdict in self.verdicts if verdict.status == "missed")


def measure(
    catalog: Catalog,
    languages: LanguagePolicy,
    report: TranslationReport,
    now: datetime,
    is_published: Callable[[Page], bool],
    settings: MetricsSettings | None = None,
) -> MetricsReport:
    """Measure every language of ``catalog`` on the build clock ``now``.

    ``report`` is the translation report of the same catalog and clock
    (``chancery.core.translations.assess``): missing, stale and current states come from it.
    """
    settings = settings or MetricsSettings()
    months = window(now)
    live = [page for page in catalog if is_published(page)]
    words = {page.path: count_words(page.body) for page in live}
    types = [name for name in MODELS if any(page.type == name for page in live)]
    audiences = sorted({audience for page in live for audience in page.content.audiences})
    reference = reference_language(languages)
    measured = []
    for language in languages.languages:
        mine = _Slicer(
            [page for page in live if page.language == language.code],
            report.in_language(language.code),
            words,
            months,
            now,
        )
        measured.append(
            LanguageMetrics(
                code=language.code,
                name=language.name,
                role=language.role,
                total=mine.figures(lambda page: True),
                by_type=tuple((name, mine.figures(_of_type(name))) for name in types),
                by_audience=tuple((slug, mine.figures(_for_audience(slug))) for slug in audiences),
                lag=_lag(mine.versions, now),
            )
        )
    with_ratios = tuple(
        _with_ratios(language, measured, reference, report, words, settings)
        for language in measured
    )
    return MetricsReport(
        now=now,
        months=months,
        reference=reference,
        languages=with_ratios,
        verdicts=tuple(_verdict(target, with_ratios) for target in settings.targets),
        fail_on_missed_targets=settings.fail_on_missed_targets,
    )


def window(now: datetime, months: int = MONTHS) -> tuple[tuple[int, int], ...]:
    """The ``months`` calendar months that end with the build clock's month, oldest first."""
    index = now.year * 12 + now.month - 1
    return tuple((month // 12, month % 12 + 1) for month in range(index - months + 1, index + 1))


def published_at(content: BaseContent) -> datetime | None:
    """When a page came out: its ``date``, else the end of its embargo."""
    return content.date or content.publish_at


def changed_at(content: BaseContent) -> datetime | None:
    """When a page last changed: ``updated``, else ``date``, else the end of its embargo."""
    return content.updated or content.date or content.publish_at


@dataclass(frozen=True)
class _Slicer:
    """One language's live pages and translation states, cut into slices."""

    pages: Sequence[Page]
    versions: Sequence[Version]
    words: Mapping[str, int]
    months: tuple[tuple[int, int], ...]
    now: datetime

    def figures(self, keep: Callable[[Page], bool]) -> Figures:
        """The figures of the pages ``keep`` accepts (versions are sliced by their source)."""
        return _figures(
            [page for page in self.pages if keep(page)],
            [version for version in self.versions if keep(version.source)],
            self.words,
            self.months,
            self.now,
        )


def _of_type(name: str) -> Callable[[Page], bool]:
    return lambda page: page.type == name


def _for_audience(slug: str) -> Callable[[Page], bool]:
    return lambda page: slug in page.content.audiences


def _figures(
    pages: Sequence[Page],
    versions: Sequence[Version],
    words: Mapping[str, int],
    months: tuple[tuple[int, int], ...],
    now: datetime,
) -> Figures:
    slots = {month: 0 for month in months}
    for page in pages:
        moment = published_at(page.content)
        # A page's month is the one its own date names, in the time zone the content gives.
        if moment is not None and moment <= now and (moment.year, moment.month) in slots:
            slots[(moment.year, moment.month)] += 1
    ages = [
        max(0, (now - moment).days)
        for page in pages
        if (moment := changed_at(page.content)) is not None
    ]
    return Figures(
        pages=len(pages),
        words=sum(words[page.path] for page in pages),
        monthly=tuple(slots[month] for month in months),
        median_age_days=float(statistics.median(ages)) if ages else None,
        needed=len(versions),
        present=sum(1 for version in versions if version.status != "missing"),
        missing=sum(1 for version in versions if version.status == "missing"),
        stale=sum(1 for version in versions if version.status == "stale"),
    )


def _lag(versions: Iterable[Version], now: datetime) -> Lag:
    caught_up: list[int] = []
    unmeasured = 0
    waiting: list[int] = []
    for version in versions:
        if version.status == "stale" and version.age_days is not None:
            waiting.append(version.age_days)
        if version.status != "current" or version.page is None or version.reference is None:
            continue
        source_changed = changed_at(version.reference.content)
        translated = changed_at(version.page.content)
        if source_changed is None or translated is None or translated < source_changed:
            unmeasured += 1
        else:
            caught_up.append((translated - source_changed).days)
    return Lag(tuple(sorted(caught_up)), unmeasured, tuple(sorted(waiting)))


def _with_ratios(
    language: LanguageMetrics,
    measured: Sequence[LanguageMetrics],
    reference: str,
    report: TranslationReport,
    words: Mapping[str, int],
    settings: MetricsSettings,
) -> LanguageMetrics:
    if language.code == reference:
        return language
    home = next(other for other in measured if other.code == reference)
    density = _density(language.code, reference, report, words, settings)
    depth = language.total.words / density.value / home.total.words if home.total.words else None
    cadence = language.total.new_items / home.total.new_items if home.total.new_items else None
    return dataclasses.replace(language, density=density, depth_ratio=depth, cadence_ratio=cadence)


def _density(
    code: str,
    reference: str,
    report: TranslationReport,
    words: Mapping[str, int],
    settings: MetricsSettings,
) -> Density:
    if code in settings.word_density:
        return Density(settings.word_density[code], "configured")
    # Pairs of the same page in both languages, one a current translation of the other.
    pairs: list[tuple[Page, Page]] = []
    for version in report.versions:
        if version.status != "current" or version.page is None or version.reference is None:
            continue
        if version.language == code and version.reference.language == reference:
            pairs.append((version.page, version.reference))
        elif version.language == reference and version.reference.language == code:
            pairs.append((version.reference, version.page))
    own_words = sum(words.get(page.path, 0) for page, _ in pairs)
    reference_words = sum(words.get(page.path, 0) for _, page in pairs)
    if len(pairs) < MIN_DENSITY_PAIRS or not own_words or not reference_words:
        return Density(1.0, "assumed", len(pairs))
    return Density(own_words / reference_words, "measured", len(pairs))


def _verdict(target: Target, languages: Sequence[LanguageMetrics]) -> Verdict:
    language = next(language for language in languages if language.code == target.language)
    value = language.value(target.metric)
    if value is None:
        return Verdict(target, None, "unmeasured")
    met = value <= target.threshold if target.metric in _CEILINGS else value >= target.threshold
    return Verdict(target, value, "met" if met else "missed")


# --- Output for people and for CI -----------------------------------------------------------


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _figures_document(figures: Figures) -> dict[str, Any]:
    return {
        "pages": figures.pages,
        "words": figures.words,
        "new_items": figures.new_items,
        "items_per_month": _rounded(figures.items_per_month),
        "monthly": list(figures.monthly),
        "median_age_days": figures.median_age_days,
        "needed": figures.needed,
        "present": figures.present,
        "missing": figures.missing,
        "stale": figures.stale,
        "coverage": _rounded(figures.coverage),
    }


def metrics_document(report: MetricsReport) -> dict[str, Any]:
    """The metrics as a JSON-ready document."""
    return {
        "format": METRICS_FORMAT,
        "now": report.now.isoformat(),
        "months": [f"{year:04d}-{month:02d}" for year, month in report.months],
        "reference": report.reference,
        "languages": [
            {
                "code": language.code,
                "name": language.name,
                "role": language.role,
                **_figures_document(language.total),
                "density": None
                if language.density is None
                else {
                    "value": _rounded(language.density.value),
                    "origin": language.density.origin,
                    "pairs": language.density.pairs,
                },
                "depth_ratio": _rounded(language.depth_ratio),
                "cadence_ratio": _rounded(language.cadence_ratio),
                "lag": {
                    "median_days": language.lag.median_days,
                    "longest_days": language.lag.longest_days,
                    "measured": len(language.lag.caught_up),
                    "unmeasured": language.lag.unmeasured,
                    "waiting": len(language.lag.waiting),
                    "median_waiting_days": language.lag.median_waiting_days,
                    "longest_waiting_days": language.lag.longest_waiting_days,
                },
                "by_type": {name: _figures_document(f) for name, f in language.by_type},
                "by_audience": {name: _figures_document(f) for name, f in language.by_audience},
            }
            for language in report.languages
        ],
        "targets": {
            "fail_on_missed": report.fail_on_missed_targets,
            "passed": not report.missed,
            "verdicts": [
                {
                    "language": verdict.target.language,
                    "metric": verdict.target.metric,
                    "comparison": verdict.target.comparison,
                    "threshold": verdict.target.threshold,
                    "value": _rounded(verdict.value),
                    "status": verdict.status,
                }
                for verdict in report.verdicts
            ],
        },
    }


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _days(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _density_cell(density: Density | None) -> str:
    if density is None:
        return "(reference)"
    if density.origin == "measured":
        return f"{density.value:.2f} (measured, {density.pairs} pairs)"
    return f"{density.value:.2f} ({density.origin})"


def verdict_line(verdict: Verdict) -> str:
    """One target's verdict, e.g. 'en depth >= 0.80: 0.93 met'."""
    target = verdict.target
    value = "unmeasured" if verdict.value is None else f"{verdict.value:.2f}"
    status = "" if verdict.status == "unmeasured" else f" {verdict.status}"
    threshold = (
        f"{target.threshold:g}" if target.metric == "lag_days" else f"{target.threshold:.2f}"
    )
    return f"{target.language} {target.metric} {target.comparison} {threshold}: {value}{status}"


def metrics_table(report: MetricsReport) -> str:
    """The metrics as a table for people, followed by the targets' verdicts."""
    first, last = report.months[0], report.months[-1]
    header = (
        "Language",
        "Pages",
        "Words",
        "Words per reference word",
        "Depth",
        f"New {first[0]:04d}-{first[1]:02d}..{last[0]:04d}-{last[1]:02d}",
        "Cadence",
        "Median age (d)",
        "Lag (d)",
        "Missing",
        "Stale",
        "Coverage",
    )
    body = [
        (
            f"{language.code} {language.name}",
            str(language.total.pages),
            f"{language.total.words:,}",
            _density_cell(language.density),
            _ratio(language.depth_ratio),
            str(language.total.new_items),
            _ratio(language.cadence_ratio),
            _days(language.total.median_age_days),
            _days(language.lag.median_days),
            str(language.total.missing),
            str(language.total.stale),
            "-" if language.total.coverage is None else f"{language.total.coverage:.0%}",
        )
        for language in report.languages
    ]
    widths = [max(_width(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(_pad(cell, width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in (header, *body)
    ]
    lines.append("")
    if not report.verdicts:
        lines.append("Targets: none set (plugins: chancery/dashboard: metrics_targets)")
    else:
        lines.append("Targets:")
        lines += [f"  {verdict_line(verdict)}" for verdict in report.verdicts]
        missed = len(report.missed)
        lines.append(
            f"Targets: {missed} of {len(report.verdicts)} missed"
            if missed
            else "Targets: none missed"
        )
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    # Hangul and Han characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
