"""Moderation over the API (the flag queue, hiding posts, pinning and locking threads,
suspending members) and marking notifications read: moderators only, by
communities.permissions, each action logged as on the site."""

import pytest

from communities import services
from communities.models import (
    ApiToken,
    Flag,
    Membership,
    ModerationLog,
    Notification,
    Post,
    Status,
    Thread,
)

from .conftest import login

pytestmark = pytest.mark.django_db

API = "/api/v2/communities"


def _post(client, url, data=None, **extra):
    return client.post(url, data or {}, content_type="application/json", **extra)


@pytest.fixture
def flagged(people, make_community, make_thread):
    community = make_community("members")
    thread = make_thread(community)
    reply = services.create_reply(thread, people["author"], "Buy watches")
    flag = Flag.objects.create(post=reply, user=people["member"], reason="spam", detail="ad")
    return community, thread, reply, flag


def test_the_flag_queue_is_for_moderators(client, people, flagged, django_assert_max_num_queries):
    community, thread, reply, flag = flagged
    url = f"{API}/{community.slug}/flags/"
    assert client.get(url).status_code == 401
    login(client, people["member"])
    assert client.get(url).status_code == 403
    login(client, people["nonmember"])
    assert client.get(url).status_code == 403
    login(client, people["moderator"])
    with django_assert_max_num_queries(12):
        data = client.get(url).json()
    assert data["count"] == 1
    (item,) = data["results"]
    assert (item["id"], item["reason"], item["detail"]) == (flag.pk, "spam", "ad")
    assert item["flagged_by"]["username"] == people["member"].username
    assert item["post"]["id"] == reply.pk and item["thread_id"] == thread.pk
    login(client, people["editor"])  # editors moderate everywhere
    assert client.get(url).json()["count"] == 1


def test_resolving_a_flag(client, people, flagged):
    community, _thread, reply, flag = flagged
    url = f"{API}/flags/{flag.pk}/resolve/"
    login(client, people["member"])
    assert _post(client, url).status_code == 403
    login(client, people["moderator"])
    assert _post(client, url).status_code == 204
    flag.refresh_from_db()
    assert flag.resolved_by == people["moderator"]
    assert ModerationLog.objects.filter(action="resolve_flag", post=reply).exists()
    assert client.get(f"{API}/{community.slug}/flags/").json()["count"] == 0


def test_hiding_and_showing_a_post(client, people, flagged):
    _community, thread, reply, flag = flagged
    login(client, people["member"])
    assert _post(client, f"{API}/posts/{reply.pk}/hide/", {"reason": "x"}).status_code == 403
    assert not Post.objects.get(pk=reply.pk).hidden
    login(client, people["moderator"])
    response = _post(client, f"{API}/posts/{reply.pk}/hide/", {"reason": "Advertising"})
    assert response.status_code == 200 and response.json()["hidden"] is True
    reply.refresh_from_db()
    assert (reply.hidden, reply.hidden_reason) == (True, "Advertising")
    flag.refresh_from_db()
    assert flag.resolved_at is not None  # hiding resolves its flags
    login(client, people["nonmember"])
    login(client, people["member"])
    posts = client.get(f"{API}/threads/{thread.pk}/posts/").json()
    assert reply.pk not in [p["id"] for p in posts["results"]]
    login(client, people["moderator"])
    response = _post(client, f"{API}/posts/{reply.pk}/unhide/")
    assert response.status_code == 200 and response.json()["hidden"] is False
    assert list(
        ModerationLog.objects.filter(post=reply)
        .order_by("created_at")
        .values_list("action", flat=True)
    ) == ["hide", "unhide"]
    assert _post(client, f"{API}/posts/{reply.pk}/hide/", {"reason": "r" * 301}).status_code == 400


