"""The language service dashboard as the reader sees it: localised tables and charts.

``dashboard_view`` turns a ``MetricsReport`` into plain text cells and chart geometry in the
reader's language, so that the template only lays them out (and escapes them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_skeleton
from babel.numbers import format_decimal, format_percent

from chancery.core.charts import Chart, Series, bar_chart, monthly_chart
from chancery.core.languages import babel_locale
from chancery.core.metrics import Figures, LanguageMetrics, MetricsReport, Verdict
from chancery.core.strings import Strings

#: Written in a cell when a figure cannot be measured (nothing to divide by, no dated page).
NOT_MEASURED = "\u2013"  # an en dash


@dataclass(frozen=True)
class Table:
    """A data table: column headers, then rows that each start with their own header."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class ChartSection:
    """A chart and the table that gives its figures."""

    id: str
    heading: str
    chart: Chart
    table: Table


@dataclass(frozen=True)
class Definition:
    """A term and how it is measured."""

    term: str
    text: str


@dataclass(frozen=True)
class Breakdown:
    """One language's figures per content type or per audience."""

    heading: str
    table: Table


@dataclass(frozen=True)
class DashboardView:
    """Everything the dashboard template shows, in one language."""

    language: str
    title: str
    intro: str
    window: str
    targets_heading: str
    targets_summary: str
    #: Each target with its measured value and verdict; no rows when none is set.
    targets: Table
    overview_heading: str
    overview: Table
    charts: tuple[ChartSection, ...]
    by_type_heading: str
    by_type: tuple[Breakdown, ...]
    by_audience_heading: str
    by_audience: tuple[Breakdown, ...]
    definitions_heading: str
    definitions: tuple[Definition, ...]


def dashboard_view(
    report: MetricsReport,
    language: str,
    strings: Strings,
    audience_name: Callable[[str], str] | None = None,
) -> DashboardView:
    """The dashboard in ``language``; ``audience_name`` names an audience slug or country."""
    text = _Text(language, strings, report, audience_name)
    return DashboardView(
        language=language,
        title=text.t("dashboard.title"),
        intro=text.t("dashboard.intro"),
        window=text.t("dashboard.window" if text.has_domestic else "dashboard.window_root").format(
            start=text.month(report.months[0], "yMMMM"),
            end=text.month(report.months[-1], "yMMMM"),
            domestic=text.domestic,
        ),
        targets_heading=text.t("dashboard.targets"),
        targets_summary=_targets_summary(report, text),
        targets=Table(
            text.t("dashboard.targets"),
            tuple(
                text.t(f"dashboard.col.{key}")
                for key in ("language", "measure", "target", "value", "verdict")
            ),
            tuple(_verdict_row(verdict, text) for verdict in report.verdicts),
        ),
        overview_heading=text.t("dashboard.heading.overview"),
        overview=_overview(report, text),
        charts=(_depth(report, text), _cadence(report, text), _lag(report, text)),
        by_type_heading=text.t("dashboard.heading.by_type"),
        by_type=tuple(
            Breakdown(
                text.language_name(metrics.code),
                _breakdown(
                    metrics.by_type, text, text.t("dashboard.col.type"), text.type_name, metrics
                ),
            )
            for metrics in report.languages
        ),
        by_audience_heading=text.t("dashboard.heading.by_audience"),
        by_audience=tuple(
            Breakdown(
                text.language_name(metrics.code),
                _breakdown(
                    metrics.by_audience,
                    text,
                    text.t("dashboard.col.audience"),
                    text.audience,
                    metrics,
                ),
            )
            for metrics in report.languages
            if metrics.by_audience
        ),
        definitions_heading=text.t("dashboard.heading.definitions"),
        definitions=_definitions(text),
    )


class _Text:
    """Strings, numbers, months and names in the reader's language."""

    def __init__(
        self,
        language: str,
        strings: Strings,
        report: MetricsReport,
        audience_name: Callable[[str], str] | None,
    ) -> None:
        self.language = language
        self.strings = strings
        self.locale = babel_locale(language)
        self.report = report
        self.audience_name = audience_name
        self.domestic = self.language_name(report.reference)
        #: Whether the reference language is the site's domestic one (else its root one).
        self.has_domestic = any(metrics.role == "domestic" for metrics in report.languages)

    def t(self, key: str) -> str:
        return self.strings.text(key, self.language)

    def n(self, key: str, count: int) -> str:
        return self.strings.plural(key, self.language, count)

    def language_name(self, code: str) -> str:
        return str(self.locale.languages.get(code, code))

    def type_name(self, name: str) -> str:
        return self.t(f"dashboard.type.{name}")

    def audience(self, slug: str) -> str:
        if self.audience_name is not None:
            return self.audience_name(slug)
        return str(self.locale.territories.get(slug, slug))

    def month(self, month: tuple[int, int], skeleton: str = "MMM") -> str:
        # "MMM": Nov, 11월; "yMMM": Nov 2026, 2026년 11월; "yMMMM": November 2026.
        day = date(month[0], month[1], 1)
        return str(format_skeleton(skeleton, day, locale=self.locale))

    def number(self, value: int) -> str:
        return str(format_decimal(value, locale=self.locale))

    def ratio(self, value: float | None) -> str:
        if value is None:
            return NOT_MEASURED
        return str(format_decimal(value, format="#,##0.00", locale=self.locale))

    def days(self, value: float | None) -> str:
        if value is None:
            return NOT_MEASURED
        return str(format_decimal(value, format="#,##0.#", locale=self.locale))

    def percent(self, value: float | None) -> str:
        if value is None:
            return NOT_MEASURED
        return str(format_percent(value, locale=self.locale))


