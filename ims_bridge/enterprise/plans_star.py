"""Imported STAR improvement plan items become editable plan actions.

What wins on a re-import: the factory's action. ``sync_star_plan_items`` creates an action for
a STAR item that has none (status and due date from STAR, once); after that it never writes to
the action's owner, due date, status, notes or text. When STAR's item changes (status or due
date updated in place, or the text revised, which the importer stores as a new item of the same
assessment and compliance point), the action's history gets one "STAR now says …" note, so the
factory sees the change and decides. Each change is noted once: the note carries the item's
signature (``<item id>|<status>|<due date>``) and is not repeated while it stays the same.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ims_bridge.models import ImprovementPlanItem, PlanStatus

from .models import ActionSource, PlanAction, PlanActionEvent

STAR_FIELD = "star"


def signature(item):
    return f"{item.pk}|{item.status}|{item.due_date.isoformat() if item.due_date else ''}"


def _star_says(item):
    due = date_format(item.due_date) if item.due_date else _("no due date")
    return _("STAR now says: %(status)s, due %(due)s: %(text)s") % {
        "status": PlanStatus(item.status).label,
        "due": due,
        "text": item.action,
    }


def _latest_signatures(actions):
    """{(action id, item id): the last signature noted}"""
    latest = {}
    events = PlanActionEvent.objects.filter(action__in=actions, field=STAR_FIELD).order_by("pk")
    for action_id, value in events.values_list("action_id", "old_value"):
        latest[(action_id, value.split("|", 1)[0])] = value
    return latest


@transaction.atomic
def sync_star_plan_items(factories):
    """Create or annotate actions for the STAR plan items of ``factories`` (ids or objects);
    returns (created, noted) counts."""
    ids = [getattr(f, "pk", f) for f in factories]
    items = list(
        ImprovementPlanItem.objects.filter(assessment__factory_id__in=ids)
        .select_related("assessment")
        .order_by("pk")
    )
    if not items:
        return 0, 0
    actions = list(
        PlanAction.objects.filter(factory_id__in=ids, source=ActionSource.STAR).order_by("pk")
    )
    by_item = {a.star_item_id: a for a in actions if a.star_item_id}
    by_point = {}
    for action in actions:
        by_point.setdefault((action.assessment_id, action.compliance_point_id), action)
    latest = _latest_signatures(actions)
    created = noted = 0
    now = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        for item in items:
            action = by_item.get(item.pk) or by_point.get(
                (item.assessment_id, item.compliance_point_id)
            )
            if action is None:
                action = PlanAction.objects.create(
                    factory_id=item.assessment.factory_id,
                    compliance_point_id=item.compliance_point_id,
                    action=item.action,
                    status=item.status,
                    due_date=item.due_date,
                    source=ActionSource.STAR,
                    assessment=item.assessment,
                    star_item=item,
                    completed_at=now if item.status == PlanStatus.COMPLETED else None,
                )
                PlanActionEvent.objects.create(
                    action=action,
                    field=STAR_FIELD,
                    old_value=signature(item),
                    new_value=_("Imported from STAR: %(text)s") % {"text": item.action},
                )
                created += 1
                continue
            if latest.get((action.pk, str(item.pk))) == signature(item):
                continue
            PlanActionEvent.objects.create(
                action=action,
                field=STAR_FIELD,
                old_value=signature(item),
                new_value=_star_says(item),
            )
            latest[(action.pk, str(item.pk))] = signature(item)
            noted += 1
    return created, noted


def on_batch_imported(sender, batch=None, factory_ids=(), **kwargs):
    if factory_ids:
        sync_star_plan_items(factory_ids)
