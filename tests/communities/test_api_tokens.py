"""Personal API tokens (issue 16): made, listed and revoked on the profile page and through the
accounts API (/api/v2/accounts/), and what a token may then do; the accounts API's profile and
notification preferences; the community_token command."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from communities.models import ApiToken, Profile

from .conftest import login

pytestmark = pytest.mark.django_db

PROFILE = "/en/accounts/profile/"
CREATE = "/en/accounts/profile/tokens/"
ME = "/api/v2/accounts/me"
PREFS = "/api/v2/accounts/me/notification-preferences"
TOKENS = "/api/v2/accounts/tokens"


def revoke_url(token):
    return f"/en/accounts/profile/tokens/{token.pk}/revoke/"


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def csrf_client(user):
    """A browser: the session cookie and the CSRF token a page gave it."""
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    browser.force_login(user)
    browser.get(PROFILE)
    return browser, browser.cookies["csrftoken"].value


def create_in_page(client, name="My script", scope=ApiToken.READ):
    response = client.post(CREATE, {"name": name, "scope": scope})
    assert response.status_code == 200, response.content
    key = re.search(r'id="new-token-key"[^>]*>([^<]+)<', response.content.decode()).group(1)
    return response, key


def all_columns_text():
    """Every stored text of the token table, to look for a key in it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM communities_apitoken")
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


# --- the profile page -------------------------------------------------------------------------


def test_profile_page_creates_a_token_and_shows_the_key_once(client, people):
    login(client, people["member"])
    assert "API tokens" in client.get(PROFILE).content.decode()
    response, key = create_in_page(client, "Laptop script", ApiToken.WRITE)
    page = response.content.decode()
    assert "will not be shown again" in page
    assert response["Cache-Control"].count("no-store") == 1
    token = ApiToken.objects.get(user=people["member"])
    assert (token.name, token.scope, token.prefix) == ("Laptop script", ApiToken.WRITE, key[:8])
    # stored only hashed: the key is nowhere in the table
    assert token.digest == ApiToken.hash(key) and key not in all_columns_text()
    # the next visit lists it without the key
    again = client.get(PROFILE).content.decode()
    assert key not in again
    assert f"{key[:8]}…" in again and "Laptop script" in again and "Read and write" in again
    assert "never" in again


def test_profile_lists_only_own_tokens_with_last_use_and_revocation(client, people):
    mine, key = ApiToken.issue(people["member"], "used one")
    ApiToken.issue(people["member"], "gone")[0].revoke()
    ApiToken.issue(people["nonmember"], "someone else's")
    assert client.get(ME, **bearer(key)).status_code == 200  # sets last_used_at
    mine.refresh_from_db()
    assert mine.last_used_at is not None
    login(client, people["member"])
    response = client.get(PROFILE)
    page = response.content.decode()
    assert "used one" in page and "gone" in page and "someone else" not in page
    assert page.count("Revoked") == 1
    assert page.count("/revoke/") == 1  # only the live token can be revoked
    assert f'datetime="{mine.last_used_at.isoformat()}"' in page


def test_revoke_from_the_profile_page(client, people):
    token, key = ApiToken.issue(people["member"], "phone")
    login(client, people["member"])
    response = client.post(revoke_url(token))
    assert response.status_code == 302 and response["Location"].endswith("#api-tokens")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(ME, **bearer(key)).json()["code"] == "invalid_token"
    # still listed, as revoked; revoking again changes nothing
    revoked_at = token.revoked_at
    assert client.post(revoke_url(token)).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at == revoked_at
    assert "phone" in client.get(PROFILE).content.decode()


