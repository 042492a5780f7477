"""An action's history (PlanActionEvent rows) in words: field names and status values in the
reader's language, dates localised."""

from datetime import date

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ims_bridge.models import PlanStatus
from portal.formatting import format_date

FIELDS = {
    "created": _("Created"),
    "action": pgettext_lazy("improvement plan", "Action"),
    "owner": _("Owner"),
    "due_date": _("Due date"),
    "status": _("Status"),
    "notes": _("Notes"),
    "trainings": _("Trainings"),
    "evidence": _("Evidence added"),
    "star": _("STAR"),
}


def display(field, value):
    if not value:
        return ""
    if field == "status" and value in PlanStatus.values:
        return PlanStatus(value).label
    if field == "due_date":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return value


def describe(events):
    return [
        {
            "event": event,
            "label": FIELDS.get(event.field, event.field),
            "old": "" if event.field == "star" else display(event.field, event.old_value),
            "new": display(event.field, event.new_value),
            "is_change": event.field not in ("created", "evidence", "star"),
        }
        for event in events
    ]
