"""The listing index follows publish, unpublish, delete, slug changes and restrictions."""

import pytest
from wagtail.models import Locale

from knowledge.indexing import reindex_all
from knowledge.models import ResourceEntry, ResourceFacet

pytestmark = pytest.mark.django_db


def test_unpublish_and_republish(client, dataset):
    dataset["D"].unpublish()
    assert not ResourceEntry.objects.filter(page=dataset["D"]).exists()
    assert client.get("/en/resources/").context["result_count"] == 5
    dataset["D"].get_latest_revision().publish()
    assert client.get("/en/resources/").context["result_count"] == 6


def test_deleting_the_primary_version_promotes_another(client, dataset):
    guide = dataset["A"]
    khmer = guide.get_translation(Locale.objects.get(language_code="km"))
    assert ResourceEntry.objects.get(page=guide).is_primary
    guide.delete()
    assert ResourceEntry.objects.get(page=khmer).is_primary
    response = client.get("/en/resources/?country=cambodia&type=good-practice-guide")
    assert [card.language for card in response.context["cards"]] == ["km"]


def test_slug_change_updates_child_urls(dataset, django_capture_on_commit_callbacks):
    programme = dataset["E"]
    programme.slug = "renamed-programme"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals it on commit
        programme.save_revision().publish()
    assert ResourceEntry.objects.get(page=dataset["M"]).url.startswith(
        "/en/resources/renamed-programme/"
    )


def test_facets_are_slugs_and_global(dataset):
    assert set(
        ResourceFacet.objects.filter(entry__page=dataset["C"], facet="country").values_list(
            "value", flat=True
        )
    ) == {"global"}
    before = sorted(ResourceFacet.objects.values_list("entry_id", "facet", "value"))
    assert reindex_all() == 7
    assert sorted(ResourceFacet.objects.values_list("entry_id", "facet", "value")) == before
