"""Who reaches a factory's enterprise pages and API (the roles in ims_bridge/enterprise/access)."""

import pytest

from ims_bridge.enterprise import access
from ims_bridge.enterprise.models import FactorySharing
from ims_bridge.models import FactoryAccessLog
from portal.roles import BUYERS

from .conftest import ROLES

# role -> status of F1's dashboard page
DASHBOARD = {
    "anonymous": 302,  # to the login page
    "factory user": 200,
    "second factory user": 200,
    "other factory user": 404,
    "buyer with grant": 200,
    "buyer without grant": 404,
    "buyer expired": 404,
    "buyer revoked": 404,
    "country staff": 200,
    "other country staff": 404,
    "global staff": 200,
    "inspector sharing": 403,  # sees F1's assessment reports, not the factory's own tools
    "inspector not sharing": 404,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_by_role(world, as_user, role):
    response = as_user(world[role]).get("/en/factory/F1/")
    assert response.status_code == DASHBOARD[role]
    if role == "anonymous":
        assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_api_factory_by_role(world, as_user, role):
    response = as_user(world[role]).get("/api/v2/enterprise/factories/F1")
    expected = {302: 401, 200: 200, 404: 404, 403: 403}[DASHBOARD[role]]
    assert response.status_code == expected
    assert response["Content-Type"].startswith("application/json")
    if expected == 200:
        assert response.json()["star_id"] == "F1"


def test_unknown_factory_is_404_like_a_hidden_one(world, as_user):
    client = as_user(world["factory user"])
    assert client.get("/en/factory/NOPE/").status_code == 404
    assert client.get("/api/v2/enterprise/factories/NOPE").status_code == 404


@pytest.mark.parametrize(
    "role,expected",
    [
        ("factory user", ["F1"]),
        ("other factory user", ["V1"]),
        ("country staff", ["F1", "F2", "F3", "F4", "F5", "F6"]),
        ("buyer with grant", []),
        ("inspector sharing", []),
    ],
)
def test_my_factories(world, as_user, role, expected):
    client = as_user(world[role])
    data = client.get("/api/v2/enterprise/factories").json()
    listed = [f["star_id"] for f in data["results"]]
    assert data["count"] == len(expected)
    assert listed == sorted(expected, key=lambda s: s)
    page = client.get("/en/factory/").content.decode()
    listed_on_page = [] if role == "country staff" else expected  # staff: the programme page
    for star_id in ("F1", "V1", "F2"):
        assert (f"/en/factory/{star_id}/" in page) == (star_id in listed_on_page)
    assert ("/en/factory/programme/" in page) == (role == "country staff")
    assert ("/en/factory/inspectorate/" in page) == (role == "inspector sharing")


def test_reads_are_logged(world, as_user):
    as_user(world["buyer with grant"]).get("/en/factory/F1/")
    entry = FactoryAccessLog.objects.get(user=world["buyer with grant"])
    assert entry.factory.star_id == "F1" and entry.action == "enterprise:dashboard"


def test_inspectors_see_factories_only_where_the_country_shares(world, factory):
    from ims_bridge.models import Factory

    assert Factory.objects.visible_to(world["inspector sharing"]).filter(pk=factory.pk).exists()
    assert not Factory.objects.visible_to(world["inspector not sharing"]).exists()


def test_buyers_read_indicators_only_when_shared(world, factory):
    role = access.role_for(world["buyer with grant"], factory)
    assert role == access.Role.BUYER
    assert not access.may_read(role, access.Data.INDICATORS, factory)
    FactorySharing.objects.create(factory=factory, indicators_with_buyers=True)
    assert access.may_read(role, access.Data.INDICATORS, factory)
    assert not access.may_change(role, access.Data.PLAN)


def test_roles_exist_as_groups_from_migrations(db):
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    assert {"Factory users", BUYERS, "Labour inspectors"} <= names


@pytest.mark.parametrize(
    "role,tools",
    [
        ("factory user", True),
        ("buyer with grant", True),
        ("country staff", True),
        ("inspector sharing", False),  # reads F1's reports, not its own tools
    ],
)
def test_factory_reports_link_to_the_factory_tools(world, as_user, role, tools):
    from tests.factories import compliance_section

    page = compliance_section()
    html = as_user(world[role]).get(page.url + "dashboard/").content.decode()
    assert "/factories/F1/" in html
    assert ('href="/en/factory/F1/"' in html) == tools
