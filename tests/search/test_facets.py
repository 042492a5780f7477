"""Disjunctive facets on type and language: counts equal a direct count, and a facet's own
selection does not hide its other options."""

import pytest
from wagtail.search.backends import get_search_backend

from portal.models import CountryPage, StandardPage

from .conftest import facet_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    """'okapi' in 3 standard pages (en, en, fr) and 2 country pages (en, es)."""
    made = []
    for language, count in (("en", 2), ("fr", 1)):
        about = StandardPage.objects.get(slug="about", locale__language_code=language)
        for number in range(count):
            page = StandardPage(title=f"Okapi {number}", slug=f"okapi-{number}", intro="okapi")
            about.add_child(instance=page)
            made.append(page)
    for language, slug in (("en", "haiti"), ("es", "haiti")):
        page = CountryPage.objects.get(slug=slug, locale__language_code=language)
        page.intro = "okapi"
        page.save()
        made.append(page)
    backend = get_search_backend()
    for page in made:
        backend.add(page)
    return made


def test_language_facet_counts_every_language_while_results_stay_in_mine(client, corpus):
    html = client.get("/en/search/", {"q": "okapi"}).content.decode()
    assert facet_counts(html, "language") == {"en": 3, "fr": 1, "es": 1}
    assert facet_counts(html, "type") == {"standardpage": 2, "countrypage": 1}
    assert "3 results" in html


def test_selecting_two_languages_is_an_or(client, corpus):
    html = client.get("/en/search/", {"q": "okapi", "language": ["fr", "es"]}).content.decode()
    assert "2 results" in html
    # the language facet ignores its own selection: English is still offered with its count
    assert facet_counts(html, "language") == {"en": 3, "fr": 1, "es": 1}
    assert facet_counts(html, "type") == {"standardpage": 1, "countrypage": 1}


def test_type_selection_narrows_the_language_counts(client, corpus):
    html = client.get(
        "/en/search/", {"q": "okapi", "all": "1", "type": "countrypage"}
    ).content.decode()
    assert "2 results" in html
    assert facet_counts(html, "language") == {"en": 1, "es": 1}
    assert facet_counts(html, "type") == {"standardpage": 3, "countrypage": 2}


def test_facet_counts_equal_a_direct_count(client, corpus):
    html = client.get("/en/search/", {"q": "okapi", "all": "1"}).content.decode()
    languages = facet_counts(html, "language")
    for code, count in languages.items():
        assert count == sum(1 for p in corpus if p.locale.language_code == code)
    types = facet_counts(html, "type")
    for name, count in types.items():
        assert count == sum(1 for p in corpus if p._meta.model_name == name)


def test_unknown_facet_values_are_ignored(client, corpus):
    response = client.get("/en/search/", {"q": "okapi", "type": "<bogus>", "language": "zz"})
    assert response.status_code == 200
    assert "<bogus>" not in response.content.decode()


def test_api_returns_the_same_facets(client, corpus):
    data = client.get(
        "/api/v2/search/", {"q": "okapi", "in_language": ["fr", "es"], "type": "countrypage"}
    ).json()
    assert data["count"] == 1
    assert data["results"][0]["url"] == "/es/countries/haiti/"
    languages = {o["value"]: (o["count"], o["selected"]) for o in data["facets"]["language"]}
    # French is selected but gives nothing: it stays listed (count 0) so it can be unselected.
    assert languages == {"en": (1, False), "es": (1, True), "fr": (0, True)}
    types = {o["value"]: (o["count"], o["selected"]) for o in data["facets"]["type"]}
    assert types == {"standardpage": (1, False), "countrypage": (1, True)}


def test_api_facet_labels_follow_lang_not_the_request_language(client, corpus):
    """A front end asks in French (`lang=fr`) from a browser set to English: the type and
    language facet labels are French, as on /fr/search/."""
    data = client.get(
        "/api/v2/search/",
        {"q": "okapi", "lang": "fr", "all_languages": "true"},
        HTTP_ACCEPT_LANGUAGE="en",
    ).json()
    types = {o["value"]: o["label"] for o in data["facets"]["type"]}
    languages = {o["value"]: o["label"] for o in data["facets"]["language"]}
    html = client.get("/fr/search/", {"q": "okapi", "all": "1"}).content.decode().lower()
    for label in [*types.values(), *languages.values()]:
        assert label.lower() in html
    assert types["standardpage"] != "standard page"
