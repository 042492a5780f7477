"""The confirmation link carries only a random token: no address (not even encoded), only the
token's hash in the database, one pending request per address, used once, expiring, purged by
the daily send run."""

import base64
import contextlib
import hashlib
import io
import re
import zlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail, signing
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from communities.models import NewsletterSubscription
from communities.newsletter.tokens import unsubscribe_token

pytestmark = pytest.mark.django_db

URL = "/en/newsletter/"
ADDRESS = "reader.private@example.org"


def _pending():
    """The pending request model (looked up by name: the suite must run, and fail, without it)."""
    return apps.get_model("communities", "NewsletterPending")


def _post(client, **fields):
    data = {"email": ADDRESS, "language": "en", "frequency": "monthly"}
    data.update(fields)
    return client.post(URL, data)


def _link(message):
    return re.search(r"https?://[^/\s]+(/\S+/newsletter/confirm/\S+/)", message.body).group(1)


def _token(link):
    return link.rstrip("/").rsplit("/", 1)[1]


def _age(days):
    _pending().objects.update(created_at=timezone.now() - timedelta(days=days))


def _decodings(token):
    """Everything the token's pieces decode to: base64 (either alphabet, any padding), and
    zlib-inflated where that works."""
    found = [token.encode()]
    for piece in re.split(r"[^A-Za-z0-9+/_=-]+", token):
        for start in range(4):  # every alignment of an embedded base64 run
            chunk = piece[start:].rstrip("=")
            chunk += "=" * (-len(chunk) % 4)
            for decode in (base64.urlsafe_b64decode, base64.b64decode):
                try:
                    raw = decode(chunk)
                except ValueError:
                    continue
                found.append(raw)
                with contextlib.suppress(zlib.error):
                    found.append(zlib.decompress(raw))
    return found


def _all_stored_values():
    """Every value of every row of the communities app's tables, as text."""
    values = []
    for model in apps.get_app_config("communities").get_models():
        for row in model.objects.values():
            values.extend(str(value) for value in row.values())
    return values


def test_the_link_carries_no_address(client):
    _post(client, countries=["cambodia"])
    link = _link(mail.outbox[0])
    address = ADDRESS.encode()
    assert address not in link.encode()
    for encoded in (base64.b64encode(address), base64.urlsafe_b64encode(address)):
        assert encoded.rstrip(b"=") not in link.encode()
    for decoded in _decodings(_token(link)):
        assert address not in decoded
        assert b"cambodia" not in decoded


def test_the_database_holds_only_the_tokens_hash(client):
    _post(client)
    token = _token(_link(mail.outbox[0]))
    digest = hashlib.sha256(token.encode()).hexdigest()
    stored = _all_stored_values()
    assert not any(token in value for value in stored)
    assert digest in stored
    assert _pending().objects.get().email == ADDRESS
    client.post(_link(mail.outbox[0]))
    assert NewsletterSubscription.objects.get().email == ADDRESS
    assert not any(token in value for value in _all_stored_values())


