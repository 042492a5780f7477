"""Event pages: what they show in each language and in the event's time zone, and the rules of
registering (signed in, POST only, not for past or closed events)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from communities.models import EventPage, EventRegistration

from .conftest import login
from .events_helpers import url

pytestmark = pytest.mark.django_db


def test_event_page_shows_times_in_the_event_time_zone(client, make_event):
    start = timezone.now().replace(microsecond=0) + timedelta(days=5)
    start = start.replace(hour=2, minute=0, second=0)  # 02:00 UTC is 09:00 in Phnom Penh
    event = make_event()
    EventPage.objects.filter(pk=event.pk).update(start=start, end=start + timedelta(hours=3))
    response = client.get(url(event))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Training of trainers on OSH" in html
    assert "9 a.m." in html and "noon" in html
    assert "Asia/Phnom_Penh" in html
    assert "Log in to register" in html


@pytest.mark.parametrize("language", ["ar", "km"])
def test_event_page_renders_in_arabic_and_khmer(client, make_event, translated, language):
    from portal.models import Country

    event = make_event(capacity=20, countries=["cambodia"])
    version = translated(event, language)[language]
    response = client.get(version.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    local = Country.objects.get(slug="cambodia", locale__language_code=language).name
    assert local != "Cambodia" and local in html  # the country in the page's language
    if language == "km":
        assert "២០" in html  # seats in Khmer digits


def test_event_page_without_place_or_link_is_refused_by_validation(make_event):
    from django.core.exceptions import ValidationError

    event = make_event()
    event.place, event.online_url = "", ""
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "place" in error.value.message_dict


def test_end_before_start_is_refused_by_validation(make_event):
    from django.core.exceptions import ValidationError

    event = make_event()
    event.end = event.start - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_register_then_cancel(client, make_event, make_user):
    event = make_event(capacity=5)
    user = make_user()
    login(client, user)
    response = client.post(url(event, "register/"))
    assert response.status_code == 303
    registration = EventRegistration.objects.get(user=user)
    assert registration.status == "confirmed"
    page = client.get(url(event)).content.decode()
    assert "You are registered." in page
    assert "Cancel my registration" in page
    assert "4 / 5" in page
    response = client.post(url(event, "cancel/"))
    assert response.status_code == 303
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_registering_twice_keeps_one_seat(client, make_event, make_user):
    event = make_event(capacity=5)
    login(client, make_user())
    client.post(url(event, "register/"))
    client.post(url(event, "register/"))
    assert EventRegistration.objects.filter(status="confirmed").count() == 1


def test_anonymous_register_is_sent_to_log_in(client, make_event):
    event = make_event()
    response = client.post(url(event, "register/"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize("route", ["register/", "cancel/"])
def test_get_on_post_only_routes_is_405(client, make_event, make_user, route):
    event = make_event()
    login(client, make_user())
    assert client.get(url(event, route)).status_code == 405


def test_register_needs_the_csrf_token(make_event, make_user):
    from django.test import Client

    event = make_event()
    csrf_client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    csrf_client.force_login(make_user())
    assert csrf_client.post(url(event, "register/")).status_code == 403
    assert not EventRegistration.objects.exists()


def test_no_registration_for_a_past_event(client, make_event, make_user):
    event = make_event(starts_in=-timedelta(days=2))
    login(client, make_user())
    response = client.post(url(event, "register/"))
    assert response.status_code == 409
    assert "already started" in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_no_registration_when_closed(client, make_event, make_user):
    event = make_event(registration_open=False)
    login(client, make_user())
    response = client.post(url(event, "register/"))
    assert response.status_code == 409
    assert "closed" in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_cancel_without_registration_is_409(client, make_event, make_user):
    event = make_event()
    login(client, make_user())
    response = client.post(url(event, "cancel/"))
    assert response.status_code == 409
    assert "no registration" in response.content.decode()


def test_unknown_event_routes_are_404(client, make_event):
    event = make_event()
    assert client.get(url(event, "no-such-route/")).status_code == 404
    assert client.get(event.get_parent().get_url() + "no-such-event/").status_code == 404


def test_nul_bytes_in_the_query_string_are_a_400(client, make_event):
    event = make_event(countries=["cambodia"])
    response = client.get(event.get_parent().get_url(), {"country": "cam\x00bodia"})
    assert response.status_code == 400


def test_unknown_country_and_bad_page_list_every_event(client, make_event):
    make_event("Dhaka workshop", countries=["bangladesh"])
    response = client.get("/en/events/", {"country": "atlantis", "page": "x" * 300})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unknown country" in html
    assert "Dhaka workshop" in html


def test_index_lists_upcoming_then_past_with_a_query_budget(
    client, make_event, django_assert_max_num_queries
):
    for i in range(8):
        make_event(
            f"Upcoming {i}", countries=["cambodia", "vietnam"], starts_in=timedelta(days=i + 1)
        )
    make_event("Last year's seminar", starts_in=-timedelta(days=300))
    client.get("/en/events/")  # warm the per-site fragments
    with django_assert_max_num_queries(14):
        response = client.get("/en/events/", {"country": "cambodia"})
    html = response.content.decode()
    assert html.index("Upcoming 0") < html.index("Upcoming 7")
    assert "Last year" not in html
    past = client.get("/en/events/", {"when": "past"}).content.decode()
    assert "Last year&#x27;s seminar" in past and "Upcoming 0" not in past


def test_event_page_query_budget_and_never_shared_by_the_page_cache(
    client, make_event, make_user, django_assert_max_num_queries
):
    event = make_event(capacity=10)
    client.get(url(event))
    with django_assert_max_num_queries(12):
        response = client.get(url(event))
    assert "private" in response["Cache-Control"]
    login(client, make_user())
    with django_assert_max_num_queries(20):
        assert client.get(url(event)).status_code == 200


def test_past_event_keeps_its_materials(client, make_event):
    from wagtail.models import Locale

    from communities.models import EventMaterial
    from knowledge.models import GoodPracticeGuidePage, ResourceLibraryPage
    from portal.models import HomePage

    library = ResourceLibraryPage(title="Resources", slug="resources")
    HomePage.objects.get(locale=Locale.get_default()).add_child(instance=library)
    library.save_revision().publish()
    guide = GoodPracticeGuidePage(title="Grievance guide", slug="guide", summary="s")
    library.add_child(instance=guide)
    guide.save_revision().publish()
    event = make_event(starts_in=-timedelta(days=30))
    event.event_materials.add(EventMaterial(resource=guide))
    event.save_revision().publish()
    html = client.get(url(event)).content.decode()
    assert "Grievance guide" in html
    assert guide.get_url() in html


def test_editors_create_events_in_the_admin_and_bad_input_is_refused(
    client, event_index, django_user_model
):
    admin = django_user_model.objects.create_superuser("admin-ev", "a@example.org", "pw")
    client.force_login(admin)
    add_url = f"/admin/pages/add/communities/eventpage/{event_index.pk}/"
    assert client.get(add_url).status_code == 200
    form = {
        "title": "Dhaka workshop on grievance handling",
        "slug": "dhaka-grievances",
        "kind": "workshop",
        "summary": "One day on handling complaints.",
        "start": "2030-05-04 09:00",
        "end": "2030-05-04 08:00",
        "time_zone": "Asia/Dhaka",
        "place": "",
        "online_url": "",
        "delivery_language": "bn",
        "capacity": "",
        "registration_open": "on",
        "event_materials-TOTAL_FORMS": "0",
        "event_materials-INITIAL_FORMS": "0",
        "event_materials-MIN_NUM_FORMS": "0",
        "event_materials-MAX_NUM_FORMS": "1000",
    }
    response = client.post(add_url, form)
    assert response.status_code == 200  # the form again, with its errors
    assert not EventPage.objects.filter(slug="dhaka-grievances").exists()
    assert "Give a place, an online link or both." in response.content.decode()
    form.update({"place": "Dhaka", "end": "2030-05-04 15:00"})
    response = client.post(add_url, form)
    assert response.status_code == 302
    assert EventPage.objects.filter(slug="dhaka-grievances").exists()
