"""One-click unsubscribe (RFC 8058): the POST works without a session or CSRF token, a GET only
asks, and a bad token is a clear 400."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from communities.models import NewsletterSubscription
from communities.newsletter.tokens import unsubscribe_token

from .newsletter_support import events_source, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_events():
    with events_source() as source:
        yield source


@pytest.fixture
def browser():
    """A client that checks CSRF tokens, as a real browser session is checked."""
    return Client(enforce_csrf_checks=True, HTTP_HOST="localhost")


def _url(subscription):
    return f"/en/newsletter/unsubscribe/{unsubscribe_token(subscription)}/"


def test_digest_carries_one_click_headers_and_a_link(fake_events):
    subscription = subscribe("reader@example.org", countries=["cambodia"])
    call_command("send_newsletter", stdout=io.StringIO())
    message = mail.outbox[0]
    url = "http://127.0.0.1:8000" + _url(subscription)
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    html = message.alternatives[0][0]
    assert f'href="{url}"' in html
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def test_one_click_post_without_csrf_or_session(browser):
    subscription = subscribe("reader@example.org")
    # What a mail client sends (RFC 8058): a POST with this body, no cookie.
    response = browser.post(
        _url(subscription),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not NewsletterSubscription.objects.exists()
    again = browser.post(_url(subscription), {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200  # already done: said so, nothing to undo


def test_get_asks_and_changes_nothing(browser):
    subscription = subscribe("reader@example.org")
    response = browser.get(_url(subscription))
    assert response.status_code == 200
    assert b"reader@example.org" in response.content
    assert b'<form method="post">' in response.content
    assert b'<meta name="robots" content="noindex">' in response.content
    assert b'rel="alternate"' not in response.content  # no alternates for search engines
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert NewsletterSubscription.objects.filter(pk=subscription.pk).exists()


def test_a_token_ends_only_its_own_subscription(browser):
    first = subscribe("first@example.org")
    second = subscribe("second@example.org")
    browser.post(_url(first))
    assert list(NewsletterSubscription.objects.all()) == [second]


def test_an_old_token_does_not_end_a_new_subscription(browser):
    old = subscribe("reader@example.org")
    old_url = _url(old)
    browser.post(old_url)
    subscribe("reader@example.org")  # subscribed again later
    assert browser.post(old_url).status_code == 200
    assert NewsletterSubscription.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    ["nonsense", "1.abc:forged", "a%00b", "x" * 3000, "1%00.key:sig"],
)
def test_bad_tokens_are_a_400(browser, token):
    subscription = subscribe("reader@example.org")
    for method in (browser.get, browser.post):
        response = method(f"/en/newsletter/unsubscribe/{token}/")
        assert response.status_code == 400
        # NUL is refused by the portal's middleware, with its own "Bad request" page.
        assert "not valid" in response.content.decode() or "%00" in token
    assert NewsletterSubscription.objects.filter(pk=subscription.pk).exists()


def test_a_token_for_a_guessed_id_is_refused(browser):
    from django.core import signing

    subscription = subscribe("reader@example.org")
    guessed = f"{subscription.pk}.wrong-key"
    forged = signing.Signer(salt="another.salt").sign(guessed)
    assert browser.post(f"/en/newsletter/unsubscribe/{forged}/").status_code == 400
    assert NewsletterSubscription.objects.exists()


def test_the_key_is_part_of_the_token(browser):
    """Even a correctly signed token needs the subscription's random key."""
    from django.core import signing

    from communities.newsletter.tokens import UNSUBSCRIBE_SALT

    subscription = subscribe("reader@example.org")
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{subscription.pk}.guessed")
    browser.post(f"/en/newsletter/unsubscribe/{token}/")
    assert NewsletterSubscription.objects.filter(pk=subscription.pk).exists()
