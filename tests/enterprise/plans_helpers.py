"""Shared set-up of the plan tests."""

from ims_bridge.enterprise.models import PlanAction
from ims_bridge.models import Finding


def make_action(factory, **fields):
    point = Finding.objects.filter(assessment__factory=factory).first().question.compliance_point
    fields.setdefault("action", "Post the overtime policy")
    return PlanAction.objects.create(factory=factory, compliance_point=point, **fields)
