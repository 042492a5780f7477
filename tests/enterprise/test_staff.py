"""Country programme staff's list of their factories, the labour inspectorate's page, the staff
box on a factory's dashboard, and the same as JSON."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ims_bridge.enterprise.models import (
    Indicator,
    IndicatorValue,
    PlanAction,
    SelfAssessment,
    SelfAssessmentStatus,
    Training,
)
from ims_bridge.models import (
    CatVersion,
    CountryDataSharing,
    Factory,
    FactoryAccessLog,
    PlanStatus,
)
from portal.models import CompliancePoint

from .conftest import ROLES, english_country
from .staff_helpers import api_ids, inspected

STAFF = ("country staff", "other country staff", "global staff", "superuser")
PROGRAMME = dict.fromkeys(ROLES, 403) | {"anonymous": 302} | dict.fromkeys(STAFF, 200)
INSPECTORS = ("inspector sharing", "inspector not sharing")
INSPECTORATE = dict.fromkeys(ROLES, 403) | {"anonymous": 302} | dict.fromkeys(INSPECTORS, 200)
CAMBODIA = ["F1", "F2", "F3", "F4", "F5", "F6"]


@pytest.fixture
def compliance_page(db):
    from tests.factories import compliance_section

    return compliance_section([])


# --- the programme list -------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_programme_page_by_role(world, as_user, role):
    response = as_user(world[role]).get("/en/factory/programme/")
    assert response.status_code == PROGRAMME[role]
    if role == "anonymous":
        assert response["Location"].startswith("/en/accounts/login/?next=/en/factory/programme/")


@pytest.mark.parametrize("role", ROLES)
def test_programme_api_by_role(world, as_user, role):
    response = as_user(world[role]).get("/api/v2/enterprise/programme")
    expected = {302: 401, 200: 200, 403: 403}[PROGRAMME[role]]
    assert response.status_code == expected
    assert response["Content-Type"].startswith("application/json")
    if expected != 200:
        assert "error" in response.json()


@pytest.mark.parametrize(
    "role,expected",
    [
        ("country staff", CAMBODIA),
        ("other country staff", ["V1"]),
        ("global staff", [*CAMBODIA, "V1"]),
    ],
)
def test_staff_see_their_programme(world, as_user, role, expected):
    client = as_user(world[role])
    assert sorted(api_ids(client.get("/api/v2/enterprise/programme"))) == expected
    page = client.get("/en/factory/programme/").content.decode()
    for star_id in [*CAMBODIA, "V1"]:
        assert (f'href="/en/factory/{star_id}/"' in page) == (star_id in expected)


def test_the_country_filter_is_offered_to_staff_of_several_countries(world, as_user):
    single = as_user(world["country staff"]).get("/en/factory/programme/").content.decode()
    assert 'name="country"' not in single
    client = as_user(world["global staff"])
    assert 'name="country"' in client.get("/en/factory/programme/").content.decode()
    assert api_ids(client.get("/api/v2/enterprise/programme?country=vietnam")) == ["V1"]
    page = client.get("/en/factory/programme/?country=vietnam").content.decode()
    assert 'href="/en/factory/V1/"' in page and 'href="/en/factory/F1/"' not in page


def test_the_industry_filter(world, as_user):
    client = as_user(world["country staff"])
    assert api_ids(client.get("/api/v2/enterprise/programme?industry=footwear")) == ["F6"]
    page = client.get("/en/factory/programme/?industry=footwear").content.decode()
    assert 'href="/en/factory/F6/"' in page and 'href="/en/factory/F1/"' not in page


@pytest.mark.parametrize("query", ["country=vietnam", "country=nowhere", "industry=" + "x" * 5000])
def test_a_filter_outside_the_programme_is_a_clear_400(world, as_user, query):
    client = as_user(world["country staff"])
    page = client.get(f"/en/factory/programme/?{query}")
    assert page.status_code == 400
    assert "Select a valid choice" in page.content.decode()
    api = client.get(f"/api/v2/enterprise/programme?{query}")
    assert api.status_code == 400 and "Select a valid choice" in api.json()["error"]


def test_a_nul_in_a_filter_is_refused(world, as_user):
    client = as_user(world["country staff"])
    assert client.get("/en/factory/programme/?industry=%00").status_code == 400
    assert client.get("/api/v2/enterprise/programme?industry=%00").status_code == 400


def test_a_bad_page_number_is_a_400_in_the_api(world, as_user):
    client = as_user(world["country staff"])
    assert client.get("/api/v2/enterprise/programme?page=0").status_code == 400
    assert client.get("/api/v2/enterprise/programme?page=abc").status_code == 400
    # The page falls back to the first page, like the site's other lists.
    assert client.get("/en/factory/programme/?page=abc").status_code == 200


def _tools(factory, user):
    """Self-assessments, plan actions, indicators and trainings for one factory."""
    today = timezone.localdate()
    cat = CatVersion.objects.filter(country=factory.country).first()
    SelfAssessment.objects.create(factory=factory, cat_version=cat, language="en")
    SelfAssessment.objects.create(
        factory=factory,
        cat_version=cat,
        language="en",
        status=SelfAssessmentStatus.SUBMITTED,
        submitted_at=timezone.make_aware(timezone.datetime(2024, 3, 5, 12)),
    )
    point = CompliancePoint.objects.first()
    for status, due in [
        (PlanStatus.COMPLETED, today - timedelta(days=10)),  # done late: not overdue
        (PlanStatus.PENDING, today - timedelta(days=1)),  # overdue
        (PlanStatus.IN_PROGRESS, today + timedelta(days=5)),
        (PlanStatus.PENDING, None),
    ]:
        PlanAction.objects.create(
            factory=factory, compliance_point=point, action="Fix", status=status, due_date=due
        )
    indicator = Indicator.objects.first()
    for month in (date(2024, 1, 1), date(2024, 2, 1)):
        IndicatorValue.objects.create(factory=factory, indicator=indicator, month=month, value=3)
    for day in (1, 2, 3):
        Training.objects.create(
            factory=factory, programme="Supervisors", start_date=date(2024, 1, day)
        )


def test_programme_figures_per_factory(world, as_user, factory):
    _tools(factory, world["factory user"])
    rows = {
        row["star_id"]: row
        for row in as_user(world["country staff"])
        .get("/api/v2/enterprise/programme")
        .json()["results"]
    }
    f1 = rows["F1"]
    assert f1["latest_assessment"] == "2022-02-10"
    assert f1["noncompliant_points"] == 1  # Overtime (Q1, Q2); Regular Hours compliant
    assert f1["self_assessments_in_progress"] == 1
    assert f1["last_self_assessment_submitted"] == "2024-03-05"
    assert (f1["plan_actions_completed"], f1["plan_actions_total"]) == (1, 4)
    assert f1["plan_actions_overdue"] == 1
    assert f1["last_indicator_month"] == "2024-02-01"
    assert f1["trainings"] == 3
    f5 = rows["F5"]  # latest cycle compliant; its FGW text never counts
    assert f5["noncompliant_points"] == 0 and f5["plan_actions_total"] == 0
    assert f5["last_self_assessment_submitted"] is None and f5["trainings"] == 0
    assert (
        rows["F3"]["latest_assessment"] == "2021-01-10" and rows["F3"]["noncompliant_points"] == 1
    )


def test_programme_page_shows_the_figures(world, as_user, factory):
    _tools(factory, world["factory user"])
    page = as_user(world["country staff"]).get("/en/factory/programme/").content.decode()
    assert "1 of 4 completed" in page
    assert "1 overdue" in page
    assert "1 in progress" in page
    assert "February 2024" in page


def test_programme_queries_do_not_grow_with_the_factories(
    world, as_user, factory, django_assert_max_num_queries
):
    client = as_user(world["global staff"])
    _tools(factory, None)
    with CaptureQueriesContext(connection) as few:
        client.get("/en/factory/programme/")
        client.get("/api/v2/enterprise/programme")
    for n in range(30):
        extra = Factory.objects.create(
            star_id=f"X{n}", name=f"Extra {n}", country=factory.country, industry=factory.industry
        )
        _tools(extra, None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/en/factory/programme/")
        api = client.get("/api/v2/enterprise/programme")
    assert page.content.decode().count("1 of 4 completed") == 31
    assert api.json()["count"] == 37


def test_programme_pages_through_many_factories(world, as_user, factory):
    Factory.objects.bulk_create(
        Factory(star_id=f"P{n:03}", name=f"Paged {n:03}", country=factory.country)
        for n in range(60)
    )
    client = as_user(world["country staff"])
    first = client.get("/api/v2/enterprise/programme?page_size=50").json()
    assert (first["count"], first["num_pages"], len(first["results"])) == (66, 2, 50)
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 16 and second["next"] is None
    assert not set(api_ids(client.get("/api/v2/enterprise/programme?page_size=50"))) & {
        row["star_id"] for row in second["results"]
    }
    assert client.get("/api/v2/enterprise/programme").json()["page_size"] == 20
    page = client.get("/en/factory/programme/?industry=&page=2").content.decode()
    assert "Page 2 of 2" in page and "?industry=&amp;page=1" in page


def test_a_factory_called_programme_does_not_hide_the_page(world, as_user, factory):
    Factory.objects.create(star_id="programme", name="Unlucky", country=factory.country)
    response = as_user(world["factory user"]).get("/en/factory/programme/")
    assert response.status_code == 403  # the staff page, not that factory's dashboard


def test_programme_page_in_french(world, as_user):
    page = as_user(world["country staff"]).get("/fr/factory/programme/").content.decode()
    assert "Usines du programme" in page
    assert "Cambodge" in page or "Cambodia" in page


# --- the staff box on the dashboard ---------------------------------------------------------


def test_staff_box_counts_this_months_reads_by_buyers(world, as_user, factory):
    as_user(world["buyer with grant"]).get("/en/factory/F1/")
    as_user(world["buyer with grant"]).get("/en/factory/F1/")
    old = FactoryAccessLog.objects.create(
        user=world["buyer with grant"], factory=factory, action="page"
    )
    FactoryAccessLog.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=40))
    page = as_user(world["country staff"]).get("/en/factory/F1/").content.decode()
    assert "Advisory" in page
    assert "buyers read this factory's data 2 times" in page
    assert "/en/factory/programme/?country=cambodia" in page


@pytest.mark.parametrize("role", ["factory user", "buyer with grant"])
def test_staff_box_is_for_staff_only(world, as_user, role):
    page = as_user(world[role]).get("/en/factory/F1/").content.decode()
    assert "Advisory" not in page and "/en/factory/programme/" not in page


# --- the labour inspectorate ----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_inspectorate_page_by_role(world, as_user, compliance_page, role):
    response = as_user(world[role]).get("/en/factory/inspectorate/")
    assert response.status_code == INSPECTORATE[role]
    if role == "anonymous":
        assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_inspectorate_api_by_role(world, as_user, compliance_page, role):
    response = as_user(world[role]).get("/api/v2/enterprise/inspectorate")
    expected = {302: 401, 200: 200, 403: 403}[INSPECTORATE[role]]
    assert response.status_code == expected
    if expected != 200:
        assert "error" in response.json()


def test_inspector_of_a_sharing_country_lists_its_factories(world, as_user, compliance_page):
    client = as_user(world["inspector sharing"])
    page = client.get("/en/factory/inspectorate/").content.decode()
    assert 'href="/en/compliance/countries/cambodia/"' in page
    for star_id in CAMBODIA:
        assert f'href="/en/compliance/factories/{star_id}/"' in page
    assert "/factories/V1/" not in page
    assert "does not share factory-level results" not in page
    (country,) = inspected(client)
    assert country["country"] == "cambodia" and country["factory_results_shared"] is True
    assert country["report_url"] == "/en/compliance/countries/cambodia/"
    assert sorted(f["star_id"] for f in country["factories"]) == CAMBODIA


def test_inspector_of_a_country_that_does_not_share_sees_aggregates_only(
    world, as_user, compliance_page
):
    client = as_user(world["inspector not sharing"])
    page = client.get("/en/factory/inspectorate/").content.decode()
    assert 'href="/en/compliance/countries/vietnam/"' in page
    assert "does not share factory-level results" in page
    assert "/compliance/factories/" not in page
    (country,) = client.get("/api/v2/enterprise/inspectorate").json()["results"]
    assert country["factory_results_shared"] is False and country["factories_url"] is None
    refused = client.get("/api/v2/enterprise/inspectorate/vietnam/factories")
    assert refused.status_code == 404 and refused.json()["code"] == "not_found"
    # Nor does inspecting one country open another's list.
    assert client.get("/api/v2/enterprise/inspectorate/cambodia/factories").status_code == 404
    assert client.get("/en/compliance/factories/V1/").status_code == 404
    assert not FactoryAccessLog.objects.filter(user=world["inspector not sharing"]).exists()


def test_switching_sharing_on_opens_the_factory_reports(world, as_user, compliance_page):
    vietnam = english_country("vietnam")
    CountryDataSharing.objects.create(country=vietnam, factory_results_for_inspectors=True)
    client = as_user(world["inspector not sharing"])
    page = client.get("/en/factory/inspectorate/").content.decode()
    assert 'href="/en/compliance/factories/V1/"' in page
    assert client.get("/en/compliance/factories/V1/").status_code == 200
    CountryDataSharing.objects.filter(country=vietnam).update(factory_results_for_inspectors=False)
    assert client.get("/en/compliance/factories/V1/").status_code == 404


def test_every_inspector_read_is_logged(world, as_user, compliance_page):
    inspector = world["inspector sharing"]
    client = as_user(inspector)
    client.get("/en/factory/inspectorate/")
    listed = FactoryAccessLog.objects.filter(user=inspector, action="inspectorate:list")
    assert sorted(listed.values_list("factory__star_id", flat=True)) == CAMBODIA
    client.get("/api/v2/enterprise/inspectorate")
    api_listed = FactoryAccessLog.objects.filter(user=inspector, action="api:inspectorate:list")
    assert not api_listed.exists()  # the countries only: no factory was listed
    client.get("/api/v2/enterprise/inspectorate/cambodia/factories?page_size=4")
    assert api_listed.count() == 4  # the page that was read, not the whole country
    client.get("/api/v2/enterprise/inspectorate/cambodia/factories?page_size=4&page=2")
    assert sorted(api_listed.values_list("factory__star_id", flat=True)) == CAMBODIA
    assert client.get("/en/compliance/factories/F2/").status_code == 200
    read = FactoryAccessLog.objects.filter(user=inspector, action="page").get()
    assert read.factory.star_id == "F2"
    # Programme staff see those reads on the factory's dashboard.
    page = as_user(world["country staff"]).get("/en/factory/F2/").content.decode()
    assert "Labour inspectors read it 3 times" in page


def test_inspectors_never_reach_the_factorys_own_tools(world, as_user):
    client = as_user(world["inspector sharing"])
    assert client.get("/en/factory/F1/").status_code == 403
    assert client.get("/api/v2/enterprise/factories/F1").status_code == 403


def test_inspectorate_page_in_french(world, as_user, compliance_page):
    page = as_user(world["inspector not sharing"]).get("/fr/factory/inspectorate/").content
    assert "Inspection du travail" in page.decode()


# --- demo -------------------------------------------------------------------------------------


def test_demo_seeds_staff_and_inspector_idempotently(factories, make_user, as_user):
    import io

    from ims_bridge.enterprise.demo import DemoWorld
    from ims_bridge.enterprise.demo import staff as demo_staff

    staff, inspector = make_user("staff"), make_user("inspector", ["Labour inspectors"])
    world = DemoWorld(stdout=io.StringIO(), factory=factories[0], factory_user=None, buyer=None)
    demo_staff.seed(world)
    demo_staff.seed(world)
    sharing = dict(
        CountryDataSharing.objects.values_list("country__slug", "factory_results_for_inspectors")
    )
    assert sharing == {"cambodia": True, "vietnam": False}
    assert api_ids(as_user(staff).get("/api/v2/enterprise/programme")) == CAMBODIA
    countries = inspected(as_user(inspector))
    assert [(c["country"], c["factory_results_shared"]) for c in countries] == [
        ("cambodia", True),
        ("vietnam", False),
    ]
