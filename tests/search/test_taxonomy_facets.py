"""Country, industry and topic facets: disjunctive like type and language, counted from the
denormalised resource index and the country portals, and equal to a direct count of the
pages' own many-to-many relations."""

from collections import Counter

import pytest

from knowledge.models import (
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    ModelPolicyPage,
    WorkbookPage,
)
from portal.models import CountryPage, StandardPage

from .conftest import assert_counts_are_what_choosing_gives, facet_counts, index, result_count

pytestmark = pytest.mark.django_db

OSH, GENDER, WAGES = "occupational-safety-and-health", "gender-equality", "wages-and-working-time"


@pytest.fixture
def corpus(make_resource):
    """'quagga' in five English resources, one French resource, the English Cambodia portal and
    one English standard page (no taxonomy)."""
    made = {
        "R1": make_resource(
            GoodPracticeGuidePage,
            "Quagga guide",
            countries=["cambodia"],
            industries=["apparel"],
            topics=[OSH],
        ),
        "R2": make_resource(
            ModelPolicyPage,
            "Quagga policy",
            countries=["cambodia", "vietnam"],
            industries=["footwear"],
            topics=[OSH, GENDER],
        ),
        "R3": make_resource(
            WorkbookPage, "Quagga workbook", industries=["apparel"], topics=[GENDER]
        ),  # global: no country
        "R4": make_resource(
            AwarenessMaterialPage,
            "Quagga poster",
            countries=["vietnam"],
            industries=["apparel", "footwear"],
            topics=[WAGES],
        ),
        "R5": make_resource(
            GoodPracticeGuidePage,
            "Guide quagga",
            language="fr",
            countries=["cambodia"],
            industries=["apparel"],
        ),
    }
    portal = CountryPage.objects.get(slug="cambodia", locale__language_code="en")
    portal.intro = "The quagga programme in Cambodia."
    portal.save()
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    plain = StandardPage(title="Quagga notes", slug="quagga-notes", intro="quagga")
    about.add_child(instance=plain)
    index(portal, plain)
    made["portal"] = portal
    made["plain"] = plain
    return made


def direct_counts(pages, facet):
    """Count straight from the pages' relations (not from the search index tables)."""
    counter = Counter()
    for page in pages:
        page = page.specific
        if isinstance(page, CountryPage):
            slugs = {page.country.slug} if facet == "country" else set()
        elif hasattr(page, "countries"):
            relation = {"country": "countries", "industry": "industries", "topic": "topics"}[facet]
            slugs = set(getattr(page, relation).values_list("slug", flat=True))
            if facet == "country" and not slugs:
                slugs = {"global"}
        else:
            slugs = set()
        counter.update(slugs)
    return dict(counter)


def english(corpus):
    return [p for key, p in corpus.items() if key != "R5"]


@pytest.mark.parametrize("facet", ["country", "industry", "topic"])
def test_counts_equal_a_direct_count(client, corpus, facet, counting):
    html = client.get("/en/search/", {"q": "quagga"}).content.decode()
    assert result_count(html) == 6
    assert facet_counts(html, facet) == direct_counts(english(corpus), facet)


def test_counts_in_all_languages_include_the_french_resource(client, corpus):
    html = client.get("/en/search/", {"q": "quagga", "all": "1"}).content.decode()
    assert facet_counts(html, "country") == direct_counts(corpus.values(), "country")
    assert facet_counts(html, "country")["cambodia"] == 4  # R1, R2, R5 and the portal


def test_options_within_a_facet_are_ored_and_the_facet_keeps_its_counts(client, corpus):
    everything = client.get("/en/search/", {"q": "quagga"}).content.decode()
    html = client.get(
        "/en/search/", {"q": "quagga", "country": ["cambodia", "vietnam"]}
    ).content.decode()
    assert result_count(html) == 4  # R1, R2, R4 and the Cambodia portal
    assert facet_counts(html, "country") == facet_counts(everything, "country")
    chosen = [corpus[k] for k in ("R1", "R2", "R4", "portal")]
    assert facet_counts(html, "industry") == direct_counts(chosen, "industry")
    assert facet_counts(html, "topic") == direct_counts(chosen, "topic")
    assert facet_counts(html, "type") == {
        "goodpracticeguidepage": 1,
        "modelpolicypage": 1,
        "awarenessmaterialpage": 1,
        "countrypage": 1,
    }


