"""The publication-type facet of site search: counts per kind from both counting sources,
disjunctive with the other facets, in the reader's language, restricted publications left
out, and the same in the API."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from knowledge.models import GoodPracticeGuidePage, PublicationPage

from .conftest import facet_counts, result_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(make_resource):
    """'okapi' in three English publications, one French one and an English guide."""

    def publication(title, kind, language="en", **fields):
        return make_resource(
            PublicationPage,
            title,
            language=language,
            publication_kind=kind,
            publication_date=datetime.date(2024, 5, 1),
            **fields,
        )

    return {
        "B1": publication("Okapi brief on overtime", "research-brief", countries=["cambodia"]),
        "B2": publication("Okapi brief on wages", "research-brief", countries=["vietnam"]),
        "F1": publication("Okapi fact sheet", "fact-sheet", countries=["cambodia"]),
        "FR": publication("Note okapi", "research-brief", language="fr"),
        "G": make_resource(GoodPracticeGuidePage, "Okapi guide", countries=["cambodia"]),
    }


def test_counts_per_kind(client, shelf, counting):
    html = client.get("/en/search/", {"q": "okapi"}).content.decode()
    assert result_count(html) == 4
    assert facet_counts(html, "publication") == {"research-brief": 2, "fact-sheet": 1}
    assert facet_counts(html, "type")["publicationpage"] == 3


def test_choosing_a_kind_filters_and_keeps_its_own_counts(client, shelf, counting):
    html = client.get("/en/search/", {"q": "okapi", "publication": "research-brief"}).content
    html = html.decode()
    assert result_count(html) == 2
    assert "Okapi fact sheet" not in html and "Okapi guide" not in html
    assert facet_counts(html, "publication") == {"research-brief": 2, "fact-sheet": 1}
    assert facet_counts(html, "country") == {"cambodia": 1, "vietnam": 1}
    both = {"q": "okapi", "publication": "fact-sheet", "country": "cambodia"}
    html = client.get("/en/search/", both).content.decode()
    assert result_count(html) == 1
    assert facet_counts(html, "publication") == {"research-brief": 1, "fact-sheet": 1}


def test_all_languages_and_labels_in_the_readers_language(client, shelf, counting):
    html = client.get("/en/search/", {"q": "okapi", "all": "1"}).content.decode()
    assert facet_counts(html, "publication") == {"research-brief": 3, "fact-sheet": 1}
    html = client.get("/fr/search/", {"q": "okapi"}).content.decode()
    assert facet_counts(html, "publication") == {"research-brief": 1}
    assert "Note de recherche" in html  # the kind's label in French


def test_unknown_kinds_are_ignored(client, shelf):
    for value in ("novel", "x" * 500, '=HYPERLINK("x")', "research-brief'--"):
        response = client.get("/en/search/", {"q": "okapi", "publication": value})
        assert response.status_code == 200
        assert result_count(response.content.decode()) == 4
    # A NUL byte is refused before search runs (portal's middleware), as for every parameter.
    response = client.get("/en/search/", {"q": "okapi", "publication": "\x00"})
    assert response.status_code == 400


def test_restricted_publication_is_not_found_or_counted(client, shelf, counting):
    PageViewRestriction.objects.create(page=shelf["F1"], restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/en/search/", {"q": "okapi"}).content.decode()
    assert "Okapi fact sheet" not in html
    assert facet_counts(html, "publication") == {"research-brief": 2}


def test_api_facet_and_filter(client, shelf):
    data = client.get("/api/v2/search/", {"q": "okapi"}).json()
    counts = {o["value"]: o["count"] for o in data["facets"]["publication"]}
    assert counts == {"research-brief": 2, "fact-sheet": 1}
    data = client.get("/api/v2/search/", {"q": "okapi", "publication": "fact-sheet"}).json()
    assert [r["title"] for r in data["results"]] == ["Okapi fact sheet"]
    assert "publication=fact-sheet" in data["library_url"]
    data = client.get("/api/v2/search/", {"q": "okapi", "lang": "fr"}).json()
    labels = {o["value"]: o["label"] for o in data["facets"]["publication"]}
    assert labels == {"research-brief": "Note de recherche"}
