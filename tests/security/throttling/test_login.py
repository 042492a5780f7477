"""Login throttling (django-axes) on the public, Wagtail admin and Django admin logins: keyed by
the username's normal form and by the client IP, answered with 429, never 5xx."""

import pytest
from django.core.management import call_command

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def attempts():
    from axes.models import AccessAttempt  # imported late so the suite also runs without axes

    return AccessAttempt.objects


LOGIN_URLS = ["/en/accounts/login/", "/admin/login/", "/django-admin/login/"]


def attempt(client, url, username, password="wrong", **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_each_login_locks_the_account_after_its_budget(client, small_budgets, staff, url):
    codes = [attempt(client, url, "staffer").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    # Locked: even the right password is refused, and nothing reaches a 5xx.
    response = attempt(client, url, "staffer", PASSWORD)
    assert response.status_code == 429
    assert "Too many login attempts" in response.content.decode()
    assert not logged_in(client)
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize("url", LOGIN_URLS)
@pytest.mark.parametrize("variant", [" staffer ", "ＳＴＡＦＦＥＲ", "Staffer", "STAFFER\t"])
def test_spellings_of_a_locked_username_are_locked_too(client, small_budgets, staff, url, variant):
    for _ in range(3):
        attempt(client, url, "staffer")
    response = attempt(client, url, variant, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)


def test_failures_in_different_spellings_count_for_one_account(client, small_budgets, trainer):
    url = "/en/accounts/login/"
    assert attempt(client, url, " Trainer").status_code == 200
    assert attempt(client, url, "ｔｒａｉｎｅｒ").status_code == 200
    assert attempt(client, url, "TRAINER ").status_code == 429
    assert set(attempts().values_list("username", flat=True)) == {"trainer"}


@pytest.mark.parametrize("variant", [" trainer ", "ＴＲＡＩＮＥＲ", "Trainer"])
def test_any_spelling_of_the_username_logs_in(client, trainer, variant):
    response = attempt(client, "/en/accounts/login/", variant, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(trainer.pk)


def test_admin_login_accepts_a_spelling_of_the_username(client, staff):
    response = attempt(client, "/admin/login/", "ＳＴＡＦＦＥＲ", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_one_ip_trying_many_usernames_is_locked(client, small_budgets, trainer):
    url = "/en/accounts/login/"
    codes = [attempt(client, url, f"guess{n}").status_code for n in range(5)]
    assert codes == [200, 200, 200, 200, 429]
    # The IP is locked for every account, the real one included...
    assert attempt(client, url, "trainer", PASSWORD).status_code == 429
    # ...but not for another client.
    response = attempt(client, url, "trainer", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302


def test_spoofed_forwarded_for_neither_shifts_nor_unlocks_the_lockout(client, small_budgets):
    # TRUSTED_PROXY_COUNT is 0: X-Forwarded-For is the client's own text and is ignored.
    url = "/en/accounts/login/"
    codes = [
        attempt(
            client, url, f"guess{n}", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        ).status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 200, 429]
    assert set(attempts().values_list("ip_address", flat=True)) == {"203.0.113.9"}
    for forged in ("198.51.100.1", "127.0.0.1", "garbage", "198.51.100.1, 198.51.100.2"):
        response = attempt(
            client, url, "someone", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=forged
        )
        assert response.status_code == 429


def test_behind_one_trusted_proxy_the_client_is_the_last_forwarded_address(
    client, small_budgets, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    url = "/en/accounts/login/"
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(5):
        # The client prepends a different fake address each time; the proxy appends the real one.
        forwarded = f"192.0.2.{n}, 203.0.113.9"
        response = attempt(client, url, f"guess{n}", HTTP_X_FORWARDED_FOR=forwarded, **proxy)
    assert response.status_code == 429
    assert set(attempts().values_list("ip_address", flat=True)) == {"203.0.113.9"}
    # Another client behind the same proxy is not locked.
    other = attempt(client, url, "guess0", HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy)
    assert other.status_code == 200


@pytest.mark.parametrize("forwarded", ["not-an-ip", "", " , ", "300.1.1.1", "x" * 5000])
def test_malformed_forwarded_for_falls_back_to_the_peer_address(
    client, small_budgets, settings, forwarded
):
    settings.TRUSTED_PROXY_COUNT = 1
    response = attempt(
        client,
        "/en/accounts/login/",
        "guess",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 200
    assert list(attempts().values_list("ip_address", flat=True)) == ["10.0.0.2"]


def test_a_typed_name_cannot_spend_another_purposes_budget(client, small_budgets, trainer):
    for _ in range(3):
        attempt(client, "/en/accounts/login/", "password-reset:trainer@example.org")
    response = client.post("/en/accounts/password-reset/", {"email": "trainer@example.org"})
    assert response.status_code == 302


def test_lockout_page_is_in_the_readers_language(client, small_budgets, trainer):
    for _ in range(3):
        response = attempt(client, "/fr/accounts/login/", "trainer")
    assert response.status_code == 429
    body = response.content.decode()
    assert 'lang="fr"' in body and "Trop de tentatives de connexion" in body


def test_lockout_answers_json_to_a_script(client, small_budgets, trainer):
    for _ in range(3):
        response = attempt(
            client, "/en/accounts/login/", "trainer", HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "Too many login attempts" in response.json()["error"]


@pytest.mark.parametrize("username", ["x" * 400, "a\x00b", "trainer:evil", ""])
def test_odd_usernames_never_cause_a_server_error(client, small_budgets, username):
    for url in LOGIN_URLS:
        for _ in range(4):
            # A NUL is malformed input, refused with 400 before the login view (issue 12, part 6).
            assert attempt(client, url, username).status_code in (200, 400, 429)


def test_axes_reset_unlocks(client, small_budgets, trainer):
    for _ in range(3):
        attempt(client, "/en/accounts/login/", "trainer")
    call_command("axes_reset", verbosity=0)
    assert attempt(client, "/en/accounts/login/", "trainer", PASSWORD).status_code == 302


def test_axes_reset_username_takes_the_normal_form(client, small_budgets, trainer):
    for _ in range(3):
        attempt(client, "/en/accounts/login/", "Trainer")
    call_command("axes_reset_username", "trainer", verbosity=0)
    assert attempt(client, "/en/accounts/login/", "trainer", PASSWORD).status_code == 302
