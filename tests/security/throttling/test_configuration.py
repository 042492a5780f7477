"""Throttling is configured from the environment, like every other setting."""

from tests.portal.test_settings import settings_as_json


def test_defaults_trust_no_proxy():
    values = settings_as_json(
        "[s.TRUSTED_PROXY_COUNT, s.THROTTLE_LIMITS, s.AXES_COOLOFF_TIME.total_seconds()]"
    )
    assert values == [
        0,
        {
            "login": {"username": 10, "ip_address": 50},
            "password-reset": {"username": 5, "ip_address": 20},
            "signup": {"ip_address": 20},
        },
        900,
    ]


def test_environment_sets_proxies_budgets_and_cool_off():
    values = settings_as_json(
        "[s.TRUSTED_PROXY_COUNT, s.THROTTLE_LIMITS['login'], s.AXES_COOLOFF_TIME.total_seconds()]",
        TRUSTED_PROXY_COUNT="2",
        LOGIN_FAILURE_LIMIT="4",
        LOGIN_IP_FAILURE_LIMIT="40",
        AXES_COOLOFF_MINUTES="60",
    )
    assert values == [2, {"username": 4, "ip_address": 40}, 3600]
