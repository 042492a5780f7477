"""What site search keeps between searches (PostgreSQL's search documents): the pages' counts
and order per query, language and filters, what a hit shows of each page, the facets' labels,
the locales and the editors' picks. A search asked again reads none of them; every change
shows at once: a publish, an indexing that comes after it, a new title, a view restriction, a
renamed term, a pick. Discussions stay each reader's own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge.models import GoodPracticeGuidePage
from portal.models import Country

from .conftest import MEMBERS, PUBLIC, facet_counts, index, login, result_count

pytestmark = pytest.mark.django_db

READ_ONCE = (
    "search_document",
    "wagtailcore_page",
    "wagtailcore_locale",
    "portal_country",
    "portal_industry",
    "portal_topic",
    "wagtailsearchpromotions",
)


@pytest.fixture(autouse=True)
def documents_only():
    if connection.vendor != "postgresql":
        pytest.skip("search documents are kept on PostgreSQL only")


@pytest.fixture
def okapis(make_resource):
    return [
        make_resource(
            GoodPracticeGuidePage,
            f"Okapi guide {n}",
            countries=["cambodia"],
            topics=["gender-equality"],
        )
        for n in range(3)
    ]


def search(client, **params):
    return client.get("/en/search/", {"q": "okapi", **params}).content.decode()


def hits(html):
    import re

    return re.findall(r'class="hit-title" href="([^"]+)"[^>]*>(.*?)</a>', html)


def test_a_search_asked_again_reads_none_of_what_it_keeps(client, okapis):
    first = search(client, country="cambodia")
    with CaptureQueriesContext(connection) as again:
        second = search(client, country="cambodia", page="1")
    read = [q["sql"] for q in again.captured_queries if any(t in q["sql"] for t in READ_ONCE)]
    assert read == []
    assert hits(second) == hits(first) and len(hits(first)) == 3
    assert facet_counts(second, "country") == facet_counts(first, "country") != {}
    assert result_count(second) == result_count(first) == 3


def test_a_page_indexed_after_its_publish_is_found_at_once(client, okapis, libraries):
    assert result_count(search(client)) == 3
    late = GoodPracticeGuidePage(title="Okapi latecomer", slug="okapi-latecomer", summary="Okapi")
    libraries["en"].add_child(instance=late)
    late.save_revision().publish()  # a worker indexes it later (django-tasks)
    assert result_count(search(client)) == 3  # not indexed yet: counted again, still three
    index(GoodPracticeGuidePage.objects.get(pk=late.pk))
    html = search(client)
    assert result_count(html) == 4
    assert any(title == "<mark>Okapi</mark> latecomer" for _url, title in hits(html))


def test_a_new_title_and_a_restriction_show_at_once(client, okapis):
    assert len(hits(search(client))) == 3
    guide = okapis[0]
    guide.title = "Okapi guide, second edition"
    guide.save_revision().publish()
    index(GoodPracticeGuidePage.objects.get(pk=guide.pk))
    titles = [title for _url, title in hits(search(client))]
    assert "<mark>Okapi</mark> guide, second edition" in titles
    assert "<mark>Okapi</mark> guide 0" not in titles

    PageViewRestriction.objects.create(page=okapis[1], restriction_type=PageViewRestriction.LOGIN)
    html = search(client)
    assert result_count(html) == 2
    assert okapis[1].url not in html


def test_a_renamed_country_is_shown_by_its_new_name_at_once(client, okapis):
    assert "Cambodia" in search(client)
    cambodia = Country.objects.get(slug="cambodia", locale=Locale.get_default())
    cambodia.name = "Kingdom of Cambodia"
    cambodia.save()
    assert "Kingdom of Cambodia" in search(client)


def test_picks_show_and_leave_at_once_and_a_search_writes_no_wagtail_query(client, okapis):
    assert "editors-picks" not in search(client)
    assert not Query.objects.exists()  # searches are counted in search.analytics, not here
    about = Page.objects.get(slug="about", locale__language_code="en")
    pick = SearchPromotion.objects.create(
        query=Query.get("okapi"), page=about, sort_order=0, description="Start with this"
    )
    assert "Start with this" in search(client)
    assert "Start with this" in client.get("/en/search/", {"q": "  OKAPI "}).content.decode()
    pick.delete()
    assert "Start with this" not in search(client)


def test_each_language_keeps_its_own_labels(client, okapis):
    english = client.get("/en/search/", {"q": "okapi", "all": "1"}).content.decode()
    french = client.get("/fr/search/", {"q": "okapi", "all": "1"}).content.decode()
    assert "Good-practice guide" in english
    assert "Good-practice guide" not in french


def test_discussions_stay_each_readers_own(client, people, okapis, make_community, make_thread):
    make_thread(make_community(PUBLIC), "Okapi open thread", body="Okapi talk for all.")
    make_thread(make_community(MEMBERS), "Okapi members thread", body="Okapi talk, members.")
    anonymous = search(client)
    assert "Okapi members thread" not in anonymous.replace("<mark>", "").replace("</mark>", "")
    member = search(login(client, people["member"]))
    assert "Okapi members thread" in member.replace("<mark>", "").replace("</mark>", "")
    assert facet_counts(member, "type")["discussion"] == 2
    client.logout()
    assert facet_counts(search(client), "type")["discussion"] == 1