def _targets_summary(report: MetricsReport, text: _Text) -> str:
    if not report.verdicts:
        return text.t("dashboard.targets_none")
    return text.t("dashboard.targets_summary").format(
        missed=text.number(len(report.missed)), total=text.number(len(report.verdicts))
    )


def _verdict_row(verdict: Verdict, text: _Text) -> tuple[str, tuple[str, ...]]:
    target = verdict.target
    days = target.metric == "lag_days"
    shown = text.days if days else text.ratio
    if target.metric == "coverage":
        shown = text.percent
    comparison = "≤" if target.comparison == "<=" else "≥"
    return (
        text.language_name(target.language),
        (
            text.t(f"dashboard.metric.{target.metric}"),
            f"{comparison} {shown(target.threshold)}",
            shown(verdict.value),
            text.t(f"dashboard.verdict.{verdict.status}"),
        ),
    )


def _density(metrics: LanguageMetrics, text: _Text) -> str:
    density = metrics.density
    if density is None:
        # The reference language itself: the domestic one, else the root one.
        return text.t("dashboard.domestic" if text.has_domestic else "dashboard.reference")
    value = text.ratio(density.value)
    if density.origin == "measured":
        return text.n("dashboard.density.measured", density.pairs).format(
            value=value, count=text.number(density.pairs)
        )
    return text.t(f"dashboard.density.{density.origin}").format(value=value)


def _overview(report: MetricsReport, text: _Text) -> Table:
    columns = (
        text.t("dashboard.col.language"),
        text.t("dashboard.col.pages"),
        text.t("dashboard.col.words"),
        text.t("dashboard.col.density").format(domestic=text.domestic),
        text.t("dashboard.metric.depth"),
        text.t("dashboard.col.new_items"),
        text.t("dashboard.metric.cadence"),
        text.t("dashboard.col.median_age"),
        text.t("dashboard.col.missing"),
        text.t("dashboard.col.stale"),
        text.t("dashboard.metric.coverage"),
    )
    rows = tuple(
        (
            text.language_name(metrics.code),
            (
                text.number(metrics.total.pages),
                text.number(metrics.total.words),
                _density(metrics, text),
                text.ratio(metrics.depth_ratio),
                text.number(metrics.total.new_items),
                text.ratio(metrics.cadence_ratio),
                text.days(metrics.total.median_age_days),
                text.number(metrics.total.missing),
                text.number(metrics.total.stale),
                text.percent(metrics.total.coverage),
            ),
        )
        for metrics in report.languages
    )
    return Table(text.t("dashboard.heading.overview"), columns, rows)


def _foreign(report: MetricsReport) -> tuple[LanguageMetrics, ...]:
    return tuple(metrics for metrics in report.languages if metrics.code != report.reference)


def _depth(report: MetricsReport, text: _Text) -> ChartSection:
    foreign = _foreign(report)
    targets = {
        verdict.target.language: verdict.target.threshold
        for verdict in report.verdicts
        if verdict.target.metric == "depth"
    }
    heading = text.t("dashboard.heading.depth")
    chart = bar_chart(
        "chancery-chart-depth",
        heading,
        text.t("dashboard.chart.depth").format(domestic=text.domestic),
        [text.language_name(metrics.code) for metrics in foreign],
        [
            Series(
                text.t("dashboard.metric.depth"),
                tuple(metrics.depth_ratio for metrics in foreign),
                tuple(text.ratio(metrics.depth_ratio) for metrics in foreign),
            )
        ],
        reference=(1.0, f"{text.domestic} = {text.ratio(1.0)}"),
        targets=[targets.get(metrics.code) for metrics in foreign],
    )
    table = Table(
        heading,
        (
            text.t("dashboard.col.language"),
            text.t("dashboard.col.words"),
            text.t("dashboard.col.density").format(domestic=text.domestic),
            text.t("dashboard.metric.depth"),
            text.t("dashboard.col.target"),
        ),
        tuple(
            (
                text.language_name(metrics.code),
                (
                    text.number(metrics.total.words),
                    _density(metrics, text),
                    text.ratio(metrics.depth_ratio),
                    f"≥ {text.ratio(targets[metrics.code])}"
                    if metrics.code in targets
                    else NOT_MEASURED,
                ),
            )
            for metrics in foreign
        ),
    )
    return ChartSection("depth", heading, chart, table)