def test_hiding_the_opening_post_hides_the_thread(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    opening = thread.posts.get()
    login(client, people["moderator"])
    assert _post(client, f"{API}/posts/{opening.pk}/hide/").status_code == 200
    client.logout()
    assert client.get(f"{API}/threads/{thread.pk}/").status_code == 404
    login(client, people["member"])
    assert _post(client, f"{API}/threads/{thread.pk}/follow/").status_code == 404
    assert _post(client, f"{API}/posts/{opening.pk}/flag/", {"reason": "spam"}).status_code == 404


def test_pinning_and_locking(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    url = f"{API}/threads/{thread.pk}/moderation/"
    login(client, people["member"])
    assert _post(client, url, {"action": "lock"}).status_code == 403
    login(client, people["moderator"])
    assert _post(client, url, {"action": "lock"}).json()["locked"] is True
    assert _post(client, url, {"action": "pin"}).json()["pinned"] is True
    assert _post(client, url, {"action": "delete"}).status_code == 400
    thread.refresh_from_db()
    assert (thread.locked, thread.pinned) == (True, True)
    login(client, people["member"])
    reply = _post(client, f"{API}/threads/{thread.pk}/replies/", {"body": "Late"})
    assert reply.status_code == 403  # locked
    login(client, people["moderator"])
    assert _post(client, f"{API}/threads/{thread.pk}/replies/", {"body": "Note"}).status_code == 201
    _post(client, url, {"action": "unlock"})
    _post(client, url, {"action": "unpin"})
    assert not Thread.objects.filter(pk=thread.pk, locked=True).exists()
    actions = list(ModerationLog.objects.order_by("created_at").values_list("action", flat=True))
    assert actions == ["lock", "pin", "unlock", "unpin"]


def test_suspending_and_reinstating(client, people, make_community, make_thread):
    community = make_community("members")
    thread = make_thread(community)
    member = people["member"]
    url = f"{API}/{community.slug}/members/{member.pk}/"
    login(client, people["author"])
    assert _post(client, f"{url}suspend/").status_code == 403
    login(client, people["moderator"])
    response = _post(client, f"{url}suspend/")
    assert response.status_code == 200 and response.json()["status"] == "suspended"
    assert Membership.objects.get(user=member, community=community).status == Status.SUSPENDED
    login(client, member)
    assert client.get(f"{API}/threads/{thread.pk}/").status_code == 403
    login(client, people["moderator"])
    assert _post(client, f"{url}reinstate/").json()["status"] == "active"
    assert _post(client, f"{API}/{community.slug}/members/999999/suspend/").status_code == 404
    members = client.get(f"{API}/{community.slug}/members/").json()
    assert members["count"] == 4
    assert {m["user"]["username"] for m in members["results"]} >= {member.username}


def test_owners_and_oneself_are_not_suspended_by_moderators(client, people, make_community):
    community = make_community("public")
    login(client, people["moderator"])
    for user in (people["owner"], people["moderator"]):
        response = _post(client, f"{API}/{community.slug}/members/{user.pk}/suspend/")
        assert response.status_code == 403 and response.json()["code"] == "cannot_suspend"
    assert not Membership.objects.filter(status=Status.SUSPENDED).exists()
    login(client, people["editor"])  # staff may
    response = _post(client, f"{API}/{community.slug}/members/{people['owner'].pk}/suspend/")
    assert response.status_code == 200 and response.json()["status"] == "suspended"


def test_moderation_is_refused_to_read_tokens_and_hidden_from_outsiders(
    client, people, make_community, make_thread
):
    community = make_community("private")
    thread = make_thread(community)
    reply = services.create_reply(thread, people["author"], "r")
    login(client, people["nonmember"])
    for url in (
        f"{API}/{community.slug}/flags/",
        f"{API}/{community.slug}/join-requests/",
        f"{API}/{community.slug}/members/",
    ):
        assert client.get(url).status_code == 404
    assert _post(client, f"{API}/posts/{reply.pk}/hide/").status_code == 404
    assert (
        _post(client, f"{API}/threads/{thread.pk}/moderation/", {"action": "pin"}).status_code
        == 404
    )
    client.logout()
    _token, key = ApiToken.issue(people["moderator"], "r", ApiToken.READ)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get(f"{API}/{community.slug}/flags/", **auth).status_code == 200
    response = _post(client, f"{API}/posts/{reply.pk}/hide/", **auth)
    assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"
    assert not Post.objects.filter(hidden=True).exists()


# --- notifications ------------------------------------------------------------------------------


def test_marking_notifications_read(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    notes = Notification.objects.bulk_create(
        Notification(user=people["member"], kind="thread", community=community, thread=thread)
        for _ in range(3)
    )
    other = Notification.objects.create(
        user=people["author"], kind="thread", community=community, thread=thread
    )
    assert _post(client, f"{API}/notifications/read/").status_code == 401
    login(client, people["member"])
    assert _post(client, f"{API}/notifications/{other.pk}/read/").status_code == 404
    assert _post(client, f"{API}/notifications/{notes[0].pk}/read/").status_code == 204
    assert client.get(f"{API}/notifications/").json()["unread"] == 2
    assert _post(client, f"{API}/notifications/read/").json() == {"marked": 2, "unread": 0}
    assert client.get(f"{API}/notifications/").json()["unread"] == 0
    other.refresh_from_db()
    assert other.read_at is None  # someone else's stays unread
    _token, key = ApiToken.issue(people["author"], "r", ApiToken.READ)
    response = _post(client, f"{API}/notifications/read/", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.read_at is None


def test_a_notification_about_a_hidden_thread_cannot_be_marked(
    client, people, make_community, make_thread
):
    community = make_community("public")
    thread = make_thread(community)
    note = Notification.objects.create(
        user=people["member"], kind="thread", community=community, thread=thread
    )
    services.set_post_hidden(thread.posts.get(), people["moderator"], True, "spam")
    login(client, people["member"])
    assert _post(client, f"{API}/notifications/{note.pk}/read/").status_code == 404
    assert _post(client, f"{API}/notifications/read/").json()["marked"] == 0


# --- the log, post history, moving threads, invitations ------------------------------------------


def test_moderation_log_and_post_history(client, people, make_community, make_thread):
    community = make_community("members")
    thread = make_thread(community, body="First words")
    post = thread.posts.get()
    services.edit_post(post, people["author"], "Second words")
    services.change_thread(thread, people["moderator"], "pin")
    login(client, people["member"])
    assert client.get(f"{API}/{community.slug}/log/").status_code == 403
    assert client.get(f"{API}/posts/{post.pk}/history/").status_code == 403
    login(client, people["moderator"])
    log = client.get(f"{API}/{community.slug}/log/").json()
    assert [(e["action"], e["thread_id"]) for e in log["results"]] == [("pin", thread.pk)]
    assert log["results"][0]["actor"]["username"] == people["moderator"].username
    history = client.get(f"{API}/posts/{post.pk}/history/").json()
    assert [r["body"] for r in history["results"]] == ["First words"]
    assert history["results"][0]["edited_by"]["username"] == people["author"].username


def test_moving_a_thread(client, people, make_community, make_thread):
    source = make_community("public")
    target = make_community("members")
    private = make_community("private")  # the moderator moderates all three
    thread = make_thread(source)
    url = f"{API}/threads/{thread.pk}/move/"
    login(client, people["member"])
    assert _post(client, url, {"community": target.slug}).status_code == 403
    login(client, people["moderator"])
    for slug in ("nowhere", source.slug):
        response = _post(client, url, {"community": slug})
        assert response.status_code == 400 and response.json()["code"] == "invalid_target"
    Membership.objects.filter(community=private, user=people["moderator"]).delete()
    assert _post(client, url, {"community": private.slug}).json()["code"] == "invalid_target"
    Membership.objects.filter(community=target, user=people["moderator"]).update(role="member")
    assert _post(client, url, {"community": target.slug}).status_code == 403
    Membership.objects.filter(community=target, user=people["moderator"]).update(role="moderator")
    response = _post(client, url, {"community": target.slug})
    assert response.status_code == 200 and response.json()["community"] == target.slug
    assert Thread.objects.get(pk=thread.pk).community == target
    assert ModerationLog.objects.filter(action="move").count() == 2


def test_inviting(client, people, make_community, mailoutbox):
    community = make_community("private")
    url = f"{API}/{community.slug}/invitations/"
    login(client, people["nonmember"])
    assert _post(client, url, {"email": "guest@example.org"}).status_code == 404
    login(client, people["member"])
    assert _post(client, url, {"email": "guest@example.org"}).status_code == 403
    login(client, people["moderator"])
    response = _post(client, url, {"email": "not an address"})
    assert response.status_code == 400 and response.json()["code"] == "invalid_email"
    assert mailoutbox == []
    response = _post(client, url, {"email": "guest@example.org"})
    assert response.status_code == 201 and response.json()["email"] == "guest@example.org"
    assert [m.to for m in mailoutbox] == [["guest@example.org"]]
    assert "/invitations/" in mailoutbox[0].body
    assert ModerationLog.objects.filter(action="invite", detail="guest@example.org").exists()
