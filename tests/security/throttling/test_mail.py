"""Password reset and sign-up send e-mail: throttled by django-axes (their own budgets, per
address and per client IP), so nobody can flood a mailbox; sign-up refuses a username that is
an existing one in another spelling."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def attempts():
    from axes.models import AccessAttempt  # imported late so the suite also runs without axes

    return AccessAttempt.objects


RESET = "/en/accounts/password-reset/"
SIGNUP = "/en/accounts/signup/"


def signup(client, username, email, **extra):
    return client.post(
        SIGNUP,
        {
            "username": username,
            "email": email,
            "password1": "a-Long-passphrase-9",
            "password2": "a-Long-passphrase-9",
        },
        **extra,
    )


def test_password_reset_mails_one_address_only_a_few_times(client, small_budgets, trainer):
    codes = [
        client.post(RESET, {"email": spelling}).status_code
        for spelling in ("trainer@example.org", "TRAINER@example.org", " trainer@example.org")
    ]
    assert codes == [302, 302, 429]
    assert len(mail.outbox) == 2
    assert client.post(RESET, {"email": "trainer@example.org"}).status_code == 429
    assert len(mail.outbox) == 2


def test_password_reset_limits_one_ip_across_addresses(client, small_budgets):
    codes = [client.post(RESET, {"email": f"n{n}@example.org"}).status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    other = client.post(RESET, {"email": "n9@example.org"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_password_reset_budget_is_not_the_login_budget(client, small_budgets, trainer):
    for _ in range(3):
        client.post(RESET, {"email": "trainer@example.org"})
    response = client.post("/en/accounts/login/", {"username": "trainer", "password": PASSWORD})
    assert response.status_code == 302


def test_signup_is_limited_per_ip(client, small_budgets):
    codes = [signup(client, f"new{n}", f"new{n}@example.org").status_code for n in range(3)]
    assert codes == [200, 200, 429]
    assert len(mail.outbox) == 2
    assert get_user_model().objects.filter(username__startswith="new").count() == 2
    other = signup(client, "new9", "new9@example.org", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


def test_signup_lockout_page_is_in_the_readers_language(client, small_budgets):
    for n in range(3):
        response = client.post("/es/accounts/signup/", {"username": f"n{n}"})
    assert response.status_code == 429
    body = response.content.decode()
    assert 'lang="es"' in body and "Demasiadas solicitudes" in body


@pytest.mark.parametrize("spelling", ["Trainer", " trainer ", "ＴＲＡＩＮＥＲ", "TRAINER"])
def test_signup_refuses_another_spelling_of_an_existing_username(client, trainer, spelling):
    response = signup(client, spelling, "someone.else@example.org")
    assert response.status_code == 400
    assert "already exists" in response.content.decode()
    assert get_user_model().objects.count() == 1
    assert mail.outbox == []


def test_signup_stores_the_username_in_its_normal_form(client):
    assert signup(client, " ＮｅｗＢｉｅ ", "newbie@example.org").status_code == 200
    assert get_user_model().objects.filter(username="newbie").exists()


def test_throttle_records_keep_no_password_or_address(client, small_budgets, trainer):
    signup(client, "newbie", "newbie@example.org")
    client.post(RESET, {"email": "trainer@example.org"})
    client.post("/en/accounts/login/", {"username": "trainer", "password": "my-Guess-42"})
    stored = " ".join(attempts().values_list("post_data", flat=True))
    for secret in ("a-Long-passphrase-9", "newbie@example.org", "my-Guess-42"):
        assert secret not in stored


def test_the_admin_password_reset_shares_the_budget(client, small_budgets, trainer):
    admin_reset = "/admin/password_reset/"
    assert client.get(admin_reset).status_code == 200
    codes = [
        client.post(url, {"email": "trainer@example.org"}).status_code
        for url in (admin_reset, RESET, admin_reset)
    ]
    assert codes == [302, 302, 429]
    assert len(mail.outbox) == 2
