"""The glossary page (collation per language, search, bad input, anchors, fallback), its API,
its admin (permissions from the migration) and the model's validation."""

import re

import icu
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from knowledge.models import GlossaryTerm
from tests.knowledge.glossary_helpers import (
    assert_refused,
    glossary_page,
    make_term,
    translate_term,
)

pytestmark = pytest.mark.django_db

DT = re.compile(r"<dt><dfn>(.*?)</dfn>")


@pytest.fixture
def terms():
    glossary_page("en")
    osh = make_term(
        "Occupational safety and health",
        "Preventing accidents and ill health at work.",
        slug="osh",
        abbreviation="OSH",
        points=["osh-management-systems", "worker-protection"],
    )
    wage = make_term(
        "Minimum wage",
        "The lowest pay the law allows.",
        synonyms="Wage floor",
        points=["minimum-wagespiece-rate-wages"],
    )
    bipartite = make_term("Bipartite committee", "Managers and workers meet regularly.")
    return {"osh": osh, "wage": wage, "bipartite": bipartite}


def test_terms_in_alphabetical_order_with_anchors_and_compliance_points(client, terms):
    html = client.get("/en/glossary/").content.decode()
    assert DT.findall(html) == [
        "Bipartite committee",
        "Minimum wage",
        "Occupational safety and health",
    ]
    assert (
        'id="term-osh"' in html
        and '<abbr title="Occupational safety and health">OSH</abbr>' in html
    )
    osh = html.split('id="term-osh"', 1)[1].split("</div>", 1)[0]
    assert "OSH Management Systems" in osh and "Worker Protection" in osh
    assert "Also called: Wage floor" in html


def test_vietnamese_order_is_icu_collation_not_code_points(client):
    glossary_page("vi")
    for term, slug in (("Lương tối thiểu", "luong"), ("Đình công", "dinh-cong"), ("An toàn", "an")):
        source = make_term(f"English {slug}", "Definition.", slug=slug)
        translate_term(source, "vi", term, f"Định nghĩa của {term}.")
    html = client.get("/vi/glossary/").content.decode()
    # Code-point order would put Đ (U+0110) after L.
    assert DT.findall(html) == ["An toàn", "Đình công", "Lương tối thiểu"]


def test_khmer_and_arabic_pages_list_their_own_terms_and_fall_back(client, terms):
    glossary_page("km")
    glossary_page("ar")
    translate_term(terms["wage"], "km", "ប្រាក់ឈ្នួលអប្បបរមា", "ប្រាក់ឈ្នួលទាបបំផុតដែលច្បាប់អនុញ្ញាត។")
    translate_term(terms["osh"], "km", "សុវត្ថិភាព និងសុខភាពការងារ", "ការបង្ការគ្រោះថ្នាក់។")
    translate_term(terms["wage"], "ar", "الحد الأدنى للأجور", "أدنى أجر يسمح به القانون.")
    km = client.get("/km/glossary/").content.decode()
    collator = icu.Collator.createInstance(icu.Locale("km"))
    assert DT.findall(km) == sorted(DT.findall(km), key=collator.getSortKey)
    assert "ប្រាក់ឈ្នួលអប្បបរមា" in DT.findall(km)
    # Not translated yet: shown in English, marked as such, with the reader's note in Khmer.
    before, bipartite = km.split('id="term-bipartite-committee"', 1)
    bipartite = bipartite.split("</div>", 1)[0]
    assert before.endswith('<div class="glossary-entry" ') and bipartite.startswith(' lang="en"')
    assert "Bipartite committee" in bipartite and "មិនទាន់មានជាភាសារបស់អ្នកនៅឡើយទេ" in bipartite
    ar = client.get("/ar/glossary/").content.decode()
    assert "الحد الأدنى للأجور" in DT.findall(ar)
    assert 'dir="rtl"' in ar
    assert "ابحث في مسرد المصطلحات" in ar  # the search label in Arabic


