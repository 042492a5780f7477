"""The enterprise part of `seed_demo`: the demo factory user's factory gets self-assessments,
a plan with actions in every state, trainings and 18 months of indicators. Each feature
seeds its own part (``<feature>.seed(world)``), idempotently."""

import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from ims_bridge.models import FactoryMembership

from . import capacity, plans, self_assessment, staff


@dataclass
class DemoWorld:
    stdout: object
    factory: object
    factory_user: object
    buyer: object | None


def seed(context):
    stdout = getattr(context, "stdout", io.StringIO())
    User = get_user_model()
    factory_user = User.objects.filter(username="factory").first()
    membership = (
        FactoryMembership.objects.filter(user=factory_user).select_related("factory").first()
    )
    if membership is None:
        stdout.write("  enterprise: skipped (no demo factory user)")
        return
    world = DemoWorld(
        stdout=stdout,
        factory=membership.factory,
        factory_user=factory_user,
        buyer=User.objects.filter(username="buyer").first(),
    )
    for feature in (self_assessment, plans, capacity, staff):
        feature.seed(world)
