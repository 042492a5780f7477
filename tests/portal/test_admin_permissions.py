"""Taxonomy and settings are edited in the Wagtail admin; only people with permission get in."""

import pytest
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/snippets/portal/country/",
    "/admin/snippets/portal/compliancepoint/",
    "/admin/settings/portal/navigationsettings/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_user_without_admin_access_is_refused(client, django_user_model, url):
    user = django_user_model.objects.create_user("trainer1", password="x")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/login/" in response["Location"]


def test_admin_user_without_snippet_permission_cannot_edit_countries(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/snippets/portal/country/")
    assert response.status_code in (302, 403)


def test_editor_with_permission_sees_countries_in_every_language(client, django_user_model):
    user = django_user_model.objects.create_user("ed", password="x")
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(
        Permission.objects.get(codename="change_country"),
        Permission.objects.get(codename="access_admin"),
    )
    user.groups.add(editors)
    client.force_login(user)
    response = client.get("/admin/snippets/portal/country/?locale=ar")
    assert response.status_code == 200
    assert "Cambodia" in response.content.decode() or "كمبوديا" in response.content.decode()


def test_superuser_can_edit_a_country(client, django_user_model):
    from portal.models import Country

    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    country = Country.objects.get(slug="jordan", locale__language_code="en")
    response = client.get(f"/admin/snippets/portal/country/edit/{country.pk}/")
    assert response.status_code == 200
    assert 'name="iso_code"' in response.content.decode()
