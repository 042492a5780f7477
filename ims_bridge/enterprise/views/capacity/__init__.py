"""Capacity pages of a factory (see urls.py): trainings, indicators, the progress report."""

from ...access import Data, may_change, may_read
from ...capacity_indicators import active_indicators
from ...capacity_progress import progress_report
from ...models import IndicatorValue, Training


def dashboard_section(request, factory, role):
    """Context for this feature's box on the factory dashboard; empty = no box."""
    section = {}
    if may_read(role, Data.TRAINING):
        trainings = Training.objects.filter(factory=factory).select_related("module")
        section["training_count"] = trainings.count()
        section["last_training"] = trainings.first()
        section["may_add_training"] = may_change(role, Data.TRAINING)
    if may_read(role, Data.INDICATORS, factory):
        latest = (
            IndicatorValue.objects.filter(factory=factory, indicator__in=active_indicators())
            .order_by("-month")
            .values_list("month", flat=True)
            .first()
        )
        section["indicator_month"] = latest
        section["indicator_values"] = (
            IndicatorValue.objects.filter(factory=factory, month=latest)
            .select_related("indicator")
            .order_by("indicator__sort_order")
            if latest
            else []
        )
        section["indicators_readable"] = True
    if may_read(role, Data.PROGRESS):
        section["progress"] = progress_report(factory)
    return section
