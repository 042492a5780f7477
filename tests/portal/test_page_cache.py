"""The anonymous page cache (portal/page_cache.py): who gets a cached page, what is never
stored, and that a change shows on the very next request."""

import os

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Locale, Page, PageViewRestriction

from portal.models import CacheVersion, HomePage, StandardPage
from search.models import SearchQueryStat

pytestmark = pytest.mark.django_db

ABOUT = "/en/about/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_MAX_AGE = 60
    settings.PAGE_CACHE_CDN_MAX_AGE = 300


@pytest.fixture
def home():
    return HomePage.objects.get(locale=Locale.get_default())


def add_page(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_second_anonymous_read_is_a_hit_with_no_query(client, django_assert_num_queries):
    first = client.get(ABOUT)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):  # the versions were read by the first request
        second = client.get(ABOUT)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


def test_without_a_local_copy_of_the_versions_a_hit_reads_them(
    client, settings, django_assert_num_queries
):
    settings.CACHE_VERSIONS_LOCAL_SECONDS = 0
    client.get(ABOUT)
    with django_assert_num_queries(1):  # the versions the copy was built from
        assert client.get(ABOUT)["X-Page-Cache"] == "hit"


class Clock:
    """``time.monotonic`` as the cache versions see it, moved on by hand."""

    def __init__(self, monkeypatch):
        from portal import cache_versions

        self.now = 1000.0
        monkeypatch.setattr(cache_versions.time, "monotonic", lambda: self.now)


def test_another_process_change_is_seen_once_the_local_copy_is_older_than_allowed(
    client, settings, monkeypatch
):
    settings.CACHE_VERSIONS_LOCAL_SECONDS = 1.0
    clock = Clock(monkeypatch)
    client.get(ABOUT)
    # Another process (a worker, an import) bumps the token: only the database changes here.
    CacheVersion.objects.update_or_create(name="content", defaults={"token": "elsewhere"})
    clock.now += 0.5
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"
    clock.now += 0.6
    assert client.get(ABOUT)["X-Page-Cache"] == "miss"
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"


def test_a_change_in_this_process_is_seen_at_once_whatever_the_local_copy(
    client, settings, monkeypatch
):
    settings.CACHE_VERSIONS_LOCAL_SECONDS = 3600.0
    Clock(monkeypatch)
    client.get(ABOUT)
    page = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    page.title = "Renamed while the copy is young"
    page.save_revision().publish()
    fresh = client.get(ABOUT)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Renamed while the copy is young" in fresh.content.decode()


def test_cdn_headers_on_anonymous_pages(client):
    for response in (client.get(ABOUT), client.get(ABOUT)):
        control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert control == {"public", "max-age=60", "s-maxage=300"}
        assert "Cookie" in response["Vary"]
        # The security headers are set on a hit as on a miss.
        assert response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"


def test_the_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(ABOUT)
    assert "X-Page-Cache" not in client.get(ABOUT)


def test_a_head_request_is_answered_from_the_cache_without_a_body(client):
    client.get(ABOUT)
    head = client.head(ABOUT)
    assert head.status_code == 200 and head["X-Page-Cache"] == "hit" and head.content == b""


def test_a_signed_in_reader_never_gets_or_makes_a_cached_page(client, django_user_model):
    client.get(ABOUT)  # an anonymous copy is stored
    user = django_user_model.objects.create_superuser("reader", "r@example.org", "pw-Secret-1")
    signed_in = Client(HTTP_HOST="localhost")
    signed_in.force_login(user)
    for _ in range(2):
        response = signed_in.get(ABOUT)
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "wagtail-userbar" in response.content.decode()  # an editor's page
    assert "wagtail-userbar" not in client.get(ABOUT).content.decode()


def test_a_session_or_pending_message_bypasses_the_cache(client):
    client.get(ABOUT)
    for cookie in ("sessionid", "messages"):
        other = Client(HTTP_HOST="localhost")
        other.cookies[cookie] = "x"
        response = other.get(ABOUT)
        assert "X-Page-Cache" not in response, cookie
        assert "private" in response["Cache-Control"]
    token = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION="Bearer nonsense")
    assert "X-Page-Cache" not in token.get(ABOUT)


def test_a_page_with_a_form_token_or_a_cookie_is_never_stored(client):
    """The login page embeds a CSRF token (one reader's) and sets its cookie."""
    for _ in range(2):
        response = client.get("/en/accounts/login/")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_a_redirect_or_an_error_is_not_stored(client):
    assert client.get("/en/no-such-page/").status_code == 404
    second = client.get("/en/no-such-page/")
    assert second.status_code == 404 and "X-Page-Cache" not in second
    assert "X-Page-Cache" not in client.get("/en/factory/")


def test_a_publish_shows_at_once(client, committed):
    client.get(ABOUT)
    page = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    with committed():
        page.title = "A title published just now"
        page.save_revision().publish()
    response = client.get(ABOUT)
    assert response["X-Page-Cache"] == "miss"
    assert "A title published just now" in response.content.decode()
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"


def test_a_draft_or_its_preview_never_reaches_readers(client, committed):
    """Wagtail renders a preview through the middleware, on a request for the page's own URL
    without the editor's cookies: it must neither be answered from nor stored in the cache."""
    before = client.get(ABOUT).content
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"
    page = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    with committed():
        page.title = "Draft title nobody may read"
        page.save_revision()
    preview = page.make_preview_request()
    assert "Draft title nobody may read" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    after = client.get(ABOUT)
    assert after.content == before
    assert "Draft title nobody may read" not in after.content.decode()


