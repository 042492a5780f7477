"""Editors' picks, autocomplete, query analytics and the search API."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from portal.models import CountryPage
from search.models import SearchQueryStat

pytestmark = pytest.mark.django_db


def relative(url):
    """An absolute next/previous link as the test client's path and query."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.fixture(autouse=True)
def indexed():
    from wagtail.search.backends import get_search_backend

    get_search_backend().add_bulk(CountryPage, CountryPage.objects.all())
    get_search_backend().add_bulk(Page, Page.objects.filter(depth__gte=2))


@pytest.fixture
def zebrafish_pages():
    from wagtail.search.backends import get_search_backend

    from portal.models import StandardPage

    pages = []
    for language in ("en", "es"):
        about = StandardPage.objects.get(slug="about", locale__language_code=language)
        page = StandardPage(
            title=f"Zebrafish {language}", slug=f"zebrafish-{language}", intro="zebrafish"
        )
        about.add_child(instance=page)
        pages.append(page)
    get_search_backend().add_bulk(StandardPage, pages)
    return pages


def test_editors_pick_shown_above_results_in_readers_language(client):
    about_en = Page.objects.get(slug="about", locale__language_code="en")
    SearchPromotion.objects.create(
        query=Query.get("labour law"), page=about_en, sort_order=0, description="Start here"
    )
    html = client.get("/fr/search/", {"q": "labour law"}).content.decode()
    picks = html[html.index('class="editors-picks"') :]
    assert 'href="/fr/about/"' in picks
    assert "Start here" in picks
    assert "editors-picks" not in client.get("/fr/search/", {"q": "other"}).content.decode()


def test_autocomplete_suggests_titles_in_language(client):
    data = client.get("/en/search/suggest/", {"q": "Camb"}).json()
    assert {"title": "Cambodia", "url": "/en/countries/cambodia/"} in data["suggestions"]
    assert client.get("/en/search/suggest/", {"q": "C"}).json() == {"suggestions": []}


def test_search_is_logged_with_language_and_hit_count_but_no_user(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    client.get("/en/search/", {"q": "Cambodia"})
    client.get("/en/search/", {"q": "  CAMBODIA "})
    client.get("/fr/search/", {"q": "nothing-matches-this"})
    english = SearchQueryStat.objects.get(language="en", query="cambodia")
    assert english.searches == 2
    assert english.zero_result_searches == 0
    assert english.last_hit_count >= 1
    french = SearchQueryStat.objects.get(language="fr")
    assert (french.searches, french.zero_result_searches) == (1, 1)
    field_names = {f.name for f in SearchQueryStat._meta.get_fields()}
    assert not field_names & {"user", "ip", "session", "user_agent"}


def test_analytics_admin_needs_permission(client, django_user_model):
    client.get("/vi/search/", {"q": "xyznothing"})
    assert client.get("/admin/search-analytics/").status_code == 302  # to login
    user = django_user_model.objects.create_user("ed", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get("/admin/search-analytics/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    user.user_permissions.add(Permission.objects.get(codename="view_search_analytics"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    response = client.get("/admin/search-analytics/", {"language": "vi", "days": "7"})
    assert response.status_code == 200
    html = response.content.decode()
    zero = html[html.index('id="zero-result-queries"') :]
    assert "xyznothing" in zero


def test_analytics_admin_ignores_bad_filters(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/search-analytics/", {"language": "<x>", "days": "abc"})
    assert response.status_code == 200


def test_search_api_filters_by_language(client, zebrafish_pages):
    data = client.get("/api/v2/search/", {"q": "zebrafish", "language": "es"}).json()
    assert data["count"] == 1
    assert data["results"][0]["url"] == "/es/about/zebrafish-es/"
    assert data["results"][0]["language"] == "es"
    wide = client.get("/api/v2/search/", {"q": "zebrafish", "all_languages": "true"}).json()
    assert {r["language"] for r in wide["results"]} == {"en", "es"}


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "x", "language": "zz"}, 400),
        ({"q": ""}, 400),
        ({}, 400),
        ({"q": "x", "page": "a"}, 400),
        ({"q": "x", "page": "0"}, 400),
    ],
)
def test_search_api_bad_input_is_json_400(client, params, status):
    response = client.get("/api/v2/search/", params)
    assert response.status_code == status
    assert "error" in response.json()


def test_search_api_autocomplete_and_openapi(client):
    assert {"title": "Cambodia", "url": "/en/countries/cambodia/"} in client.get(
        "/api/v2/search/autocomplete", {"q": "Camb"}
    ).json()
    paths = client.get("/api/v2/openapi.json").json()["paths"]
    assert "/api/v2/search/" in paths and "/api/v2/search/autocomplete" in paths


