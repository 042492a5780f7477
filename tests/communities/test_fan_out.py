"""A new post's notifications fan out in a background task (issue 17): the request that posts
only enqueues it, whatever the number of followers; the task notifies exactly who the rules
allow, in bulk, and running it twice changes nothing."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend

from communities import permissions, services
from communities.models import (
    EmailMode,
    Membership,
    Notification,
    Profile,
    Role,
    Status,
    Thread,
)
from communities.tasks import fan_out_post

from .conftest import login

pytestmark = pytest.mark.django_db

API = "/api/v2/communities"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _mode(user, mode):
    Profile.objects.update_or_create(user=user, defaults={"email_mode": mode})


def _followers(make_user, n, community=None, thread=None, prefix="f"):
    users = [make_user(f"{prefix}{i}") for i in range(n)]
    for user in users:
        if community is not None:
            Membership.objects.create(community=community, user=user)
            services.follow(user, community=community)
        if thread is not None:
            services.follow(user, thread=thread)
    return users


def _enqueued():
    return [r for r in default_task_backend.results if r.task.name == fan_out_post.name]


def _run(results, settings):
    settings.TASKS = IMMEDIATE
    for result in results:
        result.task.call(*result.args, **result.kwargs)


def _notified(post):
    return set(Notification.objects.filter(post=post).values_list("user__username", "kind"))


@pytest.fixture
def queued(settings):
    """Tasks are recorded, not run (as a worker would pick them up later)."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return settings


def _reply_queries(client, thread, captured_callbacks, via):
    with captured_callbacks(execute=True), CaptureQueriesContext(connection) as ctx:
        if via == "api":
            response = client.post(
                f"{API}/threads/{thread.pk}/replies/",
                {"body": "Same question here"},
                content_type="application/json",
            )
        else:
            response = client.post(
                f"/en/communities/{thread.community.slug}/t/{thread.pk}/reply/",
                {"body": "Same question here"},
            )
    assert response.status_code in (201, 302), response.content
    return len(ctx.captured_queries)


@pytest.mark.parametrize("via", ["api", "site"])
def test_a_reply_enqueues_the_fan_out_whatever_the_number_of_followers(
    client,
    people,
    make_community,
    make_thread,
    make_user,
    queued,
    via,
    django_capture_on_commit_callbacks,
):
    counts = []
    for n, slug in ((5, "few"), (50, "many")):
        community = make_community("public", slug=slug)
        thread = make_thread(community)
        _followers(make_user, n, thread=thread, prefix=f"{slug}-")
        default_task_backend.clear()
        login(client, people["member"])
        counts.append(_reply_queries(client, thread, django_capture_on_commit_callbacks, via))
        reply = thread.posts.latest("pk")
        assert [(r.kwargs["post_id"]) for r in _enqueued()] == [reply.pk]
        assert not Notification.objects.filter(post=reply).exists()  # nothing inline
        _run(_enqueued(), queued)
        assert Notification.objects.filter(post=reply).count() == n + 1  # and the author
        queued.TASKS = DUMMY
    assert counts[0] == counts[1]


@pytest.mark.parametrize("via", ["api", "site"])
def test_a_new_thread_enqueues_the_fan_out(
    client, people, make_community, make_user, queued, via, django_capture_on_commit_callbacks
):
    counts = []
    for n, slug in ((5, "few"), (50, "many")):
        community = make_community("public", slug=slug)
        _followers(make_user, n, community=community, prefix=f"{slug}-")
        default_task_backend.clear()
        login(client, people["member"])
        with (
            django_capture_on_commit_callbacks(execute=True),
            CaptureQueriesContext(connection) as ctx,
        ):
            if via == "api":
                response = client.post(
                    f"{API}/{slug}/threads/",
                    {"title": "Night shifts", "body": "Who has tried this?"},
                    content_type="application/json",
                )
            else:
                response = client.post(
                    f"/en/communities/{slug}/new/",
                    {"title": "Night shifts", "body": "Who has tried this?"},
                )
        assert response.status_code in (201, 302), response.content
        counts.append(len(ctx.captured_queries))
        thread = Thread.objects.get(community=community)
        opening = thread.posts.get()
        assert [r.kwargs["post_id"] for r in _enqueued()] == [opening.pk]
        assert not Notification.objects.filter(post=opening).exists()
        _run(_enqueued(), queued)
        assert Notification.objects.filter(post=opening, kind="thread").count() == n
        queued.TASKS = DUMMY
    assert counts[0] == counts[1]


