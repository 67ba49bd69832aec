"""Charts as plain geometry, drawn as SVG by a small template without any JavaScript.

A chart here is a list of rectangles, lines and texts in a fixed coordinate space (its
``viewBox``); ``templates/chancery/partials/chart.html`` writes each one as one SVG element.
Keeping the arithmetic here lets tests check it without a build, and the template stays small
enough to be obviously right. Every chart carries a title and a description for assistive
technology; the dashboard also prints each chart's figures in a table next to it.

Charting libraries were considered: their SVG carries inline ``<style>`` (refused by a strict
Content-Security-Policy) or links to scripts, so none fits the portal's guarantees.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

#: Fills that read on both Material schemes (white and slate) and differ in lightness too, so
#: that series stay apart in greyscale. Texts use the page's own colour (currentColor).
SERIES_FILLS = ("#3f6bd8", "#c26a00")
REFERENCE_STROKE = "currentColor"
TARGET_STROKE = "#e53935"

WIDTH = 640
_LEFT = 150  # room for language names
_RIGHT = 70  # room for the value after the longest bar
_TOP = 12
_FONT = 13
_SMALL = 11

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Rect:
    """A bar."""

    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Line:
    """An axis, the reference level or a target mark; ``dashed`` for reference levels."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    dashed: bool = False


@dataclass(frozen=True)
class Text:
    """A label, drawn in the page's text colour."""

    x: float
    y: float
    text: str
    anchor: Anchor = "start"
    size: int = _FONT


@dataclass(frozen=True)
class Chart:
    """A chart ready to draw: an id for its title and description, and its shapes."""

    id: str
    title: str
    description: str
    width: int
    height: int
    rects: tuple[Rect, ...] = ()
    lines: tuple[Line, ...] = ()
    texts: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Series:
    """One series of a bar chart: its name and one value per row (None: not measured)."""

    name: str
    values: tuple[float | None, ...]
    #: How each value is written next to its bar (formatted for the reader's language).
    labels: tuple[str, ...]


def _r(value: float) -> float:
    # Two decimals keep the SVG short and its bytes stable.
    return round(value, 2)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[str],
    series: Sequence[Series],
    *,
    reference: tuple[float, str] | None = None,
    targets: Sequence[float | None] = (),
) -> Chart:
    """Horizontal bars: one band per row, one bar per series in each band.

    ``reference`` draws a dashed vertical line at a value with its label (e.g. 1.0, the
    domestic language); ``targets`` marks each row's target, if it has one, with a short line.
    """
    if not series or any(len(item.values) != len(rows) for item in series):
        raise ValueError("every series needs one value per row")
    bar = 16
    band = bar * len(series) + 12
    plot_width = WIDTH - _LEFT - _RIGHT
    values = [value for item in series for value in item.values if value is not None]
    values += [value for value in targets if value is not None]
    if reference is not None:
        values.append(reference[0])
    top = max(values, default=0.0) or 1.0

    def x(value: float) -> float:
        return _r(_LEFT + value / top * plot_width)

    rects: list[Rect] = []
    lines: list[Line] = []
    texts: list[Text] = []
    for row, name in enumerate(rows):
        y0 = _TOP + row * band
        texts.append(Text(_LEFT - 8, _r(y0 + band / 2 - 2), name, "end"))
        for index, item in enumerate(series):
            value = item.values[row]
            y = y0 + index * bar
            if value is not None and value > 0:
                rects.append(Rect(_LEFT, _r(y), _r(x(value) - _LEFT), bar - 2, _fill(index)))
            end = x(value) if value is not None else _LEFT
            texts.append(Text(_r(end + 4), _r(y + bar - 5), item.labels[row], "start", _SMALL))
        target = targets[row] if row < len(targets) else None
        if target is not None:
            # Drawn over the bars, a little taller than the band, so that it shows on a bar.
            lines.append(Line(x(target), _r(y0 - 4), x(target), _r(y0 + band - 8), TARGET_STROKE))
    bottom = _TOP + len(rows) * band
    lines.insert(0, Line(_LEFT, _TOP - 4, _LEFT, bottom, REFERENCE_STROKE))
    if reference is not None:
        at = x(reference[0])
        lines.append(Line(at, _TOP - 4, at, bottom, REFERENCE_STROKE, dashed=True))
        texts.append(Text(at, bottom + 16, reference[1], "middle", _SMALL))
    height = bottom + (28 if reference is not None else 8)
    if len(series) > 1:
        rects_, texts_ = _legend(series, height)
        rects += rects_
        texts += texts_
        height += 24
    return Chart(
        chart_id, title, description, WIDTH, int(height), tuple(rects), tuple(lines), tuple(texts)
    )


def monthly_chart(
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    months: Sequence[str],
) -> Chart:
    """Small multiples: one row of monthly bars per language, all on the same scale."""
    if any(len(counts) != len(months) for _, counts in rows):
        raise ValueError("every row needs one count per month")
    row_height = 44
    bar_room = 26
    column = (WIDTH - _LEFT - 10) / max(len(months), 1)
    top = max((count for _, counts in rows for count in counts), default=0) or 1
    rects: list[Rect] = []
    lines: list[Line] = []
    texts: list[Text] = []
    for row, (name, counts) in enumerate(rows):
        base = _TOP + row * row_height + bar_room + 12
        texts.append(Text(_LEFT - 8, _r(base - 4), name, "end"))
        lines.append(Line(_LEFT, base, WIDTH - 10, base, REFERENCE_STROKE))
        for index, count in enumerate(counts):
            if not count:
                continue
            height = count / top * bar_room
            left = _LEFT + index * column + column * 0.2
            rects.append(Rect(_r(left), _r(base - height), _r(column * 0.6), _r(height), _fill(0)))
            texts.append(
                Text(_r(left + column * 0.3), _r(base - height - 2), str(count), "middle", _SMALL)
            )
    bottom = _TOP + len(rows) * row_height + 12
    for index, month in enumerate(months):
        center = _LEFT + index * column + column / 2
        texts.append(Text(_r(center), bottom + 6, month, "middle", _SMALL))
    return Chart(
        chart_id,
        title,
        description,
        WIDTH,
        int(bottom + 14),
        tuple(rects),
        tuple(lines),
        tuple(texts),
    )


def _fill(index: int) -> str:
    return SERIES_FILLS[index % len(SERIES_FILLS)]


def _legend(series: Sequence[Series], top: float) -> tuple[list[Rect], list[Text]]:
    rects, texts = [], []
    left = float(_LEFT)
    for index, item in enumerate(series):
        rects.append(Rect(_r(left), _r(top + 4), 12, 12, _fill(index)))
        texts.append(Text(_r(left + 18), _r(top + 14), item.name, "start", _SMALL))
        left += 30 + text_width(item.name, _SMALL)
    return rects, texts


def text_width(text: str, size: int) -> float:
    """A generous estimate of a label's width: wide (CJK) characters take a full em."""
    return sum(size if unicodedata.east_asian_width(char) in "WF" else size * 0.6 for char in text)
