import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed():
    """Index the country pages (the session baseline is seeded with auto-update off)."""
    from wagtail.search.backends import get_search_backend

    from portal.models import CountryPage

    get_search_backend().add_bulk(CountryPage, CountryPage.objects.all())


def test_finds_pages_in_the_readers_language_only(client, indexed):
    html = client.get("/fr/search/", {"q": "Cambodge"}).content.decode()
    assert 'href="/fr/countries/cambodia/"' in html
    html = client.get("/en/search/", {"q": "Cambodia"}).content.decode()
    assert 'href="/en/countries/cambodia/"' in html
    assert "/fr/countries/cambodia/" not in html


def test_all_languages_marks_each_result_language(client, indexed):
    from wagtail.search.backends import get_search_backend

    from portal.models import StandardPage

    about = StandardPage.objects.get(slug="about", locale__language_code="es")
    page = StandardPage(title="Curtiembres", slug="curtiembres", intro="zebrafish")
    about.add_child(instance=page)
    get_search_backend().add(page)
    assert "curtiembres" not in client.get("/en/search/", {"q": "zebrafish"}).content.decode()
    html = client.get("/en/search/", {"q": "zebrafish", "all": "1"}).content.decode()
    assert 'href="/es/about/curtiembres/"' in html
    assert '<li lang="es">' in html


def test_no_results_offers_all_languages(client, indexed):
    html = client.get("/en/search/", {"q": "zzzqqqxxy"}).content.decode()
    assert "No results" in html
    assert "all=1" in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND OR",
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        "<b onmouseover=x>",
        "\x00",
        "\u0000\u202e",
        "((",
        "*",
        '"abc',
        'x"y"z',
        "a'b",
        "NEAR(",
        "^-",
        "title:foo",
        '"Cambodia"',
        # Quoted words with odd characters were an FTS5 syntax error on SQLite (a 500).
        '"a" OR "b',
        '"NEAR(" x',
        '"-" "*"',
        '"><svg onload=alert(1)>',
        "'\"><img src=x onerror=alert(1)>",
    ],
)
def test_hostile_queries_give_a_normal_page(client, indexed, query):
    response = client.get("/en/search/", {"q": query, "page": "99999"})
    # A NUL is refused before any view runs (portal.middleware): the 400 page, never a 500.
    assert response.status_code == (400 if "\x00" in query else 200)
    assert "<b onmouseover=x>" not in response.content.decode()


def test_empty_query_shows_the_form(client):
    response = client.get("/ar/search/")
    assert response.status_code == 200
    assert 'id="search-page-q"' in response.content.decode()


@pytest.mark.parametrize("query", ['"a" OR "b', '"NEAR(" x', '"-" "*"', '"><svg onload=alert(1)>'])
def test_quoted_words_with_odd_characters_are_searched_by_the_api(client, indexed, query):
    for url in ("/api/v2/search/", "/api/v2/search/autocomplete"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, (url, response.content[:200])
        assert response["Content-Type"].startswith("application/json")
