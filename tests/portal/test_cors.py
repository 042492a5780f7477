"""CORS (django-cors-headers): only under /api/, only for the origins in CORS_ALLOWED_ORIGINS
(none by default), never with credentials."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

FRONT = "https://front.example"
ALLOW_ORIGIN = "Access-Control-Allow-Origin"


def test_no_cors_headers_by_default(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=FRONT)
    assert response.status_code == 200
    assert ALLOW_ORIGIN not in response


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/openapi.json", "/api/"])
def test_a_configured_origin_may_read_the_api(client, url):
    response = client.get(url, HTTP_ORIGIN=FRONT)
    assert response.status_code == 200
    assert response[ALLOW_ORIGIN] == FRONT
    assert "Access-Control-Allow-Credentials" not in response


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_api_errors_carry_the_header_too(client):
    response = client.get("/api/v2/pages/?limit=abc", HTTP_ORIGIN=FRONT)
    assert response.status_code == 400
    assert response[ALLOW_ORIGIN] == FRONT


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_other_origins_get_no_header(client):
    for origin in ("https://evil.example", "http://front.example", "https://front.example.evil"):
        response = client.get("/api/v2/pages/", HTTP_ORIGIN=origin)
        assert ALLOW_ORIGIN not in response, origin


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_preflight(client):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=FRONT,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert response.status_code == 200
    assert response[ALLOW_ORIGIN] == FRONT
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "authorization" in response["Access-Control-Allow-Headers"].lower()
    refused = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert ALLOW_ORIGIN not in refused


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
@pytest.mark.parametrize("url", ["/en/", "/en/about/", "/sitemap.xml", "/healthz"])
def test_html_pages_get_no_cors_headers(client, url):
    response = client.get(url, HTTP_ORIGIN=FRONT)
    assert response.status_code == 200
    assert ALLOW_ORIGIN not in response


def test_cors_origins_come_from_the_environment():
    from tests.portal.test_settings import settings_as_json

    values = settings_as_json(
        "[s.CORS_ALLOWED_ORIGINS, s.CORS_URLS_REGEX, s.CORS_ALLOW_CREDENTIALS,"
        " s.HEADLESS_PREVIEW_URL, s.WAGTAILAPI_BASE_URL]",
        CORS_ALLOWED_ORIGINS="https://a.example,https://b.example",
        HEADLESS_PREVIEW_URL=FRONT + "/preview",
        WAGTAILAPI_BASE_URL="https://portal.example",
    )
    assert values == [
        ["https://a.example", "https://b.example"],
        r"^/api/.*$",
        False,
        FRONT + "/preview",
        "https://portal.example",
    ]
