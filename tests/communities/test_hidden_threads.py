"""Hiding a thread's opening post hides the whole thread, title included, from everyone but
the community's moderators (and editors): community page, thread page, replies, follows, posts
and attachments in it, the API, the home-page block, site search and notifications."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.search.backends import get_search_backend

from communities import attachments, services
from communities.models import Subscription
from portal.providers import provide
from tests.factories import PNG

from .conftest import login

pytestmark = pytest.mark.django_db

TITLE = "Quarterly zebra budget"


@pytest.fixture
def hidden_thread(client, people, make_community, make_thread, django_capture_on_commit_callbacks):
    community = make_community("public")
    services.follow(people["member"], community=community)
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(community, title=TITLE, body="Opening words about zebras.")
        upload = SimpleUploadedFile("chart.png", PNG, content_type="image/png")
        stored = attachments.store(upload, people["member"])
        reply = services.create_reply(thread, people["member"], "A reply", attachments=[stored])
    services.follow(people["nonmember"], thread=thread)
    get_search_backend().add(thread)  # tests run with search auto-update off
    opening = thread.posts.get(is_opening=True)
    login(client, people["moderator"])
    response = client.post(f"/en/communities/posts/{opening.pk}/hide/", {"reason": "spam"})
    assert response.status_code == 302
    client.logout()
    return thread, reply, stored


READERS_WHO_MAY_NOT_SEE = ["anonymous", "nonmember", "member", "author"]


@pytest.mark.parametrize("who", READERS_WHO_MAY_NOT_SEE)
def test_the_thread_is_gone_for_readers(client, people, hidden_thread, who):
    thread, reply, stored = hidden_thread
    community = thread.community
    login(client, people[who])
    base = f"/en/communities/{community.slug}"
    listing = client.get(f"{base}/")
    assert listing.status_code == 200 and TITLE not in listing.content.decode()
    assert TITLE not in client.get(f"{base}/?q=zebra").content.decode()
    assert "0 threads" in client.get("/en/communities/").content.decode()
    assert client.get(f"{base}/t/{thread.pk}/").status_code == 404
    assert client.get(stored.get_absolute_url()).status_code == 404
    if who != "anonymous":
        assert client.post(f"{base}/t/{thread.pk}/reply/", {"body": "hi"}).status_code == 404
        assert client.post(f"{base}/t/{thread.pk}/follow/").status_code == 404
        assert client.get(f"/en/communities/posts/{reply.pk}/edit/").status_code == 404
        notifications = client.get("/en/communities/notifications/").content.decode()
        assert TITLE not in notifications and thread.get_absolute_url() not in notifications
    api_list = client.get(f"/api/v2/communities/{community.slug}/threads/").json()
    assert TITLE not in str(api_list)
    assert client.get(f"/api/v2/communities/threads/{thread.pk}/").status_code == 404
    found = _searched(client, people[who])
    assert TITLE not in found and thread.get_absolute_url() not in found


def test_replies_in_a_hidden_thread_notify_nobody_who_may_not_read_it(
    people, hidden_thread, django_capture_on_commit_callbacks
):
    from communities.models import Notification

    thread, _reply, _stored = hidden_thread
    assert Subscription.objects.filter(user=people["nonmember"], thread=thread).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.create_reply(thread, people["moderator"], "Moderator note")
    assert not Notification.objects.filter(user=people["nonmember"], thread=thread).exists()


def test_the_home_page_block_leaves_it_out(hidden_thread):
    titles = [item.title for item in provide("latest_discussions", language="en", limit=10)]
    assert TITLE not in titles


@pytest.mark.parametrize("who", ["moderator", "owner", "editor"])
def test_moderators_still_see_it(client, people, hidden_thread, who):
    thread, _reply, _stored = hidden_thread
    login(client, people[who])
    base = f"/en/communities/{thread.community.slug}"
    assert TITLE in client.get(f"{base}/").content.decode()
    page = client.get(f"{base}/t/{thread.pk}/")
    assert page.status_code == 200 and "Hidden by a moderator" in page.content.decode()
    assert client.get(f"/api/v2/communities/threads/{thread.pk}/").status_code == 200


def test_restoring_the_opening_post_brings_it_back(client, people, hidden_thread):
    thread, _reply, _stored = hidden_thread
    opening = thread.posts.get(is_opening=True)
    login(client, people["moderator"])
    client.post(f"/en/communities/posts/{opening.pk}/unhide/")
    login(client, people["member"])
    assert client.get(f"/en/communities/{thread.community.slug}/t/{thread.pk}/").status_code == 200


def _searched(client, user):
    login(client, user)
    html = client.get("/en/search/", {"q": "zebra"}).content.decode()
    return html.replace("<mark>", "").replace("</mark>", "")


def test_moderators_find_it_in_site_search_and_readers_do_not(client, people, hidden_thread):
    thread, _reply, _stored = hidden_thread
    found = _searched(client, people["moderator"])
    assert TITLE in found and thread.get_absolute_url() in found
    found = _searched(client, people["member"])
    assert TITLE not in found and thread.get_absolute_url() not in found
