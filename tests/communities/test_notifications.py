"""Following, in-app notifications and e-mails (immediate and digest) reach the right people
only, and every e-mail carries a working unsubscribe link."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from communities import services
from communities.models import EmailMode, Notification, Profile, Subscription

from .conftest import login

pytestmark = pytest.mark.django_db


def _mode(user, mode):
    Profile.objects.update_or_create(user=user, defaults={"email_mode": mode})


def test_replies_notify_thread_followers_only(
    people, make_community, make_thread, django_capture_on_commit_callbacks
):
    community = make_community("public")
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(community)  # the author follows their own thread
    services.follow(people["member"], thread=thread)
    services.follow(people["nonmember"], thread=thread)  # public: outsiders may follow
    _mode(people["nonmember"], EmailMode.OFF)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.create_reply(thread, people["owner"], "Here is a tip")
    notified = set(Notification.objects.values_list("user__username", flat=True))
    assert notified == {"arthur", "mia", "nora"}
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["arthur@example.org", "mia@example.org"]  # nora chose "never"
    for message in mail.outbox:
        assert "/en/communities/unsubscribe/" in message.body
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
        assert "Here is a tip" in message.alternatives[0][0]


def test_new_threads_notify_community_followers_who_can_read(
    people, make_community, make_thread, django_capture_on_commit_callbacks
):
    community = make_community("members")
    services.follow(people["member"], community=community)
    services.follow(people["nonmember"], community=community)  # lost access since following
    with django_capture_on_commit_callbacks(execute=True):
        make_thread(community, body="Secret plans")
    assert set(Notification.objects.values_list("user__username", flat=True)) == {"mia"}
    assert [m.to for m in mail.outbox] == [["mia@example.org"]]


def test_daily_digest(people, make_community, make_thread, django_capture_on_commit_callbacks):
    community = make_community("public")
    _mode(people["member"], EmailMode.DAILY)
    _mode(people["moderator"], EmailMode.DAILY)
    services.follow(people["member"], community=community)
    with django_capture_on_commit_callbacks(execute=True):
        make_thread(community, title="First")
        make_thread(community, title="Second")
    assert mail.outbox == []  # digest readers get nothing immediately
    call_command("send_digests", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["mia@example.org"]
    assert "First" in digest.body and "Second" in digest.body
    assert "/unsubscribe/" in digest.body
    mail.outbox.clear()
    call_command("send_digests", stdout=io.StringIO())
    assert mail.outbox == []  # nothing twice


def test_unsubscribe_link(
    client, people, make_community, make_thread, django_capture_on_commit_callbacks
):
    community = make_community("public")
    services.follow(people["member"], community=community)
    with django_capture_on_commit_callbacks(execute=True):
        make_thread(community)
    url = re.search(r"http://\S+(/en/communities/unsubscribe/\S+/)", mail.outbox[0].body)
    path = url.group(1)
    assert client.get(path).status_code == 200  # confirmation page, no change yet
    assert client.post(path).status_code == 200
    assert Profile.objects.get(user=people["member"]).email_mode == EmailMode.OFF
    assert not Subscription.objects.filter(user=people["member"]).exists()
    assert client.get("/en/communities/unsubscribe/tampered/").status_code == 400


def test_in_app_notifications_page(
    client, people, make_community, make_thread, django_capture_on_commit_callbacks
):
    community = make_community("public")
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(community, title="Role plays")
        services.create_reply(thread, people["member"], "hello @arthur")
    login(client, people["author"])
    page = client.get("/en/communities/notifications/").content.decode()
    assert "Role plays" in page and "Mentioned you" in page
    client.post("/en/communities/notifications/")
    assert not Notification.objects.filter(user=people["author"], read_at__isnull=True).exists()
    login(client, people["member"])
    assert "Role plays" not in client.get("/en/communities/notifications/").content.decode()


def test_follow_and_unfollow_through_http(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    login(client, people["nonmember"])
    client.post(f"/en/communities/{community.slug}/follow/")
    client.post(f"/en/communities/{community.slug}/t/{thread.pk}/follow/")
    assert Subscription.objects.filter(user=people["nonmember"]).count() == 2
    client.post(f"/en/communities/{community.slug}/t/{thread.pk}/follow/", {"follow": "0"})
    assert Subscription.objects.filter(user=people["nonmember"]).count() == 1
    private = make_community("private")
    assert client.post(f"/en/communities/{private.slug}/follow/").status_code == 404
