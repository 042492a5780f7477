"""Trainings, indicators (form, CSV upload and export, charts, sharing) and the progress
report (page, CSV, PDF in Khmer), through HTTP and the API."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ims_bridge.enterprise.models import (
    FactorySharing,
    Indicator,
    IndicatorValue,
    PlanAction,
    Training,
)
from ims_bridge.models import Finding, PlanStatus
from tests.ims_bridge.pdftext import embedded_fonts, letters, pdf_text, x_of

TRAINING = {
    "programme": "Fire safety",
    "start_date": "2022-01-05",
    "end_date": "",
    "managers": "1",
    "supervisors": "2",
    "workers": "7",
    "women": "6",
    "men": "4",
    "notes": "",
}


@pytest.fixture
def member(world, as_user):
    return as_user(world["factory user"])


# --- trainings ------------------------------------------------------------------------------


def test_training_add_edit_delete(member, factory, world):
    response = member.post("/en/factory/F1/trainings/", TRAINING)
    assert response.status_code == 302
    training = Training.objects.get(factory=factory)
    assert (training.participants, training.women, training.created_by) == (
        10,
        6,
        world["factory user"],
    )
    action = PlanAction.objects.create(
        factory=factory,
        compliance_point=Finding.objects.first().question.compliance_point,
        action="Train",
    )
    action.trainings.add(training)
    page = member.get("/en/factory/F1/trainings/").content.decode()
    assert "Fire safety" in page and "addresses 1 plan action" in page
    response = member.post(
        f"/en/factory/F1/trainings/{training.pk}/edit/", {**TRAINING, "programme": "Fire drills"}
    )
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.programme == "Fire drills"
    assert member.post(f"/en/factory/F1/trainings/{training.pk}/delete/").status_code == 302
    assert not Training.objects.exists()


@pytest.mark.parametrize(
    "change,field",
    [
        ({"men": "3"}, "men"),  # 6 + 3 women and men for 10 participants
        ({"programme": ""}, "programme"),  # neither module nor programme
        ({"end_date": "2021-12-31"}, "end_date"),  # ends before it starts
        (
            {"workers": "0", "managers": "0", "supervisors": "0", "women": "0", "men": "0"},
            "workers",
        ),
        ({"start_date": "not a date"}, "start_date"),
        ({"workers": "-1"}, "workers"),
        ({"workers": "99999999999999999999"}, "workers"),
        ({"module": "999999"}, "module"),
    ],
)
def test_training_validation_saves_nothing(member, change, field):
    response = member.post("/en/factory/F1/trainings/", {**TRAINING, **change})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Training.objects.exists()


def test_training_with_a_library_module(member, factory):
    from wagtail.models import Locale

    from knowledge.models import ResourceLibraryPage, TrainingModulePage
    from portal.models import HomePage
    from tests.knowledge.conftest import make_resource

    home = HomePage.objects.get(locale=Locale.get_default())
    library = home.add_child(instance=ResourceLibraryPage(title="Resources", slug="resources-t"))
    library.save_revision().publish()
    module = make_resource(library, TrainingModulePage, "Managing overtime")
    response = member.post(
        "/en/factory/F1/trainings/", {**TRAINING, "programme": "", "module": module.pk}
    )
    assert response.status_code == 302
    assert Training.objects.get().module_id == module.pk
    assert "Managing overtime" in member.get("/en/factory/F1/trainings/").content.decode()


# --- indicators -----------------------------------------------------------------------------


def test_month_form_saves_localised_values_and_blank_removes(member, factory):
    response = member.post(
        "/fr/factory/F1/indicators/",
        {"month": "2022-03", "value_efficiency": "72,5", "value_absenteeism": ""},
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get(factory=factory)
    assert (value.indicator.code, str(value.value), value.month) == (
        "efficiency",
        "72.500",
        date(2022, 3, 1),
    )
    member.post("/en/factory/F1/indicators/", {"month": "2022-03", "value_efficiency": ""})
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"month": "2022-13", "value_efficiency": "1"},
        {"month": "March", "value_efficiency": "1"},
        {"month": "1999-12", "value_efficiency": "1"},
        {
            "month": (timezone.localdate() + timedelta(days=40)).strftime("%Y-%m"),
            "value_efficiency": "1",
        },
        {"month": "2022-03", "value_efficiency": "-4"},
        {"month": "2022-03", "value_efficiency": "abc"},
        {"month": "2022-03", "value_efficiency": "1e309"},
    ],
)
def test_month_form_refuses_bad_input(member, data):
    response = member.post("/en/factory/F1/indicators/", data)
    assert response.status_code == 400
    assert not IndicatorValue.objects.exists()


def test_bad_month_in_the_query_is_400(member):
    assert member.get("/en/factory/F1/indicators/?month=2022-99").status_code == 400


def _upload(client, text, encoding="utf-8"):
    data = text.encode(encoding) if isinstance(text, str) else text
    return client.post(
        "/en/factory/F1/indicators/upload/", {"file": SimpleUploadedFile("v.csv", data, "text/csv")}
    )


def test_csv_upload_saves_every_row(member, factory):
    text = (
        "\ufeffmonth;indicator;value\r\n2022-01;efficiency;70,5\r\n"
        "2022-02;efficiency;71\r\n2022-02;turnover;3\r\n"
    )
    response = _upload(member, text)
    assert response.status_code == 302
    assert IndicatorValue.objects.filter(factory=factory).count() == 3


def test_csv_upload_with_bad_rows_saves_nothing_and_names_the_lines(member, factory):
    IndicatorValue.objects.create(
        factory=factory,
        indicator=Indicator.objects.get(code="efficiency"),
        month=date(2021, 1, 1),
        value=5,
    )
    text = (
        "month,indicator,value\n"
        "2022-01,efficiency,70\n"
        "2022-13,efficiency,70\n"
        "2022-02,nope,1\n"
        "2022-03,turnover,-1\n"
        "2022-01,efficiency,71\n"
    )
    response = _upload(member, text)
    assert response.status_code == 400
    errors = response.context["errors"]
    assert [e.split(":")[0] for e in errors] == ["Line 3", "Line 4", "Line 5", "Line 6"]
    assert "line 2" in errors[-1]
    assert IndicatorValue.objects.count() == 1  # only the value from before


@pytest.mark.parametrize(
    "data,message",
    [
        (b"name,value\n2022-01,1\n", "Line 1"),
        (b"month,indicator,value\n", "no rows"),
        ("month,indicator,value\n2022-01,efficiency,7\n".encode("utf-16"), None),
        (b"month,indicator,value\n2022-01,efficiency,\xff\xfe7\n", "UTF-8"),
        (b"\x00\x01\x02", "not a CSV"),
        (b"month,indicator,value\n" + b"2022-01,efficiency,1\n" * 60000, "1 MB"),
    ],
)
def test_csv_upload_encodings_and_limits(member, data, message):
    response = _upload(member, data)
    if message is None:
        assert response.status_code == 302
        assert IndicatorValue.objects.count() == 1
    else:
        assert response.status_code == 400
        assert any(message in e for e in response.context["errors"])
        assert not IndicatorValue.objects.exists()


def test_csv_export_round_trips(member, factory):
    _upload(member, "month,indicator,value\n2022-01,efficiency,=1+1\n")  # refused: not a number
    assert not IndicatorValue.objects.exists()
    _upload(member, "month,indicator,value\n2022-01,efficiency,70.25\n2022-02,turnover,3\n")
    response = member.get("/en/factory/F1/indicators/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["month", "indicator", "value", "name"]
    assert rows[1][:3] == ["2022-01", "efficiency", "70.250"]
    IndicatorValue.objects.all().delete()
    assert _upload(member, response.content.decode()).status_code == 302
    assert IndicatorValue.objects.count() == 2


def test_charts_without_data(member):
    page = member.get("/en/factory/F1/indicators/").content.decode()
    assert "No indicator values yet." in page
    assert page.count("No values yet.") == 6  # every default indicator: no chart
    assert page.count("<polyline") == 1  # only F1's compliance trend over its two assessments


def test_charts_with_values_trend_and_completed_actions(member, factory):
    efficiency = Indicator.objects.get(code="efficiency")
    for month in (1, 2, 4):
        IndicatorValue.objects.create(
            factory=factory, indicator=efficiency, month=date(2021, month, 1), value=60 + month
        )
    point = Finding.objects.first().question.compliance_point
    PlanAction.objects.create(
        factory=factory,
        compliance_point=point,
        action="Fix overtime",
        status=PlanStatus.COMPLETED,
        completed_at=timezone.make_aware(timezone.datetime(2021, 6, 1)),
    )
    page = member.get("/fr/factory/F1/indicators/").content.decode()
    # the efficiency line breaks at the missing March: one polyline (Jan–Feb) and a lone dot;
    # the compliance trend of F1's two assessments is the other polyline
    assert page.count("<polyline") == 2
    assert page.count("<circle") == 3 + 2
    assert "Terminée : Fix overtime" in page  # the marker's title, in French
    assert 'class="capacity-marker"' in page
    assert 'points="' in page and "," in page  # coordinates are not localised (no "12,5,3")
    import re

    for points in re.findall(r'points="([^"]+)"', page):
        for pair in points.split():
            x, y = pair.split(",")
            float(x), float(y)


def test_sharing_on_and_off_for_buyers(world, as_user, factory):
    member = as_user(world["factory user"])
    assert (
        member.post(
            "/en/factory/F1/indicators/sharing/", {"indicators_with_buyers": "on"}
        ).status_code
        == 302
    )
    assert FactorySharing.objects.get(factory=factory).indicators_with_buyers
    buyer = as_user(world["buyer with grant"])
    assert buyer.get("/en/factory/F1/indicators/").status_code == 200
    assert buyer.get("/api/v2/enterprise/factories/F1/indicators").status_code == 200
    assert "Indicators" in buyer.get("/en/factory/F1/").content.decode()
    member = as_user(world["factory user"])
    assert member.post("/en/factory/F1/indicators/sharing/", {}).status_code == 302
    buyer = as_user(world["buyer with grant"])
    assert buyer.get("/en/factory/F1/indicators/").status_code == 403
    assert buyer.get("/en/factory/F1/indicators/csv/").status_code == 403
    assert buyer.get("/api/v2/enterprise/factories/F1/indicators").status_code == 403


def test_indicator_page_query_budget(member, factory, django_assert_max_num_queries):
    efficiency = Indicator.objects.get(code="efficiency")
    for month in range(1, 13):
        IndicatorValue.objects.create(
            factory=factory, indicator=efficiency, month=date(2021, month, 1), value=month
        )
    with django_assert_max_num_queries(40):
        assert member.get("/en/factory/F1/indicators/").status_code == 200


# --- progress report ------------------------------------------------------------------------


@pytest.fixture
def changed(factory):
    """F1's second assessment: Overtime now compliant (both Q1 and Q2), Regular Hours now not."""
    latest = factory.assessments.order_by("-start_date").first()
    findings = Finding.objects.filter(assessment=latest)
    for finding in findings:
        finding.value = 0 if finding.question.compliance_point.name == "Overtime" else 1
    Finding.objects.bulk_update(findings, ["value"])
    previous = factory.assessments.order_by("start_date").first()
    point = findings[0].question.compliance_point
    between = timezone.make_aware(
        timezone.datetime.combine(
            previous.start_date + timedelta(days=30), timezone.datetime.min.time()
        )
    )
    PlanAction.objects.create(
        factory=factory,
        compliance_point=point,
        action="Cap overtime at 2 hours",
        status=PlanStatus.COMPLETED,
        completed_at=between,
    )
    PlanAction.objects.create(
        factory=factory,
        compliance_point=point,
        action="After the latest",
        status=PlanStatus.COMPLETED,
        completed_at=timezone.now(),
    )
    Training.objects.create(
        factory=factory,
        programme="Working time law",
        start_date=previous.start_date + timedelta(days=10),
        workers=3,
        women=2,
        men=1,
    )
    return latest


