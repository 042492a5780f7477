"""Community pages in the anonymous page cache: a post shows at once where it is read, and
only the pages of its own community (and the lists of all) are refreshed."""

import pytest
from django.test import Client

from communities.models import Visibility

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def two_communities(make_community, make_thread, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = make_community(Visibility.PUBLIC, slug="first")
        second = make_community(Visibility.PUBLIC, slug="second")
        threads = (
            make_thread(first, title="Wages in the first"),
            make_thread(second, title="Leave in the second"),
        )
    return (first, second), threads


def anonymous():
    return Client(HTTP_HOST="localhost")


def test_a_reply_shows_at_once_and_other_communities_stay_cached(
    two_communities, people, django_capture_on_commit_callbacks
):
    (first, second), (thread, other) = two_communities
    pages = {
        "thread": f"/en/communities/first/t/{thread.pk}/",
        "community": "/en/communities/first/",
        "list": "/en/communities/",
        "other thread": f"/en/communities/second/t/{other.pk}/",
        "other community": "/en/communities/second/",
    }
    reader = anonymous()
    for url in pages.values():
        assert reader.get(url).status_code == 200
        assert reader.get(url)["X-Page-Cache"] == "hit", url

    member = login(Client(HTTP_HOST="localhost"), people["member"])
    with django_capture_on_commit_callbacks(execute=True):
        response = member.post(
            pages["thread"] + "reply/", {"body": "A reply posted just now, about piece rates."}
        )
    assert response.status_code == 302

    thread_page = reader.get(pages["thread"])
    assert thread_page["X-Page-Cache"] == "miss"
    assert "A reply posted just now" in thread_page.content.decode()
    assert reader.get(pages["community"])["X-Page-Cache"] == "miss"
    assert reader.get(pages["list"])["X-Page-Cache"] == "miss"
    assert reader.get(pages["other thread"])["X-Page-Cache"] == "hit"
    assert reader.get(pages["other community"])["X-Page-Cache"] == "hit"


def test_a_private_communitys_thread_never_reaches_an_anonymous_reader(
    make_community, make_thread, people
):
    private = make_community(Visibility.PRIVATE, slug="closed")
    thread = make_thread(private, title="Only for the closed group")
    url = f"/en/communities/closed/t/{thread.pk}/"
    member = login(Client(HTTP_HOST="localhost"), people["member"])
    assert "Only for the closed group" in member.get(url).content.decode()
    for _ in range(2):
        response = anonymous().get(url)
        assert response.status_code in (302, 404)
        assert "Only for the closed group" not in response.content.decode()


def test_a_hidden_post_disappears_at_once(
    two_communities, people, django_capture_on_commit_callbacks
):
    (first, _second), (thread, _other) = two_communities
    url = f"/en/communities/first/t/{thread.pk}/"
    reader = anonymous()
    assert "Tell us" in reader.get(url).content.decode()
    reader.get(url)
    opening = thread.posts.get(is_opening=True)
    moderator = login(Client(HTTP_HOST="localhost"), people["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(
            f"/en/communities/posts/{opening.pk}/hide/", {"reason": "Off topic"}
        )
    assert response.status_code == 302
    assert "Tell us" not in reader.get(url).content.decode()


def test_a_new_display_name_shows_at_once_on_the_persons_page(
    two_communities, people, django_capture_on_commit_callbacks
):
    url = f"/en/communities/people/{people['author'].username}/"
    reader = anonymous()
    assert reader.get(url).status_code == 200
    assert reader.get(url)["X-Page-Cache"] == "hit"
    author = login(Client(HTTP_HOST="localhost"), people["author"])
    with django_capture_on_commit_callbacks(execute=True):
        response = author.post(
            "/en/accounts/profile/",
            {
                "display_name": "Arthur the renamed",
                "organisation": "",
                "bio": "",
                "email_mode": "off",
            },
        )
    assert response.status_code == 302
    page = reader.get(url)
    assert page["X-Page-Cache"] == "miss" and "Arthur the renamed" in page.content.decode()
