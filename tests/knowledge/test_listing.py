"""The library listing: filters alone and combined, facet counts, languages, bad input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from knowledge.models import GoodPracticeGuidePage

from .conftest import make_resource

pytestmark = pytest.mark.django_db


def facets(response):
    return {f.name: {o.value: o.count for o in f.options} for f in response.context["facets"]}


def titles(response):
    return sorted(card.title for card in response.context["cards"])


def test_no_filter_lists_everything_with_counts(client, dataset):
    response = client.get("/en/resources/")
    assert response.status_code == 200
    assert response.context["result_count"] == 6
    counts = facets(response)
    assert counts["country"] == {"global": 1, "cambodia": 2, "vietnam": 2, "bangladesh": 2}
    assert counts["industry"] == {"apparel": 5, "footwear": 1}
    assert counts["topic"] == {
        "occupational-safety-and-health": 2,
        "gender-equality": 2,
        "wages-and-working-time": 1,
    }
    assert counts["type"] == {
        "good-practice-guide": 1,
        "model-policy": 1,
        "workbook": 1,
        "awareness-material": 1,
        "training-programme": 1,
        "training-module": 1,
    }
    assert counts["language"] == {"en": 6, "km": 1}
    assert counts["audience"] == {"trainers": 1}
    html = response.content.decode()
    assert 'data-facet="country" data-value="cambodia">(2)' in html


FILTER_CASES = [
    ("country=cambodia", ["Guide A", "Policy B"]),
    ("country=global", ["Workbook C"]),
    ("country=cambodia&country=vietnam", ["Guide A", "Policy B", "Poster D"]),
    ("industry=footwear", ["Policy B"]),
    ("topic=gender-equality", ["Policy B", "Workbook C"]),
    ("type=training-module", ["Module M"]),
    ("type=workbook&type=model-policy", ["Policy B", "Workbook C"]),
    ("language=km", ["Guide A"]),
    ("audience=trainers", ["Guide A"]),
    ("country=cambodia&industry=apparel", ["Guide A"]),
    ("country=vietnam&topic=wages-and-working-time&industry=apparel", ["Poster D"]),
    ("q=poster", ["Poster D"]),
]


def test_each_filter_alone_and_combined(client, dataset):
    for query, expected in FILTER_CASES:
        response = client.get(f"/en/resources/?{query}")
        assert response.status_code == 200
        assert titles(response) == expected, query
        assert response.context["result_count"] == len(expected), query


def test_facet_counts_are_what_selecting_the_option_would_give(client, dataset):
    response = client.get("/en/resources/?country=cambodia&industry=apparel")
    counts = facets(response)
    # Country options counted with the industry filter only, and vice versa.
    assert counts["country"] == {"global": 1, "cambodia": 1, "vietnam": 1, "bangladesh": 2}
    assert counts["industry"] == {"apparel": 1, "footwear": 1}
    assert counts["type"] == {"good-practice-guide": 1}
    for country, n in counts["country"].items():
        again = client.get(f"/en/resources/?country={country}&industry=apparel")
        assert again.context["result_count"] == n


def test_untranslated_resources_are_listed_and_marked(client, dataset):
    response = client.get("/km/resources/")
    assert response.context["result_count"] == 6
    cards = {card.title: card for card in response.context["cards"]}
    guide = cards[dataset["A"].get_translation(Locale.objects.get(language_code="km")).title]
    assert guide.language == "km"
    poster = cards[dataset["D"].title]
    assert poster.language == "en"
    assert [v.code for v in guide.versions] == ["en", "km"]
    html = response.content.decode()
    assert html.count('class="meta not-translated"') == 5
    assert 'href="/km/resources/guide-a-' in html
    # A title in another language takes its own direction (an English title on an Arabic page
    # keeps its punctuation where English puts it).
    assert html.count('dir="auto"') >= 2 * response.context["result_count"]


def test_sort_orders(client, dataset):
    by_title = client.get("/en/resources/?sort=title")
    assert [c.title for c in by_title.context["cards"]] == sorted(
        [c.title for c in by_title.context["cards"]], key=str.lower
    )
    newest = client.get("/en/resources/?sort=newest")
    assert newest.context["cards"][0].title == "Module M"
    assert client.get("/en/resources/?sort=downloads").status_code == 200


BAD_QUERIES = [
    "country=atlantis",
    "industry=<script>",
    "page=abc",
    "page=999999999999",
    "page=-1",
    "sort=random",
    "type=nope&country=cambodia",
    "q=" + "x" * 5000,
    "language=xx",
    "country=cambodia&country=cambodia",
]


def test_bad_values_give_a_normal_page(client, dataset):
    for query in BAD_QUERIES:
        response = client.get(f"/en/resources/?{query}")
        assert response.status_code == 200, query
        assert "cards" in response.context, query


def test_unknown_value_is_reported_and_ignored(client, dataset):
    response = client.get("/en/resources/?country=atlantis&industry=footwear")
    assert "not recognised" in response.content.decode()
    assert titles(response) == ["Policy B"]


def test_pagination_keeps_filters(client, library):
    for n in range(14):
        make_resource(library, GoodPracticeGuidePage, f"Bulk {n:02}", industries=["apparel"])
    response = client.get("/en/resources/?industry=apparel&sort=title")
    assert len(response.context["cards"]) == 12
    html = response.content.decode()
    assert "?industry=apparel&amp;sort=title&amp;page=2" in html
    second = client.get("/en/resources/?industry=apparel&sort=title&page=2")
    assert [c.title for c in second.context["cards"]] == ["Bulk 12", "Bulk 13"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_listing_query_budget_does_not_grow_with_results(
    client, library, django_assert_max_num_queries
):
    make_resource(
        library, GoodPracticeGuidePage, "Only one", countries=["cambodia"], industries=["apparel"]
    )
    url = "/en/resources/?country=cambodia&industry=apparel"
    few = _queries(client, url)
    for n in range(15):
        make_resource(
            library,
            GoodPracticeGuidePage,
            f"More {n}",
            countries=["cambodia"],
            industries=["apparel"],
            topics=["productivity"],
        )
    many = _queries(client, url)
    assert many == few
    with django_assert_max_num_queries(15):
        client.get(url)
    with django_assert_max_num_queries(15):
        client.get("/en/resources/")


COUNTING_SQL = ("knowledge_resourcefacet", "COUNT(")


def _counting_queries(captured):
    return [q["sql"] for q in captured if all(part in q["sql"] for part in COUNTING_SQL)] + [
        q["sql"] for q in captured if 'COUNT(*) AS "__count"' in q["sql"]
    ]


def test_repeated_listing_reuses_its_counts(client, dataset):
    url = "/en/resources/?industry=apparel"
    with CaptureQueriesContext(connection) as first:
        counted = client.get(url)
    assert _counting_queries(first.captured_queries)
    with CaptureQueriesContext(connection) as second:
        again = client.get(url + "&sort=title&page=1")
    assert _counting_queries(second.captured_queries) == []
    assert again.context["result_count"] == counted.context["result_count"] == 5
    assert facets(again) == facets(counted)
    # Another filter set is counted on its own.
    other = client.get("/en/resources/?industry=footwear")
    assert other.context["result_count"] == 1


def test_cached_counts_follow_publish_unpublish_and_delete(client, dataset, library):
    url = "/en/resources/?industry=apparel"
    before = client.get(url)
    assert before.context["result_count"] == 5
    assert facets(before)["country"]["cambodia"] == 1
    fresh = make_resource(
        library,
        GoodPracticeGuidePage,
        "Fresh guide",
        countries=["cambodia"],
        industries=["apparel"],
    )
    after_publish = client.get(url)
    assert after_publish.context["result_count"] == 6
    assert facets(after_publish)["country"]["cambodia"] == 2
    assert "Fresh guide" in titles(after_publish)
    api = client.get("/api/v2/resources/?industry=apparel").json()
    assert api["count"] == 6

    fresh.unpublish()
    after_unpublish = client.get(url)
    assert after_unpublish.context["result_count"] == 5
    assert facets(after_unpublish)["country"]["cambodia"] == 1

    fresh.save_revision().publish()
    assert client.get(url).context["result_count"] == 6
    fresh.delete()
    assert client.get(url).context["result_count"] == 5
    assert client.get("/api/v2/resources/?industry=apparel").json()["count"] == 5


def test_cached_counts_follow_a_view_restriction(client, dataset):
    from wagtail.models import PageViewRestriction

    url = "/en/resources/?country=vietnam"
    assert client.get(url).context["result_count"] == 2
    PageViewRestriction.objects.create(
        page=dataset["D"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(url)
    assert response.context["result_count"] == 1
    assert titles(response) == ["Policy B"]


def test_warming_after_a_publish_counts_every_language(
    client, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_resource(library, GoodPracticeGuidePage, "Warm guide", industries=["apparel"])
    with CaptureQueriesContext(connection) as captured:
        english = client.get("/en/resources/")
        khmer = client.get("/api/v2/resources/?lang=km").json()
        arabic = client.get("/api/v2/resources/?lang=ar&page_size=5").json()
    assert english.context["result_count"] == khmer["count"] == arabic["count"] == 1
    assert _counting_queries(captured.captured_queries) == []
