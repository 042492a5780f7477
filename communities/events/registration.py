"""Registering for an event, the waiting list and cancelling, with the seats counted under a
lock: every change takes the event's ``EventRoster`` row ``FOR UPDATE`` first, so two people
racing for the last seat are served one after the other (one gets it, the other waits).

A cancelled seat goes to the first person on the waiting list, who is e-mailed once the change
is committed (``events.tasks.send_promotion_email``)."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import EventRegistration, EventRoster, RegistrationStatus
from . import tasks as events_tasks

ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


class RegistrationRefused(Exception):
    """Why a registration cannot be made; ``str()`` is the message for the person."""


@dataclass
class Seats:
    capacity: int | None
    taken: int
    waiting: int

    @property
    def left(self):
        return None if self.capacity is None else max(self.capacity - self.taken, 0)


def roster_for(event, lock=False):
    """The event's roster row (made on first use), locked ``FOR UPDATE`` with ``lock``."""
    rosters = EventRoster.objects.select_for_update() if lock else EventRoster.objects
    roster = rosters.filter(translation_key=event.translation_key).first()
    if roster is not None:
        return roster
    try:
        with transaction.atomic():
            EventRoster.objects.create(translation_key=event.translation_key)
    except IntegrityError:  # made at the same moment by another request
        pass
    return rosters.get(translation_key=event.translation_key)


def seats(event):
    counts = dict.fromkeys(ACTIVE, 0)
    rows = (
        EventRegistration.objects.filter(
            roster__translation_key=event.translation_key, status__in=ACTIVE
        )
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    for status, n in rows:
        counts[status] = n
    return Seats(
        event.capacity, counts[RegistrationStatus.CONFIRMED], counts[RegistrationStatus.WAITING]
    )


def registration_of(user, event):
    if not user.is_authenticated:
        return None
    return (
        EventRegistration.objects.filter(
            roster__translation_key=event.translation_key, user=user, status__in=ACTIVE
        )
        .only("pk", "status")
        .first()
    )


def check_open(event):
    if event.has_started:
        raise RegistrationRefused(_("This event has already started: registration is closed."))
    if not event.registration_open:
        raise RegistrationRefused(_("Registration for this event is closed."))


@transaction.atomic
def register(user, event, language):
    """Register ``user``: a seat while there is one, else the waiting list. Returns the
    registration; registering again changes nothing."""
    check_open(event)
    roster = roster_for(event, lock=True)
    current = roster.registrations.filter(user=user).first()
    if current is not None and current.status in ACTIVE:
        return current
    taken = roster.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    full = event.capacity is not None and taken >= event.capacity
    status = RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED
    now = timezone.now()
    if current is None:
        current = EventRegistration(roster=roster, user=user)
    current.status, current.language, current.queued_at = status, language, now
    current.reminder_sent_at = None
    current.save()
    return current


@transaction.atomic
def cancel(user, event):
    """Cancel ``user``'s registration (a seat or a place on the waiting list). A freed seat
    goes to the first person waiting. Returns False if there was nothing to cancel."""
    roster = roster_for(event, lock=True)
    current = roster.registrations.filter(user=user, status__in=ACTIVE).first()
    if current is None:
        return False
    freed = current.status == RegistrationStatus.CONFIRMED
    current.status = RegistrationStatus.CANCELLED
    current.save(update_fields=["status"])
    if freed and not event.has_started:
        promote_waiting(roster, event)
    return True


def promote_waiting(roster, event):
    """Give free seats to the people waiting longest (the roster is locked by the caller)."""
    taken = roster.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    free = None if event.capacity is None else event.capacity - taken
    waiting = roster.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "queued_at", "pk"
    )
    if free is not None:
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting.values_list("pk", flat=True))
    if not promoted:
        return []
    EventRegistration.objects.filter(pk__in=promoted).update(status=RegistrationStatus.CONFIRMED)
    for pk in promoted:
        transaction.on_commit(lambda pk=pk: events_tasks.send_promotion_email.enqueue(pk))
    return promoted