def test_progress_page_and_api(member, changed):
    page = member.get("/en/factory/F1/progress/").content.decode()
    assert "Newly compliant (1)" in page and "Newly non-compliant (1)" in page
    assert "Cap overtime at 2 hours" in page and "After the latest" not in page
    assert "Working time law" in page
    data = member.get("/api/v2/enterprise/factories/F1/progress").json()
    assert data["ready"] is True
    assert [p["name"] for p in data["newly_compliant"]] == ["Overtime"]
    assert [p["name"] for p in data["newly_noncompliant"]] == ["Regular Hours"]
    assert data["actions_completed"] == ["Cap overtime at 2 hours"]


def test_progress_csv(member, changed):
    response = member.get("/en/factory/F1/progress/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    sections = [row[0] for row in rows[1:]]
    assert sections.count("Newly compliant") == 1 and sections.count("Action completed") == 1
    assert rows[sections.index("Newly non-compliant") + 1][:2] == [
        "Newly non-compliant",
        "Regular Hours",
    ]


FONTS = {"km": "NotoSansKhmer", "bn": "NotoSansBengali", "ar": "NotoNaskhArabic"}


@pytest.mark.parametrize("language", ["km", "bn", "ar"])
def test_progress_pdf_in_the_readers_script(member, changed, language):
    """The report's own words in Khmer, Bengali or Arabic come back, in their embedded font."""
    response = member.get(f"/{language}/factory/F1/progress/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    from django.utils import translation

    with translation.override(language):
        title = translation.gettext("Factory progress report")
    assert title != "Factory progress report"  # a real translation
    text = pdf_text(response.content)
    if language == "ar":  # read back word by word (see tests/ims_bridge/test_pdf_scripts.py)
        assert set(title.split()) <= set(text.split())
    else:
        assert letters(title) in letters(text)
    assert "Cap overtime at 2 hours" in text
    assert FONTS[language] in embedded_fonts(response.content)


@pytest.mark.parametrize(
    "language, completed, right_to_left", [("ar", "2021/02/09", True), ("en", "02/09/2021", False)]
)
def test_progress_pdf_tables_read_in_the_languages_direction(
    member, changed, language, completed, right_to_left
):
    """In Arabic the first column (the action) is the rightmost one, in English the leftmost."""
    data = member.get(f"/{language}/factory/F1/progress/pdf/").content
    assert (x_of(data, "Cap overtime at 2 hours") > x_of(data, completed)) is right_to_left


def test_progress_needs_two_assessments(member, factory):
    factory.assessments.order_by("start_date").first().delete()
    page = member.get("/en/factory/F1/progress/").content.decode()
    assert "needs two independent assessments" in page
    assert member.get("/en/factory/F1/progress/pdf/").status_code == 200
    assert member.get("/api/v2/enterprise/factories/F1/progress").json()["ready"] is False


# --- API ------------------------------------------------------------------------------------


def test_api_trainings_and_indicator_months(member, factory):
    response = member.post(
        "/api/v2/enterprise/factories/F1/trainings",
        {"programme": "Via API", "start_date": "2022-02-01", "workers": 2, "women": 1, "men": 1},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["title"] == "Via API"
    bad = member.post(
        "/api/v2/enterprise/factories/F1/trainings",
        {"programme": "Bad", "start_date": "2022-02-01", "workers": 2, "women": 1},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "men" in bad.json()["error"]
    listed = member.get("/api/v2/enterprise/factories/F1/trainings").json()
    assert [t["title"] for t in listed["results"]] == ["Via API"]
    response = member.put(
        "/api/v2/enterprise/factories/F1/indicators/2022-02",
        {"values": {"efficiency": "71.5", "turnover": None}},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["values"] == [
        {"month": "2022-02", "indicator": "efficiency", "value": "71.500"}
    ]
    for month, values in [
        ("2022-14", {"efficiency": 1}),
        ("2022-02", {"nope": 1}),
        ("2022-02", {"efficiency": "x"}),
    ]:
        response = member.put(
            f"/api/v2/enterprise/factories/F1/indicators/{month}",
            {"values": values},
            content_type="application/json",
        )
        assert response.status_code == 400 and "error" in response.json()
    assert IndicatorValue.objects.count() == 1


def test_api_csv_upload_all_or_nothing(member):
    url = "/api/v2/enterprise/factories/F1/indicators/csv"
    bad = member.post(
        url,
        {"csv": "month,indicator,value\n2022-01,efficiency,1\n2022-01,x,1\n"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "Line 3" in bad.json()["error"]
    assert not IndicatorValue.objects.exists()
    good = member.post(
        url,
        {"csv": "month,indicator,value\n2022-01,efficiency,1\n"},
        content_type="application/json",
    )
    assert good.status_code == 200 and good.json() == {"saved": 1}


def test_dashboard_box(member, changed):
    page = member.get("/en/factory/F1/").content.decode()
    assert "1 training recorded." in page
    assert "points newly compliant 1," in page


def test_demo_seed_is_idempotent(factory, world):
    from ims_bridge.enterprise.demo import DemoWorld
    from ims_bridge.enterprise.demo import capacity as demo

    demo_world = DemoWorld(
        stdout=io.StringIO(), factory=factory, factory_user=world["factory user"], buyer=None
    )
    demo.seed(demo_world)
    counts = (Training.objects.count(), IndicatorValue.objects.count())
    assert counts == (3, 6 * 18)
    assert len({v.month for v in IndicatorValue.objects.all()}) == 18
    demo.seed(demo_world)
    assert (Training.objects.count(), IndicatorValue.objects.count()) == counts
