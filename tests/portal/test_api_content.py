"""Wagtail's content API at /api/v2/pages|images|documents/ (portal/api_content.py): public
pages only, structured bodies, taxonomy by slug and name, the portal's JSON errors, documents
and images an anonymous reader could download, and bounded queries."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from knowledge.models import (
    GoodPracticeGuidePage,
    Material,
    MaterialKind,
    ResourceLibraryPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from portal.models import Country, CountryPage, HomePage, StandardPage
from tests.factories import PNG, translate
from tests.knowledge.conftest import make_document, make_resource

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def listed_ids(client, query=""):
    ids = []
    offset = 0
    while True:
        body = get_json(client, f"{PAGES}?limit=50&offset={offset}&{query}")
        ids += [item["id"] for item in body["items"]]
        offset += 50
        if offset >= body["meta"]["total_count"]:
            return set(ids)


@pytest.fixture
def home():
    return HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def library(home):
    page = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def restricted(home, library):
    """A section restricted to Editors, with a child; a password page; a draft."""
    section = StandardPage(title="Members area", slug="members-area", intro="Secret intro")
    home.add_child(instance=section)
    section.save_revision().publish()
    child = StandardPage(title="Members child", slug="members-child")
    section.add_child(instance=child)
    child.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Editors"))
    secret = StandardPage(title="Password page", slug="password-page")
    home.add_child(instance=secret)
    secret.save_revision().publish()
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    draft = StandardPage(title="Draft page", slug="draft-page", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    private_guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Private guide",
        materials=[(MaterialKind.TEMPLATE, "Private guide file")],
    )
    guide_restriction = PageViewRestriction.objects.create(
        page=private_guide, restriction_type=PageViewRestriction.LOGIN
    )
    return {
        "section": section,
        "child": child,
        "secret": secret,
        "draft": draft,
        "private_guide": private_guide,
        "guide_restriction": guide_restriction,
    }


# --- listing, locale, tree -------------------------------------------------------------------
def test_listing_is_live_public_pages_in_every_language(client, home):
    ids = listed_ids(client)
    expected = set(Page.objects.live().public().filter(depth__gte=2).values_list("pk", flat=True))
    assert ids == expected
    french_home = home.get_translation(Locale.objects.get(language_code="fr"))
    assert french_home.pk in ids


def test_locale_and_child_of_read_one_language_tree(client, home):
    fr = Locale.objects.get(language_code="fr")
    french_home = home.get_translation(fr)
    body = get_json(
        client, f"{PAGES}?locale=fr&child_of={french_home.pk}&fields=search_description"
    )
    children = set(french_home.get_children().live().public().values_list("pk", flat=True))
    assert {item["id"] for item in body["items"]} == children
    assert children
    for item in body["items"]:
        assert item["meta"]["locale"] == "fr"
        assert "search_description" in item["meta"]
    french_about = StandardPage.objects.get(locale=fr, slug="about")
    assert french_about.title in {item["title"] for item in body["items"]}


def test_unknown_locale_is_a_json_400(client):
    body = get_json(client, f"{PAGES}?locale=xx", status=400)
    assert body["code"] == "bad_request"
    assert "xx" in body["error"]


def test_find_by_html_path_with_a_language_prefix(client, home, library):
    fr = Locale.objects.get(language_code="fr")
    french_about = StandardPage.objects.get(locale=fr, slug="about")
    response = client.get(f"{PAGES}find/?html_path=/fr/about/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/api/v2/pages/{french_about.pk}/")
    response = client.get(f"{PAGES}find/?html_path=/en/resources/")
    assert f"/api/v2/pages/{library.pk}/" in response["Location"]
    response = client.get(f"{PAGES}find/?html_path=/en/")
    assert f"/api/v2/pages/{home.pk}/" in response["Location"]
    body = get_json(client, f"{PAGES}find/?html_path=/en/no-such-page/", status=404)
    assert body == {"error": body["error"], "code": "not_found"}


# --- restrictions ----------------------------------------------------------------------------
def hidden_pages(restricted):
    return [restricted[name] for name in ("section", "child", "secret", "draft", "private_guide")]


@pytest.mark.parametrize("who", ["anonymous", "editor", "superuser"])
def test_restricted_and_draft_pages_never_appear(client, restricted, who, django_user_model):
    if who == "editor":
        user = django_user_model.objects.create_user("api-ed", password="x")
        user.groups.add(Group.objects.get(name="Editors"))
        client.force_login(user)
    elif who == "superuser":
        client.force_login(django_user_model.objects.create_superuser("api-su", password="x"))
        # Even a password the session has passed does not open the API.
        session = client.session
        session["wagtail-page-passwords"] = [restricted["secret"].pk]
        session.save()
    hidden = hidden_pages(restricted)
    hidden_ids = {page.pk for page in hidden}
    queries = [
        "",
        "fields=*",
        "type=portal.StandardPage",
        "type=portal.StandardPage&fields=*",
        "type=knowledge.GoodPracticeGuidePage",
        f"descendant_of={restricted['section'].get_parent().pk}",
        f"child_of={restricted['section'].get_parent().pk}",
        "search=Members",
        "search=Password",
        "order=title",
    ]
    for query in queries:
        assert not (listed_ids(client, query) & hidden_ids), query
    for page in hidden:
        body = get_json(client, f"{PAGES}{page.pk}/", status=404)
        assert body["code"] == "not_found"
        assert page.title not in json.dumps(body)
        get_json(client, f"{PAGES}find/?id={page.pk}", status=404)
        get_json(client, f"{PAGES}find/?html_path={page.url}", status=404)
        # A hidden page cannot be used as a parent or ancestor either (same answer as none).
        for parameter in ("child_of", "descendant_of", "ancestor_of"):
            body = get_json(client, f"{PAGES}?{parameter}={page.pk}", status=400)
            assert body["code"] == "bad_request"
            assert page.title not in json.dumps(body)


def test_draft_changes_of_a_live_page_are_not_served(client, home):
    about = StandardPage.objects.get(locale=home.locale, slug="about")
    live_title = about.title
    about.title = "Unpublished new title"
    about.save_revision()
    body = get_json(client, f"{PAGES}{about.pk}/")
    assert body["title"] == live_title
    assert "Unpublished" not in json.dumps(get_json(client, f"{PAGES}?fields=*"))


def test_a_restriction_removed_makes_the_page_visible(client, restricted):
    guide = restricted["private_guide"]
    get_json(client, f"{PAGES}{guide.pk}/", status=404)
    restricted["guide_restriction"].delete()
    assert get_json(client, f"{PAGES}{guide.pk}/")["title"] == "Private guide"


# --- content ---------------------------------------------------------------------------------
def test_standard_page_body_is_structured_json_with_html_rich_text(client, home):
    about = StandardPage.objects.get(locale=home.locale, slug="about")
    countries = Page.objects.get(locale=home.locale, slug="countries")
    about.body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Intro heading"}},
            {
                "type": "paragraph",
                "value": f'<p>See <a linktype="page" id="{countries.pk}">countries</a>.</p>',
            },
        ]
    )
    about.save_revision().publish()
    body = get_json(client, f"{PAGES}{about.pk}/")
    blocks = body["body"]
    assert [block["type"] for block in blocks] == ["heading", "paragraph"]
    assert blocks[0]["value"]["text"] == "Intro heading"
    assert f'href="{countries.url}"' in blocks[1]["value"]
    assert "linktype" not in blocks[1]["value"]
    assert body["intro"] == about.intro
    assert body["meta"]["html_url"] == "/en/about/"
    assert body["meta"]["detail_url"] == f"/api/v2/pages/{about.pk}/"


def test_resource_pages_expose_their_content_taxonomy_and_materials(client, library):
    guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Guide content",
        countries=["cambodia"],
        industries=["apparel"],
        topics=["occupational-safety-and-health"],
        materials=[(MaterialKind.TEMPLATE, "Guide content file")],
    )
    body = get_json(client, f"{PAGES}{guide.pk}/")
    assert body["summary"] == "Summary of Guide content"
    assert body["resource_type"] == "good-practice-guide"
    assert body["countries"] == [{"slug": "cambodia", "name": "Cambodia"}]
    assert body["industries"][0]["slug"] == "apparel"
    assert body["topics"][0]["slug"] == "occupational-safety-and-health"
    (material,) = body["materials"]
    assert material["kind"] == "template"
    assert material["title"] == "Guide content file"
    assert material["extension"] == "pdf"
    assert material["download_url"] == f"{guide.url}download/{material['id']}/"
    assert client.get(material["download_url"]).status_code == 200


def test_workbook_steps_module_objectives_and_programme_modules(client, library):
    step = {"title": "Step one", "text": "<p>Do <b>this</b>.</p>", "worksheet": None}
    workbook = make_resource(
        library,
        WorkbookPage,
        "Workbook content",
        steps=json.dumps([{"type": "step", "value": step}]),
    )
    programme = make_resource(library, TrainingProgrammePage, "Programme content")
    module = make_resource(
        programme,
        TrainingModulePage,
        "Module content",
        learning_objectives="Know the law\n\nApply it",
    )
    steps = get_json(client, f"{PAGES}{workbook.pk}/")["steps"]
    assert steps[0]["type"] == "step"
    assert steps[0]["value"]["title"] == "Step one"
    assert "<b>this</b>" in steps[0]["value"]["text"]
    module_body = get_json(client, f"{PAGES}{module.pk}/")
    assert module_body["learning_objectives"] == ["Know the law", "Apply it"]
    assert module_body["delivery_mode"] == "classroom"
    modules = get_json(client, f"{PAGES}{programme.pk}/")["modules"]
    assert modules == [{"id": module.pk, "title": "Module content", "slug": module.slug}]


def test_translated_resource_names_its_terms_in_its_language(
    client, library, django_capture_on_commit_callbacks
):
    guide = make_resource(library, GoodPracticeGuidePage, "Guide fr", countries=["cambodia"])
    fr = Locale.objects.get(language_code="fr")
    # wagtail-localize publishes translations on commit.
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=library.pk).specific, [fr])
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=guide.pk).specific, [fr])
    french_guide = GoodPracticeGuidePage.objects.get(
        translation_key=guide.translation_key, locale=fr
    )
    assert french_guide.live
    body = get_json(client, f"{PAGES}{french_guide.pk}/")
    french_name = Country.objects.get(slug="cambodia", locale=fr).name
    assert french_name != "Cambodia"
    assert body["countries"] == [{"slug": "cambodia", "name": french_name}]
    assert body["meta"]["locale"] == "fr"


def test_country_page_names_its_country(client, home):
    page = CountryPage.objects.filter(locale=home.locale).select_related("country").first()
    body = get_json(client, f"{PAGES}{page.pk}/")
    assert body["country"] == {"slug": page.country.slug, "name": page.country.name}
    assert isinstance(body["body"], list)


# --- errors ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query",
    [
        "fields=no_such_field",
        "limit=51",
        "limit=abc",
        "limit=-1",
        "offset=abc",
        "offset=99999999999999999999999",
        "offset=²",
        "no_such_parameter=1",
        "type=nosuch.Model",
        "child_of=abc",
        "child_of=999999999",
        "descendant_of=99999999999999999999999",
        "order=no_such_field",
        "rich_text_format=pdf",
        "site=localhost",
        "fields=title(id)",
    ],
)
def test_bad_parameters_are_json_400(client, query):
    body = get_json(client, f"{PAGES}?{query}", status=400)
    assert body["code"] == "bad_request"
    assert body["error"]


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/documents/", "/api/v2/images/"])
def test_unknown_ids_and_writes_are_json_errors(client, url):
    body = get_json(client, f"{url}999999999/", status=404)
    assert body["code"] == "not_found"
    response = client.post(url, {"title": "x"})
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]
    assert get_json(client, f"{url}find/?id=abc", status=400)["code"] == "bad_request"
    assert get_json(client, f"{url}find/?id=²", status=400)["code"] == "bad_request"
    body = get_json(client, f"{url}find/?id=99999999999999999999999", status=404)
    assert body["code"] == "not_found"


def test_json_whatever_the_accept_header(client):
    response = client.get(PAGES, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


# --- documents and images --------------------------------------------------------------------
@pytest.fixture
def private_collection():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Partners only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Editors"))
    child = collection.add_child(name="Partners only, sub-collection")
    return collection, child


def test_documents_are_those_an_anonymous_reader_can_download(
    client, library, restricted, private_collection
):
    collection, sub_collection = private_collection
    loose = make_document("Loose public document")
    in_collection = make_document("Collection document")
    in_collection.collection = collection
    in_collection.save()
    in_sub = make_document("Sub collection document")
    in_sub.collection = sub_collection
    in_sub.save()
    public_guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Public guide",
        materials=[(MaterialKind.TEMPLATE, "Public guide file")],
    )
    public_doc = public_guide.knowledge_materials.get().document
    private_doc = restricted["private_guide"].knowledge_materials.get().document
    # A document used by a restricted page and a public one is downloadable (from the public).
    shared = make_document("Shared document")
    Material.objects.create(page=restricted["private_guide"], kind="other", document=shared)
    Material.objects.create(page=public_guide, kind="other", document=shared)

    body = get_json(client, "/api/v2/documents/?limit=50")
    listed = {item["id"] for item in body["items"]}
    assert {loose.pk, public_doc.pk, shared.pk} <= listed
    assert not listed & {in_collection.pk, in_sub.pk, private_doc.pk}
    assert body["meta"]["total_count"] == len(listed)
    for doc in (in_collection, in_sub, private_doc):
        assert get_json(client, f"/api/v2/documents/{doc.pk}/", status=404)["code"] == "not_found"
    # Every listed download_url is the portal's serve view, and downloads for anybody.
    for item in body["items"]:
        url = item["meta"]["download_url"]
        assert url.startswith("/documents/")
        assert client.get(url).status_code == 200
    # Search does not reach hidden documents either.
    searched = get_json(client, "/api/v2/documents/?search=document&limit=50")
    assert not {item["id"] for item in searched["items"]} & {in_collection.pk, in_sub.pk}


def test_images_in_restricted_collections_are_not_listed(client, private_collection):
    collection, _sub = private_collection
    public = Image(title="Public picture", file=ImageFile(ContentFile(PNG), name="public.png"))
    public.save()
    hidden = Image(
        title="Hidden picture",
        file=ImageFile(ContentFile(PNG), name="hidden.png"),
        collection=collection,
    )
    hidden.save()
    body = get_json(client, "/api/v2/images/")
    listed = {item["id"]: item for item in body["items"]}
    assert public.pk in listed
    assert hidden.pk not in listed
    url = listed[public.pk]["meta"]["download_url"]
    assert url.startswith("/media/images/")  # a public rendition: originals stay private
    get_json(client, f"/api/v2/images/{hidden.pk}/", status=404)
    # An image whose original is lost has no URL; the listing still answers.
    lost = Image(title="Lost picture", file=ImageFile(ContentFile(PNG), name="lost.png"))
    lost.save()
    lost.file.storage.delete(lost.file.name)
    body = get_json(client, f"/api/v2/images/{lost.pk}/")
    assert body["meta"]["download_url"] is None


def test_other_rich_text_formats_on_request(client, home):
    about = StandardPage.objects.get(locale=home.locale, slug="about")
    body = get_json(client, f"{PAGES}{about.pk}/?rich_text_format=markdown")
    paragraphs = [block for block in body["body"] if block["type"] == "paragraph"]
    assert paragraphs
    assert "<p>" not in paragraphs[0]["value"]


# --- query budgets ---------------------------------------------------------------------------
def test_page_listings_have_a_query_budget(client, library, django_assert_max_num_queries):
    for n in range(8):
        make_resource(
            library,
            GoodPracticeGuidePage,
            f"Budget guide {n}",
            countries=["cambodia", "vietnam"],
            industries=["apparel"],
            topics=["gender-equality"],
            materials=[(MaterialKind.TEMPLATE, f"Budget file {n}")],
        )
    url = f"{PAGES}?type=knowledge.GoodPracticeGuidePage&fields=*&limit=50"
    with django_assert_max_num_queries(30):
        body = get_json(client, url)
    assert body["meta"]["total_count"] >= 8
    assert all(item["materials"] for item in body["items"])
    with django_assert_max_num_queries(12):
        get_json(client, f"{PAGES}?limit=50")


def test_document_listing_has_a_query_budget(client, library, django_assert_max_num_queries):
    for n in range(10):
        make_document(f"Budget document {n}")
    with django_assert_max_num_queries(8):
        body = get_json(client, "/api/v2/documents/?limit=50")
    assert body["meta"]["total_count"] >= 10


def test_unpublished_document_user_pages_hide_the_document(client, library):
    """A material whose only page is a draft is not listed (the API is stricter than the
    serve view here: it lists only what a live, public page offers)."""
    draft = make_resource(
        library,
        GoodPracticeGuidePage,
        "Draft guide",
        materials=[(MaterialKind.TEMPLATE, "Draft guide file")],
        publish=False,
        live=False,
    )
    doc = draft.knowledge_materials.get().document
    listed = {item["id"] for item in get_json(client, "/api/v2/documents/?limit=50")["items"]}
    assert doc.pk not in listed
    assert Document.objects.filter(pk=doc.pk).exists()


def test_search_finds_public_pages_only(client, home, restricted):
    from wagtail.search.backends import get_search_backend

    public = StandardPage(title="Zebrafinch public notes", slug="zebrafinch-public")
    home.add_child(instance=public)
    public.save_revision().publish()
    restricted["section"].title = "Zebrafinch members notes"
    restricted["section"].save_revision().publish()
    backend = get_search_backend()
    for page in (public, restricted["section"], restricted["child"], restricted["secret"]):
        backend.add(Page.objects.get(pk=page.pk).specific)
    body = get_json(client, f"{PAGES}?search=zebrafinch")
    assert [item["id"] for item in body["items"]] == [public.pk]
    body = get_json(client, f"{PAGES}?search=zebrafinch&type=portal.StandardPage&fields=intro")
    assert [item["id"] for item in body["items"]] == [public.pk]


@override_settings(WAGTAILAPI_BASE_URL="https://portal.example/")
def test_links_are_absolute_on_the_configured_origin(client, home, library):
    guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Guide absolute",
        materials=[(MaterialKind.TEMPLATE, "Guide absolute file")],
    )
    body = get_json(client, f"{PAGES}{guide.pk}/")
    assert body["meta"]["detail_url"] == f"https://portal.example/api/v2/pages/{guide.pk}/"
    assert body["meta"]["html_url"] == f"https://portal.example{guide.url}"
    assert body["materials"][0]["download_url"].startswith(f"https://portal.example{guide.url}")
    response = client.get(f"{PAGES}find/?html_path=/en/")
    assert response["Location"].startswith(f"https://portal.example/api/v2/pages/{home.pk}/")
    document = get_json(client, "/api/v2/documents/?limit=50")["items"][0]
    assert document["meta"]["download_url"].startswith("https://portal.example/documents/")


def test_the_api_index_lists_the_content_endpoints(client):
    index = get_json(client, "/api/")
    for name in ("pages", "images", "documents"):
        url = index["endpoints"][name]
        assert url == f"http://localhost/api/v2/{name}/"
        get_json(client, url.removeprefix("http://localhost"))


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_an_unknown_search_operator_is_a_400_not_a_server_error(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?search=overtime&search_operator=xor")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    ok = client.get(f"/api/v2/{endpoint}/?search=overtime&search_operator=and")
    assert ok.status_code == 200
