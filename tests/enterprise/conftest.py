"""A world around factory F1 (Cambodia) of the ims_bridge rate fixture, with one user of each
enterprise role. V1 (Vietnam) is another factory with its own user."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from ims_bridge.models import (
    CountryDataSharing,
    CountryStaff,
    Factory,
    FactoryAccessGrant,
    FactoryMembership,
    LabourInspector,
)
from portal.models import Country
from portal.roles import BUYERS
from tests.ims_bridge.fixtures import load_fixture

ROLES = [
    "anonymous",
    "factory user",
    "second factory user",
    "other factory user",
    "buyer with grant",
    "buyer without grant",
    "buyer expired",
    "buyer revoked",
    "country staff",
    "other country staff",
    "global staff",
    "inspector sharing",
    "inspector not sharing",
    "superuser",
]

# Role groups around F1: it does not exist for HIDDEN (404); MEMBERS are its factory users;
# STAFF its programme and global staff.
HIDDEN = {
    "other factory user",
    "buyer without grant",
    "buyer expired",
    "buyer revoked",
    "other country staff",
    "inspector not sharing",
}
MEMBERS = {"factory user", "second factory user"}
STAFF = {"country staff", "global staff", "superuser"}


@pytest.fixture
def make_user(django_user_model):
    def make(username, groups=(), **fields):
        user = django_user_model.objects.create_user(
            username=username, password="pw", email=f"{username}@example.org", **fields
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def factories(db, tmp_path):
    load_fixture(tmp_path)
    return Factory.objects.get(star_id="F1"), Factory.objects.get(star_id="V1")


@pytest.fixture
def world(factories, make_user):
    f1, v1 = factories
    kh = f1.country
    vn = v1.country
    u = {"anonymous": None}
    u["factory user"] = make_user("fu-one", ["Factory users"])
    u["second factory user"] = make_user("fu-two", ["Factory users"])
    u["other factory user"] = make_user("fu-other", ["Factory users"])
    FactoryMembership.objects.create(user=u["factory user"], factory=f1)
    FactoryMembership.objects.create(user=u["second factory user"], factory=f1)
    FactoryMembership.objects.create(user=u["other factory user"], factory=v1)
    now = timezone.now()
    for name in ("buyer with grant", "buyer without grant", "buyer expired", "buyer revoked"):
        u[name] = make_user(name.replace(" ", "-"), [BUYERS])
    FactoryAccessGrant.objects.create(
        factory=f1, buyer=u["buyer with grant"], expires_at=now + timedelta(days=30)
    )
    FactoryAccessGrant.objects.create(
        factory=f1, buyer=u["buyer expired"], expires_at=now - timedelta(days=1)
    )
    FactoryAccessGrant.objects.create(factory=f1, buyer=u["buyer revoked"], revoked_at=now)
    FactoryAccessGrant.objects.create(factory=v1, buyer=u["buyer without grant"])
    u["country staff"] = make_user("staff-kh")
    CountryStaff.objects.create(user=u["country staff"], country=kh)
    u["other country staff"] = make_user("staff-vn")
    CountryStaff.objects.create(user=u["other country staff"], country=vn)
    u["global staff"] = make_user("global-staff")
    u["global staff"].user_permissions.add(Permission.objects.get(codename="view_all_factory_data"))
    u["inspector sharing"] = make_user("inspector-kh", ["Labour inspectors"])
    LabourInspector.objects.create(user=u["inspector sharing"], country=kh)
    CountryDataSharing.objects.create(country=kh, factory_results_for_inspectors=True)
    u["inspector not sharing"] = make_user("inspector-vn", ["Labour inspectors"])
    LabourInspector.objects.create(user=u["inspector not sharing"], country=vn)
    u["superuser"] = make_user("root", is_superuser=True)
    assert set(u) == set(ROLES)
    return u


@pytest.fixture
def factory(factories):
    return factories[0]


@pytest.fixture
def as_user(client):
    """A test client signed in as the given user (None: anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


def english_country(slug):
    from wagtail.models import Locale

    return Country.objects.get(slug=slug, locale=Locale.get_default())
