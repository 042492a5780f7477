"""The iCalendar feeds and the single-event download, read back with the icalendar library;
and the events API."""

from datetime import timedelta

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from .events_helpers import url

pytestmark = pytest.mark.django_db


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_single_event_file(client, make_event):
    event = make_event('Workshop, "grievances"; Dhaka', time_zone="Asia/Dhaka", capacity=3)
    response = client.get(url(event, "calendar/"))
    assert ".ics" in response["Content-Disposition"]
    cal = _calendar(response)
    [vevent] = cal.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == 'Workshop, "grievances"; Dhaka'
    assert str(vevent["UID"]).startswith(f"event-{event.translation_key}@")
    assert "DTSTAMP" in vevent
    start = vevent.decoded("DTSTART")
    assert start == event.start.replace(microsecond=0)
    assert str(start.tzinfo) == "Asia/Dhaka"
    assert vevent["DTSTART"].params["TZID"] == "Asia/Dhaka"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Dhaka"]
    assert str(vevent["URL"]).endswith(event.get_url())
    # Commas and semicolons escaped in the file itself.
    assert b'Workshop\\, "grievances"\\; Dhaka' in response.content


def test_country_feed_holds_the_country_and_global_events(client, make_event):
    make_event("Phnom Penh ToT", countries=["cambodia"])
    make_event("Global webinar", kind="webinar", place="", online_url="https://example.org/w")
    make_event("Amman webinar", countries=["jordan"])
    cal = _calendar(client.get("/en/events/feed/cambodia/"))
    titles = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    assert titles == ["Global webinar", "Phnom Penh ToT"]
    everything = _calendar(client.get("/en/events/feed/"))
    assert len(everything.walk("VEVENT")) == 3


def test_feeds_leave_out_restricted_and_unpublished_events(client, make_event):
    make_event("Public one", countries=["cambodia"])
    secret = make_event("Partners only", countries=["cambodia"])
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    make_event("Draft", countries=["cambodia"], publish=False)
    for feed in ("/en/events/feed/", "/en/events/feed/cambodia/"):
        titles = [str(e["SUMMARY"]) for e in _calendar(client.get(feed)).walk("VEVENT")]
        assert titles == ["Public one"]


def test_unknown_country_feed_is_404(client, event_index):
    assert client.get("/en/events/feed/atlantis/").status_code == 404


def test_translated_event_keeps_its_uid(client, make_event, translated):
    event = make_event()
    arabic = translated(event, "ar")["ar"]
    english = _calendar(client.get(url(event, "calendar/"))).walk("VEVENT")[0]
    other = _calendar(client.get(arabic.get_url() + "calendar/")).walk("VEVENT")[0]
    assert english["UID"] == other["UID"]


# --- API ----------------------------------------------------------------------------------------


def test_api_lists_upcoming_public_events_by_country(client, make_event):
    make_event("Phnom Penh ToT", countries=["cambodia"], delivery_language="km")
    make_event("Past one", countries=["cambodia"], starts_in=-timedelta(days=9))
    secret = make_event("Partners only", countries=["cambodia"])
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    make_event("Amman webinar", countries=["jordan"])
    data = client.get("/api/v2/events/", {"country": "cambodia"}).json()
    assert [e["title"] for e in data["results"]] == ["Phnom Penh ToT"]
    event = data["results"][0]
    assert event["time_zone"] == "Asia/Phnom_Penh"
    assert event["start"].endswith("+07:00")
    assert event["countries"] == [{"slug": "cambodia", "name": "Cambodia"}]
    past = client.get("/api/v2/events/", {"country": "cambodia", "upcoming": "false"}).json()
    assert {e["title"] for e in past["results"]} == {"Phnom Penh ToT", "Past one"}
    km = client.get("/api/v2/events/", {"delivery_language": "km"}).json()
    assert [e["title"] for e in km["results"]] == ["Phnom Penh ToT"]


def test_api_event_detail(client, make_event, make_user):
    event = make_event(capacity=10)
    data = client.get(f"/api/v2/events/{event.pk}/").json()
    assert data["capacity"] == 10 and data["seats_left"] == 10
    assert data["registration_open"] is True
    assert data["ics_url"].endswith("/calendar/")


def test_api_names_countries_in_the_language_asked(client, make_event, translated):
    event = make_event(countries=["cambodia"])
    translated(event, "fr")
    data = client.get("/api/v2/events/", {"lang": "fr"}).json()
    assert data["results"][0]["countries"] == [{"slug": "cambodia", "name": "Cambodge"}]


@pytest.mark.parametrize(
    "query",
    [{"lang": "xx"}, {"country": "atlantis"}, {"delivery_language": "zz"}, {"page": "0"}],
)
def test_api_bad_parameters_are_400(client, event_index, query):
    response = client.get("/api/v2/events/", query)
    assert response.status_code == 400
    assert "error" in response.json()


def test_api_unknown_or_restricted_event_is_404(client, make_event):
    secret = make_event()
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert client.get(f"/api/v2/events/{secret.pk}/").status_code == 404
    assert client.get("/api/v2/events/999999/").status_code == 404
    assert client.get("/api/v2/events/abc/").status_code in (400, 404)


def test_api_registration_with_a_token(client, make_event, make_user):
    from communities.models import ApiToken, EventRegistration

    event = make_event(capacity=1)
    first, second = make_user(), make_user()
    keys = {}
    for user in (first, second):
        _token, keys[user.pk] = ApiToken.issue(user, "events", scope=ApiToken.WRITE)
    path = f"/api/v2/events/{event.pk}/registration/"
    response = client.post(path, HTTP_AUTHORIZATION=f"Bearer {keys[first.pk]}")
    assert response.status_code == 200 and response.json() == {"status": "confirmed"}
    response = client.post(path, HTTP_AUTHORIZATION=f"Bearer {keys[second.pk]}")
    assert response.json() == {"status": "waiting"}
    response = client.delete(path, HTTP_AUTHORIZATION=f"Bearer {keys[first.pk]}")
    assert response.json() == {"status": "cancelled"}
    assert EventRegistration.objects.get(user=second).status == "confirmed"
    again = client.delete(path, HTTP_AUTHORIZATION=f"Bearer {keys[first.pk]}")
    assert again.status_code == 409 and again.json()["code"] == "not_registered"


def test_api_registration_refusals(client, make_event):
    past = make_event(starts_in=-timedelta(days=1))
    assert client.post(f"/api/v2/events/{past.pk}/registration/").status_code == 401
    from django.contrib.auth import get_user_model

    from communities.models import ApiToken

    user = get_user_model().objects.create_user("api-late")
    _token, key = ApiToken.issue(user, "events", scope=ApiToken.WRITE)
    response = client.post(
        f"/api/v2/events/{past.pk}/registration/", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "registration_closed"
    missing = client.post("/api/v2/events/999999/registration/", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert missing.status_code == 404