def test_private_content_never_reaches_an_anonymous_reader(
    client, home, committed, django_user_model
):
    """A page only signed-in readers may see: a member's visit is not stored for anyone, and
    a public page restricted after it was cached is refused at once."""
    with committed():
        members = add_page(home, "For members only", "members-only")
        PageViewRestriction.objects.create(page=members, restriction_type="login")
    user = django_user_model.objects.create_user("member", password="pw-Secret-1")
    member = Client(HTTP_HOST="localhost")
    member.force_login(user)
    assert member.get("/en/members-only/").status_code == 200
    anonymous = client.get("/en/members-only/")
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]

    with committed():
        later = add_page(home, "Soon private", "soon-private")
    assert client.get("/en/soon-private/").status_code == 200
    assert client.get("/en/soon-private/")["X-Page-Cache"] == "hit"
    with committed():
        PageViewRestriction.objects.create(
            page=Page.objects.get(pk=later.pk), restriction_type="login"
        )
    refused = client.get("/en/soon-private/")
    assert refused.status_code == 302 and "Soon private" not in refused.content.decode()


def test_a_deleted_page_is_gone_at_once(client, home, committed):
    with committed():
        page = add_page(home, "Short lived", "short-lived")
    client.get("/en/short-lived/")
    assert client.get("/en/short-lived/")["X-Page-Cache"] == "hit"
    with committed():
        Page.objects.get(pk=page.pk).delete()
    assert client.get("/en/short-lived/").status_code == 404


def test_each_language_and_query_is_its_own_copy(client):
    english, french = client.get("/en/countries/"), client.get("/fr/countries/")
    assert english.content != french.content
    assert client.get("/fr/countries/")["X-Page-Cache"] == "hit"
    assert client.get("/en/countries/?page=2")["X-Page-Cache"] == "miss"


def test_search_statistics_count_every_search_even_when_cached(client):
    for _ in range(3):
        assert client.get("/en/search/?q=overtime").status_code == 200
    assert client.get("/en/search/?q=overtime")["X-Page-Cache"] == "hit"
    stat = SearchQueryStat.objects.get(query="overtime", language="en")
    assert stat.searches == 4


def test_a_new_editors_pick_shows_on_a_cached_search_at_once(client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    assert "editors-picks" not in client.get("/en/search/?q=labour+law").content.decode()
    assert client.get("/en/search/?q=labour+law")["X-Page-Cache"] == "hit"
    about = Page.objects.get(slug="about", locale__language_code="en")
    pick = SearchPromotion.objects.create(
        query=Query.get("labour law"), page=about, sort_order=0, description="Start here"
    )
    assert "Start here" in client.get("/en/search/?q=labour+law").content.decode()
    pick.delete()
    assert "Start here" not in client.get("/en/search/?q=labour+law").content.decode()


@pytest.fixture
def purge_listener():
    """A caching proxy on loopback that records the PURGE requests it gets."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", purged
    server.shutdown()


def test_a_publish_purges_the_cdn_when_one_is_configured(settings, purge_listener):
    location, purged = purge_listener
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    page = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    page.title = "Purged on publish"
    page.save_revision().publish()
    assert ("localhost", "/en/about/") in purged
    purged.clear()
    page.unpublish()
    assert ("localhost", "/en/about/") in purged


def test_a_made_up_long_query_is_served_but_not_stored(client):
    url = ABOUT + "?utm=" + "x" * 1200
    assert client.get(url).status_code == 200
    assert "X-Page-Cache" not in client.get(url)


@pytest.fixture
def shared_cache(settings):
    """Redis as the cache every process shares (a database of its own, emptied after)."""
    import socket

    with socket.socket() as probe:
        probe.settimeout(1)
        if probe.connect_ex(("127.0.0.1", 6379)) != 0:
            message = "Redis is not running on 127.0.0.1:6379 (apt install redis-server)"
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(message)
            pytest.skip(message)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "KEY_PREFIX": f"page-cache-test-{os.getpid()}",
        }
    }
    settings.CACHE_VERSIONS_SHARED = True
    # What the shared copy does, without this process's own copy in front of it.
    settings.CACHE_VERSIONS_LOCAL_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


def test_with_a_shared_cache_a_hit_reads_its_versions_beside_the_page(
    client, shared_cache, django_assert_num_queries
):
    client.get(ABOUT)
    with django_assert_num_queries(0):
        assert client.get(ABOUT)["X-Page-Cache"] == "hit"
    page = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    page.title = "Published beside a shared cache"
    page.save_revision().publish()  # the bump writes the database, then Redis
    fresh = client.get(ABOUT)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Published beside a shared cache" in fresh.content.decode()


def test_with_a_shared_cache_an_evicted_version_is_read_from_the_database(
    client, shared_cache, django_assert_num_queries
):
    client.get(ABOUT)
    client.get(ABOUT)
    cache.delete("cache-version:content")
    with django_assert_num_queries(1):
        assert client.get(ABOUT)["X-Page-Cache"] == "hit"
    CacheVersion.objects.update_or_create(name="content", defaults={"token": "changed"})
    cache.delete("cache-version:content")  # as when the copy expires
    assert client.get(ABOUT)["X-Page-Cache"] == "miss"
