"""Labour-law references: validation, "check pending" for stale ones, the country portal's
section (through the provider), translations, the API and the admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.utils import timezone

from knowledge.models import LawReference
from portal.models import CompliancePoint, Country
from tests.knowledge.glossary_helpers import (
    assert_refused,
    default_term,
    make_law,
    translate_law,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def laws():
    today = timezone.localdate()
    hours = make_law("cambodia", "regular-hours", sort_order=1)
    overtime = make_law(
        "cambodia",
        "overtime-wages",
        article="Article 139",
        summary="Overtime is paid at 150% of the normal wage.",
        date_checked=today - datetime.timedelta(days=3 * 365),
        sort_order=2,
    )
    vietnam = make_law("vietnam", "regular-hours", law="Labour Code (2019)", article="Article 105")
    return {"hours": hours, "overtime": overtime, "vietnam": vietnam}


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("date_checked", "future", "cannot be in the future"),
        ("url", "javascript:alert(1)", "valid URL"),
        ("url", "ftp://example.org/law.pdf", "valid URL"),
        ("url", "not a url", "valid URL"),
        ("summary", "x\x00y", "NUL"),
    ],
)
def test_validation(field, value, message):
    if value == "future":
        value = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        make_law("cambodia", "regular-hours", **{field: value})
    assert message in " ".join(error.value.message_dict[field])
    assert not LawReference.objects.exists()


def test_today_is_a_valid_date_checked():
    assert make_law("cambodia", "regular-hours", date_checked=timezone.localdate()).pk


def _section(html):
    return html.split('<section class="law-references"', 1)[1].split("</section>", 1)[0]


def test_country_page_lists_the_references_grouped_by_compliance_point(client, laws):
    html = client.get("/en/countries/cambodia/").content.decode()
    section = _section(html)
    # In the CAT's order: Compensation's points before Working Time's.
    assert re.findall(r"<h3>(.*?)</h3>", section) == ["Overtime Wages", "Regular Hours"]
    assert "Labour Law (1997)</a></cite>, Article 137: Normal hours" in section
    assert 'href="https://natlex.ilo.org/" rel="noopener noreferrer"' in section
    assert "Labour Code (2019)" not in section  # Viet Nam's
    # Checked three years ago: readers are told it is pending a check.
    overtime, hours = section.split("<h3>Overtime Wages</h3>", 1)[1].split("<h3>Regular Hours")
    assert '<strong class="law-stale">Check pending</strong>' in overtime
    assert "Check pending" not in hours


def test_country_without_references_has_no_section(client, laws):
    html = client.get("/en/countries/jordan/").content.decode()
    assert "law-references" not in html


def test_khmer_reader_gets_the_khmer_summary_else_the_english_one_marked(client, laws):
    translate_law(laws["hours"], "km", "ច្បាប់ស្តីពីការងារ", "មាត្រា ១៣៧", "រយៈពេលធ្វើការធម្មតា។")
    section = _section(client.get("/km/countries/cambodia/").content.decode())
    assert "ច្បាប់ស្តីពីការងារ</a></cite>, មាត្រា ១៣៧: រយៈពេលធ្វើការធម្មតា។" in section
    english = re.search(r'<li lang="en" dir="auto">\s*<cite>.*?Article 139', section, re.S)
    assert english, section
    assert "ពិនិត្យ" in section  # "Check pending" / "Checked on" in Khmer
    ar = _section(client.get("/ar/countries/cambodia/").content.decode())
    assert 'lang="en"' in ar and "قانون العمل" in ar  # the heading in Arabic


def test_a_change_shows_on_the_next_request(client, laws):
    assert "Article 137" in client.get("/en/countries/cambodia/").content.decode()
    laws["hours"].article = "Article 137 (amended)"
    laws["hours"].save()
    assert "Article 137 (amended)" in client.get("/en/countries/cambodia/").content.decode()
    laws["hours"].delete()
    assert "Normal hours" not in client.get("/en/countries/cambodia/").content.decode()


def test_country_page_query_budget_does_not_grow_with_references(
    client, laws, django_assert_max_num_queries
):
    client.get("/en/countries/cambodia/")
    for n in range(20):
        make_law("cambodia", "overtime", article=f"Article {200 + n}")
    client.get("/en/countries/cambodia/")  # the content changed: fragments built again
    with django_assert_max_num_queries(25):
        html = client.get("/en/countries/cambodia/").content.decode()
    assert html.count("<cite>") == 22


# --- API ------------------------------------------------------------------------------------


def test_api_by_country_and_compliance_point(client, laws):
    data = client.get("/api/v2/labour-law/cambodia/").json()
    assert [(r["compliance_point"]["slug"], r["article"], r["check_pending"]) for r in data] == [
        ("overtime-wages", "Article 139", True),
        ("regular-hours", "Article 137", False),
    ]
    only = client.get("/api/v2/labour-law/cambodia/", {"compliance_point": "overtime-wages"}).json()
    assert [r["article"] for r in only] == ["Article 139"]
    translate_law(laws["hours"], "km", "ច្បាប់ស្តីពីការងារ", "មាត្រា ១៣៧", "រយៈពេលធ្វើការធម្មតា។")
    km = client.get("/api/v2/labour-law/cambodia/", {"lang": "km"}).json()
    assert [(r["article"], r["language"]) for r in km] == [
        ("Article 139", "en"),
        ("មាត្រា ១៣៧", "km"),
    ]


@pytest.mark.parametrize(
    "url, params, status, code",
    [
        ("/api/v2/labour-law/atlantis/", {}, 404, "not_found"),
        (
            "/api/v2/labour-law/cambodia/",
            {"compliance_point": "no-such-point"},
            400,
            "unknown_value",
        ),
        ("/api/v2/labour-law/cambodia/", {"lang": "xx"}, 400, "unknown_language"),
        ("/api/v2/labour-law/cambodia/", {"compliance_point": "a\x00b"}, 400, "bad_request"),
        ("/api/v2/labour-law/cambodia/", {"compliance_point": "x" * 300}, 400, "unknown_value"),
    ],
)
def test_api_bad_input(client, laws, url, params, status, code):
    response = client.get(url, params)
    assert response.status_code == status
    assert response.json()["code"] == code


# --- admin ----------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def _form(**fields):
    return {
        "country": default_term(Country, "jordan").pk,
        "compliance_point": default_term(CompliancePoint, "regular-hours").pk,
        "law_name": "Labour Law No. 8 of 1996",
        "article": "Article 56",
        "summary": "Normal hours are at most eight a day and 48 a week.",
        "url": "https://natlex.ilo.org/",
        "date_checked": "2025-04-08",
        "sort_order": "0",
        **fields,
    }


def test_editor_adds_a_reference_and_bad_input_is_refused(editor_client):
    url = "/admin/snippets/knowledge/lawreference/add/?locale=en"
    future = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    refused = editor_client.post(url, _form(date_checked=future, url="javascript:alert(1)"))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "cannot be in the future" in html and "Enter a valid URL" in html
    assert not LawReference.objects.exists()
    assert editor_client.post(url, _form()).status_code == 302
    row = LawReference.objects.get()
    assert (row.country.slug, row.article, row.locale.language_code) == (
        "jordan",
        "Article 56",
        "en",
    )


def test_admin_listing_filters_by_country_and_compliance_point(editor_client, laws):
    base = "/admin/snippets/knowledge/lawreference/"
    vietnam = default_term(Country, "vietnam").pk
    html = editor_client.get(base, {"country": vietnam}).content.decode()
    assert "Labour Code (2019)" in html and "Labour Law (1997)" not in html
    point = default_term(CompliancePoint, "overtime-wages").pk
    html = editor_client.get(base, {"compliance_point": point}).content.decode()
    assert "Article 139" in html and "Article 137" not in html


def test_user_without_permission_gets_403(client, laws, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    base = "/admin/snippets/knowledge/lawreference/"
    assert_refused(client, base)
    assert_refused(client, f"{base}edit/{laws['hours'].pk}/")
    assert_refused(client, f"{base}add/?locale=en", _form())
    assert_refused(client, f"{base}delete/{laws['hours'].pk}/", {})
    assert LawReference.objects.count() == 3
