"""What a digest holds (language, countries, restricted content, since the last digest), that a
run never sends the same digest twice, the query budget, and the languages of the e-mail."""

import functools
import io
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageViewRestriction

from communities.models import Frequency, NewsletterDigest, NewsletterSubscription
from communities.newsletter import sending
from portal.digest import digest_sources
from tests.factories import translate

from .newsletter_support import events_source, make_library, publish_guide, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish():
    return functools.partial(publish_guide, make_library())


@pytest.fixture
def fake_events():
    with events_source() as source:
        yield source


def _send():
    out = io.StringIO()
    call_command("send_newsletter", stdout=out)
    return out.getvalue()


def _mail_to(address):
    found = [m for m in mail.outbox if m.to == [address]]
    assert len(found) == 1, [m.to for m in mail.outbox]
    return found[0]


def test_knowledge_registers_its_resources():
    assert "resources" in [source.name for source in digest_sources()]


def test_digest_holds_new_public_resources_of_the_readers_countries(publish):
    subscribe("kh@example.org", countries=["cambodia"], days_ago=10)
    subscribe("all@example.org", days_ago=10)
    publish("Fire safety in Cambodian factories", countries=["cambodia"], days_ago=2)
    publish("Wage rules in Vietnam", countries=["vietnam"], days_ago=2)
    publish("Global guide to grievance handling", days_ago=3)
    publish("Old guide from last year", countries=["cambodia"], days_ago=300)
    hidden = publish("Internal note for staff", countries=["cambodia"], days_ago=1)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    assert "Sent 2 newsletter e-mail(s)." in _send()
    kh = _mail_to("kh@example.org")
    assert "Fire safety in Cambodian factories" in kh.body
    assert "Global guide to grievance handling" in kh.body
    assert "Wage rules in Vietnam" not in kh.body
    assert "Old guide from last year" not in kh.body
    assert "Internal note for staff" not in kh.body
    assert "http://127.0.0.1:8000/en/resources/" in kh.body  # absolute links
    everything = _mail_to("all@example.org")
    assert "Wage rules in Vietnam" in everything.body
    assert "Internal note for staff" not in everything.alternatives[0][0]
    assert kh.alternatives[0][1] == "text/html"
    assert "Fire safety in Cambodian factories" in kh.alternatives[0][0]


def test_only_what_was_published_since_the_last_digest(publish):
    subscription = subscribe("reader@example.org", days_ago=40)
    NewsletterSubscription.objects.filter(pk=subscription.pk).update(
        last_digest_at=timezone.now() - timedelta(days=5)
    )
    publish("In the previous digest", days_ago=8)
    publish("New since then", days_ago=2)
    _send()
    body = _mail_to("reader@example.org").body
    assert "New since then" in body
    assert "In the previous digest" not in body


def test_next_period_starts_where_the_last_digest_ended(publish):
    subscribe("reader@example.org", days_ago=40)
    publish("First news", days_ago=2)
    now = timezone.now()
    assert sending.send_due(now=now) == 1
    publish("Second news")
    mail.outbox.clear()
    assert sending.send_due(now=now + timedelta(days=8)) == 1
    body = mail.outbox[0].body
    assert "Second news" in body and "First news" not in body


def test_a_second_run_sends_nothing(publish):
    subscribe("reader@example.org", countries=["cambodia"], days_ago=10)
    subscribe("monthly@example.org", frequency=Frequency.MONTHLY, days_ago=10)
    publish("Fire safety", countries=["cambodia"], days_ago=1)
    assert "Sent 2" in _send()
    assert "Sent 0" in _send()
    assert len(mail.outbox) == 2
    digests = NewsletterDigest.objects.order_by("subscription__email")
    assert [d.period for d in digests] == [
        sending.period(Frequency.MONTHLY, timezone.now()),
        sending.period(Frequency.WEEKLY, timezone.now()),
    ]
    assert all(d.sent_at and len(d.urls) == 1 for d in digests)


@override_settings(EMAIL_BACKEND="tests.communities.newsletter_support.RefusingBackend")
def test_a_refused_address_does_not_stop_the_run_and_is_tried_again(publish):
    refused = subscribe("refused@example.org", days_ago=10)
    subscribe("fine@example.org", days_ago=10)
    publish("Fire safety", days_ago=1)
    assert "Sent 1" in _send()
    assert [m.to for m in mail.outbox] == [["fine@example.org"]]
    refused.refresh_from_db()
    assert refused.last_digest_at is None
    assert not NewsletterDigest.objects.filter(subscription=refused).exists()
    NewsletterSubscription.objects.filter(pk=refused.pk).update(email="repaired@example.org")
    assert "Sent 1" in _send()  # the next run tries again; the other reader is done
    assert [m.to for m in mail.outbox] == [["fine@example.org"], ["repaired@example.org"]]


