"""Long lists page the same as before (issue 17): every thread and post once, in order, on the
numbered pages of the site and the API, whichever end a page is read from; and a community's
list asks the same rule as every other list of threads."""

import pytest
from django.utils import timezone

from communities import permissions, services
from communities.models import Membership, Status, Thread

from .conftest import login

pytestmark = pytest.mark.django_db

API = "/api/v2/communities"


def _threads(community, people, n):
    """``n`` threads, some at the very same moment (ties broken by id), two pinned, one hidden."""
    start = timezone.now() - timezone.timedelta(days=1)
    made = []
    for i in range(n):
        thread = services.create_thread(
            community,
            people["author"],
            f"T{i}",
            "Body",
            now=start + timezone.timedelta(minutes=i // 3),
        )
        made.append(thread)
    for thread in made[5], made[17]:
        services.change_thread(thread, people["moderator"], "pin")
    services.set_post_hidden(made[8].posts.get(), people["moderator"], True, "spam")
    return made


def _expected(user, community):
    threads = permissions.readable_threads(user, Thread.objects.filter(community=community))
    return list(
        threads.order_by("-pinned", "-last_activity_at", "-pk").values_list("pk", flat=True)
    )


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator"])
def test_api_pages_list_every_thread_once_in_order(client, people, make_community, who):
    community = make_community("public")
    _threads(community, people, 23)
    login(client, people[who])
    seen = []
    pages = client.get(f"{API}/{community.slug}/threads/?page_size=4").json()["num_pages"]
    for number in range(1, pages + 1):
        data = client.get(f"{API}/{community.slug}/threads/?page_size=4&page={number}").json()
        seen += [t["id"] for t in data["results"]]
    user = people[who] or _anonymous()
    assert seen == _expected(user, community)
    assert data["count"] == len(seen) == (23 if who == "moderator" else 22)
    assert (
        client.get(f"{API}/{community.slug}/threads/?page={pages + 1}&page_size=4").status_code
        == 404
    )


def _in_page_order(html, anchors):
    """The keys of ``anchors`` ({key: text}) found in ``html``, in the order they appear."""
    return [key for _at, key in sorted((html.index(a), k) for k, a in anchors.items() if a in html)]


def test_site_pages_list_every_thread_once_in_order(client, people, make_community, monkeypatch):
    from communities.views import browse

    monkeypatch.setattr(browse, "THREADS_PER_PAGE", 5)
    community = make_community("public")
    anchors = {t.pk: f"/t/{t.pk}/" for t in _threads(community, people, 23)}
    seen = []
    for number in range(1, 6):
        html = client.get(f"/en/communities/{community.slug}/?page={number}").content.decode()
        seen += _in_page_order(html, anchors)
    assert seen == _expected(_anonymous(), community)


@pytest.mark.parametrize("who", ["anonymous", "member", "author", "moderator"])
def test_posts_page_the_same_from_either_end(
    client, people, make_community, make_thread, who, monkeypatch
):
    from communities.views import browse

    community = make_community("public")
    thread = make_thread(community)
    now = timezone.now()
    for i in range(26):
        author = people["member"] if i % 2 else people["author"]
        post = services.create_reply(thread, author, f"Reply {i}", now=now)  # all at once
        if i in (3, 4, 20):
            services.set_post_hidden(post, people["moderator"], True, "spam")
    login(client, people[who])
    user = people[who] or _anonymous()
    expected = list(permissions.visible_posts(user, thread).values_list("pk", flat=True))
    pages = -(-len(expected) // 6)
    seen = []
    for number in range(1, pages + 1):
        url = f"{API}/threads/{thread.pk}/posts/?page_size=6&page={number}"
        seen += [p["id"] for p in client.get(url).json()["results"]]
    assert seen == expected
    monkeypatch.setattr(browse, "POSTS_PER_PAGE", 6)
    anchors = {pk: f'id="post-{pk}"' for pk in expected}
    seen = []
    for number in range(1, pages + 1):
        url = f"/en/communities/{community.slug}/t/{thread.pk}/?page={number}"
        seen += _in_page_order(client.get(url).content.decode(), anchors)
    assert seen == expected


@pytest.mark.parametrize("visibility", ["public", "members", "private"])
def test_a_community_list_asks_the_rule_of_every_list(
    people, make_community, make_user, visibility
):
    community = make_community(visibility)
    _threads(community, people, 20)
    suspended = make_user("sus")
    Membership.objects.create(community=community, user=suspended, status=Status.SUSPENDED)
    for user in [*[u for u in people.values() if u], suspended, _anonymous()]:
        mine = set(permissions.community_threads(user, community).values_list("pk", flat=True))
        rule = permissions.readable_threads(user, Thread.objects.filter(community=community))
        assert mine == set(rule.values_list("pk", flat=True)), user


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