@pytest.mark.parametrize("who", ["anonymous", "other"])
def test_only_the_owner_revokes(client, people, who):
    token, _key = ApiToken.issue(people["member"], "phone")
    if who == "other":
        login(client, people["nonmember"])
        assert client.post(revoke_url(token)).status_code == 404
    else:
        response = client.post(revoke_url(token))
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.get(revoke_url(token)).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_anonymous_cannot_create(client):
    response = client.post(CREATE, {"name": "x", "scope": "read"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not ApiToken.objects.exists()


def test_the_page_forms_need_the_csrf_token(people):
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    browser.force_login(people["member"])
    token, _key = ApiToken.issue(people["member"], "phone")
    assert browser.post(CREATE, {"name": "x", "scope": "read"}).status_code == 403
    assert browser.post(revoke_url(token)).status_code == 403
    assert ApiToken.objects.count() == 1 and ApiToken.objects.get().revoked_at is None
    browser, csrf = csrf_client(people["member"])
    ok = browser.post(CREATE, {"name": "x", "scope": "read", "csrfmiddlewaretoken": csrf})
    assert ok.status_code == 200 and ApiToken.objects.count() == 2


@pytest.mark.parametrize(
    "form",
    [
        {"name": "", "scope": "read"},
        {"name": "   ", "scope": "read"},
        {"name": "x" * 101, "scope": "read"},
        {"name": "ok", "scope": "admin"},
        {"name": "ok"},
        {"name": "nul\x00", "scope": "read"},
    ],
)
def test_bad_input_creates_nothing(client, people, form):
    login(client, people["member"])
    response = client.post(CREATE, form)
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_bad_input_shows_the_form_error(client, people):
    login(client, people["member"])
    response = client.post(CREATE, {"name": "  ", "scope": "read"})
    assert "Please give the token a name." in response.content.decode()


def test_at_most_twenty_live_tokens(client, people):
    user = people["member"]
    tokens = [ApiToken.issue(user, f"t{n}")[0] for n in range(20)]
    login(client, user)
    response = client.post(CREATE, {"name": "one more", "scope": "read"})
    assert response.status_code == 400
    assert "Revoke one you no longer use first" in response.content.decode()
    assert ApiToken.objects.filter(user=user).count() == 20
    tokens[0].revoke()  # a revoked token frees a place
    create_in_page(client, "one more")
    assert ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() == 20


def test_profile_page_queries_do_not_grow_with_tokens(
    client, people, django_assert_max_num_queries
):
    ApiToken.issue(people["member"], "first")
    login(client, people["member"])
    client.get(PROFILE)
    with CaptureQueriesContext(connection) as one_token:
        client.get(PROFILE)
    for n in range(15):
        ApiToken.issue(people["member"], f"t{n}", ApiToken.WRITE)[0].revoke()
    with django_assert_max_num_queries(len(one_token)):
        page = client.get(PROFILE).content.decode()
    assert page.count("<code translate=") == 16


# --- what a token may do -----------------------------------------------------------------------


def test_read_token_reads_but_may_not_write(client, people):
    login(client, people["member"])
    _response, key = create_in_page(client, "reader", ApiToken.READ)
    other = Client(HTTP_HOST="localhost")
    me = other.get(ME, **bearer(key))
    assert me.status_code == 200 and me.json()["username"] == people["member"].username
    refused = other.patch(ME, {"bio": "changed"}, content_type="application/json", **bearer(key))
    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"
    assert not Profile.objects.filter(user=people["member"], bio="changed").exists()


def test_write_token_writes_and_revoked_token_is_refused(client, people, make_community):
    community = make_community("public")
    login(client, people["member"])
    _response, key = create_in_page(client, "writer", ApiToken.WRITE)
    other = Client(HTTP_HOST="localhost")
    posted = other.post(
        f"/api/v2/communities/{community.slug}/threads/",
        {"title": "By token", "body": "Hello"},
        content_type="application/json",
        **bearer(key),
    )
    assert posted.status_code == 201
    token = ApiToken.objects.get(user=people["member"])
    assert token.last_used_at is not None
    client.post(revoke_url(token))
    refused = other.get(ME, **bearer(key))
    assert refused.status_code == 401 and refused.json()["code"] == "invalid_token"


# --- the accounts API ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", ME),
        ("patch", ME),
        ("get", PREFS),
        ("put", PREFS),
        ("get", TOKENS),
        ("post", TOKENS),
        ("delete", f"{TOKENS}/1"),
    ],
)
def test_accounts_api_needs_a_signed_in_caller(client, method, url):
    response = getattr(client, method)(url, {}, content_type="application/json")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_me_reads_and_patches_the_profile(client, people):
    user = people["member"]
    _token, key = ApiToken.issue(user, "w", ApiToken.WRITE)
    data = client.get(ME, **bearer(key)).json()
    assert data["username"] == user.username and data["languages"] == []
    assert not Profile.objects.filter(user=user).exists()  # a read creates nothing
    response = client.patch(
        ME,
        {"display_name": "Mia K.", "languages": ["fr", "km"], "country": "cambodia"},
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 200, response.content
    assert response.json()["display_name"] == "Mia K."
    assert response.json()["languages"] == ["fr", "km"]
    assert response.json()["country"] == "cambodia"
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.languages) == ("Mia K.", "fr,km")
    # fields not sent keep their value; null clears the country
    client.patch(ME, {"bio": "Trainer."}, content_type="application/json", **bearer(key))
    client.patch(ME, {"country": None}, content_type="application/json", **bearer(key))
    profile.refresh_from_db()
    assert (profile.display_name, profile.bio, profile.country) == ("Mia K.", "Trainer.", None)


