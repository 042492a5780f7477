"""Tool inventory fields on every resource: contributing unit, coverage, external link, and
country adaptations of a global tool ("Adapted from" / "Adapted in"), with the admin's
checks against self-adaptation and cycles."""

import pytest
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from knowledge.models import GoodPracticeGuidePage, SelfGuidedToolPage, WorkbookPage
from portal.models import Country

from .conftest import make_resource
from .publications import editor_user, translate_into

pytestmark = pytest.mark.django_db


@pytest.fixture
def tools(library):
    """A global toolkit adapted in Cambodia and Vietnam."""
    made = {
        "global": make_resource(
            library,
            GoodPracticeGuidePage,
            "Bipartite committee toolkit",
            contributing_unit="Better Work Global",
            coverage="All Better Work countries: garment and footwear",
            external_link="https://betterwork.org/tools/?a=1&b=2",
        )
    }
    for country in ("cambodia", "vietnam"):
        made[country] = make_resource(
            library,
            WorkbookPage,
            f"Toolkit for {country}",
            countries=[country],
            contributing_unit=f"Better Work {country.title()}",
            adapted_from=made["global"],
        )
    return made


def test_global_tool_lists_its_adaptations_and_fields(client, tools):
    html = client.get(tools["global"].url).content.decode()
    assert "Better Work Global" in html
    assert "All Better Work countries: garment and footwear" in html
    assert '<a href="https://betterwork.org/tools/?a=1&amp;b=2" rel="noopener external"' in html
    assert "Adapted in" in html
    adapted_in = html[html.index("Adapted in") :]
    assert adapted_in.index("Cambodia") < adapted_in.index("Vietnam")
    assert f'href="{tools["cambodia"].url}"' in adapted_in


def test_adaptation_links_to_its_global_tool(client, tools):
    html = client.get(tools["cambodia"].url).content.decode()
    assert "Adapted from" in html
    assert f'<a href="{tools["global"].url}" dir="auto">Bipartite committee toolkit</a>' in html


def test_adapted_in_names_countries_in_the_readers_language(
    client, library, tools, django_capture_on_commit_callbacks
):
    translate_into(django_capture_on_commit_callbacks, library, "km")
    translate_into(django_capture_on_commit_callbacks, tools["global"], "km")
    translate_into(django_capture_on_commit_callbacks, tools["cambodia"], "km")
    km = tools["global"].get_translation(Locale.objects.get(language_code="km"))
    html = client.get(km.url).content.decode()
    for slug in ("cambodia", "vietnam"):
        name = Country.objects.get(slug=slug, locale__language_code="km").name
        assert name in html
    km_adaptation = tools["cambodia"].get_translation(Locale.objects.get(language_code="km"))
    assert f'href="{km_adaptation.url}"' in html  # the reader's language version
    # The Khmer adaptation keeps pointing at the global tool, shown in Khmer.
    html = client.get(km_adaptation.url).content.decode()
    assert f'href="{km.url}"' in html


def test_a_new_adaptation_or_a_restriction_shows_at_once(client, library, tools):
    """The global tool's "Adapted in" list is kept until the library's index changes."""
    assert tools["vietnam"].url in client.get(tools["global"].url).content.decode()
    jordan = make_resource(
        library,
        WorkbookPage,
        "Toolkit for jordan",
        countries=["jordan"],
        adapted_from=tools["global"],
    )
    html = client.get(tools["global"].url).content.decode()
    assert jordan.url in html
    PageViewRestriction.objects.create(
        page=tools["vietnam"], restriction_type=PageViewRestriction.LOGIN
    )
    assert tools["vietnam"].url not in client.get(tools["global"].url).content.decode()


