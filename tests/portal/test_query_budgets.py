"""At most 15 SQL queries for an anonymous reader's uncached page (the whole-page cache off, the
fragment caches warm from a first request), whatever the size of the page: the home page,
the library, a resource, search, the compliance pages and a country portal."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from knowledge.models import GoodPracticeGuidePage, MaterialKind, WorkbookPage
from portal.models import HomePage, NavigationSettings
from tests.factories import compliance_section
from tests.ims_bridge.fixtures import load_fixture
from tests.knowledge.conftest import make_document, make_resource

BUDGET = 15
# The first request after a change also fills the fragment caches.
COLD_BUDGET = 60

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # measure the rendering, not portal/page_cache.py


@pytest.fixture
def library():
    from knowledge.models import ResourceLibraryPage

    home = HomePage.objects.get(locale=Locale.get_default())
    page = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def guides(library, count, start=0):
    made = [
        make_resource(
            library,
            GoodPracticeGuidePage,
            f"Overtime guide {n}",
            countries=["cambodia"],
            industries=["apparel"],
            topics=["wages-and-working-time"],
            audiences=["trainers"],
            points=["overtime"],
            materials=[(MaterialKind.HANDOUT, f"Overtime handout {n}")],
            featured=True,
        )
        for n in range(start, start + count)
    ]
    backend = get_search_backend()
    for page in made:
        backend.add(page)
    return made


def workbook(library, size):
    """A workbook with ``size`` materials, steps (each with a worksheet) and terms."""
    page = make_resource(
        library,
        WorkbookPage,
        f"Workbook of {size}",
        countries=["cambodia", "vietnam", "bangladesh"][:size],
        industries=["apparel", "footwear"][: min(size, 2)],
        topics=["wages-and-working-time", "gender-equality"][: min(size, 2)],
        points=["overtime"],
        materials=[(MaterialKind.HANDOUT, f"Sheet {size}-{n}") for n in range(size)],
    )
    page.steps = json.dumps(
        [
            {
                "type": "step",
                "value": {
                    "title": f"Step {n}",
                    "text": "<p>Do it.</p>",
                    "worksheet": make_document(f"Worksheet {size}-{n}").pk,
                },
            }
            for n in range(size)
        ]
    )
    page.save_revision().publish()
    return page


def second_request(client, url):
    """The queries of the second of two requests (the first fills the fragment caches)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def compliance(tmp_path):
    compliance_section(list(Locale.objects.filter(language_code="fr")))
    load_fixture(tmp_path)


PAGES = [
    "/en/",
    "/fr/",
    "/en/resources/",
    "/en/resources/?country=cambodia&topic=wages-and-working-time&sort=title",
    "/en/search/?q=overtime",
    "/en/search/?q=overtime&type=guide&country=cambodia",
    "/en/compliance/",
    "/en/compliance/?indicator=point:overtime",
    "/en/compliance/countries/cambodia/",
    "/en/countries/cambodia/",
    "/fr/countries/cambodia/",
]


@pytest.mark.parametrize("url", PAGES)
def test_an_anonymous_page_is_within_budget(
    client, library, compliance, url, django_assert_max_num_queries
):
    guides(library, 5)
    with django_assert_max_num_queries(COLD_BUDGET):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(BUDGET):
        assert client.get(url).status_code == 200


def test_a_resource_is_within_budget(client, library, compliance, django_assert_max_num_queries):
    page = workbook(library, 3)
    with django_assert_max_num_queries(COLD_BUDGET):
        assert client.get(page.url).status_code == 200
    with django_assert_max_num_queries(BUDGET):
        html = client.get(page.url).content.decode()
    assert "Sheet 3-2" in html and "Step 2" in html and "Vietnam" in html


def test_a_resource_costs_the_same_whatever_its_size(client, library):
    small, big = workbook(library, 1), workbook(library, 3)
    assert second_request(client, small.url) == second_request(client, big.url) <= BUDGET


