"""Plan e-mails: reminders to factory users before an action falls due and once when it is
overdue, and a digest of completed actions to buyers with an active grant.

Reminders: each (action, kind, due date) once (``ReminderSent``); a new due date is a new
reminder. Recipients are the factory's members whose ``PlanNotificationPreference.reminders``
is on (no row: on) and whose community profile does not say "never e-mail me". Mail goes out in
the first language of the user's profile, else the site's default."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ims_bridge.models import FactoryAccessGrant, FactoryMembership, PlanStatus

from .models import PlanAction, PlanActionEvent, PlanNotificationPreference, ReminderSent

DEFAULT_REMINDER_DAYS = 7


def _language(user):
    profile = getattr(user, "community_profile", None)
    codes = [code for code in (profile.language_list if profile else []) if code]
    known = {code for code, _name in settings.LANGUAGES}
    return next((code for code in codes if code in known), settings.LANGUAGE_CODE)


def _no_email(user):
    profile = getattr(user, "community_profile", None)
    return not user.email or (profile is not None and profile.email_mode == "off")


def _wants(user, field):
    preference = PlanNotificationPreference.objects.filter(user=user).first()
    return getattr(preference, field) if preference else True


def _send(user, template, context):
    with translation.override(_language(user)):
        subject = render_to_string(f"enterprise/plans/email/{template}_subject.txt", context)
        body = render_to_string(f"enterprise/plans/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def _url(name, *args):
    return settings.SITE_BASE_URL.rstrip("/") + reverse(f"enterprise:{name}", args=args)


def send_plan_reminders(today=None):
    """Send due reminders; returns the number of e-mails sent."""
    today = today or timezone.localdate()
    days = getattr(settings, "PLAN_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    open_actions = (
        PlanAction.objects.exclude(status=PlanStatus.COMPLETED)
        .filter(due_date__isnull=False, due_date__lte=today + timedelta(days=days))
        .select_related("factory")
    )
    sent = 0
    for action in open_actions:
        kind = ReminderSent.Kind.OVERDUE if action.due_date < today else ReminderSent.Kind.DUE_SOON
        try:
            with transaction.atomic():
                ReminderSent.objects.create(action=action, kind=kind, due_date=action.due_date)
        except IntegrityError:
            continue  # already sent for this due date
        members = FactoryMembership.objects.filter(factory=action.factory).select_related(
            "user__community_profile"
        )
        for membership in members:
            user = membership.user
            if not user.is_active or _no_email(user) or not _wants(user, "reminders"):
                continue
            context = {
                "user": user,
                "action": action,
                "overdue": kind == ReminderSent.Kind.OVERDUE,
                "url": _url("plan_action", action.factory.star_id, action.pk),
                "settings_url": _url("plan_notifications", action.factory.star_id),
            }
            _send(user, "reminder", context)
            sent += 1
    return sent


def send_plan_digests():
    """One e-mail per buyer with an active grant listing the actions completed since their
    last digest (tracked by event id on PlanNotificationPreference.digest_after); nothing when
    nothing is new. Returns the number of e-mails sent."""
    grants = FactoryAccessGrant.objects.active().select_related("buyer", "factory")
    by_buyer = {}
    for grant in grants:
        by_buyer.setdefault(grant.buyer, []).append(grant)
    sent = 0
    for buyer, buyer_grants in by_buyer.items():
        if not buyer.is_active or _no_email(buyer) or not _wants(buyer, "buyer_digest"):
            continue
        preference, _created = PlanNotificationPreference.objects.get_or_create(user=buyer)
        events = PlanActionEvent.objects.filter(
            field="status", new_value=PlanStatus.COMPLETED, pk__gt=preference.digest_after
        )
        lines = []
        for grant in buyer_grants:
            found = events.filter(action__factory=grant.factory, at__gte=grant.created_at)
            for event in found.select_related("action"):
                lines.append((grant.factory, event))
        newest = events.order_by("-pk").values_list("pk", flat=True).first()
        if not lines:
            continue
        _send(
            buyer,
            "digest",
            {
                "user": buyer,
                "lines": lines,
                "urls": {f.star_id: _url("plan", f.star_id) for f, _e in lines},
            },
        )
        preference.digest_after = newest
        preference.save(update_fields=["digest_after"])
        sent += 1
    return sent
