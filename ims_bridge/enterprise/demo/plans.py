"""The demo factory's improvement plan: its STAR plan items as actions, actions from its
submitted self-assessment if any, every state (one overdue), a few history events and the PICC."""

from datetime import timedelta

from django.utils import timezone

from ims_bridge.models import Assessment, PlanStatus

from ..models import (
    PlanAction,
    PlanActionEvent,
    PlanParticipant,
    SelfAssessment,
    SelfAssessmentStatus,
)
from ..plans_actions import actions_from_results, create_action, noncompliant_lines, update_action
from ..plans_star import sync_star_plan_items

PICC = [
    ("Sok Dara", "Sewing operator, union representative", PlanParticipant.Side.WORKERS),
    ("Chan Sreymom", "Quality checker, elected representative", PlanParticipant.Side.WORKERS),
    ("Lim Vanna", "HR manager", PlanParticipant.Side.MANAGEMENT),
    ("Keo Rithy", "Production manager", PlanParticipant.Side.MANAGEMENT),
]


def seed(world):
    factory, user = world.factory, world.factory_user
    sync_star_plan_items([factory])
    if not PlanAction.objects.filter(factory=factory).exclude(source="star").exists():
        submitted = SelfAssessment.objects.filter(
            factory=factory, status=SelfAssessmentStatus.SUBMITTED
        ).first()
        source = (
            submitted or Assessment.objects.filter(factory=factory).order_by("-start_date").first()
        )
        if source is not None and noncompliant_lines(source):
            actions_from_results(factory, user, source, list(noncompliant_lines(source))[:4])
    today = timezone.localdate()
    states = [
        {
            "status": PlanStatus.COMPLETED,
            "owner": "Lim Vanna",
            "due_date": today - timedelta(days=20),
        },
        {
            "status": PlanStatus.IN_PROGRESS,
            "owner": "Keo Rithy",
            "due_date": today + timedelta(days=5),
        },
        {"status": PlanStatus.PENDING, "owner": "Lim Vanna", "due_date": today - timedelta(days=3)},
        {
            "status": PlanStatus.PENDING,
            "owner": "Keo Rithy",
            "due_date": today + timedelta(days=40),
        },
    ]
    actions = list(PlanAction.objects.filter(factory=factory).order_by("pk"))
    extra = [
        "Train supervisors on the overtime rules",
        "Post the grievance procedure",
        "Record overtime consent forms",
    ]
    while actions and len(actions) < len(states) and extra:
        actions.append(
            create_action(
                factory, user, compliance_point=actions[0].compliance_point, action=extra.pop(0)
            )
        )
    touched = set(
        PlanActionEvent.objects.filter(action__in=actions, field="owner").values_list(
            "action_id", flat=True
        )
    )
    actions = [a for a in actions if a.pk not in touched]
    for action, changes in zip(actions, states, strict=False):
        update_action(action, user, changes)
    for name, position, side in PICC:
        PlanParticipant.objects.get_or_create(
            factory=factory, name=name, defaults={"position": position, "side": side}
        )
    world.stdout.write(f"  plans: {PlanAction.objects.filter(factory=factory).count()} actions")