@pytest.mark.parametrize(
    "body,field",
    [
        ({"display_name": "x" * 121}, "display_name"),
        ({"languages": ["xx"]}, "languages"),
        ({"country": "atlantis"}, "country"),
        ({"bio": "b" * 1001}, "bio"),
    ],
)
def test_patch_me_refuses_like_the_form(client, people, body, field):
    _token, key = ApiToken.issue(people["member"], "w", ApiToken.WRITE)
    client.patch(ME, {"bio": "before"}, content_type="application/json", **bearer(key))
    response = client.patch(ME, body, content_type="application/json", **bearer(key))
    assert response.status_code == 400
    data = response.json()
    assert data["code"] == "bad_request" and data["detail"][0]["loc"] == ["body", field]
    assert Profile.objects.get(user=people["member"]).bio == "before"


@pytest.mark.parametrize("body", [{"display_name": None}, {"languages": "fr"}, "an object, please"])
def test_patch_me_refuses_malformed_bodies(client, people, body):
    _token, key = ApiToken.issue(people["member"], "w", ApiToken.WRITE)
    response = client.patch(ME, body, content_type="application/json", **bearer(key))
    assert response.status_code == 400
    assert not Profile.objects.filter(user=people["member"]).exists()


def test_notification_preferences(client, people):
    user = people["member"]
    _token, key = ApiToken.issue(user, "w", ApiToken.WRITE)
    assert client.get(PREFS, **bearer(key)).json() == {"email_mode": "immediate"}
    response = client.put(
        PREFS, {"email_mode": "daily"}, content_type="application/json", **bearer(key)
    )
    assert response.status_code == 200 and response.json() == {"email_mode": "daily"}
    assert Profile.objects.get(user=user).email_mode == "daily"
    bad = client.put(
        PREFS, {"email_mode": "hourly"}, content_type="application/json", **bearer(key)
    )
    assert bad.status_code == 400 and bad.json()["detail"][0]["loc"] == ["body", "email_mode"]
    assert Profile.objects.get(user=user).email_mode == "daily"
    # the HTML page shows the same preference
    login(client, user)
    page = client.get("/en/accounts/preferences/").content.decode()
    assert re.search(r'<input[^>]*value="daily"[^>]*checked', page)


def test_token_list_is_paged_and_own(client, people, django_assert_max_num_queries):
    user = people["member"]
    for n in range(5):
        ApiToken.issue(user, f"t{n}")
    revoked, _key = ApiToken.issue(user, "old")
    revoked.revoke()
    ApiToken.issue(people["nonmember"], "not mine")
    login(client, user)
    with django_assert_max_num_queries(6):
        page = client.get(f"{TOKENS}?page_size=4").json()
    assert page["count"] == 6 and page["num_pages"] == 2 and len(page["results"]) == 4
    assert "key" not in page["results"][0] and "digest" not in page["results"][0]
    rest = client.get(f"{TOKENS}?page_size=4&page=2").json()["results"]
    assert [t["name"] for t in rest][-1] == "old" and rest[-1]["revoked_at"] is not None
    assert client.get(f"{TOKENS}?page=3&page_size=4").status_code == 404