def test_facets_are_anded(client, corpus):
    html = client.get(
        "/en/search/", {"q": "quagga", "country": "cambodia", "industry": "apparel"}
    ).content.decode()
    assert result_count(html) == 1
    assert f'href="{corpus["R1"].url}"' in html
    # country counts apply the industry selection: apparel resources per country
    assert facet_counts(html, "country") == {"cambodia": 1, "vietnam": 1, "global": 1}
    # industry counts apply the country selection (R1, R2 and the portal)
    assert facet_counts(html, "industry") == {"apparel": 1, "footwear": 1}


def test_global_material_is_a_country_option(client, corpus):
    html = client.get("/en/search/", {"q": "quagga", "country": "global"}).content.decode()
    assert result_count(html) == 1
    assert "<mark>Quagga</mark> workbook" in html


def test_a_topic_leaves_out_pages_without_topics(client, corpus):
    html = client.get("/en/search/", {"q": "quagga", "topic": GENDER}).content.decode()
    assert result_count(html) == 2
    assert "countrypage" not in facet_counts(html, "type")
    assert "standardpage" not in facet_counts(html, "type")


def test_type_and_language_selections_narrow_taxonomy_counts(client, corpus):
    html = client.get(
        "/en/search/", {"q": "quagga", "type": "goodpracticeguidepage", "language": ["en", "fr"]}
    ).content.decode()
    assert result_count(html) == 2  # R1 and R5
    assert facet_counts(html, "country") == {"cambodia": 2}
    assert facet_counts(html, "industry") == {"apparel": 2}


def test_labels_are_in_the_readers_language(client, corpus):
    html = client.get("/fr/search/", {"q": "quagga", "all": "1"}).content.decode()
    block = html[html.index('id="facet-country"') :]
    assert "Cambodge" in block and "Viet Nam" in block


