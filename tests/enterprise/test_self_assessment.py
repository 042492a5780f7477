"""Self-assessment through HTTP: start, answer by cluster, resume, two users, submit (frozen),
result by IMS.md's rule, sharing with buyers, comparison with STAR, and bad input."""

import random
import re

import pytest
from wagtail.models import Locale

from ims_bridge.enterprise.models import Answer, QuestionGuidance, SelfAssessment
from ims_bridge.models import (
    Assessment,
    CatVersion,
    Factory,
    FactoryAccessGrant,
    Question,
    QuestionType,
)

BASE = "/en/factory/F1/self-assessments/"


def start(client, language="en"):
    response = client.post(f"/{language}/factory/F1/self-assessments/start/")
    assert response.status_code == 302, response.content[:500]
    return SelfAssessment.objects.get(factory__star_id="F1", status="in_progress")


def questions(item):
    return {q.star_id: q for q in item.cat_version.questions.all()}


def step_post(client, item, answers, step=1, action="next", shown=None, language="en"):
    data = {"step": str(step), "action": action}
    for question, value in answers.items():
        data[f"q{question.pk}"] = value
        data[f"shown_q{question.pk}"] = (shown or {}).get(question, "")
    return client.post(f"/{language}/factory/F1/self-assessments/{item.pk}/", data)


def values(item):
    return {a.question.star_id: (a.value, a.text) for a in item.answers.select_related("question")}


def test_start_uses_the_factory_cat_version_and_reader_language(world, as_user):
    client = as_user(world["factory user"])
    item = start(client, "fr")
    assert item.cat_version == Factory.objects.get(star_id="F1").assessments.first().cat_version
    assert item.language == "fr" and item.started_by == world["factory user"]
    # Only one in progress at a time
    again = client.post("/en/factory/F1/self-assessments/start/")
    assert again.status_code == 400
    assert "already in progress" in again.content.decode()
    assert SelfAssessment.objects.count() == 1