def test_search_finds_terms_synonyms_and_definitions_ignoring_case_and_accents(client, terms):
    def found(q, lang="en"):
        return DT.findall(client.get(f"/{lang}/glossary/", {"q": q}).content.decode())

    assert found("osh") == ["Occupational safety and health"]
    assert found("FLOOR") == ["Minimum wage"]
    assert found("regularly") == ["Bipartite committee"]  # in the definition
    assert found("nothing like this") == []
    html = client.get("/en/glossary/", {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    glossary_page("vi")
    translate_term(terms["wage"], "vi", "Lương tối thiểu", "Mức lương thấp nhất.")
    assert found("luong toi thieu", "vi") == ["Lương tối thiểu"]


def test_bad_search_input_is_a_400_with_a_message(client, terms):
    response = client.get("/en/glossary/", {"q": "w" * 101})
    assert response.status_code == 400
    html = response.content.decode()
    assert "too long: use at most 100 characters" in html and 'role="alert"' in html
    assert DT.findall(html) == []
    # A NUL byte never reaches the page: the site answers any such request with a 400.
    response = client.get("/en/glossary/", {"q": "wage\x00"})
    assert response.status_code == 400 and "<dfn>" not in response.content.decode()


def test_glossary_page_query_budget(client, terms, django_assert_max_num_queries):
    for n in range(30):
        make_term(f"Extra term {n:02}", "Definition.", points=["overtime"])
    client.get("/en/glossary/")
    with django_assert_max_num_queries(12):
        html = client.get("/en/glossary/").content.decode()
    assert len(DT.findall(html)) == 33


def test_term_validation_refuses_nul_and_duplicate_slugs(terms):
    row = GlossaryTerm(term="Bad\x00term", slug="bad", definition="x", locale=Locale.get_default())
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "term" in error.value.message_dict
    duplicate = GlossaryTerm(term="Other", slug="osh", definition="x", locale=Locale.get_default())
    with pytest.raises(ValidationError):
        duplicate.full_clean()


# --- API ------------------------------------------------------------------------------------


def test_api_lists_terms_in_a_language_with_search(client, terms):
    glossary_page("km")
    translate_term(terms["wage"], "km", "ប្រាក់ឈ្នួលអប្បបរមា", "ប្រាក់ឈ្នួលទាបបំផុត។")
    data = client.get("/api/v2/glossary/", {"lang": "en"}).json()
    assert data["count"] == 3
    assert [t["term"] for t in data["results"]] == [
        "Bipartite committee",
        "Minimum wage",
        "Occupational safety and health",
    ]
    osh = data["results"][2]
    assert osh["url"] == "/en/glossary/#term-osh"
    assert osh["compliance_points"][0] == {
        "slug": "osh-management-systems",
        "name": "OSH Management Systems",
    }
    km = client.get("/api/v2/glossary/", {"lang": "km", "q": "ប្រាក់"}).json()
    assert [(t["term"], t["language"], t["fallback"]) for t in km["results"]] == [
        ("ប្រាក់ឈ្នួលអប្បបរមា", "km", False)
    ]
    detail = client.get("/api/v2/glossary/minimum-wage/", {"lang": "km"}).json()
    assert (
        detail["definition"] == "ប្រាក់ឈ្នួលទាបបំផុត។"
        and detail["url"] == "/km/glossary/#term-minimum-wage"
    )


@pytest.mark.parametrize(
    "url, params, status, code",
    [
        ("/api/v2/glossary/", {"q": "a\x00"}, 400, "bad_request"),
        ("/api/v2/glossary/", {"q": "a" * 101}, 400, "bad_query"),
        ("/api/v2/glossary/", {"lang": "xx"}, 400, "unknown_language"),
        ("/api/v2/glossary/", {"page": "9"}, 404, "not_found"),
        ("/api/v2/glossary/no-such-term/", {}, 404, "not_found"),
    ],
)
def test_api_bad_input(client, terms, url, params, status, code):
    response = client.get(url, params)
    assert response.status_code == status
    assert response.json()["code"] == code


def test_api_list_query_budget(client, terms, django_assert_max_num_queries):
    for n in range(30):
        make_term(f"Extra term {n:02}", "Definition.")
    with django_assert_max_num_queries(8):
        data = client.get("/api/v2/glossary/", {"page_size": 100}).json()
    assert data["count"] == 33


# --- admin ----------------------------------------------------------------------------------


def test_migration_gives_editors_and_translators_the_rights():
    editors = Group.objects.get(name="Editors")
    codes = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_glossaryterm", "change_glossaryterm", "delete_glossaryterm"} <= codes
    assert {"add_lawreference", "change_lawreference", "delete_lawreference"} <= codes
    khmer = Group.objects.get(name="Translators: ភាសាខ្មែរ")
    codes = set(khmer.permissions.values_list("codename", flat=True))
    assert {"change_glossaryterm", "change_lawreference"} <= codes
    assert "delete_glossaryterm" not in codes


def test_editor_manages_terms_and_a_user_without_permission_gets_403(
    client, terms, django_user_model
):
    editor = django_user_model.objects.create_user("ed", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    listing = client.get("/admin/snippets/knowledge/glossaryterm/")
    assert listing.status_code == 200 and "Minimum wage" in listing.content.decode()
    assert (
        client.get(f"/admin/snippets/knowledge/glossaryterm/edit/{terms['osh'].pk}/").status_code
        == 200
    )

    other = django_user_model.objects.create_user("other", password="x")
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    assert_refused(client, "/admin/snippets/knowledge/glossaryterm/")
    assert_refused(client, f"/admin/snippets/knowledge/glossaryterm/edit/{terms['osh'].pk}/")
    assert_refused(
        client,
        "/admin/snippets/knowledge/glossaryterm/add/?locale=en",
        {"term": "Sneaky", "slug": "sneaky", "definition": "x"},
    )
    assert not GlossaryTerm.objects.filter(slug="sneaky").exists()
