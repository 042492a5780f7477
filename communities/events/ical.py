"""Events as iCalendar (RFC 5545), built with the ``icalendar`` library: it escapes text,
folds long lines and writes the VTIMEZONE of each time zone used, so calendars show an event at
the hour it has where it takes place.

Each event has one UID in every language (its translation key), so a calendar subscribed to the
English feed and given the Khmer file knows they are the same event."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Better Work//Knowledge portal events//EN"


def _uid(event):
    host = settings.SITE_BASE_URL.split("://")[-1].split("/")[0].split(":")[0] or "betterwork"
    return f"event-{event.translation_key}@{host}"


def _description(event, url):
    parts = [event.summary]
    if event.online_url:
        parts.append(event.online_url)
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def vevent(event, url, stamp=None):
    item = Event()
    item.add("uid", _uid(event))
    item.add("dtstamp", stamp or timezone.now())
    item.add("dtstart", event.start.astimezone(event.zone))
    item.add("dtend", event.end.astimezone(event.zone))
    item.add("summary", event.title)
    item.add("description", _description(event, url))
    if event.place:
        item.add("location", event.place)
    elif event.online_url:
        item.add("location", event.online_url)
    item.add("url", url)
    item.add("categories", [event.get_kind_display()])
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def calendar(events_with_urls, name):
    """The bytes of a calendar holding ``events_with_urls`` ((event, absolute URL) pairs)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    for event, url in events_with_urls:
        cal.add_component(vevent(event, url, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()
