"""Factory-level data, read only through ``Factory.objects.visible_to(user)``.

Helpers here wrap that one path for views, API and exports, and log each read. Buyers' access
grants are managed here too, for the factory's access page and the API alike: who may list and
manage them, the validation of a new grant, granting and revoking (each recorded on the grant,
with who did it, and logged)."""

import logging

from django.http import Http404
from django.utils import timezone

from .forms import BuyerAccessForm
from .models import (
    Assessment,
    CountryStaff,
    Factory,
    FactoryAccessGrant,
    FactoryAccessLog,
    FactoryMembership,
    Finding,
    ImprovementPlanItem,
    is_global_staff,
)

logger = logging.getLogger(__name__)


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
    """The factory's own users grant and revoke buyers' access."""
    return (
        user.is_authenticated
        and FactoryMembership.objects.filter(user=user, factory=factory).exists()
    )


def can_view_grants(user, factory):
    """Who has access to a factory: its users, and programme staff (global, or the factory's
    country's) for their advisory work. Buyers and inspectors may not see the list."""
    return can_manage_access(user, factory) or (
        user.is_authenticated
        and (
            is_global_staff(user)
            or CountryStaff.objects.filter(user=user, country_id=factory.country_id).exists()
        )
    )


def factory_grants(factory):
    return FactoryAccessGrant.objects.filter(factory=factory).select_related(
        "buyer", "granted_by", "revoked_by"
    )


def grant_input(username, raw_date):
    """(buyer, expires_at, errors) for a new grant as a factory user types it (see
    ``BuyerAccessForm``). ``errors`` are (field, message) pairs, the fields being ``buyer`` and
    ``expires``."""
    form = BuyerAccessForm({"buyer": username or "", "expires": raw_date or ""})
    form.is_valid()
    return form.cleaned_data.get("buyer"), form.cleaned_data.get("expires"), form.problems()


def find_grant(factory, raw_id):
    """The factory's grant with that id (a string or an int), else None."""
    raw_id = str(raw_id or "")
    if not raw_id.isdigit() or len(raw_id) > 18:
        return None
    return factory_grants(factory).filter(pk=int(raw_id)).first()


def grant(factory, buyer, by, expires_at=None):
    created = FactoryAccessGrant.objects.create(
        factory=factory, buyer=buyer, granted_by=by, expires_at=expires_at
    )
    logger.info(
        "Factory %s: access granted to buyer %s by user %s (grant %s, until %s)",
        factory.star_id,
        buyer.pk,
        getattr(by, "pk", None),
        created.pk,
        expires_at.isoformat() if expires_at else "revoked by hand",
    )
    return created


def revoke(grant_obj, by):
    if grant_obj.revoked_at is None:
        grant_obj.revoked_at = timezone.now()
        grant_obj.revoked_by = by
        grant_obj.save(update_fields=["revoked_at", "revoked_by"])
        logger.info(
            "Factory %s: access of buyer %s revoked by user %s (grant %s)",
            grant_obj.factory.star_id,
            grant_obj.buyer_id,
            getattr(by, "pk", None),
            grant_obj.pk,
        )
