"""Evidence files, actions from results, STAR re-imports, reminders, digests and the API."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from ims_bridge.enterprise.models import (
    Evidence,
    PlanAction,
    PlanActionEvent,
    PlanNotificationPreference,
    ReminderSent,
)
from ims_bridge.enterprise.plans_actions import noncompliant_lines
from ims_bridge.models import Assessment
from tests.ims_bridge.helpers import write

from .conftest import ROLES
from .plans_helpers import make_action

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def action(factory):
    return make_action(factory, due_date=timezone.localdate() + timedelta(days=3))


def upload(client, action, name, content):
    return client.post(
        f"/en/factory/F1/plan/actions/{action.pk}/evidence/",
        {"file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    "name,content,ok",
    [
        ("report.pdf", PDF, True),
        ("photo.png", PNG, True),
        ("page.pdf", b"<html><script>alert(1)</script></html>", False),
        ("page.html", b"<html></html>", False),
        ("photo.png", PDF, False),
        ("empty.pdf", b"", False),
    ],
)
def test_evidence_checked_by_content(world, as_user, action, name, content, ok):
    response = upload(as_user(world["factory user"]), action, name, content)
    assert response.status_code == (302 if ok else 400)
    assert Evidence.objects.filter(action=action).exists() == ok


@override_settings(PLAN_EVIDENCE_MAX_SIZE=1024)
def test_evidence_oversize(world, as_user, action):
    response = upload(as_user(world["factory user"]), action, "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400 and "too large" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_evidence_download_by_role(world, as_user, action, role, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    upload(as_user(world["factory user"]), action, "report.pdf", PDF)
    evidence = Evidence.objects.get()
    response = as_user(world[role]).get(f"/en/factory/F1/plan/evidence/{evidence.pk}/download/")
    readers = {"factory user", "second factory user", "country staff", "global staff", "superuser"}
    hidden = {"other factory user", "buyer without grant", "buyer expired", "buyer revoked"}
    hidden |= {"other country staff", "inspector not sharing"}
    if role == "anonymous":
        assert response.status_code == 302
    elif role in hidden:
        assert response.status_code == 404
    elif role in readers:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith('attachment; filename="report.pdf"')
        assert response["X-Content-Type-Options"] == "nosniff"
    else:  # buyers and inspectors never get evidence files
        assert response.status_code == 403


def test_from_star_results_once(world, as_user, factory):
    assessment = Assessment.objects.filter(factory=factory).order_by("-start_date").first()
    client = as_user(world["factory user"])
    page = client.get(f"/en/factory/F1/plan/from-results/?kind=assessment&source={assessment.pk}")
    assert page.status_code == 200 and "Overtime" in page.content.decode()
    points = list(noncompliant_lines(assessment))
    data = {"kind": "assessment", "source": assessment.pk, "points": points}
    assert client.post("/en/factory/F1/plan/from-results/", data).status_code == 302
    made = PlanAction.objects.filter(factory=factory, assessment=assessment)
    assert sorted(made.values_list("compliance_point_id", flat=True)) == sorted(points)
    assert set(made.values_list("source", flat=True)) == {"star"}
    client.post("/en/factory/F1/plan/from-results/", data)
    assert made.count() == len(points)  # no duplicates
    bad = {"kind": "assessment", "source": assessment.pk, "points": ["999999"]}
    assert client.post("/en/factory/F1/plan/from-results/", bad).status_code == 400
    other = Assessment.objects.exclude(factory=factory).first()
    bad = {"kind": "assessment", "source": other.pk, "points": points}
    assert client.post("/en/factory/F1/plan/from-results/", bad).status_code == 400


def _plan_csv(status, text="Cap overtime at 2 hours", due="30/06/2027"):
    return (
        "Factory.Assessed.ID,Quest.ID,CP,Action,Status,Due.Date\n"
        f"F1,F1-2,Overtime,{text},{status},{due}\n"
    )


def test_edits_survive_star_reimport(world, as_user, factory, tmp_path):
    call_command(
        "ims_import", str(write(tmp_path, _plan_csv("Pending"), "p1.csv")), stdout=io.StringIO()
    )
    action = PlanAction.objects.get(factory=factory, source="star")
    assert action.star_item is not None and action.status == "pending"
    client = as_user(world["factory user"])
    client.post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/",
        {"owner": "Ms Lim", "due_date": "2027-01-31", "status": "in_progress", "notes": "Ours"},
    )
    # the same export again (forced), then a changed one: status and text
    call_command(
        "ims_import",
        str(write(tmp_path, _plan_csv("Pending"), "p1.csv")),
        "--force",
        stdout=io.StringIO(),
    )
    call_command(
        "ims_import", str(write(tmp_path, _plan_csv("Completed"), "p2.csv")), stdout=io.StringIO()
    )
    call_command(
        "ims_import",
        str(write(tmp_path, _plan_csv("Completed", "Cap overtime at 1 hour"), "p3.csv")),
        stdout=io.StringIO(),
    )
    assert PlanAction.objects.filter(factory=factory, source="star").count() == 1
    action.refresh_from_db()
    assert (action.owner, action.due_date.isoformat(), action.status, action.notes) == (
        "Ms Lim",
        "2027-01-31",
        "in_progress",
        "Ours",
    )
    notes = list(
        PlanActionEvent.objects.filter(action=action, field="star").values_list(
            "new_value", flat=True
        )
    )
    assert notes[0].startswith("Imported from STAR")
    assert any("STAR now says: Completed" in n for n in notes)
    assert any("Cap overtime at 1 hour" in n for n in notes)
    assert len(notes) == 3  # created, status change, text change; the repeat adds nothing


@override_settings(PLAN_REMINDER_DAYS=7)
def test_reminders_once_overdue_and_preference(world, factory):
    soon = make_action(factory, action="Soon", due_date=timezone.localdate() + timedelta(days=3))
    make_action(factory, action="Late", due_date=timezone.localdate() - timedelta(days=2))
    make_action(factory, action="Far", due_date=timezone.localdate() + timedelta(days=30))
    PlanNotificationPreference.objects.create(user=world["second factory user"], reminders=False)
    call_command("send_plan_reminders", stdout=io.StringIO())
    assert sorted((m.to[0], "Late" in m.body) for m in mail.outbox) == [
        ("fu-one@example.org", False),
        ("fu-one@example.org", True),
    ]
    assert any(m.subject.startswith("Overdue") for m in mail.outbox)
    call_command("send_plan_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    soon.due_date = timezone.localdate() + timedelta(days=5)
    soon.save()
    call_command("send_plan_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 3 and ReminderSent.objects.count() == 3


def test_digest_to_granted_buyers_only(world, as_user, action):
    call_command("send_plan_digests", stdout=io.StringIO())
    assert mail.outbox == []  # nothing new
    as_user(world["factory user"]).post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/", {"status": "completed"}
    )
    call_command("send_plan_digests", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["buyer-with-grant@example.org"]]
    assert action.action in mail.outbox[0].body
    call_command("send_plan_digests", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # once


def test_api_flow(world, as_user, action, factory):
    client = as_user(world["factory user"])
    listed = client.get("/api/v2/enterprise/factories/F1/plan/actions").json()
    assert [a["id"] for a in listed["results"]] == [action.pk] and listed["count"] == 1
    response = client.patch(
        f"/api/v2/enterprise/factories/F1/plan/actions/{action.pk}",
        {"owner": "API owner", "status": "completed"},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["completed_at"] and {e["field"] for e in body["history"]} == {"owner", "status"}
    for bad in (
        {"status": "done"},
        {"due_date": "tomorrow"},
        {"trainings": [999]},
        {"owner": None},
    ):
        response = client.patch(
            f"/api/v2/enterprise/factories/F1/plan/actions/{action.pk}",
            bad,
            content_type="application/json",
        )
        assert response.status_code == 400 and "error" in response.json()
    response = client.post(
        "/api/v2/enterprise/factories/F1/plan/actions",
        {"compliance_point_id": action.compliance_point_id, "action": "From the API"},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["history"][0]["field"] == "created"
    buyer = as_user(world["buyer with grant"])
    response = buyer.patch(
        f"/api/v2/enterprise/factories/F1/plan/actions/{action.pk}",
        {"owner": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert buyer.get(f"/api/v2/enterprise/factories/F1/plan/actions/{action.pk}").status_code == 200
    assert buyer.get("/api/v2/enterprise/factories/F1/plan/participants").status_code == 403
