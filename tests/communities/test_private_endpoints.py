"""Every endpoint under a private community answers someone outside it exactly as if the
community did not exist: same status and same body as an unknown slug (HTML and API)."""

import re

import pytest

from communities.models import JoinRequest, Membership, Role, Status

from .conftest import login

pytestmark = pytest.mark.django_db

UNKNOWN = "no-such-community"


@pytest.fixture
def outsiders(people, make_user, make_community):
    private = make_community("private", slug="hidden-circle")
    suspended = make_user("sam")
    Membership.objects.create(
        community=private, user=suspended, role=Role.MEMBER, status=Status.SUSPENDED
    )
    pending = make_user("pat")
    Membership.objects.create(
        community=private, user=pending, role=Role.MEMBER, status=Status.PENDING
    )
    return private, {
        "anonymous": None,
        "nonmember": people["nonmember"],
        "suspended": suspended,
        "pending": pending,
    }


def _endpoints(private, people, thread):
    join_request = JoinRequest.objects.create(community=private, user=people["nonmember"])
    member_id = people["member"].pk
    return [
        "{slug}/",
        "{slug}/join/",
        "{slug}/leave/",
        "{slug}/follow/",
        "{slug}/new/",
        "{slug}/moderation/",
        "{slug}/invite/",
        f"{{slug}}/requests/{join_request.pk}/approve/",
        f"{{slug}}/members/{member_id}/suspend/",
        f"{{slug}}/members/{member_id}/reinstate/",
        f"{{slug}}/t/{thread.pk}/",
        f"{{slug}}/t/{thread.pk}/reply/",
        f"{{slug}}/t/{thread.pk}/follow/",
        f"{{slug}}/t/{thread.pk}/move/",
        f"{{slug}}/t/{thread.pk}/pin/",
    ]


def _shape(response, slug):
    body = response.content.decode().replace(slug, "SLUG")
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", body)
    return response.status_code, response.get("Location", "").replace(slug, "SLUG"), body


@pytest.mark.parametrize("who", ["anonymous", "nonmember", "suspended", "pending"])
def test_html_endpoints_answer_like_an_unknown_slug(client, people, outsiders, make_thread, who):
    private, users = outsiders
    thread = make_thread(private, title="Inner plans")
    login(client, users[who])
    for pattern in _endpoints(private, people, thread):
        for method in ("get", "post"):
            answers = [
                _shape(getattr(client, method)("/en/communities/" + pattern.format(slug=s)), s)
                for s in (private.slug, UNKNOWN)
            ]
            assert answers[0] == answers[1], (who, method, pattern)
            assert answers[0][0] in (404, 405), (who, method, pattern, answers[0][0])
            assert private.name not in answers[0][2]
    assert Membership.objects.get(user=people["member"], community=private).status == Status.ACTIVE


@pytest.mark.parametrize("who", ["anonymous", "nonmember", "suspended"])
def test_api_answers_like_an_unknown_slug(client, people, outsiders, make_thread, who):
    private, users = outsiders
    thread = make_thread(private, title="Inner plans")
    login(client, users[who])
    for path in ("/api/v2/communities/{slug}/", "/api/v2/communities/{slug}/threads/"):
        answers = [_shape(client.get(path.format(slug=s)), s) for s in (private.slug, UNKNOWN)]
        assert answers[0] == answers[1]
        assert answers[0][0] == 404
    post = client.post(
        f"/api/v2/communities/{private.slug}/threads/",
        {"title": "x", "body": "y"},
        content_type="application/json",
    )
    unknown = client.post(
        f"/api/v2/communities/{UNKNOWN}/threads/",
        {"title": "x", "body": "y"},
        content_type="application/json",
    )
    assert (post.status_code, post.content) == (unknown.status_code, unknown.content)
    missing = client.get("/api/v2/communities/threads/999999/")
    hidden = client.get(f"/api/v2/communities/threads/{thread.pk}/")
    assert (hidden.status_code, hidden.content) == (missing.status_code, missing.content)


def test_leaving(client, people, make_community):
    private = make_community("private")
    login(client, people["member"])
    response = client.post(f"/en/communities/{private.slug}/leave/")
    assert response.status_code == 302 and response["Location"] == "/en/communities/"
    assert not Membership.objects.filter(user=people["member"], community=private).exists()
    assert client.post(f"/en/communities/{private.slug}/leave/").status_code == 404  # gone now
    login(client, people["owner"])
    assert client.post(f"/en/communities/{private.slug}/leave/").status_code == 403
    assert Membership.objects.filter(user=people["owner"], community=private).exists()
