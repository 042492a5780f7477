from datetime import timedelta

import pytest
from django.utils import timezone

from ims_bridge.models import Factory, FactoryAccessGrant, FactoryAccessLog
from portal.roles import BUYERS

pytestmark = pytest.mark.django_db

PAGE = "/en/compliance/factories/F1/"
CSV = "/en/compliance/factories/F1/csv/"
API = "/api/v2/compliance/factories/F1"


ALLOWED = {"buyer with grant", "factory user", "country staff", "global staff", "superuser"}
ACTORS = [
    "anonymous",
    "buyer with grant",
    "buyer without grant",
    "buyer expired",
    "buyer revoked",
    "factory user",
    "other factory user",
    "country staff",
    "other country staff",
    "global staff",
    "superuser",
]


@pytest.mark.parametrize("actor", ACTORS)
def test_permission_matrix(client, world, actor):
    user = world[actor]
    if user:
        client.force_login(user)
    page, csv, api = client.get(PAGE), client.get(CSV), client.get(API)
    listing = client.get("/api/v2/compliance/factories")
    if actor in ALLOWED:
        assert page.status_code == 200 and b"Factory F1" in page.content
        assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
        assert b"F1-2" in csv.content
        assert api.status_code == 200 and api.json()["star_id"] == "F1"
        assert "F1" in [f["star_id"] for f in listing.json()["results"]]
    elif actor == "anonymous":
        assert page.status_code == 302 and csv.status_code == 302
        assert api.status_code == 401 and api.json() == {
            "error": "Authentication required.",
            "code": "not_authenticated",
        }
        assert listing.status_code == 401
    else:
        assert (page.status_code, csv.status_code, api.status_code) == (404, 404, 404)
        assert api.json() == {"error": "Not found.", "code": "not_found"}
        assert "F1" not in [f["star_id"] for f in listing.json()["results"]]


def test_visible_to_is_the_one_path(world):
    visible = {
        name: set(Factory.objects.visible_to(user).values_list("star_id", flat=True))
        for name, user in world.items()
        if user
    }
    assert visible["buyer with grant"] == {"F1"}
    assert visible["buyer without grant"] == {"V1"}
    assert visible["country staff"] == {"F1", "F2", "F3", "F4", "F5", "F6"}
    assert visible["other country staff"] == {"V1"}
    assert visible["global staff"] == set(Factory.objects.values_list("star_id", flat=True))
    assert visible["inactive global staff"] == set()
    from django.contrib.auth.models import AnonymousUser

    assert not Factory.objects.visible_to(AnonymousUser()).exists()


def test_every_read_is_logged(client, world):
    buyer = world["buyer with grant"]
    client.force_login(buyer)
    client.get(PAGE)
    client.get(CSV)
    client.get(API)
    assert list(
        FactoryAccessLog.objects.filter(user=buyer)
        .order_by("at", "pk")
        .values_list("action", "factory__star_id")
    ) == [("page", "F1"), ("csv", "F1"), ("api", "F1")]


def test_dashboard_lists_shared_factories(client, world):
    assert client.get("/en/compliance/dashboard/").status_code == 302
    client.force_login(world["buyer with grant"])
    response = client.get("/en/compliance/dashboard/")
    assert response.status_code == 200
    assert b"Factory F1" in response.content and b"Factory V1" not in response.content
    client.force_login(world["buyer revoked"])
    assert b"Factory F1" not in client.get("/en/compliance/dashboard/").content


def test_factory_user_grants_and_revokes(client, world, make_user):
    new_buyer = make_user("acme", [BUYERS])
    access_url = "/en/compliance/factories/F1/access/"
    client.force_login(new_buyer)
    assert client.get(API).status_code == 404
    assert client.get(access_url).status_code == 404  # buyers cannot manage access
    client.force_login(world["other factory user"])
    assert client.get(access_url).status_code == 404
    assert client.post(access_url, {"buyer": "acme"}).status_code == 404
    client.force_login(world["factory user"])
    assert client.get(access_url).status_code == 200
    bad = client.post(access_url, {"buyer": "acme", "expires": "yesterday"})
    assert bad.status_code == 400 and b"YYYY-MM-DD" in bad.content
    assert b'value="acme"' in bad.content and b'value="yesterday"' in bad.content  # kept
    assert client.post(access_url, {"buyer": "nobody"}).status_code == 400
    assert client.post(access_url, {"buyer": "fu-other"}).status_code == 400  # not a buyer
    expires = (timezone.now() + timedelta(days=30)).date().isoformat()
    assert client.post(access_url, {"buyer": "acme", "expires": expires}).status_code == 302
    grant = FactoryAccessGrant.objects.get(buyer=new_buyer)
    assert (
        grant.granted_by == world["factory user"] and grant.expires_at.date().isoformat() == expires
    )
    client.force_login(new_buyer)
    assert client.get(API).status_code == 200
    client.force_login(world["factory user"])
    assert client.post(access_url, {"revoke": str(grant.pk)}).status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_by == world["factory user"]
    client.force_login(new_buyer)
    assert client.get(API).status_code == 404


def test_factory_list_is_paged(client, world, django_assert_max_num_queries):
    client.force_login(world["global staff"])
    everything = sorted(Factory.objects.values_list("name", flat=True))
    with django_assert_max_num_queries(8):
        first = client.get("/api/v2/compliance/factories", {"page_size": 2}).json()
    assert first["count"] == len(everything) and first["num_pages"] == (len(everything) + 1) // 2
    assert [f["name"] for f in first["results"]] == everything[:2]
    last = client.get("/api/v2/compliance/factories", {"page_size": 2, "page": first["num_pages"]})
    assert last.json()["next"] is None and last.json()["results"][-1]["name"] == everything[-1]
    past = client.get(
        "/api/v2/compliance/factories", {"page": first["num_pages"] + 1, "page_size": 2}
    )
    assert past.status_code == 404
    client.force_login(world["buyer with grant"])
    mine = client.get("/api/v2/compliance/factories").json()
    assert (mine["count"], [f["star_id"] for f in mine["results"]]) == (1, ["F1"])


def test_factory_report_query_budget(client, world, django_assert_max_num_queries):
    client.force_login(world["buyer with grant"])
    with django_assert_max_num_queries(50):
        assert client.get(PAGE).status_code == 200


def test_login_redirect_keeps_the_readers_language(client, world):
    response = client.get("/fr/compliance/factories/F1/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=/fr/compliance/factories/F1/")
