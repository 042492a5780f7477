"""Fixtures of the events tests: the event index under the English home page (translated into
Arabic and Khmer) and events built through the page models, published like an editor would."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from communities.models import EventIndexPage, EventPage
from portal.models import Country, HomePage
from tests.factories import translate

_counter = itertools.count()


def home():
    return HomePage.objects.get(locale=Locale.get_default())


def country(slug):
    return Country.objects.get(slug=slug, locale=Locale.get_default())


@pytest.fixture
def event_index():
    index = EventIndexPage(title="Events", slug="events")
    home().add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def translated(django_capture_on_commit_callbacks):
    """``translated(page, *codes)`` translates a published page (and its index) into ``codes``
    and returns {code: the translation}; wagtail-localize publishes them on commit."""

    def translate_into(page, *codes):
        locales = list(Locale.objects.filter(language_code__in=codes))
        parent = page.get_parent().specific
        with django_capture_on_commit_callbacks(execute=True):
            if not isinstance(parent, HomePage):
                translate(parent, locales)
        Page.fix_tree(fix_paths=False)
        with django_capture_on_commit_callbacks(execute=True):
            translate(Page.objects.get(pk=page.pk).specific, locales)
        return {
            t.locale.language_code: t.specific
            for t in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        }

    return translate_into


@pytest.fixture
def make_event(event_index):
    def make(
        title="Training of trainers on OSH",
        *,
        starts_in=timedelta(days=10),
        hours=3,
        countries=(),
        publish=True,
        **fields,
    ):
        start = timezone.now() + starts_in
        fields.setdefault("place", "Phnom Penh, Better Work Cambodia office")
        fields.setdefault("kind", "training-of-trainers")
        fields.setdefault("time_zone", "Asia/Phnom_Penh")
        page = EventPage(
            title=title,
            slug=f"event-{next(_counter)}",
            summary=f"About {title}.",
            start=start,
            end=start + timedelta(hours=hours),
            live=publish,
            **fields,
        )
        event_index.add_child(instance=page)
        if countries:
            page.countries.set([country(slug) for slug in countries])
        revision = page.save_revision()
        if publish:
            revision.publish()
        return EventPage.objects.get(pk=page.pk)

    return make


def url(page, route=""):
    return page.get_url() + route
