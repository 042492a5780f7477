"""/api/v2/compliance/factories/<star_id>/grants: a factory's users list, grant and revoke
buyers' access through the API with the access page's rules and validation (ims_bridge.access);
programme staff list; everyone else is refused and nothing changes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ims_bridge.models import FactoryAccessGrant
from portal.roles import BUYERS

pytestmark = pytest.mark.django_db

GRANTS = "/api/v2/compliance/factories/F1/grants"
OTHER = "/api/v2/compliance/factories/V1/grants"

# actor -> (list, grant, revoke) statuses for factory F1
EXPECTED = {
    "anonymous": (401, 401, 401),
    "factory user": (200, 201, 200),
    "other factory user": (404, 404, 404),
    "buyer with grant": (403, 403, 403),
    "buyer without grant": (404, 404, 404),
    "buyer revoked": (404, 404, 404),
    "country staff": (200, 403, 403),
    "other country staff": (404, 404, 404),
    "global staff": (200, 403, 403),
    "superuser": (200, 403, 403),
}


def _grant_count():
    return FactoryAccessGrant.objects.count()


@pytest.fixture
def acme(make_user):
    return make_user("acme", [BUYERS])


@pytest.mark.parametrize("actor", EXPECTED)
def test_permissions(client, world, acme, actor):
    user = world[actor]
    if user:
        client.force_login(user)
    list_status, grant_status, revoke_status = EXPECTED[actor]
    existing = FactoryAccessGrant.objects.get(buyer=world["buyer with grant"])
    listing = client.get(GRANTS)
    assert listing.status_code == list_status
    if list_status == 200:
        buyers = {g["buyer"] for g in listing.json()["results"]}
        assert buyers == {"buyer-with-grant", "buyer-expired", "buyer-revoked"}
    else:
        assert set(listing.json()) == {"error", "code"}
    before = _grant_count()
    created = client.post(GRANTS, {"buyer": "acme"}, content_type="application/json")
    assert created.status_code == grant_status
    assert _grant_count() == before + (1 if grant_status == 201 else 0)
    revoked = client.delete(f"{GRANTS}/{existing.pk}")
    assert revoked.status_code == revoke_status
    existing.refresh_from_db()
    assert (existing.revoked_at is not None) == (revoke_status == 200)
    if grant_status != 201:
        assert not FactoryAccessGrant.objects.filter(buyer=acme).exists()


def test_factory_user_grants_and_revokes(client, world, acme):
    client.force_login(world["factory user"])
    expires = (timezone.now() + timedelta(days=30)).date().isoformat()
    response = client.post(
        GRANTS, {"buyer": " acme ", "expires": expires}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["buyer"], data["granted_by"], data["active"]) == ("acme", "fu-this", True)
    assert data["expires_at"].startswith(expires) and data["revoked_at"] is None
    grant = FactoryAccessGrant.objects.get(pk=data["id"])
    assert grant.granted_by == world["factory user"] and grant.factory.star_id == "F1"
    # The buyer now reads the factory's report.
    client.force_login(acme)
    assert client.get("/api/v2/compliance/factories/F1").status_code == 200
    client.force_login(world["factory user"])
    listing = client.get(GRANTS, {"active": "true"}).json()
    assert {g["buyer"] for g in listing["results"]} == {"acme", "buyer-with-grant"}
    inactive = client.get(GRANTS, {"active": "false"}).json()
    assert {g["buyer"] for g in inactive["results"]} == {"buyer-expired", "buyer-revoked"}
    revoked = client.delete(f"{GRANTS}/{grant.pk}")
    assert revoked.status_code == 200
    assert revoked.json()["active"] is False and revoked.json()["revoked_by"] == "fu-this"
    grant.refresh_from_db()
    assert grant.revoked_by == world["factory user"]
    first_revoked_at = grant.revoked_at
    assert client.delete(f"{GRANTS}/{grant.pk}").status_code == 200  # again: nothing changes
    grant.refresh_from_db()
    assert grant.revoked_at == first_revoked_at
    client.force_login(acme)
    assert client.get("/api/v2/compliance/factories/F1").status_code == 404


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"buyer": "nobody"}, "buyer", "No buyer account with that username."),
        ({"buyer": "fu-other"}, "buyer", "No buyer account with that username."),  # not a buyer
        ({"buyer": ""}, "buyer", "No buyer account with that username."),
        ({"buyer": "acme", "expires": "yesterday"}, "expires", "YYYY-MM-DD"),
        ({"buyer": "acme", "expires": "2001-01-01"}, "expires", "must be in the future"),
        ({"buyer": "acme", "expires": "2030-02-30"}, "expires", "YYYY-MM-DD"),
    ],
)
def test_invalid_grants_are_400_and_change_nothing(client, world, acme, body, field, message):
    client.force_login(world["factory user"])
    before = _grant_count()
    response = client.post(GRANTS, body, content_type="application/json")
    assert response.status_code == 400
    data = response.json()
    assert data["code"] == "invalid_grant" and message in data["error"]
    assert [d["loc"] for d in data["detail"]] == [["body", field]]
    assert _grant_count() == before


def test_malformed_bodies_are_400(client, world):
    client.force_login(world["factory user"])
    before = _grant_count()
    for body in ({}, {"buyer": ["acme"]}, {"buyer": "acme", "expires": 5}):
        response = client.post(GRANTS, body, content_type="application/json")
        assert response.status_code == 400 and response.json()["code"] == "bad_request"
    response = client.post(GRANTS, "not json", content_type="application/json")
    assert response.status_code == 400
    assert _grant_count() == before


def test_grants_of_other_factories_are_not_found(client, world):
    other = FactoryAccessGrant.objects.get(factory__star_id="V1")
    client.force_login(world["factory user"])
    assert client.delete(f"{GRANTS}/{other.pk}").status_code == 404
    assert client.delete(f"{GRANTS}/999999").status_code == 404
    assert client.delete(f"{GRANTS}/{'9' * 30}").status_code in (400, 404)
    assert client.get(OTHER).status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None
    client.force_login(world["other factory user"])
    assert client.get(OTHER).status_code == 200
    assert client.delete(f"{OTHER}/{other.pk}").status_code == 200


def test_listing_is_paged(client, world, make_user, django_assert_max_num_queries):
    f1 = world["factory user"].ims_memberships.get().factory
    for n in range(5):
        FactoryAccessGrant.objects.create(factory=f1, buyer=make_user(f"b{n}", [BUYERS]))
    client.force_login(world["country staff"])
    with django_assert_max_num_queries(12):
        first = client.get(GRANTS, {"page_size": 3}).json()
    assert (first["count"], first["num_pages"], len(first["results"])) == (8, 3, 3)
    assert first["results"][0]["buyer"] == "b4"  # newest first
    assert client.get(GRANTS, {"page": 4, "page_size": 3}).status_code == 404
    assert client.get(GRANTS, {"page_size": 500}).status_code == 400


def test_html_page_and_api_share_the_rules(client, world, acme):
    """The access page answers the same messages for the same bad input."""
    client.force_login(world["factory user"])
    page = client.post("/en/compliance/factories/F1/access/", {"buyer": "acme", "expires": "x"})
    api = client.post(GRANTS, {"buyer": "acme", "expires": "x"}, content_type="application/json")
    assert page.status_code == api.status_code == 400
    assert api.json()["detail"][0]["msg"] in page.content.decode()
