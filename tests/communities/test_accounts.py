"""Sign-up with e-mail verification, throttled login, password reset, profile, preferences
(the throttling itself is tested in tests/security)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from communities.models import Profile

from .conftest import login

pytestmark = pytest.mark.django_db


def test_signup_verify_login_logout(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "username": "newbie",
            "email": "Newbie@Example.org",
            "display_name": "New Bie",
            "password1": "a-Long-passphrase-9",
            "password2": "a-Long-passphrase-9",
        },
    )
    assert response.status_code == 200
    user = get_user_model().objects.get(username="newbie")
    assert not user.is_active
    response = client.post(
        "/en/accounts/login/", {"username": "newbie", "password": "a-Long-passphrase-9"}
    )
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    link = re.search(r"http://\S+/verify/\S+/", mail.outbox[0].body).group(0)
    path = link.split("localhost", 1)[1] if "localhost" in link else link
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.community_profile.email_verified
    response = client.post(
        "/en/accounts/login/", {"username": "newbie", "password": "a-Long-passphrase-9"}
    )
    assert response.status_code == 302
    assert client.post("/en/accounts/logout/").status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 302


def test_signup_rejects_duplicate_email_and_bad_token(client, make_user):
    make_user("taken", email="taken@example.org")
    response = client.post(
        "/en/accounts/signup/",
        {
            "username": "other",
            "email": "TAKEN@example.org",
            "password1": "a-Long-passphrase-9",
            "password2": "a-Long-passphrase-9",
        },
    )
    assert response.status_code == 400
    assert client.get("/en/accounts/verify/forged-token/").status_code == 400


def test_login_throttled(client, make_user, settings):
    settings.THROTTLE_LIMITS = {
        **settings.THROTTLE_LIMITS,
        "login": {"username": 4, "ip_address": 9},
    }
    make_user("victim")
    codes = [
        client.post("/en/accounts/login/", {"username": "victim", "password": "wrong"}).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    # even the right password is refused while limited
    response = client.post("/en/accounts/login/", {"username": "victim", "password": "pw-Secret-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password_reset(client, make_user):
    make_user("forgetful", email="forgetful@example.org")
    assert (
        client.post("/en/accounts/password-reset/", {"email": "forgetful@example.org"}).status_code
        == 302
    )
    link = re.search(r"http://\S+/reset/\S+/", mail.outbox[0].body).group(0)
    path = link.split("localhost", 1)[1] if "localhost" in link else link
    response = client.get(path)
    assert response.status_code == 302  # Django swaps the token for a session marker
    response = client.post(
        response["Location"],
        {"new_password1": "Another-pass-77", "new_password2": "Another-pass-77"},
    )
    assert response.status_code == 302
    response = client.post(
        "/en/accounts/login/", {"username": "forgetful", "password": "Another-pass-77"}
    )
    assert response.status_code == 302


def test_profile_and_preferences(client, make_user):
    from portal.models import Country

    user = make_user("pat")
    login(client, user)
    country = Country.objects.get(slug="cambodia", locale__language_code="en")
    response = client.post(
        "/en/accounts/profile/",
        {
            "display_name": "Pat P.",
            "organisation": "ILO",
            "country": country.pk,
            "languages": ["km", "en"],
            "bio": "Trainer",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "Pat P." and profile.language_list == ["km", "en"]
    assert client.post("/en/accounts/preferences/", {"email_mode": "daily"}).status_code == 302
    profile.refresh_from_db()
    assert profile.email_mode == "daily"
    assert client.post("/en/accounts/preferences/", {"email_mode": "loud"}).status_code == 400
    assert "Pat P." in client.get("/en/communities/people/pat/").content.decode()
