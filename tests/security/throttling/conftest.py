"""Fixtures for the throttling tests: small budgets so lockouts come quickly, two accounts."""

import pytest

PASSWORD = "pw-Secret-1"


@pytest.fixture
def small_budgets(settings):
    settings.THROTTLE_LIMITS = {
        "login": {"username": 3, "ip_address": 5},
        "password-reset": {"username": 3, "ip_address": 4},
        "signup": {"ip_address": 3},
    }
    return settings.THROTTLE_LIMITS


@pytest.fixture
def trainer(django_user_model):
    return django_user_model.objects.create_user(
        username="trainer", email="trainer@example.org", password=PASSWORD
    )


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="staffer",
        email="staffer@example.org",
        password=PASSWORD,
        is_staff=True,
        is_superuser=True,
    )