def test_create_token_with_the_session(people):
    browser, csrf = csrf_client(people["member"])
    refused = browser.post(TOKENS, {"name": "cli"}, content_type="application/json")
    assert refused.status_code == 403 and refused.json()["code"] == "csrf_failed"
    response = browser.post(
        TOKENS,
        {"name": "cli", "scope": "write"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert response.status_code == 201, response.content
    data = response.json()
    token = ApiToken.objects.get(user=people["member"])
    assert (data["id"], data["scope"], data["prefix"]) == (token.pk, "write", token.prefix)
    assert token.digest == ApiToken.hash(data["key"]) and data["key"] not in all_columns_text()
    me = Client(HTTP_HOST="localhost").get(ME, **bearer(data["key"]))
    assert me.json()["username"] == people["member"].username


def test_a_token_cannot_make_tokens(client, people):
    _token, key = ApiToken.issue(people["member"], "w", ApiToken.WRITE)
    response = client.post(
        TOKENS, {"name": "more", "scope": "write"}, content_type="application/json", **bearer(key)
    )
    assert response.status_code == 403 and response.json()["code"] == "session_required"
    assert ApiToken.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"name": "", "scope": "read"},
        {"name": "  ", "scope": "read"},
        {"name": "n" * 101, "scope": "read"},
        {"name": "ok", "scope": "admin"},
        {"scope": "read"},
        {"name": ["a"], "scope": "read"},
    ],
)
def test_create_token_bad_input(client, people, body):
    login(client, people["member"])
    response = client.post(TOKENS, body, content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "bad_request"
    assert not ApiToken.objects.exists()


def test_create_token_limit_is_a_conflict(client, people):
    for n in range(20):
        ApiToken.issue(people["member"], f"t{n}")
    login(client, people["member"])
    response = client.post(TOKENS, {"name": "21st"}, content_type="application/json")
    assert response.status_code == 409 and response.json()["code"] == "too_many_tokens"
    assert ApiToken.objects.count() == 20


def test_delete_token_own_only_and_self(client, people):
    other_token, other_key = ApiToken.issue(people["nonmember"], "theirs", ApiToken.WRITE)
    token, key = ApiToken.issue(people["member"], "mine", ApiToken.WRITE)
    refused = client.delete(f"{TOKENS}/{other_token.pk}", **bearer(key))
    assert refused.status_code == 404
    assert client.delete(f"{TOKENS}/99999999", **bearer(key)).status_code == 404
    other_token.refresh_from_db()
    assert other_token.revoked_at is None
    # a token revokes itself, and then is refused
    assert client.delete(f"{TOKENS}/{token.pk}", **bearer(key)).status_code == 204
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(ME, **bearer(key)).status_code == 401
    # a read token may not revoke (a write), even itself
    reader, reader_key = ApiToken.issue(people["member"], "reader")
    assert client.delete(f"{TOKENS}/{reader.pk}", **bearer(reader_key)).status_code == 403
    # the session revokes it
    login(client, people["member"])
    assert client.delete(f"{TOKENS}/{reader.pk}").status_code == 204
    reader.refresh_from_db()
    assert reader.revoked_at is not None


# --- the command ----------------------------------------------------------------------------------


def test_command_issues_read_or_write_tokens_and_revokes(people):
    out = StringIO()
    call_command("community_token", people["member"].username, "--name", "cron", stdout=out)
    key = out.getvalue().strip()
    token = ApiToken.objects.get(digest=ApiToken.hash(key))
    assert (token.name, token.scope, token.user) == ("cron", "read", people["member"])
    out = StringIO()
    call_command("community_token", people["member"].username, "--scope", "write", stdout=out)
    write = ApiToken.objects.get(digest=ApiToken.hash(out.getvalue().strip()))
    assert write.scope == "write"
    call_command("community_token", people["member"].username, "--revoke", token.prefix, stdout=out)
    token.refresh_from_db()
    write.refresh_from_db()
    assert token.revoked_at is not None and write.revoked_at is None


@pytest.mark.parametrize(
    "args",
    [
        ["nobody"],
        ["mia", "--scope", "admin"],
        ["mia", "--revoke", "zzzzzzzz"],
        ["mia", "--revoke", ""],
        ["mia", "--name", "n" * 101],
    ],
)
def test_command_refuses_bad_arguments(people, args):
    with pytest.raises((CommandError, SystemExit)):
        call_command("community_token", *args, stdout=StringIO(), stderr=StringIO())
    assert not ApiToken.objects.exists()
