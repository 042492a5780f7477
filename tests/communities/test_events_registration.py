"""Seats, the waiting list, cancellation with promotion, reminders (once) and the staff list of
registrations, through the site's routes and the management command."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection

from communities.events import registration as events_registration
from communities.models import EventRegistration

from .conftest import login
from .events_helpers import url


def _register(client, user, event):
    login(client, user)
    return client.post(url(event, "register/"))


def _status(user):
    return EventRegistration.objects.get(user=user).status


@pytest.mark.django_db
def test_full_event_puts_people_on_the_waiting_list(client, make_event, make_user):
    event = make_event(capacity=2)
    first, second, third = make_user(), make_user(), make_user()
    for user in (first, second, third):
        assert _register(client, user, event).status_code == 303
    assert [_status(u) for u in (first, second, third)] == ["confirmed", "confirmed", "waiting"]
    page = client.get(url(event)).content.decode()
    assert "You are on the waiting list" in page
    assert "0 / 2" in page


@pytest.mark.django_db
def test_a_cancelled_seat_goes_to_the_first_waiting_and_they_are_emailed(
    client, make_event, make_user, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    holder, first_waiting, second_waiting = make_user(), make_user(), make_user()
    for user in (holder, first_waiting, second_waiting):
        _register(client, user, event)
    mail.outbox.clear()
    login(client, holder)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(event, "cancel/")).status_code == 303
    assert _status(holder) == "cancelled"
    assert _status(first_waiting) == "confirmed"
    assert _status(second_waiting) == "waiting"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [first_waiting.email]
    assert event.title in mail.outbox[0].subject
    assert event.get_url() in mail.outbox[0].body


@pytest.mark.django_db
def test_leaving_the_waiting_list_promotes_nobody(
    client, make_event, make_user, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    holder, waiting = make_user(), make_user()
    _register(client, holder, event)
    _register(client, waiting, event)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(event, "cancel/"))  # the waiting one, still logged in
    assert _status(holder) == "confirmed"
    assert _status(waiting) == "cancelled"
    assert not mail.outbox


@pytest.mark.django_db
def test_one_cannot_cancel_someone_elses_registration(client, make_event, make_user):
    event = make_event(capacity=3)
    owner, other = make_user(), make_user()
    _register(client, owner, event)
    login(client, other)
    response = client.post(url(event, "cancel/"))
    assert response.status_code == 409
    assert _status(owner) == "confirmed"


@pytest.mark.django_db
def test_registering_again_after_cancelling_joins_the_end_of_the_queue(
    client, make_event, make_user
):
    event = make_event(capacity=1)
    a, b = make_user(), make_user()
    _register(client, a, event)
    _register(client, b, event)  # waiting
    login(client, a)
    client.post(url(event, "cancel/"))  # b promoted
    _register(client, a, event)
    assert _status(a) == "waiting"
    assert _status(b) == "confirmed"


@pytest.mark.django_db
def test_registrations_in_two_languages_share_the_seats(client, make_event, make_user, translated):
    event = make_event(capacity=1)
    khmer = translated(event, "km")["km"]
    a, b = make_user(), make_user()
    _register(client, a, event)
    login(client, b)
    client.post(khmer.get_url() + "register/")
    assert _status(b) == "waiting"
    assert EventRegistration.objects.get(user=b).language == "km"


@pytest.mark.django_db
def test_registration_counts_seats_under_the_roster_lock(make_event, make_user):
    """The seat count is read after the event's roster row is locked FOR UPDATE, so a second
    registration racing for the last seat waits for the first and then sees it taken."""
    from django.test.utils import CaptureQueriesContext

    event = make_event(capacity=1)
    with CaptureQueriesContext(connection) as queries:
        events_registration.register(make_user(), event, "en")
    sql = [q["sql"] for q in queries.captured_queries]
    lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q and "eventroster" in q)
    count = next(i for i, q in enumerate(sql) if "COUNT(" in q and "eventregistration" in q)
    assert lock < count
    late = events_registration.register(make_user(), event, "en")
    assert late.status == "waiting"


def test_two_people_racing_for_the_last_seat(django_db_blocker):
    """Two registrations at once, in two threads with their own connections: the roster lock
    serves them in turn, so exactly one gets the seat and the other waits. The threads must see
    the event, so this test commits its data (outside the usual rolled-back transaction, hence
    no ``db`` fixture) and removes it afterwards."""
    import threading

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from communities.models import EventIndexPage, EventPage, EventRoster

    from .events_helpers import home

    with django_db_blocker.unblock():
        assert not connection.in_atomic_block
        index = EventIndexPage(title="Race", slug="race-events")
        home().add_child(instance=index)
        start = timezone.now() + timedelta(days=3)
        event = EventPage(
            title="Last seat",
            slug="last-seat",
            summary="One seat.",
            kind="workshop",
            place="Dhaka",
            start=start,
            end=start + timedelta(hours=2),
            capacity=1,
        )
        index.add_child(instance=event)
        users = [get_user_model().objects.create_user(f"racer{i}") for i in range(2)]
        barrier = threading.Barrier(2)
        errors = []

        def register(user):
            try:
                barrier.wait(timeout=10)
                events_registration.register(user, EventPage.objects.get(pk=event.pk), "en")
            except Exception as exc:  # reported below
                errors.append(exc)
            finally:
                connection.close()

        try:
            threads = [threading.Thread(target=register, args=(user,)) for user in users]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            assert not errors
            statuses = sorted(
                EventRegistration.objects.filter(user__in=users).values_list("status", flat=True)
            )
            assert statuses == ["confirmed", "waiting"]
        finally:
            EventRoster.objects.filter(translation_key=event.translation_key).delete()
            for user in users:
                user.delete()
            EventIndexPage.objects.get(pk=index.pk).delete()


@pytest.mark.django_db
def test_reminders_are_sent_once_to_confirmed_people_of_events_within_a_day(
    client, make_event, make_user
):
    soon = make_event("Webinar on wages", starts_in=timedelta(hours=20), capacity=1)
    later = make_event("Workshop next week", starts_in=timedelta(days=6))
    confirmed, waiting, other = make_user(), make_user(), make_user()
    _register(client, confirmed, soon)
    _register(client, waiting, soon)
    _register(client, other, later)
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    assert "Sent 1 event reminder(s)." in out.getvalue()
    assert [m.to for m in mail.outbox] == [[confirmed.email]]
    assert "Webinar on wages" in mail.outbox[0].subject
    call_command("send_event_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # not twice


@pytest.mark.django_db
def test_reminder_comes_in_the_language_of_registration(client, make_event, make_user, translated):
    event = make_event(starts_in=timedelta(hours=5))
    khmer = translated(event, "km")["km"]
    user = make_user()
    login(client, user)
    client.post(khmer.get_url() + "register/")
    mail.outbox.clear()
    call_command("send_event_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert khmer.get_url() in mail.outbox[0].body
    assert "Reminder" not in mail.outbox[0].subject  # translated


# --- the staff list ---------------------------------------------------------------------------


def _staff(make_user):
    user = make_user("coordinator")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.django_db
def test_editors_see_the_registration_list_and_csv(client, make_event, make_user):
    event = make_event(capacity=5)
    person = make_user("hacker", first_name='=HYPERLINK("http://x")', last_name="")
    _register(client, person, event)
    login(client, _staff(make_user))
    page = client.get(url(event, "registrations/"))
    assert page.status_code == 200
    assert "hacker@example.org" in page.content.decode()
    response = client.get(url(event, "registrations/csv/"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["name", "username", "email", "status"]
    assert rows[1][0].startswith("'=HYPERLINK")
    assert rows[1][3] == "confirmed"


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["registrations/", "registrations/csv/"])
def test_others_may_not_see_registrations(client, make_event, make_user, route):
    event = make_event()
    assert client.get(url(event, route)).status_code == 302  # anonymous: log in
    login(client, make_user())
    assert client.get(url(event, route)).status_code == 403


@pytest.mark.django_db
def test_the_permission_alone_opens_the_list(client, make_event, make_user):
    event = make_event()
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="view_eventregistration"))
    login(client, user)
    assert client.get(url(event, "registrations/")).status_code == 200


@pytest.mark.django_db
def test_more_seats_published_go_to_the_people_waiting(
    client, make_event, make_user, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    holder, first, second, third = make_user(), make_user(), make_user(), make_user()
    for user in (holder, first, second, third):
        _register(client, user, event)
    mail.outbox.clear()
    event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert [_status(u) for u in (first, second, third)] == ["confirmed", "confirmed", "waiting"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
