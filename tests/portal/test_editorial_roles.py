"""Editors and translators: the roles exist on every install (migrations, portal/roles.py), and
each role can do in the Wagtail admin exactly what it should, in its own languages only."""

import io
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Task,
    Workflow,
    WorkflowPage,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from portal.models import Country, StandardPage
from portal.roles import REVIEW_WORKFLOW, ensure_roles, translator_group_name

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
LANGUAGES = ["fr", "es", "ar", "vi", "km", "id", "bn"]


def about(language):
    return StandardPage.objects.get(slug="about", locale__language_code=language)


def country(language, slug="cambodia"):
    return Country.objects.get(slug=slug, locale__language_code=language)


def translation_of(instance):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    )


def page_edit(page):
    return f"/admin/pages/{page.pk}/edit/"


def country_edit(term):
    return f"/admin/snippets/portal/country/edit/{term.pk}/"


def string_edit(translation):
    segment = StringSegment.objects.filter(source=translation.source).first()
    return f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"


def put_string(client, url, value):
    """What the translation editor sends when a person saves a string."""
    return client.put(url, urlencode({"value": value}), content_type=FORM)


def refused(response):
    """Wagtail answers 403, or sends the user to the dashboard with "permission denied"."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"].rstrip("/") == "/admin"


def home(language):
    return Page.objects.get(depth=2, locale__language_code=language)


# --- the roles, from the migrations -----------------------------------------------------------


def test_migrations_create_the_editorial_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators"} <= names
    assert {translator_group_name(code) for code in LANGUAGES} <= names
    assert translator_group_name("fr") == "Translators: Français"
    assert "Translators" not in names  # the demo's old English-only group is gone


def test_editors_may_publish_everywhere_and_translators_in_their_language_only():
    root = Page.get_first_root_node()
    editor_rights = set(
        GroupPagePermission.objects.filter(group__name="Editors", page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= editor_rights
    french = GroupPagePermission.objects.filter(group__name=translator_group_name("fr"))
    assert set(french.values_list("page_id", flat=True)) == {home("fr").pk}
    assert {"add_page", "change_page", "publish_page"} == set(
        french.values_list("permission__codename", flat=True)
    )
    group = Group.objects.get(name=translator_group_name("fr"))
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "change_country"} <= codenames
    assert "delete_country" not in codenames
    assert GroupCollectionPermission.objects.filter(
        group=group, permission__codename="choose_image"
    ).exists()


def test_every_language_home_page_has_the_review_workflow():
    review = Workflow.objects.get(name=REVIEW_WORKFLOW)
    task = Task.objects.get(workflow_tasks__workflow=review).specific
    assert set(task.groups.values_list("name", flat=True)) == {"Editors", "Moderators"}
    for language in ["en", *LANGUAGES]:
        assert WorkflowPage.objects.get(page=home(language)).workflow == review
        assert about(language).get_workflow() == review


def test_roles_can_be_ensured_again_without_changes():
    models = [Group, GroupPagePermission, GroupCollectionPermission, WorkflowPage, Workflow, Task]
    before = {model: model.objects.count() for model in models}
    before_perms = Group.objects.get(name="Editors").permissions.count()
    ensure_roles(apps)
    assert {model: model.objects.count() for model in models} == before
    assert Group.objects.get(name="Editors").permissions.count() == before_perms


def test_a_new_language_gets_its_group_rights_and_review(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "Deutsch")]
    with override_settings(LANGUAGES=settings.WAGTAIL_CONTENT_LANGUAGES):
        german = Locale.objects.create(language_code="de")
        group = Group.objects.get(name="Translators: Deutsch")
        german_home = home("en").copy_for_translation(german)
    assert GroupPagePermission.objects.filter(
        group=group, page=german_home, permission__codename="publish_page"
    ).exists()
    assert WorkflowPage.objects.get(page=german_home).workflow.name == REVIEW_WORKFLOW


# --- translators, through the admin -----------------------------------------------------------


def test_anonymous_is_sent_to_login(client):
    for url in (page_edit(about("fr")), country_edit(country("fr"))):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_translator_opens_the_french_translation_editor(client, translator_fr):
    client.force_login(translator_fr)
    response = client.get(page_edit(about("fr")))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert 'name="action" value="submit-for-review"' in response.content.decode()


def test_translator_is_refused_other_languages_and_the_english_source(client, translator_fr):
    client.force_login(translator_fr)
    for language in ("es", "en", "km"):
        assert refused(client.get(page_edit(about(language)))), language


def test_translator_edits_a_french_string_but_not_a_spanish_one(client, translator_fr):
    client.force_login(translator_fr)
    french = translation_of(about("fr"))
    response = put_string(client, string_edit(french), "À propos du portail")
    assert response.status_code in (200, 201)
    spanish = translation_of(about("es"))
    before = list(StringTranslation.objects.filter(locale__language_code="es").values())
    response = put_string(client, string_edit(spanish), "Hackeado")
    assert response.status_code == 403
    assert list(StringTranslation.objects.filter(locale__language_code="es").values()) == before


def test_translator_publishes_the_french_page_only(
    client, translator_fr, django_capture_on_commit_callbacks
):
    client.force_login(translator_fr)
    for language in ("fr", "es"):
        about(language).unpublish()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(page_edit(about("fr")), {"action": "publish"})
    assert response.status_code == 302
    assert about("fr").live
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page_edit(about("es")), {"action": "publish"})
    assert refused(response)
    assert not about("es").live


def test_translator_edits_a_french_snippet_but_not_a_spanish_one(client, translator_fr):
    client.force_login(translator_fr)
    response = client.get(country_edit(country("fr")))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    spanish = country("es")
    response = client.get(country_edit(spanish), follow=True)
    assert response.redirect_chain and response.redirect_chain[0][0].rstrip("/") == "/admin"
    assert "do not have permission" in response.content.decode()
    response = client.post(country_edit(spanish), {"action": "publish", "name": "Hackeado"})
    assert refused(response)
    assert country("es").name == spanish.name
    response = put_string(client, string_edit(translation_of(spanish)), "Hackeado")
    assert response.status_code == 403
    response = put_string(client, string_edit(translation_of(country("fr"))), "Cambodge")
    assert response.status_code in (200, 201)


def test_translator_creates_snippets_in_french_only(client, translator_fr):
    client.force_login(translator_fr)
    assert client.get("/admin/snippets/portal/country/add/?locale=fr").status_code == 200
    for query in ("?locale=es", ""):
        assert refused(client.get(f"/admin/snippets/portal/country/add/{query}")), query
    count = Country.objects.count()
    response = client.post(
        "/admin/snippets/portal/country/add/?locale=es", {"name": "X", "slug": "x"}
    )
    assert refused(response)
    assert Country.objects.count() == count


def test_translator_cannot_request_a_translation_into_another_language(client, translator_fr):
    client.force_login(translator_fr)
    source = StandardPage.objects.get(slug="about", locale__language_code="en")
    spanish = Locale.objects.get(language_code="es")
    translations = Translation.objects.count()
    response = client.post(f"/admin/localize/submit/page/{source.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 403
    assert Translation.objects.count() == translations


def test_translator_without_admin_groups_has_no_access(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    response = client.get(page_edit(about("fr")))
    assert response.status_code in (302, 403)


# --- editors ----------------------------------------------------------------------------------


def test_editor_publishes_in_every_language(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    for language in ("es", "km", "ar"):
        page = about(language)
        page.unpublish()
        assert client.get(page_edit(page)).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(page_edit(page), {"action": "publish"})
        assert response.status_code == 302
        assert about(language).live, language
    assert client.get(country_edit(country("es"))).status_code == 200


def test_editor_has_admin_and_snippet_rights(editor):
    for codename in ("wagtailadmin.access_admin", "portal.change_country", "portal.add_topic"):
        assert editor.has_perm(codename), codename
    assert Permission.objects.filter(group__name="Editors", codename="submit_translation")


def test_demo_translator_works_in_french_and_khmer(client):
    call_command("seed_demo", "--demo-accounts", stdout=io.StringIO())
    translator = get_user_model().objects.get(username="translator")
    assert set(translator.groups.values_list("name", flat=True)) == {
        translator_group_name("fr"),
        translator_group_name("km"),
    }
    assert not Group.objects.filter(name="Translators").exists()
    client.force_login(translator)
    assert client.get(page_edit(about("fr"))).status_code == 200
    assert client.get(page_edit(about("km"))).status_code == 200
    assert refused(client.get(page_edit(about("es"))))


def test_translator_uploads_po_files_for_french_only(client, translator_fr):
    """The portal's checked PO upload answers wagtail-localize's upload path."""
    client.force_login(translator_fr)
    po = SimpleUploadedFile("x.po", b'msgid ""\nmsgstr ""\n', content_type="text/x-gettext")
    spanish = translation_of(country("es"))
    before = StringTranslation.objects.filter(locale__language_code="es").count()
    back = country_edit(country("es"))
    response = client.post(
        f"/admin/localize/translate/{spanish.pk}/pofile/upload/", {"file": po, "next": back}
    )
    assert refused(response)
    assert StringTranslation.objects.filter(locale__language_code="es").count() == before
    po.seek(0)
    french = translation_of(country("fr"))
    back = country_edit(country("fr"))
    response = client.post(
        f"/admin/localize/translate/{french.pk}/pofile/upload/", {"file": po, "next": back}
    )
    assert response.status_code == 400  # an empty PO is refused with reasons, not for permission
