"""Joining, asking to join, withdrawing the request, leaving, following, and the moderators'
join-request decisions over the API: the HTML site's rules (communities.permissions), for a
member, a non-member, a moderator, anonymous readers and read-only tokens."""

import pytest

from communities.models import (
    ApiToken,
    JoinRequest,
    Membership,
    ModerationLog,
    Notification,
    Role,
    Status,
    Subscription,
)

from .conftest import login

pytestmark = pytest.mark.django_db

API = "/api/v2/communities"


def _post(client, url, data=None, **extra):
    return client.post(url, data or {}, content_type="application/json", **extra)


def test_joining_a_public_community_is_at_once_and_follows_it(client, people, make_community):
    community = make_community("public")
    assert _post(client, f"{API}/{community.slug}/join/").status_code == 401
    login(client, people["nonmember"])
    response = _post(client, f"{API}/{community.slug}/join/")
    assert response.status_code == 201
    assert response.json() == {"state": "member", "role": "member"}
    membership = Membership.objects.get(community=community, user=people["nonmember"])
    assert membership.status == Status.ACTIVE
    assert Subscription.objects.filter(user=people["nonmember"], community=community).exists()
    again = _post(client, f"{API}/{community.slug}/join/")
    assert again.status_code == 409 and again.json()["code"] == "already_member"
    viewer = client.get(f"{API}/{community.slug}/").json()["viewer"]
    assert viewer["role"] == "member" and viewer["following"] and viewer["can_post"]


def test_a_members_only_community_takes_a_request(client, people, make_community):
    community = make_community("members")
    login(client, people["nonmember"])
    response = _post(client, f"{API}/{community.slug}/join/", {"message": "I train in Dhaka."})
    assert response.status_code == 202 and response.json()["state"] == "requested"
    join_request = JoinRequest.objects.get(community=community, user=people["nonmember"])
    assert join_request.message == "I train in Dhaka."
    assert not Membership.objects.filter(user=people["nonmember"], community=community).exists()
    notified = set(
        Notification.objects.filter(kind="join_request", community=community).values_list(
            "user", flat=True
        )
    )
    assert notified == {people["moderator"].pk, people["owner"].pk}
    again = _post(client, f"{API}/{community.slug}/join/")
    assert again.status_code == 409 and again.json()["code"] == "already_requested"
    assert JoinRequest.objects.filter(community=community).count() == 1
    assert client.get(f"{API}/{community.slug}/").json()["viewer"]["pending_request"] is True


def test_a_too_long_message_is_a_400_and_nothing_is_asked(client, people, make_community):
    community = make_community("members")
    login(client, people["nonmember"])
    response = _post(client, f"{API}/{community.slug}/join/", {"message": "x" * 1001})
    assert response.status_code == 400
    assert not JoinRequest.objects.exists()


def test_withdrawing_a_request(client, people, make_community):
    community = make_community("members")
    login(client, people["nonmember"])
    url = f"{API}/{community.slug}/join/"
    missing = client.delete(url)
    assert missing.status_code == 404 and missing.json()["code"] == "no_join_request"
    _post(client, url, {"message": "Please"})
    assert client.delete(url).status_code == 204
    assert not JoinRequest.objects.exists()
    assert not Notification.objects.filter(kind="join_request").exists()
    assert _post(client, url).status_code == 202  # may ask again
    client.logout()
    assert client.delete(url).status_code == 401


def test_private_communities_are_invitation_only(client, people, make_community):
    community = make_community("private")
    url = f"{API}/{community.slug}/join/"
    login(client, people["nonmember"])
    assert _post(client, url).status_code == 404
    assert client.delete(url).status_code == 404
    login(client, people["editor"])  # knows it exists
    response = _post(client, url)
    assert response.status_code == 403 and response.json()["code"] == "invitation_only"
    login(client, people["member"])
    assert _post(client, url).json()["code"] == "already_member"
    assert not JoinRequest.objects.exists()
    assert Membership.objects.filter(community=community).count() == 4


def test_a_suspended_member_cannot_join_again(client, people, make_community):
    community = make_community("public")
    Membership.objects.filter(user=people["member"]).update(status=Status.SUSPENDED)
    login(client, people["member"])
    response = _post(client, f"{API}/{community.slug}/join/")
    assert response.status_code == 403 and response.json()["code"] == "suspended"
    assert Membership.objects.get(user=people["member"]).status == Status.SUSPENDED


def test_leaving(client, people, make_community):
    community = make_community("members")
    url = f"{API}/{community.slug}/leave/"
    login(client, people["nonmember"])
    response = _post(client, url)
    assert response.status_code == 403 and response.json()["code"] == "not_member"
    login(client, people["owner"])
    response = _post(client, url)
    assert response.status_code == 403 and response.json()["code"] == "owner_cannot_leave"
    login(client, people["member"])
    assert _post(client, url).status_code == 204
    assert not Membership.objects.filter(user=people["member"], community=community).exists()
    assert client.get(f"{API}/{community.slug}/threads/").status_code == 403
    private = make_community("private", slug="c-private")
    login(client, people["nonmember"])
    assert _post(client, f"{API}/{private.slug}/leave/").status_code == 404


