"""Publications: the page in several languages, the citation, the publication-type facet of
the library and its API, the API fields, validation in the admin form, restricted
publications and the listing's query budget."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from knowledge.models import Material, PublicationPage, PublicationSeries

from .publications import PDF, editor_user, make_publication, make_series, translate_into

pytestmark = pytest.mark.django_db

AUTHORS = [("Sreymom Chea", "Better Factories Cambodia"), ("Daniel Okafor", "ILO")]


@pytest.fixture
def brief(library):
    return make_publication(
        library,
        "Working hours in Cambodian garment factories",
        authors=AUTHORS,
        series=make_series(),
        isbn="978-92-2-039114-3",
        doi="10.54394/BWRB0012",
        countries=["cambodia"],
        materials=PDF,
    )


# --- the page ---------------------------------------------------------------------------------
def test_page_shows_authors_date_series_identifiers_citation_and_files(client, brief):
    html = client.get(brief.url).content.decode()
    assert "Sreymom Chea" in html and "(Better Factories Cambodia)" in html
    assert html.index("Sreymom Chea") < html.index("Daniel Okafor")  # the editor's order
    assert 'datetime="2024-11-18"' in html
    assert "Better Work Research Briefs" in html
    assert "978-92-2-039114-3" in html
    assert '<a href="https://doi.org/10.54394/BWRB0012" rel="noopener external">' in html
    citation = re.search(r"<textarea[^>]*readonly[^>]*>([^<]*)</textarea>", html).group(1)
    assert citation == (
        "Sreymom Chea &amp; Daniel Okafor (2024). Working hours in Cambodian garment "
        "factories. Better Work Research Briefs. ILO/IFC Better Work. "
        "https://doi.org/10.54394/BWRB0012"
    )
    assert "Research brief" in html
    assert "Full report" in html


def test_citation_override_and_fallbacks(library):
    bare = make_publication(library, "Fact sheet on fire safety", kind="fact-sheet")
    assert bare.citation == "ILO/IFC Better Work (2024). Fact sheet on fire safety."
    isbn_only = make_publication(
        library,
        "Annual report",
        kind="annual-report",
        isbn="978-92-2-039268-3",
        authors=[("A. Author", "")],
    )
    assert isbn_only.citation.endswith("ILO/IFC Better Work. ISBN 978-92-2-039268-3.")
    bare.citation_override = "Better Work (2024), Fire safety, Geneva."
    assert bare.citation == "Better Work (2024), Fire safety, Geneva."


@pytest.mark.parametrize("code", ["ar", "km"])
def test_translated_page_renders_with_its_own_series_name_and_files(
    client, library, brief, code, django_capture_on_commit_callbacks
):
    translate_into(django_capture_on_commit_callbacks, library, code)
    translate_into(django_capture_on_commit_callbacks, brief.series, code)
    names = {"ar": "موجزات البحوث لبرنامج عمل أفضل", "km": "សេចក្តីសង្ខេបស្រាវជ្រាវ"}
    PublicationSeries.objects.filter(
        translation_key=brief.series.translation_key, locale__language_code=code
    ).update(name=names[code])
    translate_into(django_capture_on_commit_callbacks, brief, code)
    version = brief.get_translation(Locale.objects.get(language_code=code))
    assert version.live and version.series.locale.language_code == code
    assert [a.name for a in version.author_list()] == ["Sreymom Chea", "Daniel Okafor"]
    response = client.get(version.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'lang="{code}"' in html
    assert names[code] in html
    assert "978-92-2-039114-3" in html and "https://doi.org/10.54394/BWRB0012" in html
    # The translation's copy of the file is linked to the English one: "also in English".
    material = Material.objects.get(page=version)
    assert material.material_key == Material.objects.get(page=brief).material_key
    assert 'hreflang="en"' in html


def test_translations_follow_the_source_on_sync(
    client, library, brief, django_capture_on_commit_callbacks
):
    """Synchronised fields (kind, date, ISBN, DOI, authors) follow the source when the
    translation is updated, as wagtail-localize's "Sync translated pages" does."""
    translate_into(django_capture_on_commit_callbacks, library, "km")
    translate_into(django_capture_on_commit_callbacks, brief.series, "km")
    translate_into(django_capture_on_commit_callbacks, brief, "km")
    brief.publication_kind = "working-paper"
    brief.doi = "10.54394/BWDP0047"
    brief.authors.first().delete()
    brief.save_revision().publish()
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get_for_instance(brief)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        for translation in source.translations.all():
            translation.save_target(publish=True)
    km = PublicationPage.objects.get(
        translation_key=brief.translation_key, locale__language_code="km"
    )
    assert km.publication_kind == "working-paper" and km.doi == "10.54394/BWDP0047"
    assert [a.name for a in km.author_list()] == ["Daniel Okafor"]
    data = client.get(f"/api/v2/resources/{km.pk}/").json()
    assert data["publication"]["kind"] == "working-paper"


