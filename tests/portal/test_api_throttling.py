"""Throttling of the API's writes (issue 16, portal/api_throttling.py): per token (or user, with
a session) and per client IP, writes only, answered 429 with Retry-After before anything
changes."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from communities.models import ApiToken, Profile

pytestmark = pytest.mark.django_db

ME = "/api/v2/accounts/me"
PREFS = "/api/v2/accounts/me/notification-preferences"


@pytest.fixture(autouse=True)
def _fresh_budgets():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rates(settings):
    def set_rates(token="3/h", ip="100/h", proxies=0):
        settings.API_WRITE_RATE_PER_TOKEN = token
        settings.API_WRITE_RATE_PER_IP = ip
        settings.TRUSTED_PROXY_COUNT = proxies

    return set_rates


@pytest.fixture
def writer():
    def make(name):
        user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw-Secret-1")
        return user, ApiToken.issue(user, "script", ApiToken.WRITE)[1]

    return make


def patch_bio(key, bio, ip="10.0.0.1", **headers):
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR=ip)
    return client.patch(
        ME,
        {"bio": bio},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
        **headers,
    )


def bio_of(user):
    return Profile.objects.get(user=user).bio


def test_the_write_past_the_token_budget_is_refused_with_retry_after(rates, writer):
    rates(token="3/h")
    user, key = writer("ana")
    for n in range(3):
        assert patch_bio(key, f"bio {n}").status_code == 200
    refused = patch_bio(key, "too many")
    assert refused.status_code == 429
    body = refused.json()
    assert body["code"] == "throttled"
    seconds = int(refused["Retry-After"])
    assert 0 < seconds <= 3600 and body["retry_after"] == seconds
    assert bio_of(user) == "bio 2"  # the refused write changed nothing


def test_another_token_from_another_address_is_not_affected(rates, writer):
    rates(token="2/h")
    _ana, ana_key = writer("ana")
    bob, bob_key = writer("bob")
    for _n in range(2):
        patch_bio(ana_key, "a")
    assert patch_bio(ana_key, "a").status_code == 429
    assert patch_bio(bob_key, "bob's", ip="10.0.0.2").status_code == 200
    assert not Profile.objects.filter(user=bob, bio="from the same address").exists()


def test_reads_are_never_throttled_nor_spend_the_budget(rates, writer):
    rates(token="2/m", ip="2/m")
    _user, key = writer("ana")
    reader = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.1")
    for _n in range(5):
        assert reader.get(ME, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
        assert reader.get("/api/v2/communities/").status_code == 200
    assert patch_bio(key, "one").status_code == 200
    assert patch_bio(key, "two").status_code == 200
    assert patch_bio(key, "three").status_code == 429
    assert reader.get(ME, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_every_write_method_counts(rates, writer):
    rates(token="3/h")
    user, key = writer("ana")
    client = Client(
        HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.1", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert (
        client.put(PREFS, {"email_mode": "daily"}, content_type="application/json").status_code
        == 200
    )
    assert client.patch(ME, {"bio": "x"}, content_type="application/json").status_code == 200
    own = ApiToken.objects.create(user=user, digest="d" * 64, prefix="dddddddd")
    assert client.delete(f"/api/v2/accounts/tokens/{own.pk}").status_code == 204
    refused = client.put(PREFS, {"email_mode": "off"}, content_type="application/json")
    assert refused.status_code == 429
    assert Profile.objects.get(user=user).email_mode == "daily"


def test_the_address_budget_is_shared_by_every_token(rates, writer):
    rates(token="100/h", ip="3/h")
    _ana, ana_key = writer("ana")
    bob, bob_key = writer("bob")
    for _n in range(3):
        assert patch_bio(ana_key, "a").status_code == 200
    refused = patch_bio(bob_key, "from the same address")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert bio_of(bob) == "" if Profile.objects.filter(user=bob).exists() else True
    assert patch_bio(bob_key, "elsewhere", ip="10.9.9.9").status_code == 200


def test_the_address_is_the_trusted_proxy_one(rates, writer):
    """Behind one proxy the client's address is the last X-Forwarded-For entry; what the
    client writes further left does not give it a new budget."""
    rates(token="100/h", ip="2/h", proxies=1)
    _ana, key = writer("ana")
    for n in range(2):
        spoofed = f"203.0.113.{n}, 198.51.100.7"
        assert patch_bio(key, "a", HTTP_X_FORWARDED_FOR=spoofed).status_code == 200
    assert patch_bio(key, "a", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7").status_code == 429
    assert patch_bio(key, "a", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200


def test_session_writes_are_counted_per_user(rates, writer):
    rates(token="2/h")
    ana, _key = writer("ana")
    browser = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.1")
    browser.force_login(ana)
    for _n in range(2):
        assert browser.patch(ME, {"bio": "s"}, content_type="application/json").status_code == 200
    assert browser.patch(ME, {"bio": "t"}, content_type="application/json").status_code == 429
    other = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.1")
    other.force_login(writer("bob")[0])
    assert other.patch(ME, {"bio": "b"}, content_type="application/json").status_code == 200
    assert bio_of(ana) == "s"


def test_429_is_declared_on_writes_only():
    document = Client().get("/api/v2/openapi.json").json()
    operations = document["paths"]["/api/v2/accounts/me"]
    assert "429" in operations["patch"]["responses"]
    assert "429" not in operations["get"]["responses"]


@pytest.mark.parametrize("rate", ["", "many/h", "10/fortnight", "0/h"])
def test_a_malformed_rate_fails_the_system_checks(settings, rate):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.API_WRITE_RATE_PER_IP = rate
    with pytest.raises(SystemCheckError, match="API_WRITE_RATE_PER_IP"):
        call_command("check")
