"""Issue 14 (design system) for communities: posts laid out as articles with role badges, a
Markdown preview that works without JavaScript and stores nothing, and the notification badge
in the header of every page."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from communities import services
from communities.models import Attachment, Notification, Post, PostRevision, Thread
from tests.security.xss import PAYLOADS as XSS_PAYLOADS

from .conftest import login
from .test_xss import _assert_clean

pytestmark = pytest.mark.django_db

SEARCH_PAGE = "/en/search/?q=wages"  # a page outside communities: the header is on every page


@pytest.fixture(autouse=True)
def _english():
    """URLs are reversed in the active language; a request to /ar/ leaves Arabic active."""
    with translation.override("en"):
        yield


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Thread, Post, PostRevision, Notification, Attachment)
    }


def _preview_region(html):
    match = re.search(r'<section class="post-preview".*?</section>', html, re.S)
    assert match, "no preview region"
    return match.group(0)


@pytest.fixture
def thread(make_community, make_thread, people):
    community = make_community("public")
    thread = make_thread(community)
    services.follow(people["owner"], thread=thread)  # a reply would notify the owner
    return thread


def _reply_url(thread):
    return f"/en/communities/{thread.community.slug}/t/{thread.pk}/reply/"


# --- Preview --------------------------------------------------------------------------------


def test_reply_preview_saves_nothing_and_keeps_the_text(
    client, people, thread, django_capture_on_commit_callbacks
):
    login(client, people["member"])
    before = _counts()
    body = "Hello **world**, @olga\n\n> quoted"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(_reply_url(thread), {"body": body, "preview": "1"})
    assert callbacks == []  # nothing queued either (notifications, e-mail, indexing)
    assert response.status_code == 200
    html = response.content.decode()
    region = _preview_region(html)
    assert 'aria-labelledby="preview-heading"' in region and 'aria-live="polite"' in region
    assert "<strong>world</strong>" in region and "<blockquote>" in region
    assert 'class="mention"' in region  # rendered like a post, mentions linked
    assert "Hello **world**, @olga" in html  # the textarea keeps the text
    assert _counts() == before
    # "Post reply" still posts
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_reply_url(thread), {"body": body})
    assert response.status_code == 302
    assert thread.posts.count() == 2
    assert Notification.objects.count() > before["Notification"]


def test_thread_preview_saves_nothing(client, people, thread):
    community = thread.community
    login(client, people["member"])
    before = _counts()
    response = client.post(
        f"/en/communities/{community.slug}/new/",
        {"title": "My _title_", "body": "A [link](https://example.org)", "preview": "1"},
    )
    assert response.status_code == 200
    region = _preview_region(response.content.decode())
    assert "My _title_" in region
    assert 'href="https://example.org"' in region
    assert _counts() == before


def test_edit_preview_saves_nothing(client, people, thread):
    post = thread.posts.get()
    login(client, people["author"])
    response = client.post(
        f"/en/communities/posts/{post.pk}/edit/",
        {"title": thread.title, "body": "Changed *text*", "preview": "1"},
    )
    assert response.status_code == 200
    assert "<em>text</em>" in _preview_region(response.content.decode())
    post.refresh_from_db()
    assert post.body == "Tell us **how**." and post.edited_at is None
    assert PostRevision.objects.count() == 0


def test_preview_with_a_file_stores_no_file_and_says_so(client, people, thread):
    login(client, people["member"])
    upload = io.BytesIO(b"%PDF-1.4\n%%EOF")
    upload.name = "notes.pdf"
    response = client.post(
        _reply_url(thread), {"body": "see file", "attachment": upload, "preview": "1"}
    )
    assert response.status_code == 200
    assert "Please choose it again before posting" in response.content.decode()
    assert Attachment.objects.count() == 0 and thread.posts.count() == 1


def test_preview_output_is_sanitised(client, people, thread):
    login(client, people["member"])
    body = "\n\n".join(XSS_PAYLOADS)
    response = client.post(_reply_url(thread), {"body": body, "preview": "1"})
    assert response.status_code == 200
    region = _preview_region(response.content.decode())
    _assert_clean(region)
    for tag in ("<script", "<iframe", "<svg", "<img", "<object", "<base", "<meta", "<style"):
        assert tag not in region.lower()
    assert 'href="javascript' not in region.lower() and 'href="data' not in region.lower()


def test_preview_validation_errors_like_posting(client, people, thread):
    login(client, people["member"])
    for data in ({"body": "   ", "preview": "1"}, {"body": "   "}):
        response = client.post(_reply_url(thread), data)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'class="errorlist' in html and 'class="field field-invalid"' in html
        assert 'class="post-preview"' not in html
    assert thread.posts.count() == 1


@pytest.mark.parametrize(
    "role,visibility,expected",
    [
        ("anonymous", "public", 302),
        ("nonmember", "public", 403),
        ("nonmember", "members", 403),
        ("nonmember", "private", 404),
    ],
)
def test_preview_refused_like_posting(
    client, people, make_community, make_thread, role, visibility, expected
):
    community = make_community(visibility)
    thread = make_thread(community)
    login(client, people[role])
    new = f"/en/communities/{community.slug}/new/"
    for url, data in (
        (_reply_url(thread), {"body": "<b>hi</b> **there**"}),
        (new, {"title": "t", "body": "**there**"}),
    ):
        refused = client.post(url, {**data, "preview": "1"})
        assert refused.status_code == expected
        assert b"<strong>there</strong>" not in refused.content
        assert client.post(url, data).status_code == expected  # posting: the same answer
    assert Post.objects.count() == 1


def test_preview_of_locked_thread_refused(client, people, thread):
    thread.locked = True
    thread.save()
    login(client, people["member"])
    assert client.post(_reply_url(thread), {"body": "x", "preview": "1"}).status_code == 403


def test_someone_elses_post_cannot_be_previewed_as_an_edit(client, people, thread):
    post = thread.posts.get()
    login(client, people["member"])
    response = client.post(
        f"/en/communities/posts/{post.pk}/edit/", {"body": "**mine**", "preview": "1"}
    )
    assert response.status_code == 403
    assert b"<strong>mine</strong>" not in response.content


def test_previews_share_the_posting_limit_without_spending_it(client, people, thread, settings):
    settings.COMMUNITIES_POST_RATE = "2/m"
    login(client, people["member"])
    url = _reply_url(thread)
    previews = [client.post(url, {"body": f"p{i}", "preview": "1"}).status_code for i in range(4)]
    assert previews == [200, 200, 200, 200]  # previews do not spend the posting budget
    assert [client.post(url, {"body": f"r{i}"}).status_code for i in range(2)] == [302, 302]
    # the budget is spent: a preview is refused like the next post would be
    assert client.post(url, {"body": "again", "preview": "1"}).status_code == 429
    assert client.post(url, {"body": "again"}).status_code == 429
    assert thread.posts.count() == 3


def test_previews_have_their_own_limit(client, people, thread, settings):
    settings.COMMUNITIES_PREVIEW_RATE = "2/m"
    login(client, people["member"])
    url = _reply_url(thread)
    codes = [client.post(url, {"body": "p", "preview": "1"}).status_code for i in range(3)]
    assert codes == [200, 200, 429]
    assert client.post(url, {"body": "posted"}).status_code == 302  # posting is unaffected


def test_api_is_unaffected_by_a_preview_field(client, people, thread):
    login(client, people["member"])
    response = client.post(
        f"/api/v2/communities/threads/{thread.pk}/replies/",
        {"body": "through the API", "preview": "1"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert thread.posts.filter(body="through the API").exists()


def test_forms_offer_preview_and_post(client, people, thread):
    login(client, people["member"])
    html = client.get(thread.get_absolute_url()).content.decode()
    form = html.split('id="reply"', 1)[1].split("</form>", 1)[0]
    assert re.search(r'<button type="submit" class="button">Post reply</button>', form)
    assert re.search(r'<button type="submit" name="preview"[^>]*>Preview</button>', form)
    assert 'class="help"' in form and '<label for="id_body">Message</label>' in form
    with translation.override("ar"):
        arabic = client.get(thread.get_absolute_url()).content.decode()
    assert 'dir="rtl"' in arabic and ">معاينة</button>" in arabic


# --- Thread page layout ---------------------------------------------------------------------


def test_posts_are_articles_with_author_role_time_and_actions(
    client, people, make_community, make_thread
):
    community = make_community("public")
    thread = make_thread(community, author=people["owner"])
    services.create_reply(thread, people["moderator"], "as moderator")
    services.create_reply(thread, people["editor"], "as staff")
    services.create_reply(thread, people["member"], "as member")
    login(client, people["member"])
    html = client.get(thread.get_absolute_url()).content.decode()
    posts = re.findall(r'<article class="post.*?</article>', html, re.S)
    assert len(posts) == 4
    badges = [re.findall(r'class="badge badge-role[^"]*">([^<]+)<', post) for post in posts]
    assert badges == [["Owner"], ["Moderator"], ["Staff"], []]
    for post in posts:
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', post)
        assert "/communities/people/" in post  # the author links to their profile
        assert ">Reply</a>" in post and ">Quote</a>" in post
    for post in posts[:3]:
        assert ">Flag</summary>" in post and ">Edit</a>" not in post
    assert ">Edit</a>" in posts[3] and ">Flag</summary>" not in posts[3]  # one's own post


# --- Notification badge ---------------------------------------------------------------------


def _notification_queries(queries):
    return [q["sql"] for q in queries if "communities_notification" in q["sql"]]


@pytest.fixture
def two_unread(people, make_community, make_thread, django_capture_on_commit_callbacks):
    community = make_community("public")
    services.follow(people["member"], community=community)
    with django_capture_on_commit_callbacks(execute=True):
        make_thread(community, title="One")
        make_thread(community, title="Two")
    assert Notification.objects.filter(user=people["member"], read_at__isnull=True).count() == 2
    return community


def header(response):
    """The site header, where the badge lives (the search page has other counts elsewhere)."""
    html = response.content.decode()
    return html[html.index('<header class="site-header"') : html.index("</header>")]


def test_anonymous_sees_no_badge_and_costs_no_query(client, two_unread):
    with CaptureQueriesContext(connection) as queries:
        html = header(client.get(SEARCH_PAGE))
    assert 'class="notification-link"' not in html and "badge-count" not in html
    assert _notification_queries(queries.captured_queries) == []


def test_badge_counts_unread_on_every_page_then_clears(client, people, two_unread):
    login(client, people["member"])
    for url in (SEARCH_PAGE, "/en/communities/", two_unread.get_absolute_url()):
        with CaptureQueriesContext(connection) as queries:
            html = header(client.get(url))
        assert '<span class="badge-count">2</span>' in html, url
        assert '<span class="visually-hidden">Notifications, 2 unread</span>' in html
        assert 'href="/en/communities/notifications/"' in html
        assert len(_notification_queries(queries.captured_queries)) == 1, url  # one query
    assert client.post("/en/communities/notifications/").status_code == 302
    html = header(client.get(SEARCH_PAGE))
    assert 'class="notification-link"' in html and "badge-count" not in html
    assert "unread" not in html.split('class="notification-link"', 1)[1].split("</a>", 1)[0]


def test_badge_is_the_readers_own(client, people, two_unread):
    login(client, people["member"])
    assert "badge-count" in header(client.get(SEARCH_PAGE))
    login(client, people["owner"])  # same client, another reader: never a cached count
    html = header(client.get(SEARCH_PAGE))
    assert 'class="notification-link"' in html and "badge-count" not in html


def test_badge_query_budget(client, people, two_unread):
    """Signed in, the badge adds its one COUNT (and, for a non-editor, the permission lookups
    any has_perm makes once per request)."""
    client.get(SEARCH_PAGE)
    with CaptureQueriesContext(connection) as anonymous:
        client.get(SEARCH_PAGE)
    login(client, people["member"])
    client.get(SEARCH_PAGE)
    with CaptureQueriesContext(connection) as signed_in:
        client.get(SEARCH_PAGE)
    # session + user load, the COUNT, and at most two permission queries
    assert len(signed_in) - len(anonymous) <= 5
