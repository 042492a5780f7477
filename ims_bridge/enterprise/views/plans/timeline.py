"""Geometry of the plan timeline: the server draws it as SVG (no script), mirrored for
right-to-left languages so that time runs in the reading direction."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import get_language_bidi

from ims_bridge.models import PlanStatus
from portal.formatting import format_date

WIDTH, LEFT, RIGHT, ROW, TOP = 900, 20, 20, 30, 40


@dataclass
class Row:
    action: object
    y: int
    x_start: float
    x_due: float | None
    x_done: float | None
    state: str


def _months(start, end):
    current = date(start.year, start.month, 1)
    while current <= end:
        yield current
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)


def layout(actions):
    today = timezone.localdate()
    dated = [a for a in actions if a.due_date or a.completed_at]
    days = [today]
    for a in dated:
        days.append(a.created_at.date())
        if a.due_date:
            days.append(a.due_date)
        if a.completed_at:
            days.append(timezone.localtime(a.completed_at).date())
    start, end = min(days) - timedelta(days=7), max(days) + timedelta(days=7)
    span = max((end - start).days, 1)
    rtl = get_language_bidi()

    def x(day):
        pos = LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span
        return round(WIDTH - pos if rtl else pos, 1)

    rows = []
    for index, a in enumerate(dated):
        done = timezone.localtime(a.completed_at).date() if a.completed_at else None
        if a.status == PlanStatus.COMPLETED:
            state = "completed"
        elif a.due_date and a.due_date < today:
            state = "overdue"
        else:
            state = a.status
        rows.append(
            Row(
                action=a,
                y=TOP + index * ROW,
                x_start=x(min(a.created_at.date(), a.due_date or done)),
                x_due=x(a.due_date) if a.due_date else None,
                x_done=x(done) if done else None,
                state=state,
            )
        )
    ticks = [{"x": x(m), "label": format_date(m, "YEAR_MONTH_FORMAT")} for m in _months(start, end)]
    if len(ticks) > 12:
        ticks = ticks[:: len(ticks) // 12 + 1]
    return {
        "rows": rows,
        "ticks": ticks,
        "today_x": x(today),
        "width": WIDTH,
        "height": TOP + max(len(rows), 1) * ROW + 10,
        "rtl": rtl,
        "undated": [a for a in actions if not (a.due_date or a.completed_at)],
    }
