"""Users and content for the translation admin tests (inside each test's transaction)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page

from knowledge.models import GoodPracticeGuidePage, ResourceLibraryPage
from portal.models import HomePage
from tests.factories import translate
from tests.knowledge.conftest import make_resource


@pytest.fixture
def en():
    return Locale.get_default()


@pytest.fixture
def fr():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


def _translators_group():
    group, _ = Group.objects.get_or_create(name="Test translators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    return group


@pytest.fixture
def translator(django_user_model):
    """May translate, and edit the French tree only (the per-language rights)."""
    user = django_user_model.objects.create_user("trans", "t@example.org", "x", is_staff=True)
    group = _translators_group()
    home = HomePage.objects.get(locale__language_code="fr")
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user.groups.add(group)
    return user


@pytest.fixture
def outsider_translator(django_user_model):
    """May translate, but edits no page tree at all."""
    user = django_user_model.objects.create_user("other", "o@example.org", "x", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Translators without pages")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def library(en):
    home = HomePage.objects.get(locale=en)
    page = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=page)
    page.save_revision().publish()
    translate(Page.objects.get(pk=page.pk).specific)
    return page


@pytest.fixture
def module(library):
    """A good-practice guide tagged Cambodia, translated into every language."""
    page = make_resource(library, GoodPracticeGuidePage, "Fire safety", countries=["cambodia"])
    translate(Page.objects.get(pk=page.pk).specific)
    return page
