"""Page-tree rules, detail rendering, providers, query budget of the detail page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from knowledge.models import (
    RESOURCE_TYPES,
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    MaterialKind,
    ModelPolicyPage,
    ResourceLibraryPage,
    SelfGuidedToolPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from knowledge.providers import country_resources, featured_resources
from portal.models import Country, HomePage, StandardPage

from .conftest import make_resource

pytestmark = pytest.mark.django_db

TOP_LEVEL = [
    TrainingProgrammePage,
    ModelPolicyPage,
    GoodPracticeGuidePage,
    WorkbookPage,
    AwarenessMaterialPage,
    SelfGuidedToolPage,
]


def test_parent_and_subpage_rules(library):
    home = HomePage.objects.get(locale=Locale.get_default())
    assert not ResourceLibraryPage.can_create_at(home)  # one library per home page
    assert set(ResourceLibraryPage.allowed_subpage_models()) == set(TOP_LEVEL)
    for model in TOP_LEVEL:
        assert model.can_create_at(library)
        assert not model.can_create_at(home)
    programme = make_resource(library, TrainingProgrammePage, "Prog")
    assert TrainingModulePage.can_create_at(programme)
    assert not TrainingModulePage.can_create_at(library)
    assert TrainingProgrammePage.allowed_subpage_models() == [TrainingModulePage]
    for model in RESOURCE_TYPES.values():
        if model is not TrainingProgrammePage:
            assert model.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(library)


def test_every_type_renders(client, library):
    programme = None
    for model in TOP_LEVEL:
        page = make_resource(
            library,
            model,
            f"Render {model.resource_type}",
            materials=[(MaterialKind.HANDOUT, f"{model.resource_type} file")],
        )
        programme = page if model is TrainingProgrammePage else programme
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
    module = make_resource(
        programme, TrainingModulePage, "Render module", learning_objectives="Know the law\nPractise"
    )
    html = client.get(module.url).content.decode()
    assert "Know the law" in html
    assert "Render module" in client.get(programme.url).content.decode()


def test_module_order_follows_the_tree(client, library):
    programme = make_resource(library, TrainingProgrammePage, "Ordered")
    for title in ["Module one", "Module two", "Module three"]:
        make_resource(programme, TrainingModulePage, title)
    html = client.get(programme.url).content.decode()
    assert html.index("Module one") < html.index("Module two") < html.index("Module three")


def test_self_guided_tool_progress_without_js(client, library):
    import json

    steps = json.dumps(
        [
            {"type": "step", "value": {"title": f"Step {n}", "text": "<p>x</p>", "worksheet": None}}
            for n in (1, 2)
        ]
    )
    tool = make_resource(library, SelfGuidedToolPage, "Tool", steps=steps)
    assert "0 of 2 steps done" in client.get(tool.url).content.decode()
    response = client.post(f"{tool.url}progress/", {"step": "1", "done": "1"})
    assert response.status_code == 302
    assert "1 of 2 steps done" in client.get(tool.url).content.decode()
    assert client.post(f"{tool.url}progress/", {"step": "9", "done": "1"}).status_code == 404
    assert client.post(f"{tool.url}progress/", {"step": "x"}).status_code == 404
    assert client.get(f"{tool.url}progress/").status_code == 405


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_detail_query_budget_does_not_grow_with_materials(
    client, library, django_assert_max_num_queries
):
    small = make_resource(
        library,
        GoodPracticeGuidePage,
        "Small",
        countries=["cambodia"],
        materials=[(MaterialKind.HANDOUT, "One")],
    )
    big = make_resource(
        library,
        GoodPracticeGuidePage,
        "Big",
        countries=["cambodia"],
        materials=[(MaterialKind.HANDOUT, f"File {n}") for n in range(10)],
    )
    _queries(client, small.url)  # warm caches (site root paths)
    assert _queries(client, small.url) == _queries(client, big.url)
    with django_assert_max_num_queries(45):
        client.get(big.url)


def test_providers(dataset):
    cambodia = Country.objects.get(slug="cambodia", locale__language_code="km")
    items = country_resources(language="km", limit=5, country=cambodia)
    assert sorted(i.title for i in items) == sorted(
        [dataset["A"].get_translation(Locale.objects.get(language_code="km")).title, "Policy B"]
    )
    assert country_resources(language="en", country=None) == []
    featured = featured_resources(language="en", limit=3)
    assert len(featured) == 3
    assert all(item.url.startswith("/en/resources/") for item in featured)


def test_country_page_block_shows_resources(client, dataset):
    html = client.get("/en/countries/vietnam/").content.decode()
    assert "Poster D" in html and "Policy B" in html


def test_admin_edit_and_create_views(client, library, django_user_model):
    admin = django_user_model.objects.create_superuser("kn-admin", "a@example.org", "pw-1234567")
    client.force_login(admin)
    guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Admin guide",
        materials=[(MaterialKind.HANDOUT, "Admin handout")],
    )
    assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200
    url = f"/admin/pages/add/knowledge/trainingprogrammepage/{library.pk}/"
    assert client.get(url).status_code == 200


def test_resource_links_to_its_discussion_and_library_is_in_navigation(client, library):
    page = make_resource(library, GoodPracticeGuidePage, "Discussable guide")
    html = client.get(page.url).content.decode()
    assert f'/en/communities/discuss/?page={page.pk}"' in html
    nav = html[html.index('class="primary-nav"') :]
    assert '<a href="/en/resources/"' in nav[: nav.index("</nav>")]
