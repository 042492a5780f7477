"""Translations go through the review workflow, can be scheduled, and machine drafts are never
published before a person has reviewed every machine string."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Revision
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from portal.models import StandardPage
from tests.portal.test_editorial_roles import put_string
from tests.portal.test_settings import settings_as_json

pytestmark = pytest.mark.django_db

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def about(language):
    return StandardPage.objects.get(slug="about", locale__language_code=language)


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- review workflow --------------------------------------------------------------------------


def test_translator_submits_for_review_and_an_editor_approves(client, translator_fr, editor):
    about("fr").unpublish()
    client.force_login(translator_fr)
    response = client.post(edit_url(about("fr")), {"action": "submit-for-review"})
    assert response.status_code == 302
    assert "The translation was submitted for review." in messages_of(response)
    page = about("fr")
    assert page.workflow_in_progress
    assert not page.live
    task_state = page.current_workflow_task_state
    approve = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    response = client.post(approve, {"comment": ""})
    assert about("fr").workflow_in_progress  # a translator cannot approve
    assert not about("fr").live
    client.force_login(editor)
    response = client.post(approve, {"comment": "Bon travail"})
    assert response.status_code in (200, 302)
    page = about("fr")
    assert page.live
    assert not page.workflow_in_progress


def test_submitting_twice_says_it_is_already_in_review(client, translator_fr):
    client.force_login(translator_fr)
    page = about("fr")
    client.post(edit_url(page), {"action": "submit-for-review"})
    response = client.post(edit_url(page), {"action": "submit-for-review"})
    assert "This translation is already being reviewed." in messages_of(response)


def test_translator_cannot_submit_a_spanish_page(client, translator_fr):
    client.force_login(translator_fr)
    response = client.post(edit_url(about("es")), {"action": "submit-for-review"})
    assert response.status_code in (302, 403)
    assert not about("es").workflow_in_progress


# --- scheduled publishing ---------------------------------------------------------------------


def test_a_scheduled_french_translation_is_published_by_publish_scheduled(
    client, translator_fr, django_capture_on_commit_callbacks
):
    page = about("fr")
    page.unpublish()
    StandardPage.objects.filter(pk=page.pk).update(go_live_at=timezone.now() + timedelta(days=1))
    client.force_login(translator_fr)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(edit_url(page), {"action": "publish"})
    assert response.status_code == 302
    page = about("fr")
    assert not page.live
    assert Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()
    call_command("publish_scheduled", stdout=io.StringIO())
    assert not about("fr").live  # not yet due
    two_days_later = timezone.now() + timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=two_days_later):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert about("fr").live


# --- machine translation ----------------------------------------------------------------------


@pytest.fixture
def new_french_draft(editor):
    """An English page just submitted for translation into French (nothing translated yet)."""
    english = about("en")
    page = StandardPage(title="Fire safety checklist", slug="fire-safety", intro="Walk the exits.")
    english.add_child(instance=page)
    page.save_revision(user=editor).publish()
    from wagtail_localize.models import TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(page)
    french = Locale.objects.get(language_code="fr")
    translation = Translation.objects.create(source=source, target_locale=french)
    translation.save_target(user=editor, publish=False)
    return translation


def test_no_machine_translator_by_default(client, translator_fr, new_french_draft):
    assert get_machine_translator() is None
    client.force_login(translator_fr)
    target = new_french_draft.get_target_instance()
    response = client.get(edit_url(target))
    assert "&quot;machineTranslator&quot;: null" in response.content.decode()
    url = f"/admin/localize/translate/{new_french_draft.pk}/machine_translate/"
    assert client.post(url).status_code == 404


def test_machine_translator_comes_from_the_environment():
    expression = "getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)"
    assert settings_as_json(expression) is None
    deepl = settings_as_json(expression, DEEPL_API_KEY="abc:fx")
    assert deepl["CLASS"].endswith("deepl.DeepLTranslator")
    assert deepl["OPTIONS"] == {"AUTH_KEY": "abc:fx"}
    libre = settings_as_json(
        expression, LIBRETRANSLATE_URL="https://mt.example.org", LIBRETRANSLATE_API_KEY="k"
    )
    assert libre["CLASS"].endswith("libretranslate.LibreTranslator")
    assert libre["OPTIONS"] == {"LIBRETRANSLATE_URL": "https://mt.example.org", "API_KEY": "k"}


def test_machine_drafts_need_a_person_before_publishing(
    client, settings, translator_fr, new_french_draft, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    translation = new_french_draft
    target = translation.get_target_instance()
    client.force_login(translator_fr)
    url = f"/admin/localize/translate/{translation.pk}/machine_translate/"
    response = client.post(url, {"next": edit_url(target)})
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    segments = StringSegment.objects.filter(source=translation.source)
    assert machine.filter(translation_of__in=segments.values("string")).count() >= 2

    editor_page = client.get(edit_url(target)).content.decode()
    assert "machine-translated strings have not been reviewed by a person" in editor_page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(target), {"action": "publish"})
    assert response.status_code == 302
    assert any("Not published" in m for m in messages_of(response))
    assert not StandardPage.objects.get(pk=target.pk).live

    # Nor by submitting it for review, nor by the sync form's "publish" box.
    response = client.post(edit_url(target), {"action": "submit-for-review"})
    assert not StandardPage.objects.get(pk=target.pk).workflow_in_progress

    # A person checks every machine string (saving it, changed or not, makes it theirs).
    for segment in segments.select_related("string"):
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=translation.target_locale
        ).first()
        value = existing.data if existing else segment.string.data
        response = put_string(
            client, f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/", value
        )
        assert response.status_code in (200, 201)
    assert not machine.filter(translation_of__in=segments.values("string")).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(target), {"action": "publish"})
    assert response.status_code == 302
    assert StandardPage.objects.get(pk=target.pk).live


def test_sync_with_publish_is_refused_while_machine_strings_wait(
    client, settings, editor, new_french_draft, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    client.force_login(editor)
    client.post(f"/admin/localize/translate/{new_french_draft.pk}/machine_translate/")
    url = f"/admin/localize/update/{new_french_draft.source_id}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert any("machine-translated" in m for m in messages_of(response))
    assert not StandardPage.objects.get(pk=new_french_draft.get_target_instance().pk).live


def test_the_page_editor_keeps_a_machine_draft_as_a_draft(
    client, settings, editor, new_french_draft
):
    """A translation no longer synced opens in Wagtail's page editor: "publish" saves a draft."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    client.force_login(editor)
    client.post(f"/admin/localize/translate/{new_french_draft.pk}/machine_translate/")
    new_french_draft.save_target(user=editor, publish=False)
    Translation.objects.filter(pk=new_french_draft.pk).update(enabled=False)
    target = StandardPage.objects.get(pk=new_french_draft.get_target_instance().pk)
    response = client.get(edit_url(target))
    assert response.status_code == 200
    form = {
        "title": "Liste de contrôle incendie",
        "slug": target.slug,
        "intro": "Parcourez les sorties.",
        "body-count": "0",
        "action-publish": "action-publish",
    }
    response = client.post(edit_url(target), form)
    target = StandardPage.objects.get(pk=target.pk)
    assert not target.live
    assert target.get_latest_revision_as_object().title == "Liste de contrôle incendie"
    assert any("Not published" in m for m in messages_of(response))
