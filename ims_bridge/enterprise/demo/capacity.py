"""Demo trainings (some linked to the plan's actions) and 18 months of indicator values for
the demo factory. Idempotent: a factory that has trainings or values keeps them."""

import math
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from ..models import Indicator, IndicatorValue, PlanAction, Training

TRAININGS = [
    ("Supervisory skills training", 200, 2, 12, 0, 10, 4),
    ("Fire safety and evacuation", 120, 1, 4, 25, 22, 8),
    ("Working time and overtime rules", 60, 3, 6, 0, 5, 4),
]
# code -> (start, monthly change, seasonal swing)
TRENDS = {
    "efficiency": (58, 0.6, 2.5),
    "defect-rate": (6.5, -0.12, 0.6),
    "absenteeism": (5.0, -0.08, 0.8),
    "turnover": (4.2, -0.06, 0.5),
    "overtime-hours": (38, -0.9, 4),
    "lost-time-accidents": (3, -0.1, 1),
}


def _month(today, back):
    year, month = today.year, today.month - back
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1)


def seed(world):
    factory = world.factory
    today = timezone.localdate()
    if not Training.objects.filter(factory=factory).exists():
        actions = list(PlanAction.objects.filter(factory=factory)[:3])
        for index, (name, days_ago, managers, supervisors, workers, women, men) in enumerate(
            TRAININGS
        ):
            training = Training.objects.create(
                factory=factory,
                programme=name,
                start_date=today - timedelta(days=days_ago),
                managers=managers,
                supervisors=supervisors,
                workers=workers,
                women=women,
                men=men,
                created_by=world.factory_user,
            )
            if index < len(actions):
                actions[index].trainings.add(training)
        world.stdout.write(f"  capacity: {len(TRAININGS)} trainings")
    if not IndicatorValue.objects.filter(factory=factory).exists():
        rows = []
        for indicator in Indicator.objects.filter(active=True, code__in=TRENDS):
            start, step, swing = TRENDS[indicator.code]
            for back in range(18, 0, -1):
                n = 18 - back
                value = max(0, start + step * n + swing * math.sin(n / 2))
                if indicator.unit == "count":
                    value = round(value)
                rows.append(
                    IndicatorValue(
                        factory=factory,
                        indicator=indicator,
                        month=_month(today, back),
                        value=Decimal(str(round(value, 1))),
                        entered_by=world.factory_user,
                    )
                )
        IndicatorValue.objects.bulk_create(rows)
        world.stdout.write(f"  capacity: {len(rows)} indicator values (18 months)")