# --- the publication-type facet -----------------------------------------------------------------
@pytest.fixture
def shelf(library, dataset, django_capture_on_commit_callbacks):
    """Three publications beside the six resources of ``dataset``; one also in Khmer."""
    made = {
        "B1": make_publication(library, "Brief one", countries=["cambodia"]),
        "B2": make_publication(library, "Brief two", countries=["vietnam"]),
        "F1": make_publication(library, "Fact sheet one", kind="fact-sheet"),
    }
    translate_into(django_capture_on_commit_callbacks, made["B1"], "km")
    return made


def _facet(data, name):
    facet = next(f for f in data["facets"] if f["name"] == name)
    return {o["value"]: o["count"] for o in facet["options"]}


@pytest.mark.parametrize("lang", ["en", "km", "ar"])
def test_api_counts_publications_per_kind_in_every_language(client, shelf, lang):
    data = client.get(f"/api/v2/resources/?lang={lang}").json()
    assert _facet(data, "publication") == {"research-brief": 2, "fact-sheet": 1}
    assert _facet(data, "type")["publication"] == 3
    chosen = client.get(f"/api/v2/resources/?lang={lang}&publication=research-brief").json()
    assert chosen["count"] == 2
    assert {r["title"] for r in chosen["results"]} <= {
        "Brief one",
        "Brief two",
        *[
            p.title
            for p in PublicationPage.objects.filter(translation_key=shelf["B1"].translation_key)
        ],
    }
    # Disjunctive: the kind's own counts ignore its selection; other facets apply it.
    assert _facet(chosen, "publication") == {"research-brief": 2, "fact-sheet": 1}
    assert _facet(chosen, "country") == {"cambodia": 1, "vietnam": 1}


def test_facet_combines_with_other_filters(client, shelf):
    data = client.get("/api/v2/resources/?publication=research-brief&country=cambodia").json()
    assert [r["title"] for r in data["results"]] == ["Brief one"]
    data = client.get("/api/v2/resources/?country=cambodia").json()
    assert _facet(data, "publication") == {"research-brief": 1}
    several = client.get("/api/v2/resources/?publication=research-brief&publication=fact-sheet")
    assert several.json()["count"] == 3


def test_unknown_kind_is_a_400_in_the_api_and_a_message_on_the_page(client, shelf):
    response = client.get("/api/v2/resources/?publication=novel")
    assert response.status_code == 400
    assert "publication" in response.json()["error"]
    response = client.get("/api/v2/resources/?publication=%00")
    assert response.status_code == 400
    page = client.get("/en/resources/?publication=novel")
    assert page.status_code == 200


def test_library_page_shows_the_publication_facet(client, shelf):
    html = client.get("/en/resources/").content.decode()
    assert "Publication type" in html
    assert 'name="publication" value="research-brief"' in html
    chosen = client.get("/en/resources/?publication=fact-sheet").content.decode()
    assert "Fact sheet one" in chosen and "Brief one" not in chosen


def test_restricted_publication_is_left_out_of_listing_counts_and_api(client, shelf):
    PageViewRestriction.objects.create(page=shelf["F1"], restriction_type=PageViewRestriction.LOGIN)
    data = client.get("/api/v2/resources/").json()
    assert _facet(data, "publication") == {"research-brief": 2}
    assert "Fact sheet one" not in client.get("/en/resources/").content.decode()
    assert client.get(f"/api/v2/resources/{shelf['F1'].pk}/").status_code == 404
    pages = client.get("/api/v2/pages/?type=knowledge.PublicationPage").json()
    assert shelf["F1"].pk not in [item["id"] for item in pages["items"]]


