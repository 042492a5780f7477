"""The admin for labour inspectors and country data sharing: superusers and global staff only,
whatever model permissions another admin user's group was given."""

import pytest
from django.contrib.auth.models import Permission

from ims_bridge.models import CountryDataSharing, LabourInspector

from .conftest import english_country
from .staff_helpers import inspected

INSPECTORS = "/admin/snippets/ims_bridge/labourinspector/"
SHARING = "/admin/snippets/ims_bridge/countrydatasharing/"


def _grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


@pytest.fixture
def admins(world, make_user):
    editor = make_user("editor-x", ["Editors"], is_staff=True)
    # Even the models' own permissions do not open these pages to a non-global-staff editor.
    _grant(editor, "add_labourinspector", "change_labourinspector", "view_labourinspector")
    _grant(editor, "add_countrydatasharing", "change_countrydatasharing")
    global_staff = world["global staff"]
    global_staff.is_staff = True
    global_staff.save()
    _grant(global_staff, "access_admin")
    return {
        "superuser": make_user("root-x", is_superuser=True, is_staff=True),
        "global staff": global_staff,
        "editor": editor,
        "country staff": world["country staff"],
    }


@pytest.mark.parametrize("url", [INSPECTORS, SHARING, f"{INSPECTORS}add/", f"{SHARING}add/"])
def test_admin_pages_by_role(admins, as_user, url):
    assert as_user(admins["superuser"]).get(url).status_code == 200
    assert as_user(admins["global staff"]).get(url).status_code == 200
    refused = as_user(admins["editor"]).get(url)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's refusal
    outsider = as_user(admins["country staff"]).get(url)
    assert outsider.status_code == 302 and outsider["Location"].startswith("/admin/login/")
    assert as_user(None).get(url)["Location"].startswith("/admin/login/")


def test_editor_cannot_create_an_inspector(admins, world, as_user):
    kh = english_country("cambodia")
    response = as_user(admins["editor"]).post(
        f"{INSPECTORS}add/", {"user": world["buyer with grant"].pk, "country": kh.pk}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not LabourInspector.objects.filter(user=world["buyer with grant"]).exists()


def test_global_staff_turn_sharing_on_for_a_country(admins, world, as_user):
    vietnam = english_country("vietnam")
    response = as_user(admins["global staff"]).post(
        f"{SHARING}add/", {"country": vietnam.pk, "factory_results_for_inspectors": "on"}
    )
    assert response.status_code == 302
    assert CountryDataSharing.objects.get(country=vietnam).factory_results_for_inspectors
    (country,) = inspected(as_user(world["inspector not sharing"]))
    assert [f["star_id"] for f in country["factories"]] == ["V1"]


def test_only_default_language_countries_are_offered(admins, as_user):
    from wagtail.models import Locale

    from portal.models import Country

    cambodia = english_country("cambodia")
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    french = Country.objects.filter(translation_key=cambodia.translation_key, locale=fr).first()
    if french is None:
        french = cambodia.copy_for_translation(fr)
        french.name = "Cambodge"
        french.save()
    page = as_user(admins["superuser"]).get(f"{INSPECTORS}add/").content.decode()
    select = page[page.index('<select name="country"') :]
    select = select[: select.index("</select>")]
    assert f'value="{cambodia.pk}"' in select
    assert f'value="{french.pk}"' not in select
    response = as_user(admins["superuser"]).post(
        f"{SHARING}add/", {"country": french.pk, "factory_results_for_inspectors": "on"}
    )
    assert response.status_code == 400
    assert not CountryDataSharing.objects.filter(country=french).exists()


def test_a_bad_form_is_a_400_and_saves_nothing(admins, as_user):
    for data in ({"country": "nope"}, {"user": "x", "country": "1e309"}, {}):
        response = as_user(admins["superuser"]).post(f"{INSPECTORS}add/", data)
        assert response.status_code == 400
        assert 'class="error-message"' in response.content.decode()
    assert LabourInspector.objects.count() == 2  # the world's two inspectors only