def test_read_tokens_may_not_join_leave_or_follow(client, people, make_community):
    community = make_community("public")
    _token, key = ApiToken.issue(people["nonmember"], "reader", ApiToken.READ)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    for url in ("join/", "leave/", "follow/"):
        response = _post(client, f"{API}/{community.slug}/{url}", **auth)
        assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"
    assert client.delete(f"{API}/{community.slug}/join/", **auth).status_code == 403
    assert not Membership.objects.filter(user=people["nonmember"]).exists()
    _token, write = ApiToken.issue(people["nonmember"], "writer", ApiToken.WRITE)
    response = _post(client, f"{API}/{community.slug}/join/", HTTP_AUTHORIZATION=f"Bearer {write}")
    assert response.status_code == 201


def test_following_a_community_and_a_thread(client, people, make_community, make_thread):
    community = make_community("members")
    thread = make_thread(community)
    follow = f"{API}/{community.slug}/follow/"
    follow_thread = f"{API}/threads/{thread.pk}/follow/"
    assert _post(client, follow).status_code == 401
    login(client, people["nonmember"])  # may not read it
    assert _post(client, follow).status_code == 403
    assert _post(client, follow_thread).status_code == 403
    assert not Subscription.objects.filter(user=people["nonmember"]).exists()
    login(client, people["member"])
    assert _post(client, follow).json() == {"following": True}
    assert _post(client, follow_thread).json() == {"following": True}
    assert client.get(f"{API}/threads/{thread.pk}/").json()["following"] is True
    subs = Subscription.objects.filter(user=people["member"])
    assert {(s.community_id, s.thread_id) for s in subs} == {
        (community.pk, None),
        (None, thread.pk),
    }
    assert client.delete(follow).json() == {"following": False}
    assert client.delete(follow_thread).json() == {"following": False}
    assert not Subscription.objects.filter(user=people["member"]).exists()
    private = make_community("private", slug="c-private")
    login(client, people["nonmember"])
    assert _post(client, f"{API}/{private.slug}/follow/").status_code == 404


def test_moderators_list_and_decide_join_requests(client, people, make_community, make_user):
    community = make_community("members")
    applicants = [make_user(f"applicant{i}") for i in range(3)]
    requests = [
        JoinRequest.objects.create(community=community, user=u, message=f"m{i}")
        for i, u in enumerate(applicants)
    ]
    url = f"{API}/{community.slug}/join-requests/"
    assert client.get(url).status_code == 401
    login(client, people["member"])
    assert client.get(url).status_code == 403
    assert _post(client, f"{url}{requests[0].pk}/", {"decision": "approve"}).status_code == 403
    login(client, people["moderator"])
    listed = client.get(f"{url}?page_size=2").json()
    assert listed["count"] == 3
    assert [r["user"]["username"] for r in listed["results"]] == ["applicant0", "applicant1"]
    approved = _post(client, f"{url}{requests[0].pk}/", {"decision": "approve"})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert Membership.objects.get(user=applicants[0], community=community).role == Role.MEMBER
    declined = _post(client, f"{url}{requests[1].pk}/", {"decision": "decline"})
    assert declined.json()["status"] == "declined"
    assert not Membership.objects.filter(user=applicants[1]).exists()
    assert _post(client, f"{url}{requests[1].pk}/", {"decision": "approve"}).status_code == 404
    assert _post(client, f"{url}{requests[2].pk}/", {"decision": "maybe"}).status_code == 400
    assert client.get(url).json()["count"] == 1
    actions = set(ModerationLog.objects.values_list("action", flat=True))
    assert actions == {"approve", "decline"}


def test_the_viewer_block_says_what_the_reader_is_and_may_do(client, people, make_community):
    community = make_community("members")
    url = f"{API}/{community.slug}/"
    assert client.get(url).json()["viewer"] is None
    login(client, people["nonmember"])
    viewer = client.get(url).json()["viewer"]
    assert (viewer["role"], viewer["can_read"], viewer["can_join"]) == (None, False, True)
    login(client, people["owner"])
    viewer = client.get(url).json()["viewer"]
    assert (viewer["role"], viewer["can_moderate"], viewer["can_leave"]) == ("owner", True, False)
    login(client, people["member"])
    viewer = client.get(url).json()["viewer"]
    assert (viewer["role"], viewer["status"], viewer["can_post"]) == ("member", "active", True)
    assert (viewer["can_moderate"], viewer["can_join"], viewer["following"]) == (
        False,
        False,
        False,
    )
