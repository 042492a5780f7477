"""A community's page and a thread's page cost at most 15 SQL queries for a reader the page
cache does not serve (issue 17), anonymous or a signed-in member, and the same number whether
the page lists 3 or 30 threads or posts.

The site's header and footer (navigation, footer links, home link: ``portal_tags``, the same
on every page of the portal) are not this app's: they are counted apart and left out of
``OWN_BUDGET``, which keeps ``CHROME`` queries of the 15 for them (cached fragments cost one,
the content token)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from communities import services
from communities.models import Flag, Profile

from .conftest import login

pytestmark = pytest.mark.django_db

BUDGET = 15
CHROME = 2
OWN_BUDGET = BUDGET - CHROME


def _is_chrome(sql):
    """A query of the portal's header or footer: it reads none of this app's tables, no
    session and no user."""
    return not any(name in sql for name in ('"communities_', '"auth_', '"django_session"'))


def _own_queries(client, url):
    """The page's status, its queries and those of them that are this app's."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    own = [q["sql"] for q in captured.captured_queries if not _is_chrome(q["sql"])]
    return response, len(captured), own


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _fill_thread(thread, people, n):
    """A thread of ``n`` posts by several authors, with a link, a hidden post, a flag and a
    mention, so every per-post part of the page has something to show."""
    authors = [people["author"], people["member"], people["moderator"], people["owner"]]
    for i in range(n - 1):
        body = f"Reply {i}: see [the guide](https://example.org/{i}) @mia"
        post = services.create_reply(thread, authors[i % len(authors)], body)
        if i == 1:
            services.set_post_hidden(post, people["moderator"], True, "spam")
        if i == 2:
            Flag.objects.create(post=post, user=people["member"], reason="spam")


def _reader(client, people, who):
    if who == "member":
        Profile.objects.create(user=people["member"], display_name="Mia")
        login(client, people["member"])
    elif who == "editor":
        login(client, people["editor"])
    return client


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_thread_page_budget_does_not_grow_with_its_posts(
    client, people, make_community, make_thread, who
):
    _reader(client, people, who)
    counts = []
    for n, slug in ((3, "few"), (30, "many")):
        community = make_community("public", slug=slug)
        thread = make_thread(community)
        services.follow(people["member"], thread=thread)
        _fill_thread(thread, people, n)
        url = f"/en/communities/{slug}/t/{thread.pk}/"
        client.get(url)  # per-process caches (site root, navigation) are not the page's
        response, total, own = _own_queries(client, url)
        assert response.status_code == 200
        assert response.content.decode().count('<article class="post') >= n - 1
        assert len(own) <= OWN_BUDGET, "\n".join(own)
        counts.append(total)
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_community_page_budget_does_not_grow_with_its_threads(
    client, people, make_community, make_thread, who, visibility
):
    _reader(client, people, who)
    counts = []
    for n, slug in ((3, "few"), (30, "many")):
        community = make_community(visibility, slug=slug)
        services.follow(people["member"], community=community)
        for i in range(n):
            author = people["author"] if i % 2 else people["owner"]
            thread = make_thread(community, title=f"Thread {i}", author=author)
            if i == 0:
                services.change_thread(thread, people["moderator"], "pin")
            if i == 1:
                services.set_post_hidden(thread.posts.get(), people["moderator"], True)
        url = f"/en/communities/{slug}/"
        client.get(url)
        response, total, own = _own_queries(client, url)
        assert response.status_code == 200
        html = response.content.decode()
        if who != "anonymous" or visibility == "public":
            assert html.count('class="thread-item') >= n - 1
        assert len(own) <= OWN_BUDGET, "\n".join(own)
        counts.append(total)
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_moderators_pay_only_for_the_move_form(client, people, make_community, make_thread, who):
    """Moderators see more (hidden posts, the move form and its list of communities): one
    query more than a member, whatever the number of posts."""
    community = make_community("public")
    thread = make_thread(community)
    _fill_thread(thread, people, 30)
    login(client, people[who])
    url = f"/en/communities/{community.slug}/t/{thread.pk}/"
    client.get(url)
    response, _total, own = _own_queries(client, url)
    assert response.status_code == 200
    assert 'name="community"' in response.content.decode()  # the move form
    assert len(own) <= OWN_BUDGET + 1, "\n".join(own)


def test_the_chrome_is_what_the_budget_leaves_out(client):
    """What ``_is_chrome`` sets apart is only the portal's header and footer: a page of this
    app with nothing of its own to read (a bad unsubscribe link, anonymous) makes no query
    this test calls its own."""
    response, total, own = _own_queries(client, "/en/communities/unsubscribe/tampered/")
    assert response.status_code == 400
    assert own == [] and total > 0