def test_the_task_notifies_exactly_who_may_read_once(
    people, make_community, make_thread, make_user, queued, django_capture_on_commit_callbacks
):
    community = make_community("members")
    thread = make_thread(community)  # arthur follows his thread
    suspended, inactive, pending = make_user("sus"), make_user("ina"), make_user("pen")
    Membership.objects.create(community=community, user=suspended, status=Status.SUSPENDED)
    Membership.objects.create(community=community, user=pending, status=Status.PENDING)
    Membership.objects.create(community=community, user=inactive)
    inactive.is_active = False
    inactive.save()
    everyone = [
        people["member"],
        people["moderator"],
        people["nonmember"],  # followed while the community let them; reads nothing now
        people["editor"],
        people["owner"],
        suspended,
        inactive,
        pending,
    ]
    for user in everyone:
        services.follow(user, thread=thread)
    _mode(people["member"], EmailMode.DAILY)
    _mode(people["moderator"], EmailMode.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.create_reply(thread, people["owner"], "Ask @mia and @nora")
    assert not Notification.objects.exists()
    enqueued = _enqueued()
    _run(enqueued, queued)
    expected = {
        ("arthur", "reply"),
        ("mia", "mention"),
        ("mod", "reply"),
        ("eddie", "reply"),
    }
    assert _notified(reply) == expected
    # The same people the per-reader rule names (what the fan-out used to ask one by one).
    readers = {
        u.username
        for u in [*everyone, people["author"]]
        if u.is_active
        and u.pk != reply.author_id
        and permissions.can_read_thread(u, thread)
        and not permissions.is_suspended(u, community)
    }
    assert {name for name, _kind in expected} == readers
    assert sorted(m.to[0] for m in mail.outbox) == ["arthur@example.org", "eddie@example.org"]
    # A second run (a retried task) adds no notification and sends no e-mail.
    mail.outbox.clear()
    _run(enqueued, queued)
    assert Notification.objects.filter(post=reply).count() == len(expected)
    assert mail.outbox == []


def test_a_post_hidden_before_the_task_runs_notifies_nobody(
    people, make_community, make_thread, queued, django_capture_on_commit_callbacks
):
    community = make_community("public")
    thread = make_thread(community)
    services.follow(people["member"], thread=thread)
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.create_reply(thread, people["owner"], "Spam")
    services.set_post_hidden(reply, people["moderator"], True, "spam")
    _run(_enqueued(), queued)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_reply_in_a_hidden_thread_reaches_its_moderators_only(
    people, make_community, make_thread, queued, django_capture_on_commit_callbacks
):
    community = make_community("public")
    thread = make_thread(community)
    for key in ("member", "moderator", "editor", "nonmember"):
        services.follow(people[key], thread=thread)
    services.set_post_hidden(thread.posts.get(), people["moderator"], True, "off topic")
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.create_reply(thread, people["owner"], "Still here")
    _run(_enqueued(), queued)
    assert _notified(reply) == {("mod", "reply"), ("eddie", "reply")}


def test_an_edit_that_mentions_someone_new_fans_out_mentions_only(
    people, make_community, make_thread, queued, django_capture_on_commit_callbacks
):
    community = make_community("public")
    thread = make_thread(community)
    services.follow(people["member"], thread=thread)
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.create_reply(thread, people["owner"], "Hello")
    _run(_enqueued(), queued)
    assert _notified(reply) == {("arthur", "reply"), ("mia", "reply")}
    queued.TASKS = DUMMY
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(reply, people["owner"], "Hello @nora and @mia")
    assert [r.kwargs for r in _enqueued()] == [{"post_id": reply.pk, "only_mentions": True}]
    _run(_enqueued(), queued)
    assert _notified(reply) == {("arthur", "reply"), ("mia", "reply"), ("nora", "mention")}


def test_many_followers_are_notified_in_batches(
    people,
    make_community,
    make_thread,
    make_user,
    queued,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    from communities import notifications

    monkeypatch.setattr(notifications, "FAN_OUT_BATCH", 7)
    community = make_community("public")
    thread = make_thread(community)
    followers = _followers(make_user, 30, thread=thread)
    for user in followers[::3]:
        _mode(user, EmailMode.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.create_reply(thread, people["owner"], "Thanks all")
    _run(_enqueued(), queued)
    assert Notification.objects.filter(post=reply, kind="reply").count() == 31
    assert len(mail.outbox) == 31 - 10  # the daily-digest readers wait for the digest


@pytest.mark.parametrize("visibility", ["public", "members", "private"])
@pytest.mark.parametrize("hidden", ["thread", "post", None])
def test_thread_readers_is_can_read_thread_for_many(
    people, make_community, make_thread, make_user, visibility, hidden
):
    community = make_community(visibility)
    thread = make_thread(community)
    reply = services.create_reply(thread, people["member"], "A reply")
    users = [u for u in people.values() if u is not None]
    for status in (Status.SUSPENDED, Status.PENDING):
        user = make_user(f"u-{status}")
        Membership.objects.create(community=community, user=user, status=status)
        users.append(user)
    demoted = make_user("demoted")
    Membership.objects.create(
        community=community, user=demoted, role=Role.MODERATOR, status=Status.SUSPENDED
    )
    users.append(demoted)
    if hidden == "thread":
        services.set_post_hidden(thread.posts.get(is_opening=True), people["owner"], True)
    elif hidden == "post":
        services.set_post_hidden(reply, people["owner"], True)
    thread = Thread.objects.select_related("community").get(pk=thread.pk)
    reply.refresh_from_db()
    ids = {u.pk for u in users}
    one_by_one = {u.pk for u in users if permissions.can_read_thread(u, thread)}
    assert permissions.thread_readers(thread, ids) == one_by_one
    not_suspended = {u.pk for u in users if not permissions.is_suspended(u, community)}
    assert permissions.thread_readers(thread, ids, not_suspended=True) == (
        one_by_one & not_suspended
    )
    notes = Notification.objects.bulk_create(
        Notification(user=u, kind="reply", community=community, thread=thread, post=reply)
        for u in users
    )
    told = {
        n.user_id
        for n in notes
        if permissions.readable_notifications(n.user).filter(pk=n.pk).exists()
    }
    assert permissions.thread_readers(thread, ids, post=reply) == told
    assert permissions.thread_readers(thread, set()) == set()
