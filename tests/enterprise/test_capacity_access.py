"""Who reaches the capacity pages (trainings, indicators, sharing, progress report) and API."""

import pytest

from ims_bridge.enterprise.models import FactorySharing, Training

from .conftest import HIDDEN, MEMBERS, ROLES, STAFF


def expected(role, allowed):
    if role == "anonymous":
        return 302
    if role in HIDDEN:
        return 404
    return 200 if role in allowed else 403


READ_ALL = MEMBERS | STAFF | {"buyer with grant"}
CHANGE_TRAINING = MEMBERS | STAFF
PAGES = {
    "/en/factory/F1/trainings/": READ_ALL,
    "/en/factory/F1/trainings/{training}/edit/": CHANGE_TRAINING,
    "/en/factory/F1/indicators/": MEMBERS | STAFF,  # buyers: only when shared
    "/en/factory/F1/indicators/csv/": MEMBERS | STAFF,
    "/en/factory/F1/indicators/upload/": MEMBERS,
    "/en/factory/F1/indicators/sharing/": MEMBERS | STAFF,
    "/en/factory/F1/progress/": READ_ALL,
    "/en/factory/F1/progress/csv/": READ_ALL,
    "/en/factory/F1/progress/pdf/": READ_ALL,
}


@pytest.fixture
def training(factory):
    return Training.objects.create(
        factory=factory,
        programme="Supervisory skills",
        start_date="2021-06-01",
        workers=2,
        women=1,
        men=1,
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", list(PAGES))
def test_pages_by_role(world, as_user, training, role, url):
    response = as_user(world[role]).get(url.format(training=training.pk))
    assert response.status_code == expected(role, PAGES[url])
    if role == "anonymous":
        assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_buyers_read_indicators_only_when_shared(world, as_user, factory, role):
    FactorySharing.objects.create(factory=factory, indicators_with_buyers=True)
    response = as_user(world[role]).get("/en/factory/F1/indicators/")
    assert response.status_code == expected(role, MEMBERS | STAFF | {"buyer with grant"})


WRITES = {
    "/en/factory/F1/trainings/": CHANGE_TRAINING,
    "/en/factory/F1/trainings/{training}/delete/": CHANGE_TRAINING,
    "/en/factory/F1/indicators/": MEMBERS,
    "/en/factory/F1/indicators/sharing/": MEMBERS,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", list(WRITES))
def test_writes_by_role(world, as_user, training, factory, role, url):
    data = {
        "programme": "Fire safety",
        "start_date": "2022-01-05",
        "workers": "3",
        "managers": "0",
        "supervisors": "0",
        "women": "2",
        "men": "1",
        "month": "2022-01",
        "value_efficiency": "70",
        "indicators_with_buyers": "on",
    }
    before = (Training.objects.count(), FactorySharing.objects.count())
    response = as_user(world[role]).post(url.format(training=training.pk), data)
    status = expected(role, WRITES[url])
    assert response.status_code == (302 if status == 200 else status)
    if status != 200:
        assert (Training.objects.count(), FactorySharing.objects.count()) == before


def test_delete_refuses_get(world, as_user, training):
    response = as_user(world["factory user"]).get(f"/en/factory/F1/trainings/{training.pk}/delete/")
    assert response.status_code == 405
    assert Training.objects.filter(pk=training.pk).exists()


def test_training_of_another_factory_is_404(world, as_user, factories):
    other = Training.objects.create(
        factory=factories[1], programme="X", start_date="2021-06-01", workers=1, women=1
    )
    client = as_user(world["factory user"])
    assert client.get(f"/en/factory/F1/trainings/{other.pk}/edit/").status_code == 404
    assert client.post(f"/en/factory/F1/trainings/{other.pk}/delete/").status_code == 404
    assert Training.objects.filter(pk=other.pk).exists()