def test_library_query_budget_does_not_grow_with_publications(
    client, library, django_assert_max_num_queries
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/resources/?publication=research-brief").status_code == 200
        return len(captured)

    make_publication(library, "First brief", authors=AUTHORS)
    queries()  # warm the cached fragments
    few = queries()
    for n in range(6):
        make_publication(library, f"Brief {n}", authors=AUTHORS, materials=PDF)
    queries()
    assert queries() <= few + 2  # the counts are recounted once after the index changed
    with django_assert_max_num_queries(40):
        client.get("/en/resources/?publication=research-brief")


# --- the API ----------------------------------------------------------------------------------
def test_detail_api_has_the_publication_fields(client, brief):
    data = client.get(f"/api/v2/resources/{brief.pk}/").json()
    assert data["type"] == "publication"
    assert data["details"]["publication_kind"] == "research-brief"
    publication = data["publication"]
    assert publication["kind"] == "research-brief"
    assert publication["kind_label"] == "Research brief"
    assert publication["series"] == {
        "slug": "research-briefs",
        "name": "Better Work Research Briefs",
    }
    assert publication["authors"] == [
        {"name": "Sreymom Chea", "affiliation": "Better Factories Cambodia"},
        {"name": "Daniel Okafor", "affiliation": "ILO"},
    ]
    assert publication["publication_date"] == "2024-11-18"
    assert publication["isbn"] == "978-92-2-039114-3"
    assert publication["doi_url"] == "https://doi.org/10.54394/BWRB0012"
    assert publication["citation"].startswith("Sreymom Chea & Daniel Okafor (2024).")
    assert data["inventory"]["adapted_from"] is None
    other = client.get(f"/api/v2/resources/{brief.pk - 1}/")
    assert other.status_code == 404 or other.json().get("publication") is None


def test_wagtail_content_api_has_the_publication_fields(client, brief):
    data = client.get(f"/api/v2/pages/{brief.pk}/").json()
    assert data["publication_kind"] == "research-brief"
    assert data["series"] == {"slug": "research-briefs", "name": "Better Work Research Briefs"}
    assert data["authors"][0] == {
        "name": "Sreymom Chea",
        "affiliation": "Better Factories Cambodia",
    }
    assert data["doi_url"] == "https://doi.org/10.54394/BWRB0012"
    assert data["citation"].endswith("https://doi.org/10.54394/BWRB0012")
    assert data["publication_date"] == "2024-11-18"


# --- validation in the admin ------------------------------------------------------------------
def _edit_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([]),
        "licence": page.licence,
        "publication_kind": page.publication_kind,
        "publication_date": page.publication_date.isoformat(),
        "isbn": page.isbn,
        "doi": page.doi,
        "citation_override": "",
        "contributing_unit": "",
        "coverage": "",
        "external_link": "",
        "knowledge_materials": inline_formset([]),
        "authors": inline_formset(
            [
                {"id": a.pk, "name": a.name, "affiliation": a.affiliation, "ORDER": str(i)}
                for i, a in enumerate(page.author_list())
            ],
            initial=len(page.author_list()),
        ),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def _form_errors(response):
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("isbn", "978-92-2-039114-4", "check digit"),
        ("isbn", "0-306-40615-3", "check digit"),
        ("isbn", "12345", "check digit"),
        ("isbn", '=HYPERLINK("x")', "check digit"),
        ("doi", "doi.org/10.54394/x", "10.1234/abcd.5678"),
        ("doi", "10.12/abc", "10.1234/abcd.5678"),
        ("doi", "10.54394/has space", "10.1234/abcd.5678"),
        ("publication_date", "2024-02-30", "valid date"),
    ],
)
def test_bad_identifiers_are_form_errors_in_the_admin(
    client, brief, django_user_model, field, value, message
):
    client.force_login(editor_user(django_user_model))
    url = f"/admin/pages/{brief.pk}/edit/"
    response = client.post(url, _edit_data(brief, **{field: value}))
    assert response.status_code == 200
    errors = _form_errors(response)
    assert message in " ".join(errors[field])
    assert PublicationPage.objects.get(pk=brief.pk).get_latest_revision().content[field] != value


def test_valid_isbn10_isbn13_and_doi_save(client, brief, django_user_model):
    client.force_login(editor_user(django_user_model))
    url = f"/admin/pages/{brief.pk}/edit/"
    for isbn in ("0-306-40615-2", "978 0 306 40615 7", "080442957X"):
        data = _edit_data(brief, isbn=isbn, doi="10.1000/xyz-123.4(5)")
        response = client.post(url, data)
        assert response.status_code == 302, _form_errors(response)
        assert (
            PublicationPage.objects.get(pk=brief.pk).get_latest_revision().content["isbn"] == isbn
        )


def test_admin_add_view_and_series_snippets_for_editors(client, library, django_user_model):
    client.force_login(editor_user(django_user_model))
    add = f"/admin/pages/add/knowledge/publicationpage/{library.pk}/"
    assert client.get(add).status_code == 200
    assert client.get("/admin/snippets/knowledge/publicationseries/").status_code == 200
    assert client.get("/admin/snippets/knowledge/publicationseries/add/").status_code == 200


def test_series_snippets_are_not_for_anonymous_or_plain_users(client, django_user_model):
    response = client.get("/admin/snippets/knowledge/publicationseries/")
    assert response.status_code == 302
    plain = django_user_model.objects.create_user("plain", password="x")
    client.force_login(plain)
    assert client.get("/admin/snippets/knowledge/publicationseries/").status_code in (302, 403)