def test_start_without_cat_version_says_so(world, as_user, factories):
    f1 = factories[0]
    Assessment.objects.filter(factory__country=f1.country).delete()
    Question.objects.filter(cat_version__country=f1.country).delete()
    CatVersion.objects.filter(country=f1.country).delete()
    response = as_user(world["factory user"]).post("/en/factory/F1/self-assessments/start/")
    assert response.status_code == 400
    assert "no assessment tool" in response.content.decode()
    assert not SelfAssessment.objects.exists()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_full_self_assessment_end_to_end(world, as_user, language):
    default = Locale.get_default()
    QuestionGuidance.objects.create(global_id="G-Q1", guidance="Count the hours.", locale=default)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    QuestionGuidance.objects.create(
        global_id="G-Q1",
        guidance="Comptez les heures.",
        locale=fr,
        translation_key=QuestionGuidance.objects.get(global_id="G-Q1").translation_key,
    )
    client = as_user(world["factory user"])
    listing = client.get(f"/{language}/factory/F1/self-assessments/")
    assert listing.status_code == 200
    item = start(client, language)
    page = client.get(f"/{language}/factory/F1/self-assessments/{item.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    expected = {"en": "Count the hours.", "fr": "Comptez les heures."}[language]
    assert expected in text
    if language == "fr":
        assert "Oui, conforme" in text and "Enregistrer et continuer plus tard" in text
    q = questions(item)
    response = step_post(
        client,
        item,
        {q["Q1"]: "1", q["Q2"]: "0", q["Q3"]: "0", q["FGW1"]: "12 hours", q["FGW2"]: ""},
        action="submit",
        language=language,
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/self-assessments/{item.pk}/result/")
    item.refresh_from_db()
    assert item.is_submitted and item.submitted_by == world["factory user"]
    assert values(item)["Q1"] == (1, "") and values(item)["FGW1"] == (None, "12 hours")
    result = client.get(response["Location"])
    assert result.status_code == 200
    body = result.content.decode()
    assert q["Q1"].label in body and q["Q2"].label not in body
    csv = client.get(response["Location"] + "?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    point = {"en": "Overtime", "fr": "Heures supplémentaires"}[language]
    assert f"{point},Q1," in csv.content.decode()


def test_resume_goes_to_first_unanswered_cluster_and_saves_without_wiping(world, as_user):
    client = as_user(world["factory user"])
    item = start(client)
    q = questions(item)
    response = step_post(client, item, {q["Q1"]: "1"}, action="later")
    assert response.status_code == 302 and response["Location"].endswith(BASE)
    assert values(item) == {"Q1": (1, "")}
    # A post that does not carry Q1 leaves it alone
    step_post(client, item, {q["Q2"]: "0"}, action="stay")
    assert values(item) == {"Q1": (1, ""), "Q2": (0, "")}
    resumed = client.get(f"{BASE}{item.pk}/")
    assert resumed.status_code == 200
    assert 'aria-current="step"' in resumed.content.decode()
    assert resumed.context["step"].number == 1  # Q3 and the FGW questions are still open


def test_two_users_of_one_factory_keep_both_answers(world, as_user, client):
    item = start(as_user(world["factory user"]))
    q = questions(item)
    # Both load the page while nothing is answered, then post in turn.
    as_user(world["factory user"])
    step_post(client, item, {q["Q1"]: "1", q["Q2"]: ""}, step=1, action="stay")
    as_user(world["second factory user"])
    step_post(client, item, {q["Q1"]: "", q["Q2"]: "0"}, step=1, action="stay")
    answers = values(item)
    assert answers["Q1"] == (1, "") and answers["Q2"] == (0, "")
    assert Answer.objects.get(question=q["Q2"]).answered_by == world["second factory user"]
    # A deliberate change of someone else's answer wins (last write per question).
    step_post(client, item, {q["Q1"]: "0"}, shown={q["Q1"]: "1"}, action="stay")
    assert values(item)["Q1"] == (0, "")


def test_submitted_is_frozen_and_a_new_one_can_start(world, as_user):
    client = as_user(world["factory user"])
    item = start(client)
    q = questions(item)
    step_post(client, item, {q["Q1"]: "1"}, action="stay")
    assert client.post(f"{BASE}{item.pk}/submit/").status_code == 302
    before = values(item)
    refused = step_post(client, item, {q["Q1"]: "0"}, action="stay")
    assert refused.status_code == 400 and "can no longer be changed" in refused.content.decode()
    assert client.post(f"{BASE}{item.pk}/submit/").status_code == 400
    api = client.post(
        f"/api/v2/enterprise/factories/F1/self-assessments/{item.pk}/answers",
        {"answers": [{"question": q["Q1"].pk, "value": 0}]},
        content_type="application/json",
    )
    assert api.status_code == 400 and "error" in api.json()
    assert values(item) == before
    assert client.get(f"{BASE}{item.pk}/").status_code == 302  # to the result
    second = start(client)
    assert second.pk != item.pk


def test_submit_needs_an_answer(world, as_user):
    client = as_user(world["factory user"])
    item = start(client)
    response = client.post(f"{BASE}{item.pk}/submit/")
    assert response.status_code == 400
    item.refresh_from_db()
    assert not item.is_submitted


@pytest.mark.parametrize(
    "field,value",
    [("q999999", "1"), ("qQ1", "2"), (None, "2"), (None, "yes"), (None, "-1")],
)
def test_bad_step_input_is_400_and_saves_nothing(world, as_user, field, value):
    client = as_user(world["factory user"])
    item = start(client)
    q = questions(item)
    data = {"step": "1", "action": "stay", f"shown_q{q['Q1'].pk}": ""}
    data[field or f"q{q['Q1'].pk}"] = value
    if field == "qQ1":
        data = {"step": "1", f"q{q['Q1'].pk}": "2"}
    response = client.post(f"{BASE}{item.pk}/", data)
    if field == "q999999":
        # an unknown field is no answer at all: nothing saved, the step saved as it was
        assert response.status_code == 302
    else:
        assert response.status_code == 400
    assert not Answer.objects.exists()


@pytest.mark.parametrize("step", ["0", "99", "x", "1e3", "١"])
def test_bad_step_numbers(world, as_user, step):
    client = as_user(world["factory user"])
    item = start(client)
    assert client.get(f"{BASE}{item.pk}/?step={step}").status_code == 400


def test_other_factory_assessment_id_is_404(world, as_user, factories):
    v1 = factories[1]
    other = SelfAssessment.objects.create(
        factory=v1, cat_version=v1.assessments.first().cat_version, language="en"
    )
    client = as_user(world["factory user"])
    for suffix in ("", "result/", "compare/", "share/"):
        assert client.get(f"{BASE}{other.pk}/{suffix}").status_code == 404
    assert client.post(f"{BASE}{other.pk}/submit/").status_code == 404
    api = client.get(f"/api/v2/enterprise/factories/F1/self-assessments/{other.pk}")
    assert api.status_code == 404 and "error" in api.json()


# --- results equal IMS.md's rule -----------------------------------------------------------


def independent_noncompliant_points(answer_map):
    """IMS.md: NCQ only; a point is non-compliant if any of its questions has 1."""
    points = set()
    for question, value in answer_map.items():
        if question.type == QuestionType.NCQ and value == 1:
            points.add(question.compliance_point.name)
    return points


@pytest.mark.parametrize("seed", range(8))
def test_result_equals_the_ims_rule_on_random_answers(world, as_user, seed):
    rng = random.Random(seed)
    client = as_user(world["factory user"])
    item = start(client)
    q = list(item.cat_version.questions.select_related("compliance_point"))
    answer_map = {}
    payload = []
    for question in q:
        if question.type == QuestionType.NCQ:
            value = rng.choice([0, 1, None])
            answer_map[question] = value
            payload.append({"question": question.pk, "value": value})
        else:
            payload.append({"question": question.pk, "text": rng.choice(["1", "yes", ""])})
    response = client.post(
        f"/api/v2/enterprise/factories/F1/self-assessments/{item.pk}/answers",
        {"answers": payload},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    api = client.get(f"/api/v2/enterprise/factories/F1/self-assessments/{item.pk}/result").json()
    assert {row["compliance_point"] for row in api} == independent_noncompliant_points(answer_map)
    page = client.get(f"{BASE}{item.pk}/result/").content.decode()
    shown = set(re.findall(r"<h3>(.*?)</h3>", page))
    assert shown == independent_noncompliant_points(answer_map)


# --- sharing with buyers -------------------------------------------------------------------


def submitted(world, as_user):
    client = as_user(world["factory user"])
    item = start(client)
    q = questions(item)
    step_post(client, item, {q["Q1"]: "1", q["Q3"]: "0"}, action="submit")
    item.refresh_from_db()
    assert item.is_submitted
    return item


def test_buyer_sees_a_result_only_when_shared(world, as_user):
    item = submitted(world, as_user)
    buyer = as_user(world["buyer with grant"])
    assert buyer.get(f"{BASE}{item.pk}/result/").status_code == 404
    assert buyer.get(BASE).status_code == 200 and buyer.get(BASE).context["rows"] == []
    grant = FactoryAccessGrant.objects.get(buyer=world["buyer with grant"])
    owner = as_user(world["factory user"])
    share_page = owner.get(f"{BASE}{item.pk}/share/")
    assert share_page.status_code == 200 and "buyer-with-grant" in share_page.content.decode()
    # Only active grants may be chosen
    expired = FactoryAccessGrant.objects.get(buyer=world["buyer expired"])
    refused = owner.post(f"{BASE}{item.pk}/share/", {"grants": [expired.pk]})
    assert refused.status_code == 400 and not item.shared_with.exists()
    assert owner.post(f"{BASE}{item.pk}/share/", {"grants": [grant.pk]}).status_code == 302
    buyer = as_user(world["buyer with grant"])
    assert buyer.get(f"{BASE}{item.pk}/result/").status_code == 200
    api = buyer.get(f"/api/v2/enterprise/factories/F1/self-assessments/{item.pk}/result")
    assert api.status_code == 200
    assert buyer.get(f"{BASE}{item.pk}/compare/").status_code == 403
    owner = as_user(world["factory user"])
    assert owner.post(f"{BASE}{item.pk}/share/", {}).status_code == 302  # unshare
    buyer = as_user(world["buyer with grant"])
    assert buyer.get(f"{BASE}{item.pk}/result/").status_code == 404


def test_an_in_progress_one_cannot_be_shared(world, as_user):
    client = as_user(world["factory user"])
    item = start(client)
    assert client.get(f"{BASE}{item.pk}/share/").status_code == 400


# --- comparison with the independent assessment --------------------------------------------


def test_compare_with_the_latest_star_assessment(world, as_user):
    # F1's latest STAR assessment: Q1=1, Q2=1 (Overtime non-compliant), Q3=0 (Regular Hours ok)
    client = as_user(world["factory user"])
    item = start(client)
    q = questions(item)
    step_post(client, item, {q["Q1"]: "0", q["Q2"]: "0", q["Q3"]: "1"}, action="submit")
    for role in ("factory user", "country staff"):
        client = as_user(world[role])
        api = client.get(f"/api/v2/enterprise/factories/F1/self-assessments/{item.pk}/compare")
        assert api.status_code == 200
        agreement = {p["compliance_point"]: p["agreement"] for p in api.json()["points"]}
        assert agreement == {"overtime": "only_star", "regular-hours": "only_self"}
        page = client.get(f"{BASE}{item.pk}/compare/")
        assert page.status_code == 200
        assert page.context["counts"] == {"only_star": 1, "only_self": 1}


def test_dashboard_box_shows_latest_result_and_continue_link(world, as_user):
    item = submitted(world, as_user)
    client = as_user(world["factory user"])
    current = start(client)
    page = client.get("/en/factory/F1/").content.decode()
    assert "1 compliance point non-compliant" in page
    assert f"{BASE}{item.pk}/result/" in page and f"{BASE}{current.pk}/" in page


def test_list_query_budget(world, as_user, django_assert_max_num_queries):
    client = as_user(world["factory user"])
    for _ in range(3):
        item = start(client)
        step_post(client, item, {questions(item)["Q1"]: "1"}, action="submit")
    with django_assert_max_num_queries(40):
        assert client.get(BASE).status_code == 200
