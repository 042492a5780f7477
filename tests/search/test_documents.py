"""Site search's documents on PostgreSQL (``search.documents``): one row per live, public, indexed
page, kept in step with publishing, unpublishing, moving, view restrictions, deletion and
rebuilds, and searched with the backend's own matching and ranking."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from knowledge import signals as knowledge_signals
from knowledge.models import GoodPracticeGuidePage, ModelPolicyPage, WorkbookPage
from portal.models import StandardPage
from search import documents
from search.matching import searchable_pages
from search.models import SearchDocument

from .conftest import index

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="search documents are kept on PostgreSQL only"
    ),
]


def search(client, query, **params):
    data = client.get("/api/v2/search/", {"q": query, "language": "en", **params}).json()
    countries = {o["value"]: o["count"] for o in data["facets"]["country"]}
    return [r["url"] for r in data["results"]], data["count"], countries


def test_an_indexed_resource_is_found_until_unpublished_and_again_when_republished(
    client, make_resource
):
    page = make_resource(GoodPracticeGuidePage, "Zebrafish guide", countries=["cambodia"])
    urls, count, countries = search(client, "zebrafish")
    assert (urls, count, countries) == ([page.url], 1, {"cambodia": 1})

    page.unpublish()
    assert search(client, "zebrafish") == ([], 0, {})
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()

    page.save_revision().publish()  # no re-indexing: the entry is still there
    assert search(client, "zebrafish")[1] == 1


def test_a_view_restriction_hides_the_pages_below_it_until_removed(
    client, make_resource, libraries
):
    page = make_resource(WorkbookPage, "Zebrafish workbook")
    restriction = PageViewRestriction.objects.create(
        page=libraries["en"], restriction_type=PageViewRestriction.LOGIN
    )
    assert search(client, "zebrafish")[1] == 0
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()

    restriction.delete()
    assert search(client, "zebrafish")[0] == [page.url]


def test_moving_a_page_into_a_restricted_section_hides_it(client, make_resource):
    page = make_resource(ModelPolicyPage, "Zebrafish policy")
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    members = StandardPage(title="Members area", slug="members-area")
    about.add_child(instance=members)
    members.save_revision().publish()
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    assert search(client, "zebrafish")[1] == 1

    Page.objects.get(pk=page.pk).move(members, pos="last-child")
    assert search(client, "zebrafish")[1] == 0


def test_deleting_a_page_deletes_its_document(client, make_resource):
    page = make_resource(GoodPracticeGuidePage, "Zebrafish guide")
    assert SearchDocument.objects.filter(page_id=page.pk).exists()
    page.delete()
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()
    assert search(client, "zebrafish")[1] == 0


def test_republishing_with_other_countries_moves_the_counts(client, make_resource):
    from portal.models import Country

    page = make_resource(GoodPracticeGuidePage, "Zebrafish guide", countries=["cambodia"])
    page.countries.set([Country.objects.get(slug="vietnam", locale=Locale.get_default())])
    page.save_revision().publish()

    assert search(client, "zebrafish")[2] == {"vietnam": 1}
    assert search(client, "zebrafish", country="cambodia")[1] == 0
    assert search(client, "zebrafish", country="vietnam")[1] == 1


@pytest.fixture
def search_ready_before_knowledge():
    """The page receivers of both apps connected as if search's app were ready first."""
    signals = (
        page_published,
        page_unpublished,
        page_slug_changed,
        post_page_move,
        post_save,
        post_delete,
    )
    saved = {signal: list(signal.receivers) for signal in signals}
    ours = ("kn-", "search-doc-", "sd-")
    for signal in signals:
        signal.receivers = [r for r in signal.receivers if not str(r[0][0]).startswith(ours)]
        signal.sender_receivers_cache.clear()
    documents.connect()
    knowledge_signals.connect()
    yield
    for signal, receivers in saved.items():
        signal.receivers = receivers
        signal.sender_receivers_cache.clear()


def test_documents_read_the_facet_rows_knowledge_wrote_whatever_the_app_order(
    client, make_resource, search_ready_before_knowledge
):
    from portal.models import Country

    page = make_resource(GoodPracticeGuidePage, "Zebrafish guide", countries=["cambodia"])
    page.countries.set([Country.objects.get(slug="vietnam", locale=Locale.get_default())])
    page.save_revision().publish()

    assert search(client, "zebrafish")[2] == {"vietnam": 1}
    uids = [str(r[0][0]) for r in page_published.receivers]
    knowledge_last = max(i for i, uid in enumerate(uids) if uid.startswith("kn-pub-"))
    assert knowledge_last < uids.index("search-doc-published")