def test_a_training_module_below_its_programme_is_within_budget(
    client, library, django_assert_max_num_queries
):
    from knowledge.models import TrainingModulePage, TrainingProgrammePage

    programme = make_resource(library, TrainingProgrammePage, "Programme")
    module = make_resource(
        programme,
        TrainingModulePage,
        "Module",
        materials=[(MaterialKind.TRAINER_GUIDE, "Trainer guide")],
    )
    client.get(module.url)
    with django_assert_max_num_queries(BUDGET):
        assert client.get(module.url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/en/resources/",
        "/en/resources/?country=cambodia&topic=wages-and-working-time",
        "/en/search/?q=overtime",
        "/en/countries/cambodia/",
        "/en/",
    ],
)
def test_listings_cost_the_same_whatever_their_size(client, library, url):
    guides(library, 3)
    few = second_request(client, url)
    guides(library, 6, start=3)
    assert second_request(client, url) == few <= BUDGET


def test_home_costs_the_same_whatever_it_features_and_links(client, library):
    """Chosen featured pages and navigation links are localised in one query each."""
    home = HomePage.objects.get(locale=Locale.get_default())
    nav = NavigationSettings.load()

    def choose(pages):
        home.body = json.dumps(
            [
                {
                    "type": "featured_resources",
                    "value": {"heading": "Chosen", "limit": 4, "pages": [p.pk for p in pages]},
                }
            ]
        )
        home.save_revision().publish()
        links = [{"type": "link", "value": {"page": p.pk}} for p in pages]
        nav.primary_links = json.dumps(links)
        nav.footer_links = json.dumps(links)
        nav.save()

    made = guides(library, 6)
    choose(made[:2])
    few = second_request(client, "/fr/")
    choose(made)
    html = client.get("/fr/").content.decode()
    assert all(page.title in html for page in made)
    assert second_request(client, "/fr/") == few <= BUDGET


def test_building_the_chosen_featured_cards_costs_the_same_for_any_number(
    client, library, django_assert_max_num_queries
):
    """With the fragment caches cold, the chosen pages are still localised in one query: eight
    chosen pages cost no more than two."""
    home = HomePage.objects.get(locale=Locale.get_default())

    def feature(pages):
        home.body = json.dumps(
            [
                {
                    "type": "featured_resources",
                    "value": {"heading": "Chosen", "limit": 4, "pages": [p.pk for p in pages]},
                }
            ]
        )
        home.save_revision().publish()
        cache.clear()

    made = guides(library, 8)
    feature(made[:2])
    with CaptureQueriesContext(connection) as two:
        assert client.get("/en/").status_code == 200
    feature(made)
    with django_assert_max_num_queries(len(two)):
        html = client.get("/en/").content.decode()
    assert all(page.title in html for page in made)


def test_signed_in_readers_are_not_slower(client, library, compliance, django_user_model):
    """The fragments are the same for everyone: a signed-in reader reads them too."""
    guides(library, 3)
    anonymous = second_request(client, "/en/resources/")
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    # The session, the user, the inbox badge and the userbar on top of the same fragments.
    assert second_request(client, "/en/resources/") <= anonymous + 5


def test_routing_reads_the_path_at_once_and_routes_as_before(client, library):
    """The pages along a path are read in one query; each page still routes the rest of the
    path (a programme's own sub-routes, a module below it, a 404 for an unknown slug)."""
    from knowledge.models import TrainingModulePage, TrainingProgrammePage

    programme = make_resource(
        library,
        TrainingProgrammePage,
        "Deep programme",
        materials=[(MaterialKind.HANDOUT, "Programme handout")],
    )
    module = make_resource(programme, TrainingModulePage, "Deep module")
    with CaptureQueriesContext(connection) as captured:
        assert client.get(module.url).status_code == 200
    slug_lookups = [q for q in captured if '"wagtailcore_page"."slug" =' in q["sql"]]
    assert slug_lookups == []
    assert client.get(f"{programme.url}bundle/").status_code in (200, 202)
    assert client.get(f"{programme.url}no-such-module/").status_code == 404
    assert client.get(f"{library.url}no-such/{module.slug}/").status_code == 404
