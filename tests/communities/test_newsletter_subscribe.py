"""Subscribing: the form, double opt-in, the same answer for every address, rate limits, bad
input, and the signed-in reader's own subscription."""

import re

import pytest
from django.core import mail
from django.test import Client, override_settings

from communities.models import Frequency, NewsletterSubscription

from .newsletter_support import subscribe

pytestmark = pytest.mark.django_db

URL = "/en/newsletter/"


def _post(client, **fields):
    data = {"email": "reader@example.org", "language": "km", "frequency": "monthly"}
    data.update(fields)
    return client.post(URL, data)


def _confirm_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/newsletter/confirm/\S+/)", message.body).group(1)


def test_form_defaults_to_the_page_language(client):
    response = client.get("/fr/newsletter/")
    assert response.status_code == 200
    assert b'<option value="fr" selected>' in response.content
    assert b'value="cambodia"' in response.content


def test_form_speaks_the_page_language(client):
    from django.utils import translation

    for language in ("ar", "km"):
        response = client.get(f"/{language}/newsletter/")
        with translation.override(language):
            heading = translation.gettext("Subscribe to the newsletter")
        assert heading != "Subscribe to the newsletter"
        assert heading in response.content.decode()
        assert (f'lang="{language}" dir="rtl"' in response.content.decode()) == (language == "ar")


def test_subscribe_then_confirm(client):
    response = _post(client, countries=["cambodia", "vietnam"])
    assert response.status_code == 200
    assert NewsletterSubscription.objects.count() == 0  # nothing stored before confirmation
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reader@example.org"]
    link = _confirm_link(message)

    page = client.get(link)
    assert page.status_code == 200
    assert NewsletterSubscription.objects.count() == 0  # GET shows a button only
    assert b"reader@example.org" in page.content

    done = client.post(link)
    assert done.status_code == 200
    subscription = NewsletterSubscription.objects.get()
    assert subscription.email == "reader@example.org"
    assert subscription.language == "km"
    assert subscription.frequency == Frequency.MONTHLY
    assert sorted(c.slug for c in subscription.countries.all()) == ["cambodia", "vietnam"]
    assert {c.locale.language_code for c in subscription.countries.all()} == {"en"}

    client.post(link)  # the same link again: still one subscription
    assert NewsletterSubscription.objects.count() == 1


def test_confirmation_mail_is_in_the_chosen_language(client):
    _post(client, language="ar")
    from django.utils import translation

    with translation.override("ar"):
        subject = translation.gettext("Confirm your Better Work newsletter subscription")
    assert mail.outbox[0].subject == subject != "Confirm your Better Work newsletter subscription"


def test_existing_address_gets_the_same_answer_and_its_choices_change_only_on_confirmation(
    client,
):
    subscribe("known@example.org", language="en", countries=["cambodia"])
    unknown = _post(client, email="new@example.org")
    known = _post(client, email="Known@Example.org", language="vi", countries=["vietnam"])
    assert unknown.status_code == known.status_code == 200
    assert unknown.templates[0].name == known.templates[0].name
    assert len(mail.outbox) == 2
    subscription = NewsletterSubscription.objects.get(email="known@example.org")
    assert subscription.language == "en"  # unchanged until the link is opened
    client.post(_confirm_link(mail.outbox[1]))
    subscription.refresh_from_db()
    assert subscription.language == "vi"
    assert [c.slug for c in subscription.countries.all()] == ["vietnam"]
    assert NewsletterSubscription.objects.count() == 1


@override_settings(NEWSLETTER_ADDRESS_RATE="2/d")
def test_one_address_is_not_flooded(client):
    answers = [_post(client, email="victim@example.org").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 200]  # the answer never changes
    assert len(mail.outbox) == 2


@override_settings(NEWSLETTER_SUBSCRIBE_RATE="3/h")
def test_one_network_is_rate_limited(client):
    answers = [_post(client, email=f"r{i}@example.org").status_code for i in range(4)]
    assert answers == [200, 200, 200, 429]
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    "fields",
    [
        {"email": "a" * 250 + "@example.org"},
        {"email": "not an address"},
        {"language": "xx"},
        {"frequency": "hourly"},
        {"countries": ["atlantis"]},
        {"countries": ["x" * 5000]},
    ],
)
def test_bad_input_is_a_400_with_a_message(client, fields):
    response = _post(client, **fields)
    assert response.status_code == 400
    assert b'class="errorlist' in response.content
    assert mail.outbox == []


