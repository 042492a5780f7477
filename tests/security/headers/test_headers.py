"""Content-Security-Policy (django-csp) and the other security headers on every HTML page, site
and admin; no third-party request from the API docs, avatars or embeds."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/en/",
    "/ar/about/",
    "/en/countries/cambodia/",
    "/en/search/?q=safety",
    "/en/communities/",
    "/en/accounts/login/",
    "/en/no-such-page/",
    "/api/v2/docs",
    "/admin/login/",
    "/django-admin/login/",
]
ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/reports/locked/", "/admin/users/"]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-Secret-1")
    client.force_login(admin)
    return client


def assert_strict_scripts(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert all(
        source == "'self'" or source.startswith("'nonce-") for source in policy["script-src"]
    )
    for sources in policy.values():
        assert not any(source.startswith(("http:", "https:", "*")) for source in sources)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_a_strict_policy_and_the_other_headers(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_strict_scripts(response)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]  # no nonce outside Wagtail's admin
    if not path.startswith("/admin/"):
        assert policy["style-src"] == ["'self'"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_allow_no_inline_script_without_the_nonce(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    assert_strict_scripts(response)
    # Wagtail's bundle inserts <style> elements: inline styles are allowed in the admin only.
    assert "'unsafe-inline'" in directives(response)["style-src"]


def test_only_wagtail_initialisers_get_the_nonce(admin_client):
    """The date filter of a report renders Wagtail's inline initialiser: it carries the nonce of
    the header; the page has no inline script without it."""
    response = admin_client.get("/admin/reports/locked/")
    html = response.content.decode()
    nonce = next(s for s in directives(response)["script-src"] if s.startswith("'nonce-"))
    assert f'<script nonce="{nonce[7:-1]}">initDateChooser(' in html
    assert "<script>" not in html


@pytest.mark.parametrize(
    "body",
    [
        'initDateChooser("id_x", {"format": "Y-m-d"});',
        'new PageChooser("id_page", {"modalUrl": "/admin/choose-page/"});',
        '(function() { var panel = new InlinePanel(JSON.parse("{\\u0022type\\u0022: 1}")); })();',
    ],
)
def test_wagtail_initialisers_are_recognised(body):
    from portal.admin_csp import is_wagtail_initialiser

    assert is_wagtail_initialiser(body)


@pytest.mark.parametrize(
    "body",
    [
        "alert(1)",
        'eval("alert(1)");',
        'new Function("alert(1)");',
        'initDateChooser("x", {}); alert(1)//',
        'initDateChooser("x", alert(1));',
        'initDateChooser("x", {"a": alert(1)});',
        'new PageChooser("x", {}), alert(1);',
        'setTimeout("alert(1)", 0);',
        '(function() { var panel = new InlinePanel(JSON.parse("x" + alert(1) + "")); })();',
        '(function() { var panel = new Evil(JSON.parse("{}")); })();',
    ],
)
def test_anything_else_gets_no_nonce(body):
    from portal.admin_csp import is_wagtail_initialiser

    assert not is_wagtail_initialiser(body)


def test_api_docs_serve_swagger_from_the_app(client):
    html = client.get("/api/v2/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui-init.js" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_no_gravatar_in_the_admin(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html


def test_an_embed_renders_a_link_and_asks_no_provider(client):
    from wagtail.embeds.models import Embed

    about = Page.objects.get(url_path="/home/about/", locale__language_code="en").specific
    about.body = json.dumps(
        [{"type": "embed", "value": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}]
    )
    about.save_revision().publish()
    html = client.get("/en/about/").content.decode()
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "View this content on youtube.com" in html
    assert "<iframe" not in html
    assert not Embed.objects.exists()
