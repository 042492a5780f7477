"""What the event pages show and the routes they answer (``models/events.py`` calls these):
registering and cancelling (signed in, POST with CSRF), the registration list for staff (HTML
and CSV), and iCalendar files. A refusal is a 4xx with a message for the person, never a
traceback."""

import csv
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.components import Card
from portal.csv_safety import neutralise
from portal.formatting import format_date
from portal.models import Country
from portal.models.taxonomy import term_names, term_names_in

from ..events import ical as events_ical
from ..events import registration as events_registration
from ..models import EventRegistration, RegistrationStatus, member_name
from .guards import login_url

EVENTS_PAGE_SIZE = 10
FEED_PAST_DAYS = 180
VIEW_REGISTRATIONS = "communities.view_eventregistration"


def route_urls(page, request, *names, **kwargs):
    base = page.get_url(request) or ""
    urls = {name: base + page.reverse_subpage(name).lstrip("/") for name in names}
    for name, args in kwargs.items():
        urls[name] = base + page.reverse_subpage(name, args=args).lstrip("/")
    return urls


def _country_filter(request, locale_id):
    countries = list(Country.objects.filter(locale_id=locale_id).order_by("name"))
    country = request.GET.get("country", "")
    known = country in {c.slug for c in countries}
    return countries, (country if known else ""), bool(country) and not known


def for_country(events, slug):
    if not slug:
        return events
    return events.filter(Q(countries__slug=slug) | Q(countries__isnull=True)).distinct()


def index_context(index, request):
    countries, country, unknown = _country_filter(request, index.locale_id)
    past = request.GET.get("when") == "past"
    now = timezone.now()
    events = for_country(index.events(), country)
    events = (
        events.filter(end__lte=now).order_by("-start", "-pk")
        if past
        else events.filter(end__gt=now)
    )
    page_obj = Paginator(events, EVENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    names = {c.slug: c.name for c in countries}
    cards = []
    for event in page_obj:
        when = _when(event)
        cards.append(
            Card(
                title=event.title,
                url=event.get_url(request),
                summary=event.summary,
                kicker=str(event.get_kind_display()),
                when=f"{when['start']} ({when['zone']})",
                when_iso=event.start.isoformat(),
                meta=[", ".join(term_names(event.countries.all(), names)) or _("Global")],
                css="event-item",
            )
        )
    return {
        "cards": cards,
        "countries": countries,
        "selected_country": country,
        "unknown_country": unknown,
        "showing_past": past,
        "page_obj": page_obj,
        "route_urls": route_urls(
            index, request, "feed", **({"country_feed": (country,)} if country else {})
        ),
    }


def _when(event):
    """Start and end for people: in the event's time zone, in the reader's language."""
    with timezone.override(event.zone):
        same_day = timezone.localtime(event.start).date() == timezone.localtime(event.end).date()
        return {
            "start": format_date(event.start, "DATETIME_FORMAT"),
            "end": format_date(event.end, "TIME_FORMAT" if same_day else "DATETIME_FORMAT"),
            "zone": event.time_zone,
        }


def can_view_registrations(user):
    return user.is_authenticated and user.has_perm(VIEW_REGISTRATIONS)


def event_context(event, request):
    user = request.user
    countries, audiences = list(event.countries.all()), list(event.audiences.all())
    return {
        "country_names": term_names_in(countries, event.locale_id),
        "audience_names": term_names_in(audiences, event.locale_id),
        "when": _when(event),
        "seats": events_registration.seats(event),
        "registration": events_registration.registration_of(user, event),
        "materials": event.material_pages(),
        "login_url": f"{login_url()}?next={request.path}",
        "can_view_registrations": can_view_registrations(user),
        "route_urls": route_urls(event, request, "ics", "register", "cancel", "registrations"),
    }


def _refuse(request, event, message, status):
    return TemplateResponse(
        request,
        "communities/events/refused.html",
        {"page": event, "message": message},
        status=status,
    )


def _signed_in_post(request, event):
    """None when the request may go on, else the answer to give."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_url(request), login_url())
    return None


def register(request, event):
    refused = _signed_in_post(request, event)
    if refused:
        return refused
    try:
        registration = events_registration.register(request.user, event, get_language())
    except events_registration.RegistrationRefused as exc:
        return _refuse(request, event, str(exc), 409)
    if registration.status == RegistrationStatus.WAITING:
        messages.info(request, _("The event is full: you are on the waiting list."))
    else:
        messages.success(request, _("You are registered."))
    return HttpResponseRedirect(event.get_url(request), status=303)


def cancel(request, event):
    refused = _signed_in_post(request, event)
    if refused:
        return refused
    if not events_registration.cancel(request.user, event):
        return _refuse(request, event, _("You have no registration for this event to cancel."), 409)
    messages.success(request, _("Your registration is cancelled."))
    return HttpResponseRedirect(event.get_url(request), status=303)


def _registrations(event):
    return (
        EventRegistration.objects.filter(roster__translation_key=event.translation_key)
        .select_related("user")
        .order_by("status", "queued_at", "pk")
    )


def _check_staff(request, event):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    if not can_view_registrations(request.user):
        raise PermissionDenied
    return None


def registration_list(request, event):
    refused = _check_staff(request, event)
    if refused:
        return refused
    return TemplateResponse(
        request,
        "communities/events/registrations.html",
        {
            "page": event,
            "registrations": _registrations(event),
            "route_urls": route_urls(event, request, "registrations_csv"),
        },
    )


def registration_csv(request, event):
    """The list as CSV; a cell that a spreadsheet would read as a formula is neutralised by
    ``portal.csv_safety`` (here, and again by its middleware on every text/csv answer)."""
    refused = _check_staff(request, event)
    if refused:
        return refused
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registrations-{event.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(["name", "username", "email", "status", "language", "registered_at"])
    for r in _registrations(event):
        row = [
            member_name(r.user),
            r.user.get_username(),
            r.user.email,
            r.status,
            r.language,
            r.created_at.isoformat(),
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return response


def _ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, event):
    url = request.build_absolute_uri(event.get_url(request))
    return _ics_response(events_ical.calendar([(event, url)], event.title), f"{event.slug}.ics")


def calendar_feed(request, index, country):
    """Every public event of the index (upcoming and of the last months), or those of one
    country and the global ones. Restricted events are never in a feed (``.public()``)."""
    name = index.title
    if country is not None:
        term = Country.objects.filter(slug=country, locale_id=index.locale_id).first()
        if term is None:
            raise Http404(_("Unknown country."))
        name = f"{index.title} · {term.name}"
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    events = for_country(index.events().filter(end__gte=since), country or "")
    items = [(e, request.build_absolute_uri(e.get_url(request))) for e in events]
    return _ics_response(events_ical.calendar(items, name), f"{country or 'events'}.ics")
