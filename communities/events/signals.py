"""An editor who adds seats to a full event (or removes its limit) gives them at once to the
people waiting longest, as a cancellation would: on publish, under the roster lock."""

from django.db import transaction
from wagtail.signals import page_published

from ..models import EventPage, EventRegistration, RegistrationStatus
from . import registration as events_registration


def _promote_on_publish(sender, instance, **kwargs):
    event = instance.specific
    if event.has_started:
        return
    waiting = EventRegistration.objects.filter(
        roster__translation_key=event.translation_key, status=RegistrationStatus.WAITING
    )
    if not waiting.exists():
        return
    with transaction.atomic():
        roster = events_registration.roster_for(event, lock=True)
        events_registration.promote_waiting(roster, event)


def connect():
    page_published.connect(_promote_on_publish, sender=EventPage, dispatch_uid="events_promote")
