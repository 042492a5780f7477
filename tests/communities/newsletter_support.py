"""Shared pieces of the newsletter tests: a resource library, resources with a chosen first
publication date, subscriptions, and a fake digest source (as the events app will register)."""

from contextlib import contextmanager
from datetime import timedelta
from smtplib import SMTPRecipientsRefused

from django.core.mail.backends import locmem
from django.utils import timezone
from wagtail.models import Locale, Page

from communities.models import Frequency, NewsletterSubscription
from communities.newsletter.forms import default_locale_countries
from knowledge.models import GoodPracticeGuidePage, ResourceLibraryPage
from portal.digest import DigestItem, register_digest_source, unregister_digest_source
from portal.models import HomePage
from tests.knowledge.conftest import make_resource


def make_library():
    home = HomePage.objects.get(locale=Locale.get_default())
    page = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_guide(library, title, countries=(), days_ago=0):
    """A guide first published ``days_ago`` days ago (the index reads that date)."""
    page = make_resource(library, GoodPracticeGuidePage, title, countries=countries)
    when = timezone.now() - timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=when)
    page = GoodPracticeGuidePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    return page


def subscribe(email, language="en", countries=(), frequency=Frequency.WEEKLY, days_ago=30):
    subscription = NewsletterSubscription.objects.create(
        email=email,
        language=language,
        frequency=frequency,
        confirmed_at=timezone.now() - timedelta(days=days_ago),
    )
    subscription.countries.set(default_locale_countries(countries))
    return subscription


class FakeEvents:
    """A digest source answering for any language; records how it was called."""

    def __init__(self, items):
        self.items = items
        self.calls = []

    def __call__(self, language, countries, since, until):
        self.calls.append((language, countries))
        return [
            item
            for item in self.items
            if since < item.published_at <= until and item.concerns(countries)
        ]


@contextmanager
def events_source():
    """Register a fake "events" source for the duration of the block."""
    now = timezone.now()
    source = FakeEvents(
        [
            DigestItem(
                title="Dialogue on wages in Phnom Penh",
                url="/en/events/wages-dialogue/",
                summary="Unions and employers discuss the minimum wage.",
                kind="Event",
                published_at=now - timedelta(days=1),
                countries=("cambodia",),
            ),
            DigestItem(
                title="Global webinar on heat stress",
                url="https://example.org/heat-webinar",
                kind="Event",
                published_at=now - timedelta(days=2),
            ),
        ]
    )
    register_digest_source("events", source, label="Events")
    try:
        yield source
    finally:
        unregister_digest_source("events")


class RefusingBackend(locmem.EmailBackend):
    """The test mail backend, except that the mail server refuses ``refused@example.org``."""

    def send_messages(self, messages):
        if any("refused@example.org" in message.to for message in messages):
            raise SMTPRecipientsRefused({"refused@example.org": (550, b"No such user")})
        return super().send_messages(messages)
