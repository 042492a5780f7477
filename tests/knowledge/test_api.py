"""/api/v2/resources/: the listing's filters and facets as JSON, detail, JSON errors."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def facet(data, name):
    return {
        o["value"]: o["count"] for f in data["facets"] if f["name"] == name for o in f["options"]
    }


def test_listing_filters_and_facets(client, dataset):
    data = get(client, "/api/v2/resources/")
    assert data["count"] == 6
    assert facet(data, "country") == {"global": 1, "cambodia": 2, "vietnam": 2, "bangladesh": 2}
    data = get(client, "/api/v2/resources/?country=cambodia&country=vietnam&industry=apparel")
    assert sorted(r["title"] for r in data["results"]) == ["Guide A", "Poster D"]
    assert facet(data, "industry") == {"apparel": 2, "footwear": 1}
    data = get(client, "/api/v2/resources/?lang=km&language=km")
    assert [(r["title"], r["language"]) for r in data["results"]] == [("Guide A", "km")]
    assert {v["language"] for v in data["results"][0]["languages"]} == {"en", "km"}


def test_listing_pagination(client, dataset):
    data = get(client, "/api/v2/resources/?page_size=4&page=2&sort=title")
    assert data["num_pages"] == 2 and len(data["results"]) == 2
    get(client, "/api/v2/resources/?page=50", 404)


ERRORS = [
    ("country=atlantis", "country"),
    ("lang=xx", "Unknown language"),
    ("page=abc", "Invalid request parameters"),
    ("page_size=1000", "page_size"),
    ("page=0", "page"),
    ("type=nope", "type"),
]


def test_listing_errors_are_json(client, dataset):
    for query, message in ERRORS:
        data = get(client, f"/api/v2/resources/?{query}", 400)
        assert message in data["error"], query


def test_detail(client, dataset):
    module = dataset["M"]
    data = get(client, f"/api/v2/resources/{module.pk}/")
    assert data["type"] == "training-module"
    assert data["taxonomy"]["countries"] == ["Bangladesh"]
    assert [m["format"] for m in data["materials"]] == ["PDF", "PDF"]
    assert all(m["size"] > 0 for m in data["materials"])
    assert data["materials"][0]["download_url"].startswith(module.url)
    assert data["bundle_url"] == f"{module.url}bundle/"
    get(client, "/api/v2/resources/999999/", 404)
    assert get(client, "/api/v2/resources/abc/", 404)["error"]


def test_detail_hides_restricted(client, dataset):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=dataset["B"], restriction_type="login")
    get(client, f"/api/v2/resources/{dataset['B'].pk}/", 404)
    assert get(client, "/api/v2/resources/")["count"] == 5


def test_openapi_documents_the_endpoints(client):
    paths = get(client, "/api/v2/openapi.json")["paths"]
    assert "/api/v2/resources/" in paths
    assert "/api/v2/resources/{resource_id}/" in paths
    params = {p["name"] for p in paths["/api/v2/resources/"]["get"]["parameters"]}
    assert {"country", "industry", "topic", "audience", "type", "language", "sort"} <= params
