"""/api/v2/resources/: the listing's filters and facets as JSON in the API's page shape, the
detail with the resource's full content, JSON errors."""

import io
import json
from urllib.parse import urlsplit

import pytest
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Page, PageViewRestriction

from knowledge.models import (
    MaterialKind,
    ModelPolicyPage,
    SelfGuidedToolPage,
    TrainingModulePage,
    TrainingProgrammePage,
)
from tests.factories import PNG
from tests.knowledge.conftest import make_document, make_resource

pytestmark = pytest.mark.django_db


def relative(url):
    """An absolute next/previous link as the test client's path and query."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


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


def test_listing_pagination(client, dataset, django_assert_max_num_queries):
    first = get(client, "/api/v2/resources/?page_size=4&sort=title&country=cambodia&country=global")
    assert (first["count"], first["page"], first["page_size"], first["num_pages"]) == (3, 1, 4, 1)
    data = get(client, "/api/v2/resources/?page_size=4&page=2&sort=title")
    assert (data["count"], data["page"], data["page_size"], data["num_pages"]) == (6, 2, 4, 2)
    assert len(data["results"]) == 2 and data["next"] is None
    assert "page=1" in data["previous"] and "sort=title" in data["previous"]
    page_one = get(client, relative(data["previous"]))
    assert "page=2" in page_one["next"] and page_one["previous"] is None
    titles = [r["title"] for r in page_one["results"] + data["results"]]
    assert titles == sorted(titles, key=str.lower) and len(set(titles)) == 6
    assert {f["name"] for f in data["facets"]} >= {"country", "type", "language"}
    get(client, "/api/v2/resources/?page=50", 404)
    with django_assert_max_num_queries(12):
        big = get(client, "/api/v2/resources/?page_size=100")
    assert len(big["results"]) == 6


ERRORS = [
    ("country=atlantis", "country"),
    ("lang=xx", "Unknown language"),
    ("page=abc", "Invalid request parameters"),
    ("type=nope", "type"),
]
RANGE_ERRORS = [("page_size=101", "page_size"), ("page_size=0", "page_size"), ("page=0", "page")]


def test_listing_errors_are_json(client, dataset):
    for query, message in ERRORS:
        data = get(client, f"/api/v2/resources/?{query}", 400)
        assert message in data["error"], query
    for query, name in RANGE_ERRORS:
        data = get(client, f"/api/v2/resources/?{query}", 400)
        assert data["code"] == "bad_request"
        assert [d["loc"][-1] for d in data["detail"]] == [name], query


def test_detail(client, dataset):
    module = dataset["M"]
    data = get(client, f"/api/v2/resources/{module.pk}/")
    assert data["type"] == "training-module"
    assert data["taxonomy"]["country"] == [{"slug": "bangladesh", "name": "Bangladesh", "lang": ""}]
    assert data["taxonomy"]["industry"] == [{"slug": "apparel", "name": "Apparel", "lang": ""}]
    assert data["taxonomy"]["topic"] == []
    assert data["programme"] == {
        "id": dataset["E"].pk,
        "title": "Programme E",
        "url": dataset["E"].url,
    }
    assert data["details"]["delivery_mode"] == "classroom" and data["details"]["sessions"] == 1
    assert data["steps"] is None and data["modules"] is None
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


def _body(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def rich(library, dataset):
    """A self-guided tool whose body links to a page and a document and shows an image, with
    steps; a model policy with its text; a programme with a module."""
    image = Image.objects.create(title="Pixel", file=ImageFile(io.BytesIO(PNG), name="pixel.png"))
    document = make_document("Linked worksheet")
    target = dataset["A"]
    paragraph = (
        f'<p>Read <a linktype="page" id="{target.pk}">the guide</a> and '
        f'<a linktype="document" id="{document.pk}">the worksheet</a>.</p>'
    )
    tool = make_resource(
        library,
        SelfGuidedToolPage,
        "Tool T",
        countries=["cambodia"],
        topics=["gender-equality"],
        body=_body(
            ("heading", {"text": "Before you start"}),
            ("paragraph", paragraph),
            ("image", {"image": image.pk, "alt_text": "One pixel", "decorative": False}),
            ("quote", {"text": "Safety first.", "attribution": "A worker"}),
        ),
        steps=_body(
            ("step", {"title": "Map", "text": "<p>Walk the floor.</p>", "worksheet": document.pk}),
            ("step", {"title": "Fix", "text": "<p>Fix <b>one</b> thing.</p>", "worksheet": None}),
        ),
    )
    policy = make_resource(
        library, ModelPolicyPage, "Policy P", policy_text="<p>No child <i>labour</i>.</p>"
    )
    programme = make_resource(library, TrainingProgrammePage, "Programme Q", duration="3 months")
    module = make_resource(
        programme,
        TrainingModulePage,
        "Module Q1",
        learning_objectives="Know the law\n\n  Apply it  \n",
        duration_minutes=90,
        materials=[(MaterialKind.HANDOUT, "Q1 handout")],
    )
    return {
        "tool": tool,
        "policy": policy,
        "programme": programme,
        "module": module,
        "image": image,
        "document": document,
        "target": target,
    }


def test_detail_has_the_full_content(client, rich):
    tool = get(client, f"/api/v2/resources/{rich['tool'].pk}/")
    assert tool["type"] == "self-guided-tool"
    body = tool["body"]
    assert [b["type"] for b in body] == ["heading", "paragraph", "image", "quote"]
    assert all(b["id"] for b in body)
    assert body[0]["value"] == {"text": "Before you start"}
    html = body[1]["value"]
    assert f'href="{rich["target"].url}"' in html and "linktype" not in html
    assert f'href="{rich["document"].url}"' in html
    image = body[2]["value"]
    assert image["id"] == rich["image"].pk and image["alt"] == "One pixel"
    assert image["url"].startswith("/media/images/") and image["width"] == 1
    assert body[3]["value"] == {"text": "Safety first.", "attribution": "A worker"}
    steps = tool["steps"]
    assert [s["value"]["title"] for s in steps] == ["Map", "Fix"]
    assert steps[0]["value"]["worksheet"]["url"] == rich["document"].url
    assert steps[1]["value"] == {
        "title": "Fix",
        "text": "<p>Fix <b>one</b> thing.</p>",
        "worksheet": None,
    }
    assert tool["taxonomy"]["country"] == [{"slug": "cambodia", "name": "Cambodia", "lang": ""}]
    assert [t["slug"] for t in tool["taxonomy"]["topic"]] == ["gender-equality"]
    assert tool["policy_text"] is None and tool["learning_objectives"] is None

    policy = get(client, f"/api/v2/resources/{rich['policy'].pk}/")
    assert policy["policy_text"] == "<p>No child <i>labour</i>.</p>" and policy["body"] == []

    programme = get(client, f"/api/v2/resources/{rich['programme'].pk}/")
    assert programme["details"]["duration"] == "3 months"
    assert [m["title"] for m in programme["modules"]] == ["Module Q1"]
    assert programme["modules"][0]["url"] == rich["module"].url
    module = get(client, f"/api/v2/resources/{rich['module'].pk}/")
    assert module["learning_objectives"] == ["Know the law", "Apply it"]
    assert module["details"]["duration_minutes"] == 90
    assert module["programme"]["id"] == rich["programme"].pk


def test_detail_links_to_restricted_pages_do_not_leak(client, rich):
    """A page chooser pointing at a restricted page gives null, not its title."""
    restricted = rich["target"]
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    tool = rich["tool"]
    tool.body = _body(
        (
            "call_to_action",
            {
                "heading": "Go",
                "text": "",
                "link": {"page": restricted.pk, "url": "", "label": "Open"},
            },
        )
    )
    tool.save_revision().publish()
    data = get(client, f"/api/v2/resources/{tool.pk}/")
    assert data["body"][0]["value"]["link"] == {"page": None, "url": "", "label": "Open"}
    assert restricted.title not in json.dumps(data)


def test_restricted_body_never_appears(client, rich, django_user_model):
    """A resource under any view restriction answers 404 to everyone through the API, and
    nothing of its body reaches the listing."""
    tool = rich["tool"]
    secret = "Only-for-editors sentence"
    tool.body = _body(("paragraph", f"<p>{secret}</p>"))
    tool.save_revision().publish()
    assert secret in client.get(f"/api/v2/resources/{tool.pk}/").content.decode()
    for kind in ("login", "password"):
        restriction = PageViewRestriction.objects.create(
            page=tool, restriction_type=kind, password="pw"
        )
        for signed_in in (False, True):
            if signed_in:
                client.force_login(django_user_model.objects.create_superuser(f"root-{kind}"))
            response = client.get(f"/api/v2/resources/{tool.pk}/")
            assert response.status_code == 404 and secret not in response.content.decode()
            listing = client.get("/api/v2/resources/?page_size=100&q=Tool").content.decode()
            assert secret not in listing and "Tool T" not in listing
            client.logout()
        restriction.delete()


def test_detail_lang_picks_the_version(client, dataset):
    a = dataset["A"]
    km = Page.objects.get(translation_key=a.translation_key, locale__language_code="km")
    data = get(client, f"/api/v2/resources/{a.pk}/?lang=km")
    assert (data["id"], data["language"]) == (km.pk, "km")
    assert {v["language"] for v in data["languages"]} == {"en", "km"}
    # Untranslated (copied) text is said to be in English.
    assert data["untranslated"]["language"] == "en"
    assert "summary" in data["untranslated"]["fields"]
    assert get(client, f"/api/v2/resources/{km.pk}/")["id"] == km.pk
    # No French version: the primary (English) one.
    assert get(client, f"/api/v2/resources/{km.pk}/?lang=fr")["id"] == a.pk
    assert get(client, f"/api/v2/resources/{a.pk}/")["untranslated"] is None
    assert "Unknown language" in get(client, f"/api/v2/resources/{a.pk}/?lang=xx", 400)["error"]
