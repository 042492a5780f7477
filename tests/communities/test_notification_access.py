"""Notifications are re-checked against the rules when listed (inbox, unread count, API) and
when sent (immediate e-mail, daily digest): a thread moved into a private community never shows,
by title or URL, to someone who can no longer read it."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from communities import services
from communities.models import EmailMode, Notification, Profile
from communities.tasks import send_immediate_notifications

from .conftest import login

pytestmark = pytest.mark.django_db

TITLE = "Wage arrears in the north"


def _mode(user, mode):
    Profile.objects.update_or_create(user=user, defaults={"email_mode": mode})


@pytest.fixture
def moved(client, people, make_community, make_thread, django_capture_on_commit_callbacks):
    """A thread the member was notified about, then moved by an editor into a private community
    the member does not belong to. Returns (thread, its new URL)."""
    public = make_community("public")
    private = make_community("private", slug="inner-circle")
    private.memberships.filter(user=people["member"]).delete()
    _mode(people["member"], EmailMode.DAILY)
    services.follow(people["member"], community=public)
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(public, title=TITLE)
    assert Notification.objects.filter(user=people["member"], thread=thread).exists()
    login(client, people["member"])
    assert TITLE in client.get("/en/communities/notifications/").content.decode()
    login(client, people["editor"])
    response = client.post(
        f"/en/communities/{public.slug}/t/{thread.pk}/move/", {"community": private.pk}
    )
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.community == private
    client.logout()
    return thread, thread.get_absolute_url()


def _leaks(text, thread_url):
    return TITLE in text or thread_url in text or "/t/" in text


def test_inbox_and_unread_count(client, people, moved):
    _thread, url = moved
    login(client, people["member"])
    inbox = client.get("/en/communities/notifications/").content.decode()
    assert not _leaks(inbox, url)
    landing = client.get("/en/communities/").content.decode()
    assert 'class="badge-count"' not in landing  # nothing the member may read is unread


def test_unread_count_shows_what_may_be_read(
    client, people, make_community, make_thread, django_capture_on_commit_callbacks
):
    public = make_community("public")
    services.follow(people["member"], community=public)
    with django_capture_on_commit_callbacks(execute=True):
        make_thread(public, title="One")
        make_thread(public, title="Two")
    login(client, people["member"])
    landing = client.get("/en/communities/").content.decode()
    assert '<span class="badge-count">2</span>' in landing
    assert client.get("/api/v2/communities/notifications/").json()["unread"] == 2


def test_api(client, people, moved):
    _thread, url = moved
    login(client, people["member"])
    response = client.get("/api/v2/communities/notifications/")
    assert response.status_code == 200
    data = response.json()
    assert data["unread"] == 0 and data["results"] == [] and data["count"] == 0
    assert not _leaks(response.content.decode(), url)
    client.logout()
    assert client.get("/api/v2/communities/notifications/").status_code == 401


def test_daily_digest(people, moved):
    _thread, url = moved
    mail.outbox.clear()
    call_command("send_digests", stdout=io.StringIO())
    for message in mail.outbox:
        assert not _leaks(message.body, url)
        assert not _leaks(message.alternatives[0][0], url)
        assert not _leaks(message.subject, url)


def test_immediate_email_sent_after_the_move(people, moved):
    thread, url = moved
    _mode(people["member"], EmailMode.IMMEDIATE)
    pending = Notification.objects.filter(user=people["member"], thread=thread)
    pending.update(emailed_at=None)
    mail.outbox.clear()
    send_immediate_notifications.enqueue(
        notification_ids=list(pending.values_list("pk", flat=True))
    )
    assert not any(_leaks(m.body, url) or _leaks(m.subject, url) for m in mail.outbox)


def test_members_of_the_new_community_still_see_it(client, people, moved):
    """The owner of the private community follows it; the rule is readability, not deletion."""
    thread, url = moved
    Notification.objects.filter(thread=thread).update(user=people["owner"])
    login(client, people["owner"])
    assert TITLE in client.get("/en/communities/notifications/").content.decode()
