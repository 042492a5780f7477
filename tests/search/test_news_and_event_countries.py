"""News articles and events under site search's country facet: they carry their own countries
(a many-to-many, none meaning global), and count and filter like resources and country portals,
from both counting sources, on the page and in the API. Drafts and restricted events are never
counted, republishing with other countries moves the counts, and the number of queries does
not grow."""

from collections import Counter

import pytest
from wagtail.models import Locale, PageViewRestriction

from knowledge.models import GoodPracticeGuidePage, WorkbookPage
from portal.models import Country, CountryPage

from .conftest import assert_counts_are_what_choosing_gives, facet_counts, index, result_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_news, make_event, make_resource):
    """'kudu' in three English news articles, two events, two resources and the Cambodia portal;
    also in a draft event and a restricted event, which no reader finds."""
    made = {
        "N1": make_news("Kudu wages news", countries=["cambodia"]),
        "N2": make_news("Kudu regional news", countries=["cambodia", "vietnam"]),
        "N3": make_news("Kudu global news"),
        "E1": make_event("Kudu training", countries=["cambodia"]),
        "E2": make_event("Kudu webinar", kind="webinar"),
        "R1": make_resource(GoodPracticeGuidePage, "Kudu guide", countries=["cambodia"]),
        "R2": make_resource(WorkbookPage, "Kudu workbook"),  # global
    }
    portal = CountryPage.objects.get(slug="cambodia", locale__language_code="en")
    portal.intro = "The kudu programme in Cambodia."
    portal.save()
    index(portal)
    made["portal"] = portal
    hidden = {
        "draft": make_event("Kudu oryx draft", countries=["cambodia"], publish=False),
        "restricted": make_event("Kudu oryx members day", countries=["cambodia", "vietnam"]),
    }
    PageViewRestriction.objects.create(
        page=hidden["restricted"], restriction_type=PageViewRestriction.LOGIN
    )
    return made, hidden


def direct_country_counts(pages):
    """Country counts straight from the pages' own relations (not the search tables)."""
    counter = Counter()
    for page in pages:
        page = page.specific
        if isinstance(page, CountryPage):
            counter[page.country.slug] += 1
        else:
            counter.update(set(page.countries.values_list("slug", flat=True)) or {"global"})
    return dict(counter)


def api(client, **params):
    data = client.get("/api/v2/search/", {"q": "kudu", **params}).json()
    counts = {
        facet: {o["value"]: o["count"] for o in data["facets"][facet]} for facet in data["facets"]
    }
    return {r["url"] for r in data["results"]}, data["count"], counts


def urls(corpus, *keys):
    return {corpus[key].url for key in keys}


def test_country_counts_equal_a_direct_count(client, corpus, counting):
    made, _hidden = corpus
    html = client.get("/en/search/", {"q": "kudu"}).content.decode()
    assert result_count(html) == 8
    assert facet_counts(html, "country") == direct_country_counts(made.values())
    assert facet_counts(html, "country") == {"cambodia": 5, "vietnam": 1, "global": 3}
    assert facet_counts(html, "type") == {
        "newsarticlepage": 3,
        "eventpage": 2,
        "goodpracticeguidepage": 1,
        "workbookpage": 1,
        "countrypage": 1,
    }


def test_a_country_finds_its_news_events_resources_and_portal(client, corpus, counting):
    made, _hidden = corpus
    html = client.get("/en/search/", {"q": "kudu", "country": "cambodia"}).content.decode()
    assert result_count(html) == 5
    for key in ("N1", "N2", "E1", "R1", "portal"):
        assert f'href="{made[key].url}"' in html
    for key in ("N3", "E2", "R2"):
        assert f'href="{made[key].url}"' not in html
    found, count, counts = api(client, country="cambodia")
    assert (found, count) == (urls(made, "N1", "N2", "E1", "R1", "portal"), 5)
    assert counts["country"] == {
        "cambodia": 5,
        "vietnam": 1,
        "global": 3,
    }  # its own selection left out
    assert counts["type"] == {
        "newsarticlepage": 2,
        "eventpage": 1,
        "goodpracticeguidepage": 1,
        "countrypage": 1,
    }


