"""A cached fragment (navigation, breadcrumbs, language versions, taxonomy labels, block items)
is never shown after the content it came from changed: the change, once committed, shows on
the very next request. These tests run the real on-commit path of the cache versions."""

import json

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge.models import GoodPracticeGuidePage, MaterialKind, ResourceLibraryPage
from portal.models import HomePage, Industry, NavigationSettings
from tests.factories import compliance_section
from tests.ims_bridge.fixtures import load_fixture
from tests.knowledge.conftest import make_resource

pytestmark = [pytest.mark.django_db, pytest.mark.cache_bumps_on_commit]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def library(committed):
    home = HomePage.objects.get(locale=Locale.get_default())
    page = ResourceLibraryPage(title="Resources", slug="resources")
    with committed():
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


@pytest.fixture
def guide(library, committed):
    with committed():
        return make_resource(
            library,
            GoodPracticeGuidePage,
            "Guide",
            industries=["apparel"],
            materials=[(MaterialKind.HANDOUT, "Handout")],
        )


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_taxonomy_rename_shows_at_once(client, guide, library, committed):
    assert "Apparel" in html(client, guide.url) and "Apparel" in html(client, library.url)
    apparel = Industry.objects.get(slug="apparel", locale=Locale.get_default())
    apparel.name = "Garments"
    with committed():
        apparel.save()
    assert "Garments" in html(client, guide.url)
    assert "Garments" in html(client, library.url)


def test_an_uncommitted_change_is_not_cached_as_new(client, guide):
    """Before the commit the token is the old one: what a reader sees then is keyed by it and
    dropped by the commit."""
    html(client, guide.url)
    apparel = Industry.objects.get(slug="apparel", locale=Locale.get_default())
    apparel.name = "Garments"
    apparel.save()  # never committed: the old token stays
    assert "Apparel" in html(client, guide.url)


def test_a_published_title_shows_in_navigation_and_breadcrumbs_at_once(
    client, guide, library, committed
):
    assert "Resources" in html(client, guide.url)
    library.title = "The library"
    with committed():
        library.save_revision().publish()
    page = html(client, guide.url)
    assert '<a href="/en/resources/">The library</a>' in page  # breadcrumbs
    assert ">The library</a></li>" in html(client, "/en/about/")  # navigation


def test_navigation_settings_show_at_once(client, guide, committed):
    assert "Guide</a>" not in html(client, "/en/about/")
    nav = NavigationSettings.load()
    nav.footer_links = json.dumps([{"type": "link", "value": {"page": guide.pk}}])
    with committed():
        nav.save()
    assert f'<a href="{guide.url}">Guide</a>' in html(client, "/en/about/")


def test_a_new_translation_and_a_restriction_show_in_the_language_versions_at_once(
    client, guide, committed
):
    from tests.factories import translate

    assert 'hreflang="fr"' not in html(client, guide.url)
    fr = Locale.objects.get(language_code="fr")
    with committed():
        translate(Page.objects.get(pk=library_of(guide).pk).specific, [fr])
    with committed():
        translate(Page.objects.get(pk=guide.pk).specific, [fr])
    assert 'hreflang="fr"' in html(client, guide.url)
    french = guide.get_translation(fr)
    with committed():
        PageViewRestriction.objects.create(page=french, restriction_type="login")
    assert '<link rel="alternate" hreflang="fr"' not in html(client, guide.url)


def library_of(page):
    return page.get_parent()


def test_a_new_resource_shows_in_the_home_blocks_at_once(client, library, committed):
    assert "Featured now" not in html(client, "/en/")
    with committed():
        make_resource(library, GoodPracticeGuidePage, "Featured now", featured=True)
    assert "Featured now" in html(client, "/en/")


def test_a_recompute_shows_in_the_compliance_blocks_at_once(client, tmp_path, committed):
    with committed():
        compliance_section()
    before = html(client, "/en/countries/cambodia/")
    with committed():
        load_fixture(tmp_path)
    after = html(client, "/en/countries/cambodia/")
    assert "Working Time" not in before and "Working Time" in after
