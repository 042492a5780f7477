"""The library caches each page of results (the entries and their language versions) under
its index version: a listing shown again reads no index row, and every change to the index
shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge.models import GoodPracticeGuidePage, MaterialKind
from tests.factories import translate

from .conftest import make_resource

pytestmark = pytest.mark.django_db

URL = "/en/resources/?industry=apparel"


def titles(response):
    return [card.title for card in response.context["cards"]]


def index_queries(captured):
    return [q["sql"] for q in captured.captured_queries if "knowledge_resourceentry" in q["sql"]]


def test_a_listing_shown_again_reads_no_index_row(client, dataset):
    with CaptureQueriesContext(connection) as first:
        shown = client.get(URL)
    assert index_queries(first)
    with CaptureQueriesContext(connection) as second:
        again = client.get(URL + "&page=1")
    assert index_queries(second) == []
    assert titles(again) == titles(shown)
    assert [card.versions for card in again.context["cards"]] == [
        card.versions for card in shown.context["cards"]
    ]


def test_each_order_and_page_is_its_own_copy(client, library):
    for number in range(14):
        make_resource(library, GoodPracticeGuidePage, f"Guide {number:02}", industries=["apparel"])
    newest = client.get("/en/resources/?sort=newest")
    by_title = client.get("/en/resources/?sort=title")
    second_page = client.get("/en/resources/?sort=title&page=2")
    assert titles(by_title) == [f"Guide {n:02}" for n in range(12)]
    assert titles(newest) == [f"Guide {n:02}" for n in range(13, 1, -1)]
    assert titles(second_page) == ["Guide 12", "Guide 13"]


def test_a_new_title_shows_at_once(client, dataset):
    assert "Guide A" in titles(client.get(URL))
    guide = dataset["A"]
    guide.title = "Guide A, second edition"
    guide.save_revision().publish()
    shown = titles(client.get(URL))
    assert "Guide A, second edition" in shown
    assert "Guide A" not in shown


def test_a_restriction_and_a_new_translation_show_at_once(
    client, dataset, django_capture_on_commit_callbacks
):
    assert "Poster D" in titles(client.get(URL))
    PageViewRestriction.objects.create(
        page=dataset["D"], restriction_type=PageViewRestriction.LOGIN
    )
    assert "Poster D" not in titles(client.get(URL))

    def languages_of(title):
        card = next(c for c in client.get(URL).context["cards"] if c.title == title)
        return [version.code for version in card.versions]

    assert languages_of("Workbook C") == ["en"]
    with django_capture_on_commit_callbacks(execute=True):
        translate(
            Page.objects.get(pk=dataset["C"].pk).specific,
            [Locale.objects.get(language_code="km")],
        )
    assert languages_of("Workbook C") == ["en", "km"]


def test_most_downloaded_follows_each_download(client, library):
    first = make_resource(
        library,
        GoodPracticeGuidePage,
        "Older guide",
        materials=[(MaterialKind.HANDOUT, "Older handout")],
    )
    make_resource(library, GoodPracticeGuidePage, "Newer guide")
    url = "/en/resources/?sort=downloads"
    assert titles(client.get(url)) == ["Newer guide", "Older guide"]
    material = first.knowledge_materials.get()
    assert client.get(f"{first.url}download/{material.pk}/").status_code == 200
    assert titles(client.get(url)) == ["Older guide", "Newer guide"]
