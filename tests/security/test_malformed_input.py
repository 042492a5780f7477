"""What the portal answers to malformed input, one kind at a time (the walk in
test_hostile_input.py only asserts "never 5xx"): a NUL or invalid UTF-8 anywhere a user can put
text is the portal's 400 page in the reader's language (JSON under /api/) and stores nothing;
numbers past 64 bits are "not found"."""

import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from communities.models import Membership, Post, Thread

pytestmark = pytest.mark.django_db


def _is_portal_400(response, language):
    """The portal's own 400 page (not a form shown again with its errors), in `language`."""
    with translation.override(language):
        title = gettext("Bad request")
    html = response.content.decode()
    return response.status_code == 400 and f'<html lang="{language}"' in html and title in html


@pytest.mark.parametrize(
    "path",
    [
        "/fr/communities/people/%00/",  # a slug-like path parameter
        "/fr/communities/invitations/a%00b/",
        "/fr/%00/",  # the page router
    ],
)
def test_nul_in_the_path_is_the_400_page(client, world, path):
    assert _is_portal_400(client.get(path), "fr")


def test_invalid_utf8_in_the_path_is_looked_up_percent_encoded(client, world):
    """Django keeps such bytes percent-encoded in the path: nothing by that name is found."""
    assert client.get("/fr/communities/people/%c3%28/").status_code == 404


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "country=%c3%28", "q=%ed%a0%80"])
def test_nul_or_invalid_utf8_in_the_query_is_the_400_page(client, world, query):
    response = client.get(f"/ar/compliance/transparency/?{query}")
    assert _is_portal_400(response, "ar")
    assert 'dir="rtl"' in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/communities/%00/",
        "/api/v2/compliance/transparency?country=%00",
        "/api/v2/compliance/aggregates?country=a%00b",
        "/api/v2/search/?q=%c3%28",
    ],
)
def test_nul_or_invalid_utf8_under_the_api_is_a_json_400(client, world, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == {"error": "Bad request.", "code": "bad_request"}


def test_nul_in_a_form_field_stores_nothing(client, world):
    client.force_login(world.user("member"))
    threads = Thread.objects.count()
    response = client.post(
        "/en/communities/sec-public/new/",
        "title=Hello%00there&body=Some+text",
        content_type="application/x-www-form-urlencoded",
    )
    assert _is_portal_400(response, "en")
    assert Thread.objects.count() == threads


def test_invalid_utf8_in_a_form_field_is_refused_not_replaced(client, world):
    """Django would silently replace the bytes with U+FFFD and store that."""
    client.force_login(world.user("member"))
    threads = Thread.objects.count()
    response = client.post(
        "/en/communities/sec-public/new/",
        "title=Caf%e9&body=Latin-1+is+not+UTF-8",
        content_type="application/x-www-form-urlencoded",
    )
    assert _is_portal_400(response, "en")
    assert Thread.objects.count() == threads


def test_nul_in_a_multipart_field_read_without_a_form_is_refused(client, world):
    """factory_access reads ``buyer`` straight from request.POST (no Django form, whose
    fields refuse NUL themselves)."""
    client.force_login(world.user("factory_user"))
    response = client.post(
        "/en/compliance/factories/F1/access/", {"buyer": "sec-buyer\x00", "expires": ""}
    )
    assert _is_portal_400(response, "en")


@pytest.mark.parametrize("body", ["\x00", "a\x00b", {"nested": "\x00"}])
def test_nul_in_a_json_body_is_a_json_400_and_stores_nothing(client, world, body):
    client.force_login(world.user("member"))
    posts = Post.objects.count()
    response = client.post(
        f"/api/v2/communities/threads/{world.ids['public_thread']}/replies/",
        json.dumps({"body": body}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]
    assert Post.objects.count() == posts


def test_a_session_cookie_with_nul_counts_as_no_session(client, world):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    response = client.get("/en/communities/")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/resources/99999999999999999999/",
        "/en/communities/posts/99999999999999999999/edit/",
    ],
)
def test_ids_past_64_bits_are_not_found(client, world, path):
    client.force_login(world.user("superuser"))
    response = client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert response.json() == {"error": "Not found.", "code": "not_found"}


def test_suspending_a_member_with_an_id_past_64_bits_is_not_found(client, world):
    client.force_login(world.user("moderator"))
    before = list(Membership.objects.values_list("pk", "status"))
    response = client.post("/en/communities/sec-public/members/99999999999999999999/suspend/")
    assert response.status_code == 404
    assert list(Membership.objects.values_list("pk", "status")) == before


def test_a_thread_list_page_past_64_bits_is_a_json_400(client, world):
    response = client.get("/api/v2/communities/sec-public/threads/?page=99999999999999999999")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_a_method_the_api_does_not_allow_is_a_json_405(client, world):
    response = client.get(f"/api/v2/communities/threads/{world.ids['public_thread']}/replies/")
    assert response.status_code == 405
    assert response.json() == {"error": "Method not allowed.", "code": "method_not_allowed"}
    assert "POST" in response["Allow"]
