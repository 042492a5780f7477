"""The enterprise API's operations that mirror the remaining pages (issue 13): sharing a
self-assessment, plan participants, evidence files, plan e-mail choices, training changes and
indicator sharing. Each by role, with bad input, and refused writes writing nothing."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from ims_bridge.enterprise.models import (
    Evidence,
    FactorySharing,
    PlanNotificationPreference,
    PlanParticipant,
    SelfAssessment,
    Training,
)
from ims_bridge.models import FactoryAccessGrant, FactoryAccessLog

from .conftest import HIDDEN, MEMBERS, ROLES, STAFF
from .plans_helpers import make_action

API = "/api/v2/enterprise/factories/F1"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BUYER = {"buyer with grant"}


def expected(role, allowed, success=200):
    if role == "anonymous":
        return 401
    if role in HIDDEN:
        return 404
    return success if role in allowed else 403


@pytest.fixture
def submitted(world, factory):
    return SelfAssessment.objects.create(
        factory=factory,
        cat_version=factory.assessments.first().cat_version,
        language="en",
        status="submitted",
    )


@pytest.fixture
def grant(world, factory):
    return FactoryAccessGrant.objects.get(factory=factory, buyer=world["buyer with grant"])


@pytest.fixture
def action(factory):
    return make_action(factory, due_date=timezone.localdate() + timedelta(days=3))


@pytest.fixture
def private_media(settings, tmp_path):
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_MEDIA_ROOT = str(root)
    return root


def training(factory, **fields):
    values = {"programme": "Fire safety", "start_date": date(2022, 1, 10), "workers": 2}
    values.update(women=1, men=1)
    values.update(fields)
    return Training.objects.create(factory=factory, **values)


# --- 1. sharing a self-assessment's result --------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_sharing_read_by_role(world, as_user, role, submitted, grant):
    submitted.shared_with.add(grant)
    response = as_user(world[role]).get(f"{API}/self-assessments/{submitted.pk}/sharing")
    assert response.status_code == expected(role, MEMBERS)
    if response.status_code == 200:
        assert response.json() == {"grants": [grant.pk]}


@pytest.mark.parametrize("role", ROLES)
def test_sharing_change_by_role(world, as_user, role, submitted, grant):
    logs = FactoryAccessLog.objects.count()
    response = as_user(world[role]).put(
        f"{API}/self-assessments/{submitted.pk}/sharing",
        {"grants": [grant.pk]},
        content_type="application/json",
    )
    assert response.status_code == expected(role, MEMBERS)
    assert list(submitted.shared_with.all()) == ([grant] if role in MEMBERS else [])
    if role not in MEMBERS:
        assert FactoryAccessLog.objects.count() == logs


def test_sharing_lets_the_buyer_read_and_unsharing_stops_it(world, as_user, submitted, grant):
    url = f"{API}/self-assessments/{submitted.pk}/sharing"
    member = as_user(world["factory user"])
    member.put(url, {"grants": [grant.pk]}, content_type="application/json")
    buyer = as_user(world["buyer with grant"])
    assert buyer.get(f"{API}/self-assessments/{submitted.pk}/result").status_code == 200
    member = as_user(world["factory user"])
    assert member.put(url, {"grants": []}, content_type="application/json").json() == {"grants": []}
    buyer = as_user(world["buyer with grant"])
    assert buyer.get(f"{API}/self-assessments/{submitted.pk}/result").status_code == 404


@pytest.mark.parametrize("buyer", ["buyer expired", "buyer revoked", "buyer without grant"])
def test_sharing_refuses_inactive_and_foreign_grants(world, as_user, submitted, buyer):
    other = FactoryAccessGrant.objects.get(buyer=world[buyer])
    response = as_user(world["factory user"]).put(
        f"{API}/self-assessments/{submitted.pk}/sharing",
        {"grants": [other.pk]},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["error"]
    assert not submitted.shared_with.exists()


@pytest.mark.parametrize("body", [{"grants": [999999]}, {"grants": "all"}, {}])
def test_sharing_bad_body(world, as_user, submitted, body):
    response = as_user(world["factory user"]).put(
        f"{API}/self-assessments/{submitted.pk}/sharing", body, content_type="application/json"
    )
    assert response.status_code == 400 and "error" in response.json()
    assert not submitted.shared_with.exists()


def test_sharing_only_submitted(world, as_user, submitted, grant):
    SelfAssessment.objects.filter(pk=submitted.pk).update(status="in_progress")
    client = as_user(world["factory user"])
    url = f"{API}/self-assessments/{submitted.pk}/sharing"
    assert client.get(url).status_code == 400
    response = client.put(url, {"grants": [grant.pk]}, content_type="application/json")
    assert response.status_code == 400 and "submitted" in response.json()["error"]
    assert not submitted.shared_with.exists()


# --- 2. plan participants -----------------------------------------------------------------


PARTICIPANT = {"name": "Sokha", "position": "Line leader", "side": "workers"}


@pytest.mark.parametrize("role", ROLES)
def test_participant_add_by_role(world, as_user, role):
    response = as_user(world[role]).post(
        f"{API}/plan/participants", PARTICIPANT, content_type="application/json"
    )
    assert response.status_code == expected(role, MEMBERS, 201)
    assert PlanParticipant.objects.exists() == (role in MEMBERS)
    if role in MEMBERS:
        assert response.json()["name"] == "Sokha" and response.json()["side"] == "workers"


@pytest.mark.parametrize(
    "body", [{**PARTICIPANT, "side": "buyers"}, {**PARTICIPANT, "name": ""}, {"name": "X"}]
)
def test_participant_bad_input(world, as_user, body):
    response = as_user(world["factory user"]).post(
        f"{API}/plan/participants", body, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]
    assert not PlanParticipant.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_participant_remove_by_role(world, as_user, role, factory):
    person = PlanParticipant.objects.create(factory=factory, name="Dara", side="management")
    response = as_user(world[role]).delete(f"{API}/plan/participants/{person.pk}")
    assert response.status_code == expected(role, MEMBERS, 204)
    assert PlanParticipant.objects.filter(pk=person.pk).exists() == (role not in MEMBERS)


def test_participant_of_another_factory_is_404(world, as_user, factories):
    person = PlanParticipant.objects.create(factory=factories[1], name="Lan", side="workers")
    response = as_user(world["factory user"]).delete(f"{API}/plan/participants/{person.pk}")
    assert response.status_code == 404
    assert PlanParticipant.objects.filter(pk=person.pk).exists()


# --- 3. evidence files --------------------------------------------------------------------

EVIDENCE_CHANGERS = MEMBERS | STAFF


def post_file(client, action, name, content):
    return client.post(
        f"{API}/plan/actions/{action.pk}/evidence", {"file": SimpleUploadedFile(name, content)}
    )


@pytest.mark.parametrize("role", ROLES)
def test_evidence_upload_by_role(world, as_user, role, action, private_media):
    response = post_file(as_user(world[role]), action, "report.pdf", PDF)
    assert response.status_code == expected(role, EVIDENCE_CHANGERS, 201)
    assert Evidence.objects.exists() == (role in EVIDENCE_CHANGERS)
    if role in EVIDENCE_CHANGERS:
        assert response.json()["name"] == "report.pdf"
        assert response.json()["content_type"] == "application/pdf"
    else:
        assert not any(private_media.rglob("*.pdf"))


@pytest.mark.parametrize(
    "name,content",
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("page.html", b"<html></html>"),
        ("photo.png", PDF),
        ("empty.pdf", b""),
    ],
)
def test_evidence_upload_checked_by_content(world, as_user, action, private_media, name, content):
    response = post_file(as_user(world["factory user"]), action, name, content)
    assert response.status_code == 400 and response.json()["error"]
    assert not Evidence.objects.exists() and not any(private_media.rglob("*.*"))


@override_settings(PLAN_EVIDENCE_MAX_SIZE=1024)
def test_evidence_upload_oversize(world, as_user, action, private_media):
    response = post_file(as_user(world["factory user"]), action, "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400 and "too large" in response.json()["error"]
    assert not Evidence.objects.exists()


def test_evidence_upload_without_file(world, as_user, action):
    client = as_user(world["factory user"])
    for response in (
        client.post(f"{API}/plan/actions/{action.pk}/evidence", {"other": "x"}),
        client.post(
            f"{API}/plan/actions/{action.pk}/evidence", {}, content_type="application/json"
        ),
    ):
        assert response.status_code == 400 and response.json()["error"]
    assert not Evidence.objects.exists()


def test_evidence_upload_to_another_factorys_action_is_404(world, as_user, factories):
    other = make_action(factories[1])
    response = post_file(as_user(world["factory user"]), other, "report.pdf", PDF)
    assert response.status_code == 404 and not Evidence.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_evidence_list_and_download_by_role(world, as_user, role, action, private_media):
    post_file(as_user(world["factory user"]), action, "report.pdf", PDF)
    evidence = Evidence.objects.get()
    client = as_user(world[role])
    listed = client.get(f"{API}/plan/actions/{action.pk}/evidence")
    download = client.get(f"{API}/plan/evidence/{evidence.pk}/download")
    assert listed.status_code == expected(role, EVIDENCE_CHANGERS)
    assert download.status_code == expected(role, EVIDENCE_CHANGERS)
    if role in EVIDENCE_CHANGERS:
        assert listed.json()["count"] == 1
        row = listed.json()["results"][0]
        assert row["id"] == evidence.pk and row["size"] == len(PDF)
        assert row["uploaded_by"] == "fu-one" and row["uploaded_at"]
        assert b"".join(download.streaming_content) == PDF
        assert download["Content-Disposition"].startswith('attachment; filename="report.pdf"')
        assert download["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in download["Content-Security-Policy"]


def test_evidence_list_is_paged_oldest_first(world, as_user, action, private_media):
    client = as_user(world["factory user"])
    for name in ("first.pdf", "second.pdf", "third.pdf"):
        assert post_file(client, action, name, PDF).status_code == 201
    url = f"{API}/plan/actions/{action.pk}/evidence"
    first = client.get(url, {"page_size": 2}).json()
    assert first["count"] == 3 and first["num_pages"] == 2
    assert [row["name"] for row in first["results"]] == ["first.pdf", "second.pdf"]
    second = client.get(first["next"]).json()
    assert [row["name"] for row in second["results"]] == ["third.pdf"]
    assert second["next"] is None and second["previous"]
    past = client.get(url, {"page": 3, "page_size": 2})
    assert past.status_code == 404 and past.json()["code"] == "not_found"


def test_evidence_of_another_factory_is_404(world, as_user, factories, private_media):
    other = make_action(factories[1])
    post_file_client = as_user(world["other factory user"])
    post_file_client.post(
        f"/api/v2/enterprise/factories/V1/plan/actions/{other.pk}/evidence",
        {"file": SimpleUploadedFile("v.pdf", PDF)},
    )
    evidence = Evidence.objects.get()
    client = as_user(world["factory user"])
    assert client.get(f"{API}/plan/evidence/{evidence.pk}/download").status_code == 404
    assert client.get(f"{API}/plan/actions/{other.pk}/evidence").status_code == 404


# --- 4. plan e-mail choices ---------------------------------------------------------------

# "buyer without grant" holds an active grant on V1: they follow that plan.
FOLLOWERS = (
    MEMBERS | STAFF | BUYER | {"other factory user", "other country staff", "buyer without grant"}
)


@pytest.mark.parametrize("role", ROLES)
def test_notifications_by_role(world, as_user, role):
    client = as_user(world[role])
    read = client.get("/api/v2/enterprise/plan/notifications")
    changed = client.put(
        "/api/v2/enterprise/plan/notifications",
        {"reminders": False, "buyer_digest": True},
        content_type="application/json",
    )
    if role == "anonymous":
        assert read.status_code == changed.status_code == 401
    elif role in FOLLOWERS:
        assert read.status_code == 200
        assert read.json() == {"reminders": True, "buyer_digest": True}
        assert changed.status_code == 200 and changed.json()["reminders"] is False
        preference = PlanNotificationPreference.objects.get(user=world[role])
        assert preference.reminders is False and preference.buyer_digest is True
    else:
        assert read.status_code == changed.status_code == 403
    if role not in FOLLOWERS:
        assert not PlanNotificationPreference.objects.exists()


@pytest.mark.parametrize("body", [{"reminders": "perhaps", "buyer_digest": True}, {}])
def test_notifications_bad_input(world, as_user, body):
    response = as_user(world["factory user"]).put(
        "/api/v2/enterprise/plan/notifications", body, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]
    assert not PlanNotificationPreference.objects.exists()


# --- 5. trainings -------------------------------------------------------------------------

TRAINING_CHANGERS = MEMBERS | STAFF


@pytest.mark.parametrize("role", ROLES)
def test_training_update_by_role(world, as_user, role, factory):
    item = training(factory)
    response = as_user(world[role]).patch(
        f"{API}/trainings/{item.pk}", {"notes": "Refresher"}, content_type="application/json"
    )
    assert response.status_code == expected(role, TRAINING_CHANGERS)
    item.refresh_from_db()
    assert item.notes == ("Refresher" if role in TRAINING_CHANGERS else "")
    if role in TRAINING_CHANGERS:
        assert response.json()["notes"] == "Refresher"
        assert response.json()["programme"] == "Fire safety" and response.json()["workers"] == 2


@pytest.mark.parametrize(
    "body",
    [
        {"men": 2},  # 2 + 1 by sex against 2 by role
        {"start_date": "tomorrow"},
        {"workers": 0, "women": 0, "men": 0},
        {"programme": "", "module_id": None},
    ],
)
def test_training_update_validated_like_the_page(world, as_user, factory, body):
    item = training(factory)
    response = as_user(world["factory user"]).patch(
        f"{API}/trainings/{item.pk}", body, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]
    item.refresh_from_db()
    assert (item.programme, item.men, item.workers) == ("Fire safety", 1, 2)


@pytest.mark.parametrize("role", ROLES)
def test_training_delete_by_role(world, as_user, role, factory):
    item = training(factory)
    response = as_user(world[role]).delete(f"{API}/trainings/{item.pk}")
    assert response.status_code == expected(role, TRAINING_CHANGERS, 204)
    assert Training.objects.filter(pk=item.pk).exists() == (role not in TRAINING_CHANGERS)


def test_training_of_another_factory_is_404(world, as_user, factories):
    item = training(factories[1])
    client = as_user(world["factory user"])
    patched = client.patch(
        f"{API}/trainings/{item.pk}", {"notes": "x"}, content_type="application/json"
    )
    assert patched.status_code == 404
    assert client.delete(f"{API}/trainings/{item.pk}").status_code == 404
    item.refresh_from_db()
    assert item.notes == ""


# --- 6. indicator sharing -----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_indicator_sharing_by_role(world, as_user, role):
    client = as_user(world[role])
    read = client.get(f"{API}/indicators/sharing")
    assert read.status_code == expected(role, MEMBERS | STAFF)
    if read.status_code == 200:
        assert read.json() == {"indicators_with_buyers": False}
    changed = client.put(
        f"{API}/indicators/sharing",
        {"indicators_with_buyers": True},
        content_type="application/json",
    )
    assert changed.status_code == expected(role, MEMBERS)
    shared = FactorySharing.objects.filter(indicators_with_buyers=True).exists()
    assert shared == (role in MEMBERS)
    if role in MEMBERS:
        buyer = as_user(world["buyer with grant"])
        assert buyer.get(f"{API}/indicators").status_code == 200


@pytest.mark.parametrize("body", [{"indicators_with_buyers": "sometimes"}, {}])
def test_indicator_sharing_bad_input(world, as_user, body):
    response = as_user(world["factory user"]).put(
        f"{API}/indicators/sharing", body, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]
    assert not FactorySharing.objects.exists()


def test_indicator_months_still_answer_beside_sharing(world, as_user):
    response = as_user(world["factory user"]).put(
        f"{API}/indicators/2022-01", {"values": {}}, content_type="application/json"
    )
    assert response.status_code == 200


def test_lists_are_paged(world, as_user, factory, django_assert_max_num_queries):
    """Self-assessments, plan actions, trainings and participants in the API's page shape,
    in the order the pages list them."""
    from ims_bridge.enterprise.models import PlanAction

    cat_version = factory.assessments.first().cat_version
    for n in range(3):
        SelfAssessment.objects.create(factory=factory, cat_version=cat_version, language="en")
        make_action(factory, due_date=date(2030, 1, 1) + timedelta(days=n), action=f"Action {n}")
        Training.objects.create(
            factory=factory, programme=f"Course {n}", start_date=date(2022, 1, 1 + n), workers=1
        )
        PlanParticipant.objects.create(factory=factory, name=f"Person {n}", side="workers")
    client = as_user(world["factory user"])
    for path, model in (
        ("self-assessments", SelfAssessment),
        ("plan/actions", PlanAction),
        ("trainings", Training),
        ("plan/participants", PlanParticipant),
    ):
        ordered = list(model.objects.filter(factory=factory).values_list("pk", flat=True))
        assert len(ordered) >= 3
        pages = -(-len(ordered) // 2)
        with django_assert_max_num_queries(20):
            data = client.get(f"{API}/{path}", {"page_size": 2}).json()
        assert (data["count"], data["page_size"], data["num_pages"]) == (len(ordered), 2, pages)
        assert "page=2" in data["next"] and data["previous"] is None, path
        ids = [r["id"] for r in data["results"]]
        for number in range(2, pages + 1):
            more = client.get(f"{API}/{path}", {"page_size": 2, "page": number}).json()
            ids += [r["id"] for r in more["results"]]
        assert more["next"] is None
        assert ids == ordered, path  # the model's (the pages') order, each once
        assert client.get(f"{API}/{path}", {"page": pages + 1, "page_size": 2}).status_code == 404
        assert client.get(f"{API}/{path}", {"page_size": 101}).status_code == 400
    mine = client.get("/api/v2/enterprise/factories").json()
    assert [f["star_id"] for f in mine["results"]] == ["F1"] and mine["next"] is None
