"""The part of a post every reader sees alike (byline, body, linked pages, files) is cached
per post, language and community version (``views.browse.post_contents``): a page of a thread
served again reads no post's pages or files, and whatever changes a post's look shows at once
(an edit, a hidden post, a member's role or name, a linked page's title). What depends on the
reader (the actions under a post) is never cached."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from communities import services
from communities.models import Membership, Profile, Role
from portal.models import HomePage, StandardPage

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the whole-page cache would answer before the view


@pytest.fixture
def thread(make_community, make_thread, people):
    community = make_community()
    thread = make_thread(community)
    for i in range(4):
        services.create_reply(thread, people["member"], f"Reply number {i}.")
    return thread


def _get(client, thread, **query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(thread.get_absolute_url(), query)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def _reads_post_parts(queries):
    """The queries for what a post's cached part shows: its linked pages, its files and its
    author's role (owner, moderator, staff)."""
    return [
        sql
        for sql in queries
        if '"communities_post_linked_pages"' in sql
        or "attachment" in sql
        or ('"communities_membership"' in sql and "change_community" in sql)
    ]


def test_a_page_served_again_reads_no_posts_pages_or_files(client, thread):
    first, queries = _get(client, thread)
    assert _reads_post_parts(queries)
    again, queries = _get(client, thread)
    assert _reads_post_parts(queries) == []
    assert again.count('class="post-body"') == first.count('class="post-body"') == 5
    assert "Reply number 3." in again


def test_an_edit_shows_at_once(client, thread, people):
    _get(client, thread)
    reply = thread.posts.filter(is_opening=False).order_by("pk").first()
    services.edit_post(reply, people["member"], "Reply number 0, corrected.")
    html, _queries = _get(client, thread)
    assert "Reply number 0, corrected." in html and "Reply number 0." not in html


def test_a_role_and_a_name_show_at_once(client, thread, people):
    html, _queries = _get(client, thread)
    assert "badge-moderator" not in html and "Mia Chan" not in html
    Membership.objects.filter(user=people["member"], community=thread.community).update(
        role=Role.MODERATOR
    )
    Membership.objects.get(user=people["member"], community=thread.community).save()
    Profile.objects.create(user=people["member"], display_name="Mia Chan")
    html, _queries = _get(client, thread)
    assert "badge-moderator" in html and "Mia Chan" in html


def test_a_linked_pages_new_title_shows_at_once(client, thread, people):
    home = HomePage.objects.get(locale=Locale.get_default())
    page = StandardPage(title="Fire drill checklist", slug="fire-drill-checklist")
    home.add_child(instance=page)
    page.save_revision().publish()
    services.create_reply(thread, people["member"], "See [the list](/en/fire-drill-checklist/)")
    html, _queries = _get(client, thread)
    assert "Fire drill checklist" in html  # the linked page's card
    page.title = "Fire drill checklist, 2026 edition"
    page.save_revision().publish()
    html, _queries = _get(client, thread)
    assert "Fire drill checklist, 2026 edition" in html


def test_a_hidden_post_leaves_the_readers_page_at_once(client, thread, people):
    _get(client, thread)
    reply = thread.posts.filter(is_opening=False).order_by("pk").last()
    services.set_post_hidden(reply, people["moderator"], True, "off topic")
    html, _queries = _get(client, thread)
    assert "Reply number 3." not in html
    moderator_view, _queries = _get(login(client, people["moderator"]), thread)
    assert "Reply number 3." in moderator_view and "Hidden by a moderator" in moderator_view


def test_the_actions_are_the_readers_own(client, thread, people):
    """The cached part is shared; the actions under it are not: the author may edit their
    own reply, another member may not, and an anonymous reader sees no action."""
    anonymous, _queries = _get(client, thread)
    assert 'class="post-actions"' not in anonymous
    author_view, _queries = _get(login(client, people["member"]), thread)
    client.logout()
    other_view, _queries = _get(login(client, people["author"]), thread)
    own_edits = author_view.count("/edit/")
    assert own_edits >= 4  # their four replies
    assert other_view.count("/edit/") < own_edits


def test_each_language_has_its_own_copy(client, thread):
    english, _queries = _get(client, thread)
    french_url = thread.get_absolute_url().replace("/en/", "/fr/", 1)
    response = client.get(french_url)
    assert response.status_code == 200
    french = response.content.decode()
    assert 'lang="fr"' in french
    assert english.split('class="post-list"')[1] != french.split('class="post-list"')[1]