@pytest.fixture
def many_okapis():
    """23 English pages about okapis, one of them in Spanish too."""
    from wagtail.search.backends import get_search_backend

    from portal.models import StandardPage

    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    pages = []
    for n in range(23):
        page = StandardPage(title=f"Okapi {n:02d}", slug=f"okapi-{n}", intro="okapi habitat")
        about.add_child(instance=page)
        pages.append(page)
    about_es = StandardPage.objects.get(slug="about", locale__language_code="es")
    spanish = StandardPage(title="Okapi es", slug="okapi-es", intro="okapi habitat")
    about_es.add_child(instance=spanish)
    pages.append(spanish)
    get_search_backend().add_bulk(StandardPage, pages)
    return pages


def test_search_api_is_paged_in_the_api_shape(client, many_okapis):
    first = client.get("/api/v2/search/", {"q": "okapi", "lang": "en"}).json()
    assert (first["count"], first["page"], first["page_size"], first["num_pages"]) == (23, 1, 20, 2)
    assert len(first["results"]) == 20 and first["previous"] is None
    assert "page=2" in first["next"] and "q=okapi" in first["next"]
    second = client.get(relative(first["next"])).json()
    assert len(second["results"]) == 3 and second["next"] is None
    ids = [r["id"] for r in first["results"] + second["results"]]
    assert len(set(ids)) == 23
    small = client.get("/api/v2/search/", {"q": "okapi", "page_size": 5, "page": 5}).json()
    assert (small["num_pages"], len(small["results"])) == (5, 3)
    past = client.get("/api/v2/search/", {"q": "okapi", "page": 3})
    assert past.status_code == 404 and past.json()["code"] == "not_found"
    for bad in ({"page_size": 0}, {"page_size": 101}, {"page": 0}):
        response = client.get("/api/v2/search/", {"q": "okapi", **bad})
        assert response.status_code == 400 and response.json()["code"] == "bad_request"


def test_search_api_lang_is_the_readers_language(client, many_okapis):
    spanish = client.get("/api/v2/search/", {"q": "okapi", "lang": "es"}).json()
    assert spanish["language"] == "es" and spanish["count"] == 1
    assert spanish["results"][0]["url"] == "/es/about/okapi-es/"
    assert spanish["library_url"] == "/es/resources/"
    # The language facet is disjunctive: it counts every language, the reader's selected.
    languages = {o["value"]: (o["count"], o["selected"]) for o in spanish["facets"]["language"]}
    assert languages == {"en": (23, False), "es": (1, True)}
    # The old name still works; lang wins over it.
    assert client.get("/api/v2/search/", {"q": "okapi", "language": "es"}).json()["count"] == 1
    both = client.get("/api/v2/search/", {"q": "okapi", "lang": "en", "language": "es"}).json()
    assert both["language"] == "en" and both["count"] == 23
    wide = client.get("/api/v2/search/", {"q": "okapi", "lang": "es", "all_languages": True})
    assert {o["value"]: o["count"] for o in wide.json()["facets"]["language"]} == {
        "en": 23,
        "es": 1,
    }
    assert client.get("/api/v2/search/", {"q": "okapi", "lang": "xx"}).status_code == 400
    suggestions = client.get("/api/v2/search/autocomplete", {"q": "Okap", "lang": "es"}).json()
    assert suggestions == [{"title": "Okapi es", "url": "/es/about/okapi-es/"}]


def test_search_api_has_editors_picks_and_did_you_mean(client, many_okapis):
    about_en = Page.objects.get(slug="about", locale__language_code="en")
    SearchPromotion.objects.create(
        query=Query.get("okapi"), page=about_en, sort_order=0, description="Start here"
    )
    data = client.get("/api/v2/search/", {"q": "okapi", "lang": "fr"}).json()
    assert [(p["url"], p["description"]) for p in data["editors_picks"]] == [
        ("/fr/about/", "Start here")
    ]
    assert client.get("/api/v2/search/", {"q": "okapi", "lang": "en"}).json()["suggestion"] is None
    queries = Query.objects.count()
    misspelt = client.get("/api/v2/search/", {"q": "okapu", "lang": "en"}).json()
    assert Query.objects.count() == queries  # the API looks picks up without writing
    assert misspelt["count"] == 0 and misspelt["results"] == []
    assert misspelt["suggestion"] == "okapi"


def test_did_you_mean_learns_a_newly_published_title_at_once(client):
    from portal.models import StandardPage

    def suggestion():
        return client.get("/api/v2/search/", {"q": "zebrafsh", "lang": "en"}).json()["suggestion"]

    assert suggestion() is None  # the vocabulary is now kept for the current content
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    page = StandardPage(title="Zebrafish farming", slug="zebrafish-farming")
    about.add_child(instance=page)
    page.save_revision().publish()
    assert suggestion() == "zebrafish"