def _cadence(report: MetricsReport, text: _Text) -> ChartSection:
    heading = text.t("dashboard.heading.cadence")
    chart = monthly_chart(
        "chancery-chart-cadence",
        heading,
        text.t("dashboard.chart.cadence"),
        [(text.language_name(metrics.code), metrics.total.monthly) for metrics in report.languages],
        [text.month(month) for month in report.months],
    )
    table = Table(
        heading,
        (
            text.t("dashboard.col.language"),
            *(text.month(month, "yMMM") for month in report.months),
            text.t("dashboard.col.new_items"),
            text.t("dashboard.metric.cadence"),
        ),
        tuple(
            (
                text.language_name(metrics.code),
                (
                    *(text.number(count) for count in metrics.total.monthly),
                    text.number(metrics.total.new_items),
                    text.ratio(metrics.cadence_ratio),
                ),
            )
            for metrics in report.languages
        ),
    )
    return ChartSection("cadence", heading, chart, table)


def _lag(report: MetricsReport, text: _Text) -> ChartSection:
    heading = text.t("dashboard.heading.lag")
    languages = report.languages
    caught_up = [metrics.lag.median_days for metrics in languages]
    waiting = [metrics.lag.median_waiting_days for metrics in languages]
    chart = bar_chart(
        "chancery-chart-lag",
        heading,
        text.t("dashboard.chart.lag"),
        [text.language_name(metrics.code) for metrics in languages],
        [
            Series(
                text.t("dashboard.lag.caught_up"),
                tuple(caught_up),
                tuple(text.days(value) for value in caught_up),
            ),
            Series(
                text.t("dashboard.lag.waiting"),
                tuple(waiting),
                tuple(text.days(value) for value in waiting),
            ),
        ],
    )
    table = Table(
        heading,
        (
            text.t("dashboard.col.language"),
            text.t("dashboard.lag.measured"),
            text.t("dashboard.lag.caught_up"),
            text.t("dashboard.lag.longest"),
            text.t("dashboard.lag.unmeasured"),
            text.t("dashboard.col.stale"),
            text.t("dashboard.lag.waiting"),
            text.t("dashboard.lag.longest_wait"),
        ),
        tuple(
            (
                text.language_name(metrics.code),
                (
                    text.number(len(metrics.lag.caught_up)),
                    text.days(metrics.lag.median_days),
                    text.days(metrics.lag.longest_days),
                    text.number(metrics.lag.unmeasured),
                    text.number(metrics.total.stale),
                    text.days(metrics.lag.median_waiting_days),
                    text.days(metrics.lag.longest_waiting_days),
                ),
            )
            for metrics in languages
        ),
    )
    return ChartSection("lag", heading, chart, table)


def _breakdown(
    slices: Sequence[tuple[str, Figures]],
    text: _Text,
    first_column: str,
    name: Callable[[str], str],
    metrics: LanguageMetrics,
) -> Table:
    columns = (
        first_column,
        text.t("dashboard.col.pages"),
        text.t("dashboard.col.words"),
        text.t("dashboard.col.new_items"),
        text.t("dashboard.col.median_age"),
        text.t("dashboard.col.missing"),
        text.t("dashboard.col.stale"),
        text.t("dashboard.metric.coverage"),
    )
    rows = tuple(
        (
            name(slug),
            (
                text.number(figures.pages),
                text.number(figures.words),
                text.number(figures.new_items),
                text.days(figures.median_age_days),
                text.number(figures.missing),
                text.number(figures.stale),
                text.percent(figures.coverage),
            ),
        )
        for slug, figures in slices
        if figures.pages or figures.needed
    )
    caption = text.language_name(metrics.code) + text.t("punctuation.colon") + first_column
    return Table(caption, columns, rows)


def _definitions(text: _Text) -> tuple[Definition, ...]:
    terms = (
        ("dashboard.col.words", "dashboard.define.words"),
        ("dashboard.metric.depth", "dashboard.define.depth"),
        ("dashboard.metric.cadence", "dashboard.define.cadence"),
        ("dashboard.heading.lag", "dashboard.define.lag"),
        ("dashboard.metric.coverage", "dashboard.define.coverage"),
        ("dashboard.col.median_age", "dashboard.define.age"),
    )
    return tuple(
        Definition(text.t(term), text.t(definition).format(domestic=text.domestic))
        for term, definition in terms
    )
