"""The plan's box on the factory dashboard."""

from django.db.models import Count, Q
from django.utils import timezone

from ims_bridge.models import PlanStatus

from ... import access
from ...models import PlanAction


def progress(factory):
    today = timezone.localdate()
    return PlanAction.objects.filter(factory=factory).aggregate(
        total=Count("pk"),
        completed=Count("pk", filter=Q(status=PlanStatus.COMPLETED)),
        overdue=Count("pk", filter=Q(due_date__lt=today) & ~Q(status=PlanStatus.COMPLETED)),
    )


def dashboard_section(request, factory, role):
    if not access.may_read(role, access.Data.PLAN, factory):
        return {}
    counts = progress(factory)
    upcoming = (
        PlanAction.objects.filter(factory=factory, due_date__isnull=False)
        .exclude(status=PlanStatus.COMPLETED)
        .select_related("compliance_point")
        .order_by("due_date", "pk")[:3]
    )
    return {
        **counts,
        "percent": round(100 * counts["completed"] / counts["total"]) if counts["total"] else 0,
        "upcoming": list(upcoming),
        "today": timezone.localdate(),
        "factory": factory,
    }
