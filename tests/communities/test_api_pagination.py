"""The communities API's lists are pages in the foundation's one style (``page``,
``page_size``; ``{count, page, page_size, num_pages, next, previous, results}``; a page past the
end is a 404), with query budgets that do not grow with the page size."""

import pytest

from communities import services
from communities.models import Community, Notification

from .conftest import login

pytestmark = pytest.mark.django_db

API = "/api/v2/communities"


def _communities(n):
    for i in range(n):
        Community.objects.create(name=f"Community {i:02d}", slug=f"community-{i:02d}")


def test_community_list_pages(client):
    _communities(5)
    first = client.get(f"{API}/?page_size=2").json()
    assert (first["count"], first["num_pages"], first["page"], first["page_size"]) == (5, 3, 1, 2)
    assert [c["slug"] for c in first["results"]] == ["community-00", "community-01"]
    assert first["previous"] is None and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert [c["slug"] for c in second["results"]] == ["community-02", "community-03"]
    last = client.get(f"{API}/?page_size=2&page=3").json()
    assert [c["slug"] for c in last["results"]] == ["community-04"] and last["next"] is None
    response = client.get(f"{API}/?page_size=2&page=4")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


@pytest.mark.parametrize("query", ["page=0", "page_size=0", "page_size=101", "page=x"])
def test_bad_paging_parameters_are_a_400(client, query):
    response = client.get(f"{API}/?{query}")
    assert response.status_code == 400 and response.json()["code"] == "bad_request"


def test_an_empty_list_is_an_empty_first_page(client):
    data = client.get(f"{API}/").json()
    assert (data["count"], data["results"], data["num_pages"]) == (0, [], 1)


def test_threads_page_through_readable_threads(client, people, make_community, make_thread):
    community = make_community("members")
    for i in range(5):
        make_thread(community, title=f"Thread {i}")
    assert client.get(f"{API}/{community.slug}/threads/").status_code == 403
    login(client, people["member"])
    seen = []
    url = f"{API}/{community.slug}/threads/?page_size=2"
    while url:
        data = client.get(url).json()
        assert data["count"] == 5
        seen += [t["title"] for t in data["results"]]
        url = data["next"]
    assert sorted(seen) == [f"Thread {i}" for i in range(5)]


def test_thread_detail_has_the_first_page_and_posts_page_on(
    client, people, make_community, make_thread
):
    community = make_community("public")
    thread = make_thread(community, body="Opening")
    for i in range(4):
        services.create_reply(thread, people["member"], f"reply {i}")
    detail = client.get(f"{API}/threads/{thread.pk}/?page_size=2").json()
    posts = detail["posts"]
    assert posts["count"] == 5 and posts["num_pages"] == 3
    assert [p["html"] for p in posts["results"]] == ["<p>Opening</p>\n", "<p>reply 0</p>\n"]
    assert posts["next"].endswith(f"{API}/threads/{thread.pk}/posts/?page=2&page_size=2")
    assert detail["can_reply"] is False and detail["following"] is False
    second = client.get(posts["next"]).json()
    assert [p["html"] for p in second["results"]] == ["<p>reply 1</p>\n", "<p>reply 2</p>\n"]
    assert client.get(f"{API}/threads/{thread.pk}/posts/?page=4&page_size=2").status_code == 404
    short = client.get(f"{API}/threads/{thread.pk}/").json()["posts"]
    assert short["count"] == 5 and short["next"] is None


def test_hidden_posts_are_not_counted_for_others(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    reply = services.create_reply(thread, people["member"], "Spam")
    services.set_post_hidden(reply, people["moderator"], True, "spam")
    assert client.get(f"{API}/threads/{thread.pk}/posts/").json()["count"] == 1
    login(client, people["member"])  # the author still sees theirs, marked hidden
    results = client.get(f"{API}/threads/{thread.pk}/posts/").json()["results"]
    assert [p["hidden"] for p in results] == [False, True]
    login(client, people["moderator"])
    assert client.get(f"{API}/threads/{thread.pk}/posts/").json()["count"] == 2


@pytest.mark.parametrize("page_size", [2, 50])
def test_posts_query_budget_is_independent_of_page_size(
    client, people, make_community, make_thread, page_size, django_assert_max_num_queries
):
    community = make_community("members")
    thread = make_thread(community)
    for i in range(60):
        services.create_reply(thread, people["member" if i % 2 else "moderator"], f"r{i}")
    login(client, people["member"])
    with django_assert_max_num_queries(12):
        data = client.get(f"{API}/threads/{thread.pk}/posts/?page_size={page_size}").json()
    assert len(data["results"]) == page_size
    with django_assert_max_num_queries(14):
        detail = client.get(f"{API}/threads/{thread.pk}/?page_size={page_size}").json()
    assert len(detail["posts"]["results"]) == page_size


@pytest.mark.parametrize("page_size", [2, 50])
def test_threads_query_budget_is_independent_of_page_size(
    client, people, make_community, make_thread, page_size, django_assert_max_num_queries
):
    community = make_community("public")
    for i in range(60):
        make_thread(community, title=f"T{i}")
    login(client, people["member"])
    with django_assert_max_num_queries(8):
        data = client.get(f"{API}/{community.slug}/threads/?page_size={page_size}").json()
    assert len(data["results"]) == page_size and data["count"] == 60


def _notifications(user, community, thread, n):
    Notification.objects.bulk_create(
        Notification(user=user, kind="thread", community=community, thread=thread) for _ in range(n)
    )


@pytest.mark.parametrize("page_size", [2, 50])
def test_notifications_page_and_keep_the_unread_count(
    client, people, make_community, make_thread, page_size, django_assert_max_num_queries
):
    community = make_community("public")
    thread = make_thread(community)
    _notifications(people["member"], community, thread, 60)
    Notification.objects.filter(pk__in=Notification.objects.values("pk")[:10]).update(
        read_at=thread.created_at
    )
    login(client, people["member"])
    with django_assert_max_num_queries(8):
        data = client.get(f"{API}/notifications/?page_size={page_size}").json()
    assert (data["count"], data["unread"], len(data["results"])) == (60, 50, page_size)
    assert data["num_pages"] == -(-60 // page_size)
