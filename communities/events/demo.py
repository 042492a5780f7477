"""The events part of ``seed_demo`` (called by ``communities.demo``): the event index and four
events (a training of trainers in Phnom Penh, a webinar on wages in Jordan, a workshop in Dhaka
and a past seminar in Hanoi that keeps its materials), translated into every language of the
site. Idempotent: pages are looked up by slug; translations are made only where missing."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale, Page

from portal.demo.localize import translate
from portal.models import Audience, Country

from ..models import EventIndexPage, EventMaterial, EventPage
from ..models.events import MATERIAL_PAGE_TYPES
from .demo_text import EVENTS, INDEX, MEMORY


def _translate(page):
    return translate(Page.objects.get(pk=page.pk).specific, memory=MEMORY)


def _material_resources(count):
    """Live resources of the library, by page type name (communities does not import
    knowledge)."""
    models = [name.split(".")[1].lower() for name in MATERIAL_PAGE_TYPES]
    return list(
        Page.objects.live()
        .public()
        .filter(
            locale=Locale.get_default(),
            content_type__app_label="knowledge",
            content_type__model__in=models,
        )
        .order_by("path")[:count]
    )


def _start(spec):
    import zoneinfo

    day = timezone.localdate() + timedelta(days=spec["starts_in_days"])
    zone = zoneinfo.ZoneInfo(spec["time_zone"])
    return datetime.combine(day, time(spec["hour"]), tzinfo=zone)


def _create(index, spec):
    default = Locale.get_default()
    start = _start(spec)
    event = EventPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        summary=spec["summary"],
        body=f"<p>{spec['body']}</p>",
        start=start,
        end=start + timedelta(hours=spec["hours"]),
        time_zone=spec["time_zone"],
        place=spec["place"],
        online_url=spec["online_url"],
        delivery_language=spec["delivery_language"],
        capacity=spec["capacity"],
        registration_open=spec.get("registration_open", True),
    )
    index.add_child(instance=event)
    event.countries.set(Country.objects.filter(slug__in=spec["countries"], locale=default))
    event.audiences.set(Audience.objects.filter(slug__in=spec["audiences"], locale=default))
    for order, resource in enumerate(_material_resources(spec.get("materials", 0))):
        event.event_materials.add(EventMaterial(resource=resource, sort_order=order))
    event.save_revision().publish()
    return event


def seed_events(home):
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(title=INDEX["title"], slug="events", intro=INDEX["intro"])
        home.add_child(instance=index)
        index.save_revision().publish()
    made = _translate(index)
    Page.fix_tree(fix_paths=False)
    created = 0
    for spec in EVENTS:
        event = EventPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if event is None:
            event = _create(index, spec)
            created += 1
        made += _translate(event)
    return created, made
