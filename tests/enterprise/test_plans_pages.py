"""The plan pages through HTTP: the edit flow with history, adding, filters, timeline,
participants, e-mail choices, and who may do what."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ims_bridge.enterprise.models import (
    PlanAction,
    PlanActionEvent,
    PlanNotificationPreference,
    PlanParticipant,
    Training,
)

from .conftest import HIDDEN, MEMBERS, ROLES
from .plans_helpers import make_action

READERS = {
    "factory user",
    "second factory user",
    "buyer with grant",
    "country staff",
    "global staff",
    "superuser",
}
CHANGERS = {"factory user", "second factory user", "country staff", "global staff", "superuser"}


def expected(role, allowed):
    if role == "anonymous":
        return 302
    if role in HIDDEN:
        return 404
    return 200 if role in allowed else 403


@pytest.fixture
def action(factory):
    return make_action(factory, owner="HR", due_date=date.today() + timedelta(days=10))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["plan/", "plan/timeline/", "plan/actions/{pk}/"])
def test_read_pages_by_role(world, as_user, action, role, page):
    response = as_user(world[role]).get(f"/en/factory/F1/{page.format(pk=action.pk)}")
    assert response.status_code == expected(role, READERS)
    if response.status_code == 200:
        assert "Post the overtime policy" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "page", ["plan/actions/{pk}/edit/", "plan/actions/add/", "plan/from-results/"]
)
def test_change_pages_by_role(world, as_user, action, role, page):
    response = as_user(world[role]).get(f"/en/factory/F1/{page.format(pk=action.pk)}")
    assert response.status_code == expected(role, CHANGERS)


@pytest.mark.parametrize("role", ROLES)
def test_edit_post_by_role(world, as_user, action, role):
    response = as_user(world[role]).post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/",
        {"owner": "Someone else", "status": "in_progress"},
    )
    allowed = expected(role, CHANGERS)
    assert response.status_code == (302 if allowed == 200 else allowed)
    action.refresh_from_db()
    assert (action.owner == "Someone else") == (allowed == 200)


@pytest.mark.parametrize("role", ROLES)
def test_participants_by_role(world, as_user, factory, role):
    PlanParticipant.objects.create(factory=factory, name="Sok Dara", side="workers")
    client = as_user(world[role])
    response = client.get("/en/factory/F1/plan/participants/")
    assert response.status_code == expected(
        role, MEMBERS | {"country staff", "global staff", "superuser"}
    )
    response = client.post(
        "/en/factory/F1/plan/participants/", {"name": "Chan Thy", "side": "management"}
    )
    allowed = expected(role, MEMBERS)
    assert response.status_code == (302 if allowed == 200 else allowed)
    assert PlanParticipant.objects.filter(name="Chan Thy").exists() == (allowed == 200)


@pytest.mark.parametrize("role", ROLES)
def test_notifications_page_by_role(world, as_user, role):
    client = as_user(world[role])
    response = client.post("/en/factory/F1/plan/notifications/", {"buyer_digest": "on"})
    allowed = expected(role, READERS)
    assert response.status_code == (302 if allowed == 200 else allowed)
    if allowed == 200:
        preference = PlanNotificationPreference.objects.get(user=world[role])
        assert preference.reminders is False and preference.buyer_digest is True


def test_full_edit_flow_writes_history(world, as_user, action, factory):
    training = Training.objects.create(
        factory=factory, programme="Overtime management", start_date=date(2026, 1, 5)
    )
    client = as_user(world["factory user"])
    response = client.post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/",
        {
            "owner": "Ms Lim",
            "due_date": "2026-12-31",
            "status": "completed",
            "notes": "Done",
            "trainings": [training.pk],
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.completed_at is not None and action.owner == "Ms Lim"
    events = {
        e.field: (e.old_value, e.new_value, e.user)
        for e in PlanActionEvent.objects.filter(action=action)
    }
    assert events["owner"] == ("HR", "Ms Lim", world["factory user"])
    assert events["status"] == ("pending", "completed", world["factory user"])
    assert events["due_date"][1] == "2026-12-31"
    assert events["trainings"] == ("", "Overtime management", world["factory user"])
    page = client.get(f"/en/factory/F1/plan/actions/{action.pk}/").content.decode()
    assert page.index("<del>HR</del>") > page.index("History")
    assert "Overtime management" in page
    # reopening clears the completion date; an unchanged save writes nothing
    client.post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/",
        {
            "owner": "Ms Lim",
            "due_date": "2026-12-31",
            "status": "in_progress",
            "notes": "Done",
            "trainings": [training.pk],
        },
    )
    action.refresh_from_db()
    assert action.completed_at is None
    count = PlanActionEvent.objects.filter(action=action).count()
    client.post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/",
        {
            "owner": "Ms Lim",
            "due_date": "2026-12-31",
            "status": "in_progress",
            "notes": "Done",
            "trainings": [training.pk],
        },
    )
    assert PlanActionEvent.objects.filter(action=action).count() == count


@pytest.mark.parametrize(
    "data",
    [
        {"status": "finished"},
        {"status": "pending", "due_date": "31/31/2026"},
        {"status": "pending", "trainings": ["999999"]},
    ],
)
def test_bad_edit_is_400_and_saves_nothing(world, as_user, action, data):
    response = as_user(world["factory user"]).post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/", data
    )
    assert response.status_code == 400
    assert not PlanActionEvent.objects.filter(action=action).exists()


def test_another_factorys_training_is_refused(world, as_user, action, factories):
    other = Training.objects.create(
        factory=factories[1], programme="Elsewhere", start_date=date(2026, 1, 5)
    )
    response = as_user(world["factory user"]).post(
        f"/en/factory/F1/plan/actions/{action.pk}/edit/",
        {"status": "pending", "trainings": [other.pk]},
    )
    assert response.status_code == 400


def test_action_of_another_factory_is_404(world, as_user, factories):
    other = make_action(factories[1])
    client = as_user(world["factory user"])
    assert client.get(f"/en/factory/F1/plan/actions/{other.pk}/").status_code == 404


def test_add_action(world, as_user, factory):
    point = make_action(factory).compliance_point
    client = as_user(world["country staff"])
    response = client.post(
        "/en/factory/F1/plan/actions/add/",
        {
            "compliance_point": point.pk,
            "action": "Train supervisors",
            "status": "pending",
            "due_date": "2027-01-15",
        },
    )
    assert response.status_code == 302
    added = PlanAction.objects.get(action="Train supervisors")
    assert added.created_by == world["country staff"] and added.source == "factory"
    assert PlanActionEvent.objects.get(action=added).field == "created"
    assert (
        client.post(
            "/en/factory/F1/plan/actions/add/", {"action": "", "status": "pending"}
        ).status_code
        == 400
    )


def test_filters_progress_and_overdue(world, as_user, factory, django_assert_max_num_queries):
    today = timezone.localdate()
    make_action(factory, action="Late one", owner="HR", due_date=today - timedelta(days=3))
    make_action(
        factory, action="Done one", owner="Admin", status="completed", completed_at=timezone.now()
    )
    for i in range(5):
        make_action(factory, action=f"Later {i}", due_date=today + timedelta(days=30))
    client = as_user(world["factory user"])
    # 26 for the plan, 3 for the header's notification badge (its COUNT, and the reader's
    # permissions, which has_perm loads once per request), 1 for the navigation's glossary link
    # (the navigation is cached per language and content version; each test starts cold).
    with django_assert_max_num_queries(30):
        page = client.get("/en/factory/F1/plan/").content.decode()
    assert "1 of 7 actions completed" in page and "1 overdue" in page
    page = client.get("/en/factory/F1/plan/?overdue=1").content.decode()
    assert "Late one" in page and "Later 0" not in page
    page = client.get("/en/factory/F1/plan/?owner=Admin&group=point").content.decode()
    assert "Done one" in page and "Late one" not in page
    page = client.get("/en/factory/F1/plan/?status=bogus&group=bogus").content.decode()
    assert "Late one" in page and "Done one" in page  # bad filters are ignored
    dashboard = client.get("/en/factory/F1/").content.decode()
    assert "1 overdue" in dashboard and "Late one" in dashboard


def test_buyer_sees_no_edit_links(world, as_user, action):
    page = as_user(world["buyer with grant"]).get("/en/factory/F1/plan/").content.decode()
    assert "/edit/" not in page and "Post the overtime policy" in page


def test_timeline_marks_overdue_and_reads_in_arabic(world, as_user, factory):
    today = timezone.localdate()
    late = make_action(factory, action="Late one", due_date=today - timedelta(days=3))
    client = as_user(world["factory user"])
    page = client.get("/en/factory/F1/plan/timeline/").content.decode()
    assert "<svg" in page and 'class="timeline-row overdue"' in page and "Late one" in page
    arabic = client.get("/ar/factory/F1/plan/timeline/")
    assert arabic.status_code == 200
    assert 'dir="rtl"' in arabic.content.decode()
    assert late.action in arabic.content.decode()


def test_participants_remove(world, as_user, factory):
    person = PlanParticipant.objects.create(factory=factory, name="Sok Dara", side="workers")
    client = as_user(world["factory user"])
    assert (
        client.post("/en/factory/F1/plan/participants/", {"name": "", "side": "bogus"}).status_code
        == 400
    )
    assert (
        client.post("/en/factory/F1/plan/participants/", {"remove": person.pk}).status_code == 302
    )
    assert not PlanParticipant.objects.filter(pk=person.pk).exists()
    assert client.post("/en/factory/F1/plan/participants/", {"remove": "abc"}).status_code == 404
