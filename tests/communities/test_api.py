"""The communities API: reads, authenticated writes (session + CSRF, or bearer token), and the
OpenAPI document."""

import pytest
from django.test import Client

from communities.models import ApiToken, Post, Thread

from .conftest import login

pytestmark = pytest.mark.django_db


def test_read_public_communities_and_threads(client, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community, title="API thread")
    data = client.get("/api/v2/communities/").json()
    assert [c["slug"] for c in data["results"]] == [community.slug]
    threads = client.get(f"/api/v2/communities/{community.slug}/threads/").json()
    assert threads["results"][0]["title"] == "API thread"
    detail = client.get(f"/api/v2/communities/threads/{thread.pk}/").json()
    assert detail["posts"]["results"][0]["html"] == "<p>Tell us <strong>how</strong>.</p>\n"
    assert client.get("/api/v2/communities/nope/").json() == {
        "error": "Not found.",
        "code": "not_found",
    }


def test_write_with_session_requires_csrf(people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    csrf_client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    csrf_client.force_login(people["member"])
    url = f"/api/v2/communities/threads/{thread.pk}/replies/"
    response = csrf_client.post(url, {"body": "hi"}, content_type="application/json")
    assert response.status_code == 403
    csrf_client.get(f"/en/communities/{community.slug}/")  # sets the CSRF cookie
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        url,
        {"body": "hi <script>x</script>"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201, response.content
    assert "<script>" not in response.json()["html"]


def test_write_with_bearer_token(client, people, make_community):
    community = make_community("members")
    _token, key = ApiToken.issue(people["member"], "phone", ApiToken.WRITE)
    response = client.post(
        f"/api/v2/communities/{community.slug}/threads/",
        {"title": "From the app", "body": "Posted by token"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 201
    assert Thread.objects.get(title="From the app").author == people["member"]
    # the token also reads members-only content
    thread_id = response.json()["id"]
    assert (
        client.get(
            f"/api/v2/communities/threads/{thread_id}/", HTTP_AUTHORIZATION=f"Bearer {key}"
        ).status_code
        == 200
    )
    assert (
        client.get(
            f"/api/v2/communities/threads/{thread_id}/", HTTP_AUTHORIZATION="Bearer wrong"
        ).status_code
        == 401
    )


def test_write_permissions_match_html(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    url = f"/api/v2/communities/threads/{thread.pk}/replies/"
    assert client.post(url, {"body": "x"}, content_type="application/json").status_code == 401
    login(client, people["nonmember"])
    response = client.post(url, {"body": "x"}, content_type="application/json")
    assert response.status_code == 403 and "error" in response.json()
    private = make_community("private")
    response = client.post(
        f"/api/v2/communities/{private.slug}/threads/",
        {"title": "t", "body": "b"},
        content_type="application/json",
    )
    assert response.status_code == 404
    login(client, people["member"])
    response = client.post(url, {"body": ""}, content_type="application/json")
    assert response.status_code == 400
    assert Post.objects.count() == 1


def test_openapi_lists_endpoints(client):
    paths = client.get("/api/v2/openapi.json").json()["paths"]
    for path in (
        "/api/v2/communities/",
        "/api/v2/communities/{slug}/threads/",
        "/api/v2/communities/threads/{thread_id}/",
        "/api/v2/communities/threads/{thread_id}/replies/",
    ):
        assert path in paths


@pytest.mark.parametrize("replies", [1, 60])
def test_thread_api_query_budget(
    client, people, make_community, make_thread, replies, django_assert_max_num_queries
):
    from communities import services

    community = make_community("public")
    thread = make_thread(community)
    for i in range(replies):
        services.create_reply(thread, people["member"], f"reply {i}")
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v2/communities/threads/{thread.pk}/?page_size=100")
    assert len(response.json()["posts"]["results"]) == replies + 1
