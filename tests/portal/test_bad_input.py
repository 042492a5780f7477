"""Bad URLs and query strings get a normal page or a 404 page, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/xx/", "/zz/countries/", "/english/", "/e/"])
def test_unknown_language_prefix_is_a_404_page(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert "<html" in response.content.decode()


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "vi"])
def test_missing_page_404_is_in_the_pages_language(client, lang):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert "Traceback" not in html


@pytest.mark.parametrize(
    "query",
    [
        "q=%ff%fe",
        "q=%00",
        "page=-1&page=abc",
        "x[]=1&x[]=2",
        "q=" + "a" * 10_000,
        "%E0%A4%A=1",
        "q=<script>alert(1)</script>",
        "q=%ED%A0%80",  # a lone surrogate, as a browser would percent-encode it
        "=&&==&",
    ],
)
@pytest.mark.parametrize("path", ["/en/", "/ar/countries/", "/fr/countries/cambodia/"])
def test_malformed_query_strings_never_500(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400, 404)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_api_unknown_language_is_json_400(client):
    response = client.get("/api/v2/taxonomy/?lang=xx")
    assert response.status_code == 400
    assert response.json()["error"]


def test_api_unknown_path_is_json_404(client):
    response = client.get("/api/does-not-exist/")
    assert response.status_code == 404
    assert response.json() == {
        "error": "Not found. The API's index is at /api/.",
        "code": "not_found",
    }


def test_server_error_page_renders_in_language(client, settings):
    from django.test import RequestFactory
    from django.utils import translation

    from portal.views import server_error

    request = RequestFactory().get("/fr/boom/")
    with translation.override("fr"):
        response = server_error(request)
    assert response.status_code == 500
    assert '<html lang="fr"' in response.content.decode()


def test_permission_denied_page(client):
    from django.test import RequestFactory
    from django.utils import translation

    from portal.views import permission_denied

    with translation.override("ar"):
        response = permission_denied(RequestFactory().get("/ar/x/"))
    assert response.status_code == 403
    assert 'dir="rtl"' in response.content.decode()
