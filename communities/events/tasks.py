"""Background work of events (django-tasks): the e-mail to a person moved from the waiting list
to a seat, and the reminders sent the day before an event starts (``send_event_reminders``,
run by ``manage.py send_event_reminders`` from cron or a periodic worker)."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale

from ..models import EventPage, EventRegistration, RegistrationStatus
from ..notifications import absolute

REMINDER_AHEAD = timedelta(hours=24)


def _event_in(registration, language):
    """The live event page in ``language``, else any live version of it."""
    key = registration.roster.translation_key
    pages = EventPage.objects.live().filter(translation_key=key)
    locale = Locale.objects.filter(language_code=language).first()
    return (locale and pages.filter(locale=locale).first()) or pages.first()


def _send(registration, template, subject):
    user = registration.user
    if not user.email or not user.is_active:
        return False
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        event = _event_in(registration, registration.language)
        if event is None:
            return False
        with timezone.override(event.zone):
            parts = event.get_url_parts()
            url = absolute(parts[2] if parts else "/")
            context = {"event": event, "user": user, "url": url}
            body = render_to_string(f"communities/email/{template}.txt", context)
        send_mail(str(subject(event)), body, None, [user.email])
    return True


@task()
def send_promotion_email(registration_id):
    registration = (
        EventRegistration.objects.select_related("user", "roster")
        .filter(pk=registration_id, status=RegistrationStatus.CONFIRMED)
        .first()
    )
    if registration is None:
        return False
    return _send(
        registration,
        "event_promoted",
        lambda event: translation.gettext("A seat is yours: %(title)s") % {"title": event.title},
    )


@task()
def send_event_reminders():
    """E-mail everyone with a seat at an event starting within the next 24 hours, once: each
    registration is claimed (``reminder_sent_at``) by one conditional UPDATE before its e-mail
    goes, so a second run, or two runs at once, never send it twice."""
    now = timezone.now()
    keys = EventPage.objects.live().filter(start__gt=now, start__lte=now + REMINDER_AHEAD)
    due = (
        EventRegistration.objects.filter(
            roster__translation_key__in=keys.values("translation_key"),
            status=RegistrationStatus.CONFIRMED,
            reminder_sent_at__isnull=True,
        )
        .select_related("user", "roster")
        .order_by("pk")
    )
    sent = 0
    for registration in due:
        claimed = EventRegistration.objects.filter(
            pk=registration.pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if claimed and _send(
            registration,
            "event_reminder",
            lambda event: (
                translation.gettext("Reminder: %(title)s starts soon") % {"title": event.title}
            ),
        ):
            sent += 1
    return sent
