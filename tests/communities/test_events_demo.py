"""The demo events: created once, translated into every language of the site with real text, and
the past seminar keeps its materials."""

import pytest
from wagtail.models import Locale, Page

from communities.events.demo import seed_events
from communities.events.demo_text import EVENTS, MEMORY
from communities.models import EventPage
from knowledge.models import GoodPracticeGuidePage, ResourceLibraryPage
from portal.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_events_are_idempotent_translated_and_keep_materials(
    client, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(locale=Locale.get_default())
    library = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=library)
    library.save_revision().publish()
    guide = GoodPracticeGuidePage(title="Harassment policy guide", slug="guide", summary="s")
    library.add_child(instance=guide)
    guide.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        created, _translations = seed_events(home)
    Page.fix_tree(fix_paths=False)
    assert created == len(EVENTS)
    with django_capture_on_commit_callbacks(execute=True):
        assert seed_events(home) == (0, 0)  # idempotent
    languages = Locale.objects.count()
    assert EventPage.objects.filter(live=True).count() == len(EVENTS) * languages

    webinar = EventPage.objects.get(slug="webinar-wages-jordan", locale__language_code="ar")
    assert webinar.title == MEMORY["ar"][EVENTS[1]["title"]]
    response = client.get(webinar.get_url())
    assert response.status_code == 200
    assert MEMORY["ar"][EVENTS[1]["summary"]] in response.content.decode()

    past = EventPage.objects.get(
        slug="hanoi-seminar-harassment-prevention", locale__language_code="en"
    )
    assert past.is_past
    html = client.get(past.get_url()).content.decode()
    assert "Harassment policy guide" in html
    assert "registration is closed" in html

    listing = client.get("/km/events/").content.decode()
    assert MEMORY["km"][EVENTS[0]["title"]] in listing
