"""Server-rendered line charts (inline SVG, no script) of a factory's indicators over time,
its compliance trend across assessments and the dates its plan actions were completed.

All charts of a page share one time axis, so a change in an indicator can be read against
the assessments and the completed actions above and below it. Right-to-left pages run time
from right to left."""

import math
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import get_language_bidi

from portal.formatting import format_date, format_number

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 26


@dataclass
class Chart:
    title: str
    unit: str
    width: int = WIDTH
    height: int = HEIGHT
    lines: list = field(default_factory=list)  # "x,y x,y …" per unbroken run of values
    points: list = field(default_factory=list)  # (x, y, label)
    markers: list = field(default_factory=list)  # (x, label): completed plan actions
    y_ticks: list = field(default_factory=list)  # (y, label)
    x_ticks: list = field(default_factory=list)  # (x, label)
    empty: bool = True
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_top: int = TOP
    plot_bottom: int = HEIGHT - BOTTOM


@dataclass
class Axis:
    """The time axis shared by a page's charts."""

    start: date
    end: date

    @classmethod
    def around(cls, dates):
        dates = [d for d in dates if d is not None]
        if not dates:
            return None
        start, end = min(dates), max(dates)
        if start == end:
            start = date(start.year - (start.month == 1), (start.month - 2) % 12 + 1, 1)
        return cls(start, end)

    def x(self, when):
        span = (self.end - self.start).days or 1
        share = (when - self.start).days / span
        if get_language_bidi():
            share = 1 - share
        return round(LEFT + share * (WIDTH - LEFT - RIGHT), 1)

    def ticks(self):
        years = [date(y, 1, 1) for y in range(self.start.year + 1, self.end.year + 1)]
        if not years or len(years) > 8:
            years = [self.start, self.end]
        return [(self.x(d), d.year if d.month == 1 and d.day == 1 else _month(d)) for d in years]


def _month(day):
    return format_date(day, "YEAR_MONTH_FORMAT")


def nice_max(value):
    """A round upper bound for the y axis (1, 2, 2.5, 5 × a power of ten)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def line_chart(title, unit, series, axis, markers=(), y_max=None, label=_month):
    """A Chart of [(date, value or None)] on the shared axis; None breaks the line."""
    chart = Chart(title=title, unit=unit)
    if axis is None:
        return chart
    values = [float(v) for _d, v in series if v is not None]
    chart.empty = not values
    top = y_max if y_max is not None else nice_max(max(values, default=0))

    def y(value):
        return round(chart.plot_bottom - float(value) / top * (chart.plot_bottom - TOP), 1)

    run = []
    for when, value in sorted(series, key=lambda pair: pair[0]):
        if value is None:
            if run:
                chart.lines.append(" ".join(run))
            run = []
            continue
        x = axis.x(when)
        run.append(f"{x},{y(value)}")
        chart.points.append((x, y(value), f"{label(when)}: {format_number(value)}"))
    if run:
        chart.lines.append(" ".join(run))
    chart.lines = [line for line in chart.lines if " " in line]  # one point: its dot only
    chart.y_ticks = [(y(top * share), format_number(top * share)) for share in (0, 0.5, 1)]
    chart.x_ticks = axis.ticks()
    chart.markers = [
        (axis.x(when), text) for when, text in markers if axis.start <= when <= axis.end
    ]
    return chart


def monthly_series(by_month, indicator):
    """[(month, value or None)] with None for the months without a value (a gap)."""
    months = list(by_month)
    if not months:
        return []
    series = []
    month = months[0]
    while month <= months[-1]:
        series.append((month, by_month.get(month, {}).get(indicator.pk)))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return series