def _expected_documents():
    """{page id: (tags, title_norm)} worked out from the pages and the backend's entries."""
    entries = apps.get_model("wagtailsearch", "IndexEntry").objects.all()
    norms = {
        (entry.content_type_id, entry.object_id): entry.title_norm
        for entry in entries.only("content_type_id", "object_id", "title_norm")
    }
    expected = {}
    for page in searchable_pages(None, all_languages=True).specific():
        norm = norms.get((page.content_type_id, str(page.pk)))
        if norm is None:
            continue  # never indexed
        tags = set()
        entry = getattr(page, "resource_entry", None)
        if entry is not None:
            tags |= {
                f"{f.facet}:{f.value}"
                for f in entry.facets.all()
                if f.facet in ("country", "industry", "topic")
            }
        if getattr(page, "country", None) is not None and type(page).__name__ == "CountryPage":
            tags.add(f"country:{page.country.slug}")
        if type(page).__name__ in ("NewsArticlePage", "EventPage"):
            slugs = set(page.countries.values_list("slug", flat=True)) or {"global"}
            tags |= {f"country:{slug}" for slug in slugs}
        expected[page.pk] = (tags, norm)
    return expected


def test_update_index_rewrites_every_document(make_resource, make_news, make_event):
    make_resource(GoodPracticeGuidePage, "Zebrafish guide", countries=["cambodia"], topics=[])
    make_resource(WorkbookPage, "Zebrafish workbook", industries=["apparel"])
    news = make_news("Zebrafish news", countries=["cambodia", "vietnam"])
    event = make_event("Zebrafish webinar")
    SearchDocument.objects.all().delete()

    call_command("update_index", verbosity=0)

    stored = {
        doc.page_id: (set(doc.tags), doc.title_norm)
        for doc in SearchDocument.objects.only("page_id", "tags", "title_norm")
    }
    expected = _expected_documents()
    assert len(expected) > 50  # the seeded site, every language
    assert stored == expected
    assert stored[news.pk][0] == {"country:cambodia", "country:vietnam"}
    assert stored[event.pk][0] == {"country:global"}


def test_matching_and_ranking_equal_the_backends_own(make_resource):
    made = [
        make_resource(GoodPracticeGuidePage, "Zebrafish", summary="About fish."),
        make_resource(WorkbookPage, "Zebrafish zebrafish handbook", summary="Zebrafish care"),
        make_resource(ModelPolicyPage, "Fish policy", summary="Mentions zebrafish once."),
        make_resource(GoodPracticeGuidePage, "Care of a zebrafish tank and its filters"),
    ]
    backend = get_search_backend()
    english = Locale.objects.get(language_code="en")
    found = {}
    for query in ("zebrafish", "fish", "zebrafish care"):
        own = [page.pk for page in backend.search(query, searchable_pages("en"))]
        ours = documents.ranked(backend, query, SearchDocument.objects.filter(locale_id=english.pk))
        assert list(ours.values_list("page_id", flat=True)) == own
        found[query] = own
    assert {page.pk for page in made} <= set(found["zebrafish"])


def test_documents_are_not_kept_for_pages_never_indexed(make_resource, libraries):
    page = GoodPracticeGuidePage(title="Unindexed zebrafish", slug="unindexed", summary="Fish")
    libraries["en"].add_child(instance=page)
    page.save_revision().publish()
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()
    index(page)
    assert SearchDocument.objects.filter(page_id=page.pk).exists()


def test_the_migration_tags_news_and_events_documents_written_before(make_news, make_event):
    import importlib

    migration = importlib.import_module("search.migrations.0006_news_and_event_country_tags")
    news = make_news("Zebrafish news", countries=["cambodia", "vietnam"])
    event = make_event("Zebrafish webinar")
    ids = [news.pk, event.pk]
    expected = {
        news.pk: {"country:cambodia", "country:vietnam"},
        event.pk: {"country:global"},
    }
    SearchDocument.objects.filter(page_id__in=ids).update(tags=[])  # as older code wrote them
    for _run in range(2):  # the same tags when run again
        with connection.schema_editor() as editor:
            migration.retag(apps, editor)
        tags = dict(SearchDocument.objects.filter(page_id__in=ids).values_list("page_id", "tags"))
        assert {pk: set(found) for pk, found in tags.items()} == expected
