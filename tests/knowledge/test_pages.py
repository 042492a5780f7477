"""Page-tree rules, detail rendering, providers, query budget of the detail page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from knowledge.models import (
    RESOURCE_TYPES,
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    MaterialKind,
    ModelPolicyPage,
    PublicationPage,
    ResourceLibraryPage,
    SelfGuidedToolPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from knowledge.providers import country_resources, featured_resources
from portal.models import Country, HomePage, StandardPage

from .conftest import make_resource

pytestmark = pytest.mark.django_db

TOP_LEVEL = [
    TrainingProgrammePage,
    ModelPolicyPage,
    GoodPracticeGuidePage,
    WorkbookPage,
    AwarenessMaterialPage,
    SelfGuidedToolPage,
]


def test_parent_and_subpage_rules(library):
    home = HomePage.objects.get(locale=Locale.get_default())
    assert not ResourceLibraryPage.can_create_at(home)  # one library per home page
    top_level = [*TOP_LEVEL, PublicationPage]  # publications: tests/knowledge/test_publications.py
    assert set(ResourceLibraryPage.allowed_subpage_models()) == set(top_level)
    for model in top_level:
        assert model.can_create_at(library)
        assert not model.can_create_at(home)
    programme = make_resource(library, TrainingProgrammePage, "Prog")
    assert TrainingModulePage.can_create_at(programme)
    assert not TrainingModulePage.can_create_at(library)
    assert TrainingProgrammePage.allowed_subpage_models() == [TrainingModulePage]
    for model in RESOURCE_TYPES.values():
        if model is not TrainingProgrammePage:
            assert model.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(library)


def test_every_type_renders(client, library):
    programme = None
    for model in TOP_LEVEL:
        page = make_resource(
            library,
            model,
            f"Render {model.resource_type}",
            materials=[(MaterialKind.HANDOUT, f"{model.resource_type} file")],
        )
        programme = page if model is TrainingProgrammePage else programme
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
    module = make_resource(
        programme, TrainingModulePage, "Render module", learning_objectives="Know the law\nPractise"
    )
    html = client.get(module.url).content.decode()
    assert "Know the law" in html
    assert "Render module" in client.get(programme.url).content.decode()


def test_module_order_follows_the_tree(client, library):
    programme = make_resource(library, TrainingProgrammePage, "Ordered")
    for title in ["Module one", "Module two", "Module three"]:
        make_resource(programme, TrainingModulePage, title)
    html = client.get(programme.url).content.decode()
    assert html.index("Module one") < html.index("Module two") < html.index("Module three")


def test_self_guided_tool_progress_without_js(client, library):
    import json

    steps = json.dumps(
        [
            {"type": "step", "value": {"title": f"Step {n}", "text": "<p>x</p>", "worksheet": None}}
            for n in (1, 2)
        ]
    )
    tool = make_resource(library, SelfGuidedToolPage, "Tool", steps=steps)
    assert "0 of 2 steps done" in client.get(tool.url).content.decode()
    progress = f"/en/tool-progress/{tool.pk}/"
    origin = {"HTTP_ORIGIN": "http://localhost"}
    response = client.post(progress, {"step": "1", "done": "1"}, **origin)
    assert response.status_code == 302 and response["Location"] == f"{tool.url}#step-1"
    assert "1 of 2 steps done" in client.get(tool.url).content.decode()
    assert client.post(progress, {"step": "9", "done": "1"}, **origin).status_code == 404
    assert client.post(progress, {"step": "x"}, **origin).status_code == 404
    assert client.get(progress).status_code == 405


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_detail_query_budget_does_not_grow_with_materials(
    client, library, django_assert_max_num_queries
):
    small = make_resource(
        library,
        GoodPracticeGuidePage,
        "Small",
        countries=["cambodia"],
        materials=[(MaterialKind.HANDOUT, "One")],
    )
    big = make_resource(
        library,
        GoodPracticeGuidePage,
        "Big",
        countries=["cambodia"],
        materials=[(MaterialKind.HANDOUT, f"File {n}") for n in range(10)],
    )
    _queries(client, small.url)  # warm caches (site root paths, cached fragments)
    _queries(client, big.url)
    assert _queries(client, small.url) == _queries(client, big.url)
    with django_assert_max_num_queries(15):
        client.get(big.url)


def test_providers(dataset):
    cambodia = Country.objects.get(slug="cambodia", locale__language_code="km")
    items = country_resources(language="km", limit=5, country=cambodia)
    assert sorted(i.title for i in items) == sorted(
        [dataset["A"].get_translation(Locale.objects.get(language_code="km")).title, "Policy B"]
    )
    assert country_resources(language="en", country=None) == []
    featured = featured_resources(language="en", limit=3)
    assert len(featured) == 3
    assert all(item.url.startswith("/en/resources/") for item in featured)


def test_country_page_block_shows_resources(client, dataset):
    html = client.get("/en/countries/vietnam/").content.decode()
    assert "Poster D" in html and "Policy B" in html


def test_admin_edit_and_create_views(client, library, django_user_model):
    admin = django_user_model.objects.create_superuser("kn-admin", "a@example.org", "pw-1234567")
    client.force_login(admin)
    guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Admin guide",
        materials=[(MaterialKind.HANDOUT, "Admin handout")],
    )
    assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200
    url = f"/admin/pages/add/knowledge/trainingprogrammepage/{library.pk}/"
    assert client.get(url).status_code == 200


def test_resource_links_to_its_discussion_and_library_is_in_navigation(client, library):
    page = make_resource(library, GoodPracticeGuidePage, "Discussable guide")
    html = client.get(page.url).content.decode()
    assert f'/en/communities/discuss/?page={page.pk}"' in html
    nav = html[html.index('class="primary-nav"') :]
    assert '<a href="/en/resources/"' in nav[: nav.index("</nav>")]


def _soup(response):
    from bs4 import BeautifulSoup

    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_materials_list_bundle_and_taxonomy_links(client, dataset):
    policy = dataset["B"]
    soup = _soup(client.get(policy.url))
    material = soup.select_one(".download-list .download")
    link = material.select_one("a.download-link")
    assert link["href"].startswith(f"{policy.url}download/")
    assert material.select_one(".download-format").get_text(strip=True) == "PDF"
    facts = {
        dt.get_text(strip=True): dd.get_text(strip=True)
        for dt, dd in zip(material.select("dt"), material.select("dd"), strict=True)
    }
    assert facts["Type"] == "Adaptable template"
    assert facts["Language"] == "English"
    assert facts["Size"].endswith(("bytes", "KB"))
    bundle = soup.select_one("a.bundle-button")
    assert bundle["href"] == f"{policy.url}bundle/"
    assert "1 file," in bundle.get_text(" ", strip=True)
    countries = {a.get_text(strip=True): a["href"] for a in soup.select(".term-links a")}
    assert countries["Cambodia"] == "/en/resources/?country=cambodia"
    assert countries["Footwear"] == "/en/resources/?industry=footwear"
    assert soup.select_one(".resource-type a")["href"] == "/en/resources/?type=model-policy"
    # The links lead to a library that has the filter applied.
    library = client.get(countries["Cambodia"]).content.decode()
    assert "Policy B" in library and "Poster D" not in library


def test_programme_bundle_counts_module_materials_and_global_link(client, dataset):
    soup = _soup(client.get(dataset["E"].url))
    assert "2 files," in soup.select_one("a.bundle-button").get_text(" ", strip=True)
    soup = _soup(client.get(dataset["C"].url))  # no materials, no country
    assert soup.select_one("a.bundle-button") is None
    assert soup.select_one('.term-links a[href="/en/resources/?country=global"]')


def test_language_versions_are_listed_with_hreflang(client, dataset):
    guide = dataset["A"]
    km = guide.get_translation(Locale.objects.get(language_code="km"))
    soup = _soup(client.get(guide.url))
    versions = soup.select(".resource-translations li")
    assert [v.get_text(strip=True) for v in versions] == ["English", "Khmer"]
    assert versions[0].select_one('[aria-current="page"]')
    other = versions[1].select_one("a")
    assert other["href"] == km.url and other["hreflang"] == "km" and other["lang"] == "km"
    assert soup.select_one(f'link[rel="alternate"][hreflang="km"][href="http://localhost{km.url}"]')


def test_untranslated_text_carries_english_lang_and_a_note(client, dataset):
    guide = dataset["A"]
    km = guide.get_translation(Locale.objects.get(language_code="km"))
    assert km.title == guide.title  # nobody has translated it yet: wagtail-localize fell back
    soup = _soup(client.get(km.url))
    assert soup.html["lang"] == "km"
    assert soup.select_one("h1")["lang"] == "en"
    assert soup.select_one("p.lead")["lang"] == "en"
    note = soup.select_one(".fallback-note")
    assert "មិនទាន់មានជាភាសារបស់អ្នកនៅឡើយទេ។" in note.get_text()
    assert note.find_parent(attrs={"lang": "en"}) is None  # the note is in the reader's language
    english = note.select_one('a[hreflang="en"]')
    assert english["href"] == guide.url and english["lang"] == "en"
    # The English original has neither.
    soup = _soup(client.get(guide.url))
    assert soup.select_one(".fallback-note") is None
    assert not soup.select_one("h1").has_attr("lang")


def test_translated_fields_lose_the_fallback_marks(client, dataset):
    guide = dataset["A"]
    km = guide.get_translation(Locale.objects.get(language_code="km"))
    km.title = "មគ្គុទ្ទេសក៍ A"
    km.save_revision().publish()
    soup = _soup(client.get(km.url))
    assert not soup.select_one("h1").has_attr("lang")
    assert soup.select_one("p.lead")["lang"] == "en"  # the summary is still English
    assert soup.select_one(".fallback-note")


def test_country_page_cards_of_untranslated_resources_carry_their_language(client, dataset):
    soup = _soup(client.get("/km/countries/vietnam/"))
    poster = soup.find("a", string="Poster D")
    assert poster["lang"] == "en"
    card = poster.find_parent("li")
    note = card.select_one(".not-translated")
    assert "មិនទាន់មានជាភាសារបស់អ្នកនៅឡើយទេ។" in note.get_text()
    assert note.find_parent(attrs={"lang": "en"}) is None
    assert "អង់គ្លេស" in card.select_one(".meta").get_text()  # "English", in Khmer
    # In English the same card has neither.
    soup = _soup(client.get("/en/countries/vietnam/"))
    poster = soup.find("a", string="Poster D")
    assert not poster.has_attr("lang")
    assert poster.find_parent("li").select_one(".not-translated") is None


def test_chosen_featured_page_without_translation_is_marked(client, dataset):
    import json

    from portal.models import HomePage

    km = Locale.objects.get(language_code="km")
    home = HomePage.objects.get(locale=km)
    policy = dataset["B"]
    home.body = json.dumps(
        [
            {
                "type": "featured_resources",
                "value": {"heading": "Featured", "limit": 4, "pages": [policy.pk]},
            }
        ]
    )
    home.save_revision().publish()
    soup = _soup(client.get(home.url))
    link = soup.find("a", string="Policy B")
    assert link["lang"] == "en" and link["href"] == policy.url
    card = link.find_parent("li")
    assert "មិនទាន់មានជាភាសារបស់អ្នកនៅឡើយទេ។" in card.select_one(".not-translated").get_text()
    assert card.select_one('.languages a[hreflang="en"]')["href"] == policy.url


def test_untranslated_material_labels_carry_the_source_language(
    client, library, django_capture_on_commit_callbacks
):
    from tests.factories import translate

    guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Guide with files",
        materials=[(MaterialKind.TEMPLATE, "Checklist"), (MaterialKind.TEMPLATE, "Poster")],
    )
    khmer = Locale.objects.get(language_code="km")
    for page in [library, guide]:
        with django_capture_on_commit_callbacks(execute=True):
            translate(Page.objects.get(pk=page.pk).specific, [khmer])
    km = guide.get_translation(khmer)
    poster = km.knowledge_materials.get(document__title="Poster")
    poster.title = "ផ្ទាំងរូបភាព"
    poster.save()
    soup = _soup(client.get(km.url))
    labels = {s.get_text(strip=True): s.get("lang") for s in soup.select(".download-label")}
    assert labels == {"Checklist": "en", "ផ្ទាំងរូបភាព": None}
    soup = _soup(client.get(guide.url))
    assert all(not s.has_attr("lang") for s in soup.select(".download-label"))


def test_resource_and_library_pages_have_alternates_that_answer(client, dataset):
    guide = dataset["A"]
    for path in [guide.url, "/km/resources/"]:
        soup = _soup(client.get(path))
        links = soup.select('head link[rel="alternate"][hreflang]')
        alternates = {link["hreflang"]: link["href"] for link in links}
        assert set(alternates) == {"en", "km", "x-default"}, path
        assert len(links) == 3, path  # one list, not the resource page's own as well
        for url in alternates.values():
            assert url.startswith("http://localhost/")
            assert client.get(url.removeprefix("http://localhost")).status_code == 200
