"""The translation editor's "Publish on" form schedules a translation the way Wagtail's page editor
does (portal/translation_schedule.py); `publish_scheduled` publishes it when it is due."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Revision

from portal.models import StandardPage
from tests.portal.test_translation_review import (  # noqa: F401  (new_french_draft is a fixture)
    DUMMY,
    about,
    edit_url,
    messages_of,
    new_french_draft,
)

pytestmark = pytest.mark.django_db

SCHEDULE = "schedule-publication"


def local_input(moment):
    """`moment` as a browser's datetime-local field sends it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def in_days(days):
    return local_input(timezone.now() + timedelta(days=days))


def scheduled_revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)


@pytest.fixture
def french_page_editor(django_user_model):
    """May edit French pages but not publish them."""
    group = Group.objects.create(name="French writers")
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=french_home, permission=Permission.objects.get(codename=codename)
        )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("writer-fr", password="x")
    user.groups.add(group)
    return user


def test_the_translation_editor_shows_the_publish_on_form(client, translator_fr):
    client.force_login(translator_fr)
    response = client.get(edit_url(about("fr")))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="portal-translation-schedule"' in html
    assert 'name="go_live_at"' in html and 'type="datetime-local"' in html
    assert "Publish on" in html


def test_a_translation_scheduled_for_tomorrow_is_published_by_publish_scheduled(
    client, translator_fr
):
    page = about("fr")
    page.unpublish()
    client.force_login(translator_fr)
    form = {"action": SCHEDULE, "go_live_at": in_days(1), "expire_at": in_days(30)}
    response = client.post(edit_url(page), form)
    assert response.status_code == 302
    assert any("scheduled to be published" in m for m in messages_of(response))

    page = about("fr")
    assert not page.live
    assert page.status_string == "scheduled"
    revision = scheduled_revisions(page).get()
    assert revision.approved_go_live_at > timezone.now() + timedelta(hours=23)
    assert revision.user == translator_fr
    editor_page = client.get(edit_url(page)).content.decode()
    assert "This translation is scheduled to be published on" in editor_page

    call_command("publish_scheduled", stdout=io.StringIO())
    assert not about("fr").live  # not yet due
    two_days_later = timezone.now() + timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=two_days_later):
        call_command("publish_scheduled", stdout=io.StringIO())
    page = about("fr")
    assert page.live
    assert page.live_revision_id == revision.pk
    assert page.expire_at is not None and page.expire_at > two_days_later
    assert not scheduled_revisions(page).exists()


def test_a_live_translation_stays_live_until_its_new_version_is_due(client, translator_fr):
    page = about("fr")
    assert page.live
    live_revision = page.live_revision_id
    client.force_login(translator_fr)
    response = client.post(edit_url(page), {"action": SCHEDULE, "go_live_at": in_days(1)})
    assert response.status_code == 302
    page = about("fr")
    assert page.live and page.live_revision_id == live_revision
    assert scheduled_revisions(page).count() == 1


@pytest.mark.parametrize(
    "form, error",
    [
        ({"go_live_at": "yesterday"}, "Enter a valid date/time."),
        ({"go_live_at": ""}, "This field is required."),
        ({}, "This field is required."),
        ({"go_live_at": "PAST"}, "Choose a publication date in the future."),
        (
            {"go_live_at": "TOMORROW", "expire_at": "PAST"},
            "The unpublish date must be after the publication date.",
        ),
        ({"go_live_at": "TOMORROW", "expire_at": "31/02/2027"}, "Enter a valid date/time."),
    ],
)
def test_bad_dates_schedule_nothing(client, translator_fr, form, error):
    page = about("fr")
    page.unpublish()
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    values = {"PAST": in_days(-1), "TOMORROW": in_days(1)}
    form = {key: values.get(value, value) for key, value in form.items()}
    client.force_login(translator_fr)
    response = client.post(edit_url(page), {"action": SCHEDULE, **form})
    assert response.status_code == 302
    assert any(error in m for m in messages_of(response))
    assert not scheduled_revisions(page).exists()
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    assert about("fr").status_string != "scheduled"


@pytest.mark.parametrize("who", ["anonymous", "translator_fr", "french_page_editor"])
def test_who_may_not_schedule(client, request, who):
    """Anonymous; a French translator on the Spanish page; a French writer who may not publish."""
    page = about("fr") if who == "french_page_editor" else about("es")
    page.unpublish()
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.post(edit_url(page), {"action": SCHEDULE, "go_live_at": in_days(1)})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url != edit_url(page)
    assert not scheduled_revisions(page).exists()
    assert not StandardPage.objects.get(pk=page.pk).live


def test_no_publish_rights_no_form(client, french_page_editor):
    client.force_login(french_page_editor)
    response = client.get(edit_url(about("fr")))
    assert response.status_code == 200
    assert 'id="portal-translation-schedule"' not in response.content.decode()


def test_machine_drafts_cannot_be_scheduled(
    client,
    settings,
    translator_fr,
    new_french_draft,  # noqa: F811
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    target = new_french_draft.get_target_instance()
    client.force_login(translator_fr)
    client.post(f"/admin/localize/translate/{new_french_draft.pk}/machine_translate/")
    response = client.post(edit_url(target), {"action": SCHEDULE, "go_live_at": in_days(1)})
    assert response.status_code == 302
    assert any("Not published" in m for m in messages_of(response))
    assert not scheduled_revisions(target).exists()
