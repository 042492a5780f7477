import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from ims_bridge.demo import seed_page


@pytest.fixture
def compliance_page(db):
    """The compliance section in English and French (all locales: see test_public)."""
    return seed_page(None, locales=list(Locale.objects.filter(language_code="fr")))


@pytest.fixture
def make_user(django_user_model):
    def make(username, groups=(), **fields):
        user = django_user_model.objects.create_user(username=username, password="pw", **fields)
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        return user

    return make


@pytest.fixture
def global_staff(make_user):
    user = make_user("global-staff")
    user.user_permissions.add(Permission.objects.get(codename="view_all_factory_data"))
    return user
