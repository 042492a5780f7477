"""Users in the editorial roles the migrations create (portal/roles.py), and running a change
as if its transaction committed."""

import pytest
from django.contrib.auth.models import Group

from portal.roles import translator_group_name


@pytest.fixture
def translator_fr(django_user_model):
    user = django_user_model.objects.create_user("tr-fr", password="x")
    user.groups.add(Group.objects.get(name=translator_group_name("fr")))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("ed", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (the test's never does): the cache
    versions are bumped on commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def about():
    from wagtail.models import Locale

    from portal.models import StandardPage

    return StandardPage.objects.get(locale=Locale.get_default(), slug="about")