def test_the_stored_hash_is_not_a_working_link(client):
    """A copy of the database gives no working link."""
    _post(client)
    digest = _pending().objects.get().token_hash
    for method in (client.get, client.post):
        response = method(f"{URL}confirm/{digest}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert not NewsletterSubscription.objects.exists()


def test_get_shows_the_request_and_changes_nothing(client):
    _post(client)
    link = _link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert ADDRESS.encode() in page.content  # the page, not the link, names the address
    assert _pending().objects.count() == 1
    assert not NewsletterSubscription.objects.exists()


def test_a_link_works_once(client):
    _post(client, countries=["cambodia"])
    link = _link(mail.outbox[0])
    done = client.post(link)
    assert done.status_code == 200
    assert "You are subscribed" in done.content.decode()
    assert not _pending().objects.exists()  # the request went with its confirmation
    subscription = NewsletterSubscription.objects.get()
    assert subscription.email == ADDRESS

    for method in (client.post, client.get):  # opened again: said so, nothing redone
        again = method(link)
        assert again.status_code == 200
        assert "You are subscribed" in again.content.decode()
        assert ADDRESS.encode() not in again.content
    assert list(NewsletterSubscription.objects.all()) == [subscription]


def test_a_used_link_does_not_subscribe_again_after_unsubscribing(client):
    _post(client)
    link = _link(mail.outbox[0])
    client.post(link)
    subscription = NewsletterSubscription.objects.get()
    client.post(f"{URL}unsubscribe/{unsubscribe_token(subscription)}/")
    assert not NewsletterSubscription.objects.exists()
    again = client.post(link)
    assert again.status_code == 400
    assert "not valid" in again.content.decode()
    assert not NewsletterSubscription.objects.exists()


def test_an_expired_link_is_refused_and_kept_until_the_purge(client):
    _post(client)
    link = _link(mail.outbox[0])
    _age(days=4)  # older than the default three days
    for method in (client.get, client.post):
        response = method(link)
        assert response.status_code == 410
        assert "expired" in response.content.decode()
    assert not NewsletterSubscription.objects.exists()
    assert _pending().objects.count() == 1  # nothing changes on an expired link


@override_settings(NEWSLETTER_CONFIRM_MAX_AGE=60 * 60 * 24 * 7)
def test_the_max_age_is_a_setting(client):
    _post(client)
    _age(days=4)
    assert client.post(_link(mail.outbox[0])).status_code == 200
    assert NewsletterSubscription.objects.count() == 1


@pytest.mark.parametrize(
    "make_token",
    [
        lambda: "A" * 43,  # the shape of a real token, never issued
        lambda: "x" * 3000,
        lambda: "short",
        lambda: "bad*chars" + "A" * 34,
        # A link of the old kind: signed and dated, carrying the address.
        lambda: signing.dumps(
            {"e": ADDRESS, "l": "en", "c": [], "f": "weekly"},
            salt="communities.newsletter.confirm",
            compress=True,
        ),
    ],
)
def test_forged_and_unknown_tokens_are_a_400(client, make_token):
    _post(client)
    token = make_token()
    for method in (client.get, client.post):
        response = method(f"{URL}confirm/{token}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert not NewsletterSubscription.objects.exists()
    assert _pending().objects.count() == 1


def test_subscribing_again_replaces_the_pending_request(client):
    first = _post(client, language="fr", countries=["cambodia"])
    second = _post(client, email=ADDRESS.upper(), language="vi", countries=["vietnam"])
    assert first.status_code == second.status_code == 200
    assert first.templates[0].name == second.templates[0].name
    assert len(mail.outbox) == 2
    assert _pending().objects.count() == 1  # one request per address, the latest
    old, new = (_link(message) for message in mail.outbox)

    refused = client.post(old)
    assert refused.status_code == 400
    assert not NewsletterSubscription.objects.exists()
    assert client.post(new).status_code == 200
    subscription = NewsletterSubscription.objects.get()
    assert subscription.language == "vi"
    assert [c.slug for c in subscription.countries.all()] == ["vietnam"]


@override_settings(NEWSLETTER_ADDRESS_RATE="1/d")
def test_a_rate_limited_request_keeps_the_earlier_link(client):
    _post(client)
    answer = _post(client, language="fr")
    assert answer.status_code == 200  # the same answer, but no e-mail and no new request
    assert len(mail.outbox) == 1
    assert client.post(_link(mail.outbox[0])).status_code == 200
    assert NewsletterSubscription.objects.get().language == "en"


def test_other_addresses_have_their_own_requests(client):
    _post(client)
    _post(client, email="someone.else@example.org")
    assert _pending().objects.count() == 2
    assert client.post(_link(mail.outbox[0])).status_code == 200
    assert list(_pending().objects.values_list("email", flat=True)) == ["someone.else@example.org"]


def test_the_daily_send_run_purges_expired_requests(client):
    _post(client, email="old@example.org")
    old_link = _link(mail.outbox[0])
    _age(days=4)
    _post(client, email="new@example.org")
    new_link = _link(mail.outbox[1])
    out = io.StringIO()
    call_command("send_newsletter", stdout=out)
    assert list(_pending().objects.values_list("email", flat=True)) == ["new@example.org"]
    assert "old@example.org" not in _all_stored_values()
    assert client.post(old_link).status_code == 400  # purged: unknown now
    assert client.post(new_link).status_code == 200
    assert NewsletterSubscription.objects.get().email == "new@example.org"


def test_admin_report_and_export_never_show_pending_addresses(client, make_user):
    from django.contrib.auth.models import Group

    _post(client)
    editor = make_user("editor-in-chief")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    report = client.get("/admin/newsletter/")
    assert report.status_code == 200
    assert "0 confirmed subscribers." in report.content.decode()
    export = client.get("/admin/newsletter/export/")
    for response in (report, export):
        assert ADDRESS not in response.content.decode()
    assert ADDRESS not in client.get("/admin/").content.decode()
