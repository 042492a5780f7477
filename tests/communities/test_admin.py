"""Editors create communities in the Wagtail admin (snippets)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from communities.models import Community
from portal.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_editor(make_user):
    user = make_user("admin-editor")
    group, _ = Group.objects.get_or_create(name="Editors")
    user.groups.add(group)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="communities",
            codename__in=["add_community", "change_community", "view_community"],
        ),
    )
    return user


def test_editor_creates_community_in_admin(client, admin_editor):
    client.force_login(admin_editor)
    url = "/admin/snippets/communities/community/add/"
    assert client.get(url).status_code == 200
    cambodia = Country.objects.get(slug="cambodia", locale=Locale.get_default())
    response = client.post(
        url,
        {
            "name": "Cambodia trainers",
            "slug": "cambodia-trainers",
            "description": "Khmer",
            "visibility": "members",
            "language": "en",
            "translations-TOTAL_FORMS": "0",
            "translations-INITIAL_FORMS": "0",
            "languages": [Locale.objects.get(language_code="km").pk],
            "countries": [cambodia.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    community = Community.objects.get(slug="cambodia-trainers")
    assert list(community.countries.all()) == [cambodia]
    assert client.get("/en/communities/cambodia-trainers/").status_code == 200


def test_reserved_slug_refused(client, admin_editor):
    client.force_login(admin_editor)
    response = client.post(
        "/admin/snippets/communities/community/add/",
        {
            "name": "Discuss",
            "slug": "discuss",
            "visibility": "public",
            "language": "en",
            "translations-TOTAL_FORMS": "0",
            "translations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert not Community.objects.filter(slug="discuss").exists()


def test_non_editor_cannot_use_admin(client, make_user):
    client.force_login(make_user("plain"))
    assert client.get("/admin/snippets/communities/community/add/").status_code == 302
