"""What every API operation shares (portal/api*.py): the index, the v1 redirects, one error
shape, tokens resolved once for every operation, and the reader's language parameter."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from communities.models import ApiToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return get_user_model().objects.create_user("api-reader", password="pw-Secret-1")


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_the_index_lists_the_sections_and_the_document(client):
    for path in ("/api/", "/api/v2/"):
        response = client.get(path)
        assert response.status_code == 200
        index = response.json()
        assert index["version"] == "2"
        assert index["openapi"] == "http://localhost/api/v2/openapi.json"
        for section in ("resources", "search", "communities", "compliance", "taxonomy"):
            assert index["endpoints"][section] == f"http://localhost/api/v2/{section}/"
        assert client.get(index["openapi"].removeprefix("http://localhost")).status_code == 200


def test_version_one_paths_are_sent_to_version_two_with_method_and_query(client):
    response = client.get("/api/taxonomy/?lang=fr")
    assert response.status_code == 308
    assert response["Location"] == "/api/v2/taxonomy/?lang=fr"
    response = client.post(
        "/api/communities/threads/1/replies/", {}, content_type="application/json"
    )
    assert response.status_code == 308  # 308: a client repeats the POST, body and all
    assert client.get("/api/openapi.json")["Location"] == "/api/v2/openapi.json"


@pytest.mark.parametrize(
    ("path", "method", "status", "code"),
    [
        ("/api/v2/taxonomy/?lang=xx", "get", 400, "unknown_language"),
        ("/api/v2/resources/?page=0", "get", 400, "bad_request"),
        ("/api/v2/communities/no-such-community/", "get", 404, "not_found"),
        ("/api/v2/no-such-section/", "get", 404, "not_found"),
        ("/api/v2/communities/notifications/", "get", 401, "not_authenticated"),
        ("/api/v2/taxonomy/", "delete", 405, "method_not_allowed"),
    ],
)
def test_every_error_has_one_shape(client, path, method, status, code):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["error"], str) and body["error"]


def test_errors_speak_the_language_asked_for(client):
    response = client.get("/api/v2/taxonomy/?lang=xx", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["code"] == "unknown_language"
    assert "Langue inconnue" in response.json()["error"]


def test_taxonomy_in_the_readers_language(client):
    french = client.get("/api/v2/taxonomy/?lang=fr").json()
    english = client.get("/api/v2/taxonomy/?lang=en").json()
    assert french["language"] == "fr"
    assert {c["slug"] for c in french["countries"]} == {c["slug"] for c in english["countries"]}
    assert {c["name"] for c in french["countries"]} != {c["name"] for c in english["countries"]}


def test_an_unknown_or_revoked_token_is_refused_everywhere(client, user):
    token, key = ApiToken.issue(user, "laptop")
    for headers in (bearer("no-such-key"), bearer(""), bearer("x" * 500)):
        response = client.get("/api/v2/taxonomy/", **headers)  # a public operation too
        assert response.status_code == 401
        assert response.json()["code"] == "invalid_token"
        assert response["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert client.get("/api/v2/communities/notifications/", **bearer(key)).status_code == 200
    token.revoke()
    response = client.get("/api/v2/communities/notifications/", **bearer(key))
    assert response.status_code == 401 and response.json()["code"] == "invalid_token"


def test_a_deactivated_users_token_is_refused(client, user):
    _token, key = ApiToken.issue(user, "laptop")
    user.is_active = False
    user.save()
    assert client.get("/api/v2/taxonomy/", **bearer(key)).status_code == 401


def test_a_read_token_reads_and_may_not_write(client, user):
    _token, key = ApiToken.issue(user, "dashboard", ApiToken.READ)
    assert client.get("/api/v2/communities/notifications/", **bearer(key)).status_code == 200
    response = client.post(
        "/api/v2/communities/threads/1/replies/",
        json.dumps({"body": "hello"}),
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"


def test_a_token_is_stored_hashed_and_its_use_noted(client, user):
    token, key = ApiToken.issue(user, "phone")
    assert key not in {token.digest, token.prefix} and token.prefix == key[:8]
    assert not ApiToken.objects.filter(digest=key).exists()
    assert token.last_used_at is None
    client.get("/api/v2/taxonomy/", **bearer(key))
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None and (timezone.now() - first_use).total_seconds() < 60
    client.get("/api/v2/taxonomy/", **bearer(key))
    token.refresh_from_db()
    assert token.last_used_at == first_use  # written at most once a minute


def test_a_token_is_not_a_session(client, user):
    """A token authenticates its own request only: nothing is stored in a session."""
    _token, key = ApiToken.issue(user, "phone")
    response = client.get("/api/v2/communities/notifications/", **bearer(key))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert client.get("/api/v2/communities/notifications/").status_code == 401
