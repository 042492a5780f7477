import io

from ims_bridge.enterprise.demo import DemoWorld, plans
from ims_bridge.enterprise.models import PlanAction, PlanActionEvent, PlanParticipant


def test_demo_plan_has_every_state_and_is_idempotent(world, factory):
    demo = DemoWorld(
        stdout=io.StringIO(), factory=factory, factory_user=world["factory user"], buyer=None
    )
    plans.seed(demo)
    counts = (
        PlanAction.objects.count(),
        PlanActionEvent.objects.count(),
        PlanParticipant.objects.count(),
    )
    statuses = set(PlanAction.objects.values_list("status", flat=True))
    assert statuses == {"pending", "in_progress", "completed"}
    assert PlanParticipant.objects.filter(side="workers").count() == 2
    plans.seed(demo)
    assert (
        PlanAction.objects.count(),
        PlanActionEvent.objects.count(),
        PlanParticipant.objects.count(),
    ) == counts
