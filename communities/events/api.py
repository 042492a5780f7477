"""Events API, mounted at /api/v2/events/ by portal.api: the public events (live, without a view
restriction) of one language, filtered by country, language of delivery and whether they are
still to come, and one event with its seats and materials; signed in (token or session), register
for an event and cancel, under the same rules as the site (``events.registration``)."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.models import Locale

from portal.api_auth import signed_in
from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
from portal.api_params import LANG_DESCRIPTION, reader_language
from portal.api_stream import rich_text_html
from portal.api_taxonomy import TermOut
from portal.models import Audience, Country

from ..models import EventPage
from ..views.events import for_country
from . import registration as events_registration

router = Router(tags=["events"])


class EventListParams(PageParams):
    lang: str = Field("en", description=LANG_DESCRIPTION)
    country: str | None = Field(
        None, description="A country's slug: its events and the global ones.", max_length=120
    )
    delivery_language: str | None = Field(
        None, description="Only events delivered in this language (`en`, `km`…)."
    )
    upcoming: bool = Field(True, description="Only events that have not ended (default).")


class EventOut(Schema):
    id: int
    title: str
    summary: str
    kind: str
    start: datetime.datetime = Field(description="In the event's own time zone (ISO 8601).")
    end: datetime.datetime
    time_zone: str
    place: str
    online_url: str
    delivery_language: str
    countries: list[TermOut]
    language: str
    url: str
    ics_url: str


class MaterialLinkOut(Schema):
    id: int
    title: str
    url: str


class EventDetailOut(EventOut):
    body: str = Field(description="HTML.")
    audiences: list[TermOut]
    capacity: int | None
    seats_left: int | None
    registration_open: bool
    materials: list[MaterialLinkOut]


def _locale(lang):
    code = reader_language(lang)
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()


def _events(locale):
    return (
        EventPage.objects.live()
        .public()
        .filter(locale=locale)
        .prefetch_related("countries")
        .order_by("start", "pk")
    )


def _terms(terms, names=None):
    """Terms as {slug, name}, the name in the event's language where ``names`` has it."""
    names = names or {}
    return [{"slug": t.slug, "name": names.get(t.slug, t.name)} for t in terms]


def _names(model, locale_id):
    return dict(model.objects.filter(locale_id=locale_id).values_list("slug", "name"))


def _out(request, event, country_names=None):
    url = request.build_absolute_uri(event.get_url(request))
    return {
        "id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "kind": event.kind,
        "start": event.start.astimezone(event.zone),
        "end": event.end.astimezone(event.zone),
        "time_zone": event.time_zone,
        "place": event.place,
        "online_url": event.online_url,
        "delivery_language": event.delivery_language,
        "countries": _terms(event.countries.all(), country_names),
        "language": event.locale.language_code,
        "url": url,
        "ics_url": url + event.reverse_subpage("ics").lstrip("/"),
    }


@router.get("/", response=Paged[EventOut], summary="Public events in one language (paged)")
def list_events(request, params: Query[EventListParams]):
    locale = _locale(params.lang)
    events = _events(locale).select_related("locale")
    if params.country:
        if not Country.objects.filter(slug=params.country).exists():
            raise ApiError(400, _("Unknown country."), "unknown_country")
        events = for_country(events, params.country)
    if params.delivery_language:
        events = events.filter(delivery_language=reader_language(params.delivery_language))
    if params.upcoming:
        events = events.filter(end__gt=timezone.now())
    names = _names(Country, locale.pk)
    return page_of(request, events, params, lambda page: [_out(request, e, names) for e in page])


def _public_event(event_id):
    event = (
        EventPage.objects.live()
        .public()
        .select_related("locale")
        .prefetch_related("countries", "audiences")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        raise Http404
    return event


class RegistrationOut(Schema):
    status: str = Field(description="`confirmed` (a seat), `waiting` or `cancelled`.")


@router.get("/{int:event_id}/", response=EventDetailOut, summary="One public event")
def get_event(request, event_id: int):
    event = _public_event(event_id)
    seats = events_registration.seats(event)
    return {
        **_out(request, event, _names(Country, event.locale_id)),
        "body": rich_text_html(event.body),
        "audiences": _terms(event.audiences.all(), _names(Audience, event.locale_id)),
        "capacity": event.capacity,
        "seats_left": seats.left,
        "registration_open": event.registration_open and not event.has_started,
        "materials": [
            {"id": p.pk, "title": p.title, "url": request.build_absolute_uri(p.get_url(request))}
            for p in event.material_pages()
        ],
    }


@router.post(
    "/{int:event_id}/registration/",
    response={200: RegistrationOut, 404: ErrorOut, 409: ErrorOut},
    auth=signed_in,
    summary="Register for an event: a seat, or the waiting list when it is full",
    description="Registering again changes nothing. 409 `registration_closed` for an event "
    "that has started or whose registration is closed.",
)
def register(request, event_id: int):
    event = _public_event(event_id)
    try:
        registration = events_registration.register(request.auth, event, get_language())
    except events_registration.RegistrationRefused as exc:
        raise ApiError(409, str(exc), "registration_closed") from exc
    return {"status": registration.status}


@router.delete(
    "/{int:event_id}/registration/",
    response={200: RegistrationOut, 404: ErrorOut, 409: ErrorOut},
    auth=signed_in,
    summary="Cancel your registration; a freed seat goes to the first person waiting",
    description="409 `not_registered` when you have no registration to cancel.",
)
def cancel(request, event_id: int):
    event = _public_event(event_id)
    if not events_registration.cancel(request.auth, event):
        raise ApiError(
            409, _("You have no registration for this event to cancel."), "not_registered"
        )
    return {"status": "cancelled"}