def test_news_and_events_without_a_country_are_global(client, corpus, counting):
    made, _hidden = corpus
    found, count, _counts = api(client, country="global")
    assert (found, count) == (urls(made, "N3", "E2", "R2"), 3)
    html = client.get("/en/search/", {"q": "kudu", "country": "global"}).content.decode()
    assert result_count(html) == 3
    assert f'href="{made["N3"].url}"' in html and f'href="{made["E2"].url}"' in html


def test_a_country_and_a_type_are_anded_and_each_facet_counts_the_other(client, corpus, counting):
    made, _hidden = corpus
    found, count, counts = api(
        client, country=["cambodia", "global"], type=["newsarticlepage", "eventpage"]
    )
    assert (found, count) == (urls(made, "N1", "N2", "N3", "E1", "E2"), 5)
    news_and_events = [made[key] for key in ("N1", "N2", "N3", "E1", "E2")]
    assert counts["country"] == direct_country_counts(news_and_events)
    assert counts["country"] == {"cambodia": 3, "vietnam": 1, "global": 2}
    assert counts["type"] == {
        "newsarticlepage": 3,
        "eventpage": 2,
        "goodpracticeguidepage": 1,
        "workbookpage": 1,
        "countrypage": 1,
    }


SELECTIONS = [
    {},
    {"country": ["cambodia"]},
    {"country": ["vietnam", "global"]},
    {"country": ["cambodia"], "type": ["eventpage", "goodpracticeguidepage"]},
    {"country": ["global"], "type": ["newsarticlepage"], "in_language": ["en", "fr"]},
    {"all_languages": "true", "country": ["cambodia", "vietnam"], "topic": ["gender-equality"]},
]


@pytest.mark.parametrize("selection", SELECTIONS)
def test_every_count_is_the_number_of_results_choosing_it_would_give(
    client, corpus, selection, counting
):
    base = {"q": "kudu", **selection}
    assert_counts_are_what_choosing_gives(client, base)


def test_drafts_and_restricted_events_are_never_counted_or_found(client, corpus, counting):
    made, hidden = corpus
    for params in ({}, {"country": "cambodia"}, {"country": "vietnam"}, {"type": "eventpage"}):
        found, _count, counts = api(client, **params)
        assert not found & {page.url for page in hidden.values()}
    assert api(client, type="eventpage")[2]["country"] == {"cambodia": 1, "global": 1}
    assert api(client, q="oryx")[1] == 0  # only the hidden events say "oryx"


def test_republishing_with_other_countries_moves_the_counts(client, corpus, counting):
    made, _hidden = corpus
    article = made["N1"]
    article.countries.set([Country.objects.get(slug="vietnam", locale=Locale.get_default())])
    article.save_revision()  # a draft changes nothing readers see
    assert api(client)[2]["country"] == {"cambodia": 5, "vietnam": 1, "global": 3}

    article.save_revision().publish()
    assert api(client)[2]["country"] == {"cambodia": 4, "vietnam": 2, "global": 3}
    assert made["N1"].url in api(client, country="vietnam")[0]
    assert made["N1"].url not in api(client, country="cambodia")[0]

    event = made["E2"]  # global until it names a country
    event.countries.set([Country.objects.get(slug="cambodia", locale=Locale.get_default())])
    event.save_revision().publish()
    assert api(client)[2]["country"] == {"cambodia": 5, "vietnam": 2, "global": 2}
    assert made["E2"].url in api(client, country="cambodia")[0]


def test_the_number_of_queries_does_not_grow_with_the_country_options(client, corpus, counting):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v2/search/", {"q": "kudu", **params}).status_code == 200
        counting_statements = [q for q in captured if "MATERIALIZED" in q["sql"]]
        assert len(counting_statements) == 1
        return len(captured)

    queries({"country": "vietnam"})  # warm the per-process caches (content types, sites)
    # Each selection is counted once (a selection counted before is read from the cache), and
    # the same results (the extra countries match nothing) need no more queries.
    one = queries({"country": "cambodia"})
    many = queries({"country": ["cambodia", "jordan", "haiti", "egypt", "bangladesh"]})
    assert many <= one
    assert queries({"country": "global", "type": ["newsarticlepage", "eventpage"]}) <= 30
