"""The permission matrix, through HTTP: who may read, post, reply, edit another member's post,
moderate, and see that a community exists, for each visibility."""

import pytest

from communities.models import Post, Thread

from .conftest import login

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nonmember", "member", "moderator", "owner", "editor"]
INSIDERS = {"member", "moderator", "owner", "editor"}
MODERATORS = {"moderator", "owner", "editor"}

EXPECTED = {
    # (action, visibility) -> roles allowed
    ("read", "public"): set(ROLES),
    ("read", "members"): INSIDERS,
    ("read", "private"): INSIDERS,
    ("post", "public"): INSIDERS,
    ("post", "members"): INSIDERS,
    ("post", "private"): INSIDERS,
    ("reply", "public"): INSIDERS,
    ("reply", "members"): INSIDERS,
    ("reply", "private"): INSIDERS,
    ("edit_other", "public"): MODERATORS,
    ("edit_other", "members"): MODERATORS,
    ("edit_other", "private"): MODERATORS,
    ("moderate", "public"): MODERATORS,
    ("moderate", "members"): MODERATORS,
    ("moderate", "private"): MODERATORS,
    ("see_exists", "public"): set(ROLES),
    ("see_exists", "members"): set(ROLES),
    ("see_exists", "private"): INSIDERS,
}


def _attempt(action, client, community, thread):
    """Perform the action; return (allowed, response)."""
    opening = thread.posts.get(is_opening=True)
    if action == "read":
        response = client.get(f"/en/communities/{community.slug}/t/{thread.pk}/")
        return response.status_code == 200, response
    if action == "see_exists":
        response = client.get(f"/en/communities/{community.slug}/")
        listed = community.name in client.get("/en/communities/").content.decode()
        assert (response.status_code == 200) == listed
        return response.status_code == 200, response
    if action == "post":
        before = Thread.objects.count()
        response = client.post(
            f"/en/communities/{community.slug}/new/", {"title": "A new question", "body": "Anyone?"}
        )
        return Thread.objects.count() == before + 1, response
    if action == "reply":
        before = Post.objects.count()
        response = client.post(
            f"/en/communities/{community.slug}/t/{thread.pk}/reply/", {"body": "Here is my answer."}
        )
        return Post.objects.count() == before + 1, response
    if action == "edit_other":
        response = client.post(
            f"/en/communities/posts/{opening.pk}/edit/",
            {"body": "Changed by someone else", "title": thread.title},
        )
        opening.refresh_from_db()
        return opening.body == "Changed by someone else", response
    if action == "moderate":
        response = client.post(f"/en/communities/{community.slug}/t/{thread.pk}/pin/")
        thread.refresh_from_db()
        return thread.pinned, response
    raise AssertionError(action)


@pytest.mark.parametrize("visibility", ["public", "members", "private"])
@pytest.mark.parametrize(
    "action", ["read", "post", "reply", "edit_other", "moderate", "see_exists"]
)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, people, make_community, make_thread, role, action, visibility):
    community = make_community(visibility)
    thread = make_thread(community)
    login(client, people[role])
    allowed, response = _attempt(action, client, community, thread)
    expected = role in EXPECTED[(action, visibility)]
    assert allowed == expected, (role, action, visibility, response.status_code)
    if not allowed:
        assert response.status_code in (302, 403, 404)
        if visibility == "private" and role in ("anonymous", "nonmember"):
            # a private community is invisible: never a login prompt or a 403 that confirms it
            assert response.status_code == 404
        elif role == "anonymous":
            assert response.status_code == 302
            assert "/en/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_api_uses_the_same_rules(client, people, make_community, make_thread, role):
    for visibility in ("public", "members", "private"):
        community = make_community(visibility)
        thread = make_thread(community)
        login(client, people[role])
        response = client.get(f"/api/v2/communities/threads/{thread.pk}/")
        expected_read = role in EXPECTED[("read", visibility)]
        assert (response.status_code == 200) == expected_read, (role, visibility)
        if not expected_read:
            assert response.status_code in (403, 404)
            assert "error" in response.json()
        slugs = {c["slug"] for c in client.get("/api/v2/communities/").json()["results"]}
        assert (community.slug in slugs) == (role in EXPECTED[("see_exists", visibility)])
        client.logout()


def test_suspended_member_loses_rights(client, people, make_community, make_thread):
    from communities.models import Membership, Status

    community = make_community("members")
    thread = make_thread(community)
    Membership.objects.filter(user=people["member"]).update(status=Status.SUSPENDED)
    login(client, people["member"])
    assert client.get(f"/en/communities/{community.slug}/t/{thread.pk}/").status_code == 403
    response = client.post(
        f"/en/communities/{community.slug}/t/{thread.pk}/reply/", {"body": "still here?"}
    )
    assert response.status_code == 403
    assert thread.posts.count() == 1


def test_author_may_edit_own_post_and_edit_is_shown(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    post = thread.posts.get()
    login(client, people["author"])
    response = client.post(
        f"/en/communities/posts/{post.pk}/edit/", {"body": "Better wording", "title": "Renamed"}
    )
    assert response.status_code == 302
    page = client.get(f"/en/communities/{community.slug}/t/{thread.pk}/").content.decode()
    assert "Better wording" in page and "edited" in page and "Renamed" in page
    # the history is for moderators only
    history = f"/en/communities/posts/{post.pk}/history/"
    assert client.get(history).status_code == 403
    login(client, people["moderator"])
    response = client.get(history)
    assert response.status_code == 200
    assert "Tell us **how**." in response.content.decode()
