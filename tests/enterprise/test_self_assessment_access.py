"""Every self-assessment page and API operation by role, and self-assessments never reaching
public aggregates."""

import pytest

from ims_bridge import aggregation
from ims_bridge.enterprise.models import Answer, SelfAssessment
from ims_bridge.models import FactoryAccessGrant, QuestionType

from .conftest import HIDDEN, MEMBERS, ROLES

READERS = {"factory user", "second factory user", "country staff", "global staff", "superuser"}


@pytest.fixture
def submitted(world, factory):
    item = SelfAssessment.objects.create(
        factory=factory,
        cat_version=factory.assessments.first().cat_version,
        language="en",
        status="submitted",
    )
    for question in item.cat_version.questions.filter(type=QuestionType.NCQ):
        Answer.objects.create(self_assessment=item, question=question, value=1)
    return item


def expected_page(role, allowed):
    if role == "anonymous":
        return 302
    if role in HIDDEN:
        return 404
    return 200 if role in allowed else 403


@pytest.mark.parametrize("role", ROLES)
def test_list_result_compare_by_role(world, as_user, submitted, role):
    client = as_user(world[role])
    base = f"/en/factory/F1/self-assessments/{submitted.pk}"
    readers = READERS | {"buyer with grant"}
    assert client.get("/en/factory/F1/self-assessments/").status_code == expected_page(
        role, readers
    )
    result = client.get(f"{base}/result/").status_code
    # a buyer with a grant reads only shared results: not shared yet -> 404
    assert result == (404 if role == "buyer with grant" else expected_page(role, READERS))
    assert client.get(f"{base}/compare/").status_code == expected_page(role, READERS)
    assert client.get(f"{base}/share/").status_code == expected_page(role, MEMBERS)
    if role == "anonymous":
        assert client.get(f"{base}/result/")["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_writes_by_role_change_nothing_when_refused(world, as_user, factory, role):
    client = as_user(world[role])
    response = client.post("/en/factory/F1/self-assessments/start/")
    assert response.status_code == (302 if role in MEMBERS else expected_page(role, MEMBERS))
    assert SelfAssessment.objects.exists() == (role in MEMBERS)
    api = client.post("/api/v2/enterprise/factories/F1/self-assessments")
    if role == "anonymous":
        assert api.status_code == 401
    elif role in HIDDEN:
        assert api.status_code == 404
    elif role in MEMBERS:
        assert api.status_code == 400  # one is already in progress
    else:
        assert api.status_code == 403
    assert api.json()["error"]


@pytest.mark.parametrize("role", ROLES)
def test_api_reads_by_role(world, as_user, submitted, role):
    client = as_user(world[role])
    base = f"/api/v2/enterprise/factories/F1/self-assessments/{submitted.pk}"
    codes = {"anonymous": 401, **dict.fromkeys(HIDDEN, 404), "inspector sharing": 403}
    listed = client.get("/api/v2/enterprise/factories/F1/self-assessments")
    assert listed.status_code == codes.get(role, 200)
    detail = client.get(base).status_code
    assert detail == codes.get(role, 200 if role in READERS else 403)
    result = client.get(f"{base}/result").status_code
    assert result == codes.get(role, 404 if role == "buyer with grant" else 200)
    compare = client.get(f"{base}/compare").status_code
    assert compare == codes.get(role, 200 if role in READERS else 403)


def test_shared_result_reaches_only_that_buyer(world, as_user, submitted):
    submitted.shared_with.add(FactoryAccessGrant.objects.get(buyer=world["buyer with grant"]))
    base = f"/api/v2/enterprise/factories/F1/self-assessments/{submitted.pk}"
    assert as_user(world["buyer with grant"]).get(f"{base}/result").status_code == 200
    listed = as_user(world["buyer with grant"]).get(
        "/api/v2/enterprise/factories/F1/self-assessments"
    )
    assert [row["id"] for row in listed.json()["results"]] == [submitted.pk]
    for role in ("buyer expired", "buyer revoked", "buyer without grant"):
        assert as_user(world[role]).get(f"{base}/result").status_code == 404


def test_bad_api_input_is_400(world, as_user, factory):
    client = as_user(world["factory user"])
    created = client.post("/api/v2/enterprise/factories/F1/self-assessments").json()
    url = f"/api/v2/enterprise/factories/F1/self-assessments/{created['id']}/answers"
    question = SelfAssessment.objects.get().cat_version.questions.filter(type="NCQ").first()
    for body in (
        {"answers": [{"question": 99999999, "value": 1}]},
        {"answers": [{"question": question.pk, "value": 2}]},
        {"answers": [{"question": question.pk, "value": -1}]},
        {"answers": [{"question": question.pk, "value": "x"}]},
        {"answers": [{"question": question.pk, "value": 1}, {"question": question.pk}]},
        {"answers": "nope"},
        {},
    ):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 400, body
        assert "error" in response.json()
    assert not Answer.objects.exists()
    broken = client.post(url, "{not json", content_type="application/json")
    assert broken.status_code == 400


def public_figures(client):
    return (
        client.get("/api/v2/compliance/aggregates?level=point").content,
        client.get("/api/v2/compliance/aggregates?level=cluster").content,
        client.get("/api/v2/compliance/countries/cambodia").content,
        client.get("/api/v2/compliance/transparency?country=cambodia").content,
    )


def test_self_assessments_never_enter_public_aggregates(world, as_user, client, factories):
    aggregation.refresh()
    before = public_figures(client)
    for factory in factories:
        item = SelfAssessment.objects.create(
            factory=factory,
            cat_version=factory.assessments.first().cat_version,
            language="en",
            status="submitted",
        )
        for question in item.cat_version.questions.all():
            Answer.objects.create(self_assessment=item, question=question, value=1)
    aggregation.refresh()
    client.logout()
    assert public_figures(client) == before
    assert b"Overtime" in before[0] or before[0] != b"[]"