def test_empty_digests_are_not_sent(publish):
    subscribe("kh@example.org", countries=["cambodia"], days_ago=10)
    publish("Only for Vietnam", countries=["vietnam"], days_ago=1)
    assert "Sent 0" in _send()
    assert mail.outbox == []
    digest = NewsletterDigest.objects.get()
    assert digest.sent_at is None and digest.urls == []


def test_nothing_before_confirmation_date(publish):
    subscribe("new@example.org", days_ago=1)
    publish("Published before they subscribed", days_ago=3)
    assert "Sent 0" in _send()


def test_reader_gets_their_language_version(publish, django_capture_on_commit_callbacks):
    subscribe("en@example.org", days_ago=10)
    subscribe("km@example.org", language="km", days_ago=10)
    page = publish("Guide to safe workplaces", days_ago=1)
    km = Locale.objects.get(language_code="km")
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=page.get_parent().pk).specific, [km])
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=page.pk).specific, [km])
    _send()
    assert "/en/resources/" in _mail_to("en@example.org").body
    khmer = _mail_to("km@example.org").body
    assert "/km/resources/" in khmer and "/en/resources/" not in khmer


def test_other_sources_are_read_too(fake_events):
    subscribe("kh@example.org", countries=["cambodia"], days_ago=10)
    subscribe("vn@example.org", countries=["vietnam"], days_ago=10)
    _send()
    kh = _mail_to("kh@example.org")
    assert "Dialogue on wages in Phnom Penh" in kh.body
    assert "Global webinar on heat stress" in kh.body
    assert "http://127.0.0.1:8000/en/events/wages-dialogue/" in kh.body
    assert "https://example.org/heat-webinar" in kh.body
    vn = _mail_to("vn@example.org")
    assert "Global webinar on heat stress" in vn.body
    assert "Phnom Penh" not in vn.body


@pytest.mark.parametrize("language", ["en", "ar", "km"])
def test_the_email_speaks_the_readers_language(fake_events, language):
    subscribe("reader@example.org", language=language, days_ago=10)
    _send()
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    with translation.override(language):
        subject = translation.gettext("New on the Better Work knowledge portal")
        unsubscribe = translation.gettext("Unsubscribe")
    assert message.subject == subject
    assert unsubscribe in html
    assert f'lang="{language}"' in html
    if language == "en":
        assert 'dir="ltr"' in html
    else:
        assert subject != "New on the Better Work knowledge portal"
        assert ('dir="rtl"' in html) == (language == "ar")
    assert fake_events.calls[0][0] == language
    if language == "km":  # dates in the reader's digits
        assert any("\u17e0" <= character <= "\u17e9" for character in html)


def test_query_budget_does_not_grow_with_readers(fake_events, django_assert_max_num_queries):
    for i in range(60):
        subscribe(
            f"reader{i}@example.org",
            language=["en", "ar", "km"][i % 3],
            countries=[["cambodia"], ["vietnam"], []][i % 3],
            frequency=[Frequency.WEEKLY, Frequency.MONTHLY][i % 2],
            days_ago=10,
        )
    with django_assert_max_num_queries(25):
        _send()
    assert len(mail.outbox) == 60


def test_readers_beyond_one_batch_are_all_served(fake_events, monkeypatch):
    monkeypatch.setattr(sending, "BATCH", 4)
    for i in range(10):
        subscribe(f"reader{i}@example.org", days_ago=10)
    assert "Sent 10" in _send()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"reader{i}@example.org" for i in range(10)
    )


def test_a_reader_who_left_while_the_batch_was_read_does_not_stop_the_claim():
    """The foreign key is checked at once here (as at the end of a run's own transaction)."""
    from django.db import connection

    leaving = subscribe("leaving@example.org", days_ago=10)
    staying = subscribe("staying@example.org", days_ago=10)
    batch = list(NewsletterSubscription.objects.order_by("pk"))
    leaving.delete()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    claimed = sending._claim(batch, "2026-W49", uuid.uuid4(), timezone.now())
    assert list(claimed) == [staying.pk]