def test_restricted_adaptation_is_not_shown(client, tools):
    PageViewRestriction.objects.create(
        page=tools["vietnam"], restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get(tools["global"].url).content.decode()
    adapted_in = html[html.index("Adapted in") :]
    assert "Cambodia" in adapted_in and tools["vietnam"].url not in html
    data = client.get(f"/api/v2/resources/{tools['global'].pk}/").json()
    assert [a["id"] for a in data["inventory"]["adaptations"]] == [tools["cambodia"].pk]


def test_inventory_in_the_apis(client, tools):
    data = client.get(f"/api/v2/resources/{tools['cambodia'].pk}/").json()
    assert data["inventory"]["contributing_unit"] == "Better Work Cambodia"
    assert data["inventory"]["adapted_from"] == {
        "id": tools["global"].pk,
        "title": "Bipartite committee toolkit",
        "url": tools["global"].url,
    }
    data = client.get(f"/api/v2/resources/{tools['global'].pk}/").json()
    assert data["inventory"]["external_link"] == "https://betterwork.org/tools/?a=1&b=2"
    adaptations = data["inventory"]["adaptations"]
    assert [a["countries"][0]["slug"] for a in adaptations] == ["cambodia", "vietnam"]
    assert adaptations[0]["countries"][0]["name"] == "Cambodia"
    content = client.get(f"/api/v2/pages/{tools['vietnam'].pk}/").json()
    assert content["adapted_from"] == {"id": tools["global"].pk, "title": tools["global"].title}
    assert content["contributing_unit"] == "Better Work Vietnam"
    assert content["coverage"] == ""


# --- admin checks -----------------------------------------------------------------------------
def _edit_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([]),
        "licence": page.licence,
        "contributing_unit": page.contributing_unit,
        "coverage": page.coverage,
        "external_link": page.external_link,
        "adapted_from": page.adapted_from_id or "",
        "knowledge_materials": inline_formset([]),
        "comments": inline_formset([]),
    }
    if isinstance(page, (WorkbookPage, SelfGuidedToolPage)):
        data["steps"] = streamfield([])
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(editor_user(django_user_model))
    return client


def _post(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", _edit_data(page, **changes))


def test_a_tool_cannot_be_adapted_from_itself(editor_client, tools):
    response = _post(editor_client, tools["global"], adapted_from=tools["global"].pk)
    assert response.status_code == 200
    assert "cannot be adapted from itself" in " ".join(
        response.context["form"].errors["adapted_from"]
    )


def test_a_cycle_is_refused(editor_client, tools):
    response = _post(editor_client, tools["global"], adapted_from=tools["cambodia"].pk)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["adapted_from"])
    assert "is itself adapted from this resource" in errors
    assert GoodPracticeGuidePage.objects.get(pk=tools["global"].pk).adapted_from_id is None


def test_a_longer_cycle_is_refused(editor_client, library, tools):
    district = make_resource(
        library, GoodPracticeGuidePage, "Toolkit for Phnom Penh", adapted_from=tools["cambodia"]
    )
    response = _post(editor_client, tools["global"], adapted_from=district.pk)
    assert "is itself adapted from this resource" in " ".join(
        response.context["form"].errors["adapted_from"]
    )


def test_only_resources_of_the_same_language(
    editor_client, library, tools, django_capture_on_commit_callbacks
):
    from portal.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
    response = _post(editor_client, tools["vietnam"], adapted_from=home.pk)
    assert "Choose a resource page." in " ".join(response.context["form"].errors["adapted_from"])
    translate_into(django_capture_on_commit_callbacks, library, "km")
    translate_into(django_capture_on_commit_callbacks, tools["global"], "km")
    km = tools["global"].get_translation(Locale.objects.get(language_code="km"))
    response = _post(editor_client, tools["vietnam"], adapted_from=km.pk)
    assert "same language" in " ".join(response.context["form"].errors["adapted_from"])
    response = _post(editor_client, tools["vietnam"], adapted_from=999999)
    assert response.status_code == 200 and "adapted_from" in response.context["form"].errors


def test_bad_external_link_is_a_form_error(editor_client, tools):
    for value in ("javascript:alert(1)", "not a url", "https://" + "a" * 600 + ".org"):
        response = _post(editor_client, tools["global"], external_link=value)
        assert response.status_code == 200
        assert "external_link" in response.context["form"].errors


def test_valid_adaptation_saves(editor_client, library, tools):
    other = make_resource(library, GoodPracticeGuidePage, "Toolkit for Jordan")
    response = _post(editor_client, other, adapted_from=tools["global"].pk)
    assert response.status_code == 302
    revision = GoodPracticeGuidePage.objects.get(pk=other.pk).get_latest_revision()
    assert revision.content["adapted_from"] == tools["global"].pk


def test_admin_edit_view_needs_a_login(client, tools):
    response = client.get(f"/admin/pages/{tools['global'].pk}/edit/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_chooser_offers_every_resource_type():
    from knowledge.models import RESOURCE_TYPES
    from knowledge.models.inventory import RESOURCE_PAGE_TYPES

    assert set(RESOURCE_PAGE_TYPES) == {model._meta.label for model in RESOURCE_TYPES.values()}
