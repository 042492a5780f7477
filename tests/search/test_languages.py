"""Each language searched with its own text-search configuration on PostgreSQL: pages are
indexed with their language's stemmer (``simple`` where PostgreSQL has none) and a query is
matched in every configuration, so another form of a word finds the page."""

import pytest
from django.apps import apps
from django.db import connection
from wagtail.search.backends import get_search_backend

from portal.models import StandardPage
from search.backend_settings import POSTGRES_CONFIGS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="text-search configurations are PostgreSQL's"
    ),
]

# (language, page title, a query with another form of its words)
CASES = [
    ("en", "Handling chemicals safely", "chemical"),
    ("fr", "Les formations des travailleurs", "travailleur"),
    ("es", "Capacitaciones para supervisores", "capacitación"),
    ("ar", "السلامة المهنية", "سلامة"),
    ("id", "Pelatihan pekerja", "latihan"),
]


def make_page(language, title, slug):
    about = StandardPage.objects.get(slug="about", locale__language_code=language)
    page = StandardPage(title=title, slug=slug)
    about.add_child(instance=page)
    page.save_revision().publish()
    get_search_backend().add(page)
    return page


@pytest.mark.parametrize(("language", "title", "query"), CASES)
def test_another_form_of_a_word_finds_the_page_in_its_language(client, language, title, query):
    page = make_page(language, title, f"stemmed-{language}")
    data = client.get("/api/v2/search/", {"q": query, "language": language}).json()
    assert [r["url"] for r in data["results"]][:1] == [page.url]


def test_pages_are_indexed_with_their_languages_configuration():
    french = make_page("fr", "Les formations des travailleurs", "stemmed-fr")
    vietnamese = make_page("vi", "Đào tạo công nhân", "simple-vi")
    entries = apps.get_model("wagtailsearch", "IndexEntry").objects
    title = entries.get(object_id=str(french.pk), content_type_id=french.content_type_id).title
    assert "'format'" in title and "'formations'" not in title  # French stem, stop words gone
    assert "'les'" not in title
    title = entries.get(
        object_id=str(vietnamese.pk), content_type_id=vietnamese.content_type_id
    ).title
    assert "'đào'" in title  # simple: the words as written, lower-cased
    assert POSTGRES_CONFIGS["vi"] == "simple"


def test_a_word_in_one_language_does_not_need_the_readers_language(client):
    page = make_page("fr", "Les formations des travailleurs", "stemmed-fr")
    params = {"q": "formation", "language": "en", "all_languages": "true"}
    data = client.get("/api/v2/search/", params).json()
    assert page.url in [r["url"] for r in data["results"]]


def test_each_distinct_form_of_the_query_is_matched_once(client):
    from django.test.utils import CaptureQueriesContext

    make_page("en", "Handling chemicals safely", "stemmed-en")
    with CaptureQueriesContext(connection) as captured:
        client.get("/api/v2/search/", {"q": "chemicals", "language": "en"})
    counting = next(q["sql"] for q in captured.captured_queries if "MATERIALIZED" in q["sql"])
    # simple (and French, Spanish, Arabic, Indonesian) keep the word; English stems it
    assert counting.count("'chemicals'") == 1
    assert counting.count("'chemic'") == 1
