from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from ims_bridge.models import CountryStaff, Factory, FactoryAccessGrant, FactoryMembership
from portal.models import Country
from portal.roles import BUYERS
from tests.factories import compliance_section

from .fixtures import load_fixture


@pytest.fixture
def compliance_page(db):
    """The compliance section in English and French (all locales: see test_public)."""
    return compliance_section(list(Locale.objects.filter(language_code="fr")))


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


@pytest.fixture
def world(tmp_path, compliance_page, make_user, global_staff):
    """The rate fixture plus one user of every kind around factory F1 (see test_access)."""
    load_fixture(tmp_path)
    f1, v1 = Factory.objects.get(star_id="F1"), Factory.objects.get(star_id="V1")
    en = Locale.get_default()
    kh = Country.objects.get(slug="cambodia", locale=en)
    vn = Country.objects.get(slug="vietnam", locale=en)
    users = {"anonymous": None, "global staff": global_staff}
    for name in ("buyer with grant", "buyer without grant", "buyer expired", "buyer revoked"):
        users[name] = make_user(name.replace(" ", "-"), [BUYERS])
    now = timezone.now()
    FactoryAccessGrant.objects.create(
        factory=f1, buyer=users["buyer with grant"], expires_at=now + timedelta(days=3)
    )
    FactoryAccessGrant.objects.create(
        factory=f1, buyer=users["buyer expired"], expires_at=now - timedelta(minutes=1)
    )
    FactoryAccessGrant.objects.create(factory=f1, buyer=users["buyer revoked"], revoked_at=now)
    FactoryAccessGrant.objects.create(factory=v1, buyer=users["buyer without grant"])
    users["factory user"] = make_user("fu-this", ["Factory users"])
    FactoryMembership.objects.create(user=users["factory user"], factory=f1)
    users["other factory user"] = make_user("fu-other", ["Factory users"])
    FactoryMembership.objects.create(user=users["other factory user"], factory=v1)
    users["country staff"] = make_user("staff-kh")
    CountryStaff.objects.create(user=users["country staff"], country=kh)
    users["other country staff"] = make_user("staff-vn")
    CountryStaff.objects.create(user=users["other country staff"], country=vn)
    users["superuser"] = make_user("root", is_superuser=True)
    users["inactive global staff"] = make_user("gone", is_active=False)
    return users
