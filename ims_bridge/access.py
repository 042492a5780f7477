"""Factory-level data, read only through ``Factory.objects.visible_to(user)``.

Helpers here wrap that one path for views, API and exports, and log each read."""

from django.http import Http404
from django.utils import timezone

from .models import (
    Assessment,
    Factory,
    FactoryAccessGrant,
    FactoryAccessLog,
    FactoryMembership,
    Finding,
    ImprovementPlanItem,
)


def visible_factories(user):
    return Factory.objects.visible_to(user).select_related("country", "industry")


def get_visible_factory(user, star_id, action):
    """The factory if `user` may see it (logging the read), else Http404 (no existence leak)."""
    factory = visible_factories(user).filter(star_id=star_id).first()
    if factory is None:
        raise Http404
    FactoryAccessLog.objects.create(user=user, factory=factory, action=action)
    return factory


def factory_report(factory):
    """Assessments (newest first) with findings and improvement plans, for one factory."""
    assessments = list(
        Assessment.objects.filter(factory=factory)
        .select_related("cat_version")
        .order_by("-start_date", "-pk")
    )
    findings = {}
    for finding in (
        Finding.objects.filter(assessment__in=assessments)
        .select_related("question__compliance_point__cluster")
        .order_by(
            "question__compliance_point__cluster__sort_order",
            "question__compliance_point__sort_order",
            "question__star_id",
        )
    ):
        findings.setdefault(finding.assessment_id, []).append(finding)
    plans = {}
    for item in ImprovementPlanItem.objects.filter(assessment__in=assessments).select_related(
        "compliance_point"
    ):
        plans.setdefault(item.assessment_id, []).append(item)
    for assessment in assessments:
        assessment.finding_list = findings.get(assessment.pk, [])
        assessment.noncompliant = [f for f in assessment.finding_list if f.value == 1]
        assessment.plan_list = plans.get(assessment.pk, [])
        done = sum(1 for item in assessment.plan_list if item.status == "completed")
        assessment.plan_progress = (done, len(assessment.plan_list))
    return assessments


def can_manage_access(user, factory):
    return (
        user.is_authenticated
        and FactoryMembership.objects.filter(user=user, factory=factory).exists()
    )


def grant(factory, buyer, by, expires_at=None):
    return FactoryAccessGrant.objects.create(
        factory=factory, buyer=buyer, granted_by=by, expires_at=expires_at
    )


def revoke(grant_obj, by):
    if grant_obj.revoked_at is None:
        grant_obj.revoked_at = timezone.now()
        grant_obj.revoked_by = by
        grant_obj.save(update_fields=["revoked_at", "revoked_by"])