@pytest.mark.parametrize(
    "fields",
    [
        {"email": "read\x00er@example.org"},
        {"language": "e\x00n"},
        {"countries": ["cambodia\x00"]},
    ],
)
def test_nul_bytes_are_a_400(client, fields):
    """The portal's middleware refuses NUL anywhere in a request, before the form."""
    response = _post(client, **fields)
    assert response.status_code == 400
    assert b"Bad request" in response.content
    assert mail.outbox == []


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "a%00b",
        "x" * 3000,
        "eyJlIjoiYUBiLmMifQ:1abc:forged",
    ],
)
def test_bad_confirmation_tokens(client, token):
    for method in (client.get, client.post):
        response = method(f"/en/newsletter/confirm/{token}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode() or "%00" in token
    assert NewsletterSubscription.objects.count() == 0


def test_expired_confirmation_link(client):
    _post(client)
    link = _confirm_link(mail.outbox[0]).replace("/km/", "/en/", 1)
    with override_settings(NEWSLETTER_CONFIRM_MAX_AGE=-1):
        response = client.post(link)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert NewsletterSubscription.objects.count() == 0


def test_confirmation_needs_csrf_from_a_browser():
    client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    client.post(URL, {"email": "x@example.org", "language": "en", "frequency": "weekly"})
    assert mail.outbox == []  # the form itself is CSRF-protected


def test_signed_in_reader_confirms_and_manages_their_subscription(client, make_user):
    user = make_user("reader", email="Reader@example.org")
    client.force_login(user)
    form = client.get(URL)
    assert b'value="Reader@example.org"' in form.content
    _post(client, email="reader@example.org", language="en")
    client.post(_confirm_link(mail.outbox[0]))
    subscription = NewsletterSubscription.objects.get()
    assert subscription.user == user

    assert client.get(URL).url == "/en/newsletter/mine/"  # no second subscription form
    page = client.get("/en/newsletter/mine/")
    assert page.status_code == 200
    assert b"reader@example.org" in page.content
    saved = client.post(
        "/en/newsletter/mine/",
        {"language": "bn", "frequency": "monthly", "countries": ["bangladesh"]},
    )
    assert saved.status_code == 302
    subscription.refresh_from_db()
    assert (subscription.language, subscription.frequency) == ("bn", "monthly")
    assert [c.slug for c in subscription.countries.all()] == ["bangladesh"]

    bad = client.post("/en/newsletter/mine/", {"language": "bn", "frequency": "\x00"})
    assert bad.status_code == 400


def test_account_page_shows_only_ones_own_subscription(client, make_user):
    owner = make_user("owner")
    other = make_user("other")
    subscription = subscribe("owner@example.org")
    subscription.user = owner
    subscription.save()
    client.force_login(other)
    page = client.get("/en/newsletter/mine/")
    assert page.status_code == 200
    assert b"owner@example.org" not in page.content
    client.post("/en/newsletter/mine/", {"language": "ar", "frequency": "monthly"})
    subscription.refresh_from_db()
    assert subscription.language == "en"


def test_account_page_needs_sign_in(client):
    response = client.get("/en/newsletter/mine/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_someone_else_signed_in_does_not_take_over_a_subscription(client, make_user):
    client.force_login(make_user("mallory", email="mallory@example.org"))
    _post(client, email="alice@example.org")
    client.post(_confirm_link(mail.outbox[0]))
    assert NewsletterSubscription.objects.get().user is None


def test_get_changes_nothing(client):
    _post(client)
    link = _confirm_link(mail.outbox[0])
    subscription = subscribe("kept@example.org")
    from communities.newsletter.tokens import unsubscribe_token

    for url in (URL, link, f"/en/newsletter/unsubscribe/{unsubscribe_token(subscription)}/"):
        assert client.get(url).status_code == 200
    assert list(NewsletterSubscription.objects.values_list("email", flat=True)) == [
        "kept@example.org"
    ]