def test_unknown_and_hostile_slugs_are_ignored(client, corpus):
    plain = client.get("/en/search/", {"q": "quagga"}).content.decode()
    response = client.get(
        "/en/search/",
        {
            "q": "quagga",
            "country": ["<script>", "' OR 1=1 --", "x" * 5000],
            "industry": "%00",
            "topic": ["nope"] * 50,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html
    assert result_count(html) == result_count(plain) == 6
    # A real NUL is refused before the search runs (portal.middleware): the 400 page.
    assert client.get("/en/search/", {"q": "quagga", "industry": "\x00"}).status_code == 400


def test_api_returns_the_taxonomy_facets(client, corpus):
    data = client.get(
        "/api/v2/search/", {"q": "quagga", "country": ["cambodia", "vietnam"], "topic": OSH}
    ).json()
    assert data["count"] == 2  # R1 and R2
    assert {r["title"] for r in data["results"]} == {"Quagga guide", "Quagga policy"}
    countries = {o["value"]: (o["count"], o["selected"]) for o in data["facets"]["country"]}
    assert countries == {"cambodia": (2, True), "vietnam": (1, True)}
    topics = {o["value"]: (o["count"], o["selected"]) for o in data["facets"]["topic"]}
    chosen = [corpus[k] for k in ("R1", "R2", "R4", "portal")]
    assert topics == {slug: (n, slug == OSH) for slug, n in direct_counts(chosen, "topic").items()}
    labels = {o["value"]: o["label"] for o in data["facets"]["country"]}
    assert labels == {"cambodia": "Cambodia", "vietnam": "Vietnam"}


SELECTIONS = [
    {},
    {"country": ["cambodia"]},
    {"country": ["vietnam", "global"], "industry": ["apparel"]},
    {"topic": [OSH, WAGES], "type": ["modelpolicypage", "awarenessmaterialpage"]},
    {"industry": ["footwear"], "topic": [GENDER], "in_language": ["en", "fr"]},
    {"all_languages": "true", "country": ["cambodia"], "industry": ["apparel"]},
    {"country": ["cambodia"], "industry": ["apparel"], "topic": [OSH]},
    {"country": ["vietnam", "global"], "industry": ["footwear"], "topic": [GENDER], "type": []},
    {"country": ["cambodia"], "industry": ["apparel"], "topic": [GENDER], "in_language": ["fr"]},
]


@pytest.mark.parametrize("selection", SELECTIONS)
def test_every_count_is_the_number_of_results_choosing_it_would_give(
    client, corpus, selection, counting
):
    """The definition of a disjunctive count, checked for every option the API offers."""
    base = {"q": "quagga", **selection}
    assert_counts_are_what_choosing_gives(client, base)


def test_the_number_of_queries_does_not_grow_with_the_options(client, corpus):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v2/search/", {"q": "quagga", **params}).status_code == 200
        return len(captured)

    queries({"country": "cambodia"})  # warm the per-process caches (content types, sites)
    # the same results (the extra countries match nothing): no more queries (the pages they
    # show were read, and kept, by the first)
    one = queries({"country": "cambodia", "topic": OSH})
    many = queries(
        {"country": ["cambodia", "jordan", "haiti", "egypt"], "topic": [OSH, "productivity"]}
    )
    assert many <= one
    assert queries({}) <= 30


def test_openapi_documents_the_facet_parameters(client):
    operation = client.get("/api/v2/openapi.json").json()["paths"]["/api/v2/search/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "type", "in_language", "country", "industry", "topic"} <= names
    schema = client.get("/api/v2/openapi.json").json()["components"]["schemas"]["FacetsOut"]
    assert {"country", "industry", "topic"} <= set(schema["properties"])


def test_a_selection_that_leaves_no_results_stays_visible_to_untick(client, corpus):
    html = client.get(
        "/en/search/",
        {"q": "quagga", "country": "bangladesh", "type": "trainingmodulepage", "topic": "nope"},
    ).content.decode()
    assert result_count(html) == 0
    assert facet_counts(html, "country")["bangladesh"] == 0
    assert facet_counts(html, "type")["trainingmodulepage"] == 0
    assert 'name="country" value="bangladesh" checked' in html
    assert 'name="type" value="trainingmodulepage" checked' in html
    assert 'value="nope"' not in html  # an unknown slug is not echoed back


# A search with three facets, measured: the locales, three known-slug checks, the view
# restrictions, ONE counting statement for every page facet, the threads per community (and
# their tags) and the labels. Counting once per "other filters" took four more statements.
# The ranked pages and threads are not read here.
THREE_FACET_QUERY_BUDGET = 10


def test_a_three_facet_search_counts_every_facet_in_one_statement(
    corpus, django_assert_max_num_queries
):
    from search.filters import Filters
    from search.query import site_search

    filters = Filters(language=("en",), country=("cambodia",), industry=("apparel",), topic=(OSH,))
    site_search("quagga", "en", filters)  # warm the per-process caches (content types)
    with django_assert_max_num_queries(THREE_FACET_QUERY_BUDGET) as captured:
        outcome = site_search("quagga", "en", filters)
    assert outcome.pages.count() == 1  # R1
    countings = [q for q in captured.captured_queries if "MATERIALIZED" in q["sql"]]
    assert len(countings) == 1


def test_a_term_named_only_in_english_carries_its_lang(client, make_resource):
    from bs4 import BeautifulSoup
    from wagtail.models import Locale

    from portal.models import Topic

    Topic.objects.create(
        name="Only English topic", slug="only-english-topic", locale=Locale.get_default()
    )
    make_resource(GoodPracticeGuidePage, "Zebu guide", topics=["only-english-topic"])
    make_resource(GoodPracticeGuidePage, "Zebu policy", topics=["gender-equality"])
    soup = BeautifulSoup(
        client.get("/km/search/", {"q": "zebu", "language": "en"}).content, "html.parser"
    )
    english = soup.select_one('input[value="only-english-topic"]').find_next_sibling("span")
    assert english.get_text(strip=True) == "Only English topic"
    assert english["lang"] == "en" and english["dir"] == "auto"
    khmer = soup.select_one('input[value="gender-equality"]').find_next_sibling("span")
    assert not khmer.has_attr("lang")
