"""Wagtail's page view with the site, the home page, the route and the view restrictions read
from fragments (portal/serving.py): nothing served from them outlives the change it depends on,
a restriction holds from the very next request, and an alias keeps its source's restrictions.
These tests run the real on-commit path of the cache versions."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal.models import HomePage, StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.cache_bumps_on_commit]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def home():
    return HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def section(home, committed):
    with committed():
        page = home.add_child(instance=StandardPage(title="Guidance", slug="guidance"))
        page.save_revision().publish()
    with committed():
        child = page.add_child(instance=StandardPage(title="Fire drills", slug="fire-drills"))
        child.save_revision().publish()
    return page, child


def status(client, url):
    return client.get(url).status_code


def moved_to(client, url):
    response = client.get(url)
    assert response.status_code == 301
    return response["Location"]


def test_a_routed_page_is_read_without_the_site_locale_or_restriction_queries(
    client, section, django_assert_max_num_queries
):
    _parent, child = section
    assert status(client, child.url) == 200
    # Wagtail alone reads the site, the locale, the home page, each level's specific page and
    # the restrictions of the page's ancestors; all of it is cached now.
    with django_assert_max_num_queries(2):
        response = client.get(child.url)
    assert response.status_code == 200 and "Fire drills" in response.content.decode()


def test_a_restriction_on_an_ancestor_holds_from_the_next_request(client, section, committed):
    parent, child = section
    assert status(client, child.url) == 200
    with committed():
        PageViewRestriction.objects.create(page=parent, restriction_type="login")
    response = client.get(child.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_group_restriction_keeps_out_a_reader_of_another_group(
    client, section, committed, django_user_model
):
    parent, child = section
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    assert status(client, child.url) == 200
    staff = Group.objects.create(name="Programme staff only")
    with committed():
        restriction = PageViewRestriction.objects.create(page=parent, restriction_type="groups")
        restriction.groups.add(staff)
    assert status(client, child.url) == 302
    reader.groups.add(staff)
    assert status(client, child.url) == 200


def test_unpublish_move_and_new_slug_show_at_once(client, home, section, committed):
    parent, child = section
    assert status(client, child.url) == 200
    with committed():
        child.unpublish()
    assert status(client, "/en/guidance/fire-drills/") == 404
    with committed():
        child.save_revision().publish()
    assert status(client, "/en/guidance/fire-drills/") == 200
    child = StandardPage.objects.get(pk=child.pk)
    child.slug = "evacuation-drills"
    with committed():
        child.save_revision().publish()
    # The old URL is no page any more: Wagtail's automatic redirect answers it.
    assert moved_to(client, "/en/guidance/fire-drills/") == "/en/guidance/evacuation-drills/"
    assert status(client, "/en/guidance/evacuation-drills/") == 200
    with committed():
        Page.objects.get(pk=child.pk).move(home, pos="last-child")
    assert moved_to(client, "/en/guidance/evacuation-drills/") == "/en/evacuation-drills/"
    assert status(client, "/en/evacuation-drills/") == 200


def test_an_alias_keeps_its_source_restriction(client, home, section, committed):
    parent, child = section
    with committed():
        alias = child.create_alias(parent=home, update_slug="drills-everywhere")
    assert status(client, "/en/drills-everywhere/") == 200
    with committed():
        PageViewRestriction.objects.create(page=child, restriction_type="login")
    # The alias's tree path is outside the restricted one: Wagtail's own check must decide.
    assert status(client, alias.url) == 302
    assert status(client, child.url) == 302


def test_a_new_site_hostname_is_routed_at_once(client, home, committed, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "portal.example.org"]
    assert status(client, "/en/") == 200
    assert client.get("/en/", HTTP_HOST="portal.example.org").status_code == 200
    site = Site.objects.get(is_default_site=True)
    other = Page.objects.get(depth=1).add_child(
        instance=HomePage(title="Other site home", slug="other-home")
    )
    other.save_revision().publish()
    with committed():
        Site.objects.create(hostname="portal.example.org", port=80, root_page=other)
    response = client.get("/en/", HTTP_HOST="portal.example.org")
    assert response.status_code == 200 and "Other site home" in response.content.decode()
    assert site.root_page.title in client.get("/en/").content.decode()
