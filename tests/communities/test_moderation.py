"""Pin, lock, move, hide, flag, queue, suspend — each logged — and the posting rate limit."""

import pytest

from communities.models import Flag, Membership, ModerationLog, Status

from .conftest import login

pytestmark = pytest.mark.django_db


def test_moderation_actions_are_logged(client, people, make_community, make_thread):
    community = make_community("public")
    other = make_community("members", slug="elsewhere")
    thread = make_thread(community)
    post = thread.posts.get()
    login(client, people["editor"])  # editors moderate everywhere, so the move is allowed
    base = f"/en/communities/{community.slug}/t/{thread.pk}"
    for action in ("pin", "lock", "unlock", "unpin"):
        assert client.post(f"{base}/{action}/").status_code == 302
    client.post(f"/en/communities/posts/{post.pk}/hide/", {"reason": "spam link"})
    post.refresh_from_db()
    assert post.hidden and post.hidden_reason == "spam link"
    client.post(f"/en/communities/posts/{post.pk}/unhide/")
    client.post(f"{base}/move/", {"community": other.pk})
    thread.refresh_from_db()
    assert thread.community == other
    actions = list(
        ModerationLog.objects.filter(community=community)
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )
    assert actions == ["pin", "lock", "unlock", "unpin", "hide", "unhide", "move"]
    assert ModerationLog.objects.filter(community=other, action="move").exists()
    assert all(log.actor == people["editor"] for log in ModerationLog.objects.all())


def test_locked_thread_refuses_replies_except_moderators(
    client, people, make_community, make_thread
):
    community = make_community("public")
    thread = make_thread(community)
    thread.locked = True
    thread.save()
    login(client, people["member"])
    url = f"/en/communities/{community.slug}/t/{thread.pk}/reply/"
    assert client.post(url, {"body": "late"}).status_code == 403
    login(client, people["moderator"])
    assert client.post(url, {"body": "closing note"}).status_code == 302


def test_flag_queue_and_resolution(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    post = thread.posts.get()
    login(client, people["member"])
    assert (
        client.post(f"/en/communities/posts/{post.pk}/flag/", {"reason": "bogus"}).status_code
        == 400
    )
    client.post(f"/en/communities/posts/{post.pk}/flag/", {"reason": "spam", "detail": "ad"})
    flag = Flag.objects.get()
    assert flag.reason == "spam" and flag.user == people["member"]
    assert client.get(f"/en/communities/{community.slug}/moderation/").status_code == 403
    login(client, people["moderator"])
    queue = client.get(f"/en/communities/{community.slug}/moderation/").content.decode()
    assert "Spam" in queue and thread.title in queue
    client.post(f"/en/communities/flags/{flag.pk}/resolve/")
    flag.refresh_from_db()
    assert flag.resolved_by == people["moderator"]
    assert ModerationLog.objects.filter(action="resolve_flag").exists()


def test_hidden_post_invisible_to_readers(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community, body="Buy cheap watches")
    post = thread.posts.get()
    post.hidden = True
    post.save()
    assert "cheap watches" not in client.get(thread.get_absolute_url()).content.decode()
    assert "cheap watches" not in str(
        client.get(f"/api/v2/communities/threads/{thread.pk}/").json()
    )
    login(client, people["moderator"])
    assert "cheap watches" in client.get(thread.get_absolute_url()).content.decode()


def test_suspend_member(client, people, make_community, make_thread):
    community = make_community("public")
    login(client, people["moderator"])
    url = f"/en/communities/{community.slug}/members/{people['member'].pk}/suspend/"
    assert client.post(url).status_code == 302
    assert (
        Membership.objects.get(user=people["member"], community=community).status
        == Status.SUSPENDED
    )
    assert ModerationLog.objects.filter(action="suspend", target_user=people["member"]).exists()
    # a moderator cannot suspend the owner
    owner_url = f"/en/communities/{community.slug}/members/{people['owner'].pk}/suspend/"
    assert client.post(owner_url).status_code == 403
    # the suspended member can no longer post or re-join
    login(client, people["member"])
    response = client.post(f"/en/communities/{community.slug}/new/", {"title": "t", "body": "b"})
    assert response.status_code == 403
    assert client.post(f"/en/communities/{community.slug}/join/").status_code == 403


def test_posting_rate_limit(client, people, make_community, make_thread, settings):
    settings.COMMUNITIES_POST_RATE = "3/m"
    community = make_community("public")
    thread = make_thread(community)
    login(client, people["member"])
    url = f"/en/communities/{community.slug}/t/{thread.pk}/reply/"
    codes = [client.post(url, {"body": f"reply {i}"}).status_code for i in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert thread.posts.count() == 4
    # limits are per user
    login(client, people["owner"])
    assert client.post(url, {"body": "mine"}).status_code == 302


def test_api_posting_rate_limit(client, people, make_community, settings):
    settings.COMMUNITIES_POST_RATE = "2/m"
    community = make_community("public")
    login(client, people["member"])
    codes = [
        client.post(
            f"/api/v2/communities/{community.slug}/threads/",
            {"title": f"t{i}", "body": "b"},
            content_type="application/json",
        ).status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]
