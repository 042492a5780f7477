"""PO upload for external translators: a good file imports, a wrong one is refused whole."""

import io
import zipfile

import polib
import pytest
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from knowledge.models import GoodPracticeGuidePage
from tests.factories import translate
from tests.knowledge.conftest import make_resource

pytestmark = pytest.mark.django_db

PARAGRAPH = '<p>Read <b>this</b> and <a href="https://example.org/guide">the guide</a>.</p>'
SUMMARY = "Dear %(name)s, welcome to {place}."
SEGMENT = 'Read <b>this</b> and <a id="a1">the guide</a>.'
FR = {
    "Safe exits": "Sorties sûres",
    SUMMARY: "Chère %(name)s, bienvenue à {place}.",
    SEGMENT: 'Lisez <b>ceci</b> et <a id="a1">le guide</a>.',
}


@pytest.fixture
def guide(library):
    page = make_resource(
        library, GoodPracticeGuidePage, "Safe exits", body=[("paragraph", PARAGRAPH)]
    )
    page.summary = SUMMARY
    page.save_revision().publish()
    translate(Page.objects.get(pk=page.pk).specific)
    return page


@pytest.fixture
def translation(guide, fr):
    return Translation.objects.get(source__object_id=guide.translation_key, target_locale=fr)


def _snapshot():
    return sorted(StringTranslation.objects.values_list("id", "data", "updated_at"))


def _po(translation, client):
    url = f"/admin/localize/translate/{translation.pk}/pofile/download/"
    response = client.get(url)
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def _fill(po, overrides=None):
    for entry in po:
        entry.msgstr = (overrides or {}).get(entry.msgid, FR.get(entry.msgid, ""))
    return po


def _upload(client, translation, content, name="fr.po"):
    url = f"/admin/localize/translate/{translation.pk}/pofile/upload/"
    upload = io.BytesIO(content if isinstance(content, bytes) else str(content).encode())
    upload.name = name
    return client.post(url, {"file": upload, "next": "/admin/"})


def test_the_editor_upload_url_is_the_checked_one(translation):
    from django.urls import resolve, reverse

    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert resolve(url).func.__module__ == "portal.translation_admin.views"


def test_a_good_po_imports(client, translator, translation):
    client.force_login(translator)
    po = _fill(_po(translation, client))
    response = _upload(client, translation, po)
    assert response.status_code == 302
    titles = StringTranslation.objects.filter(
        locale=translation.target_locale, translation_of__data="Safe exits"
    )
    assert titles.get().data == "Sorties sûres"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"Safe exits": "Sorties"}, None),  # placeholder-free: fine on its own (control below)
        ({SUMMARY: "Chère %(nom)s, bienvenue à {place}."}, "%(name)s"),
        ({SUMMARY: "Chère %(name)s, bienvenue."}, "{place}"),
        ({SEGMENT: "Lisez <b>ceci et le guide."}, "never closed"),
        (
            {SEGMENT: 'Lisez <a href="javascript:x()">ceci</a>.'},
            "attributes",
        ),
    ],
)
def test_a_broken_string_refuses_the_whole_file(client, translator, translation, change, reason):
    client.force_login(translator)
    po = _fill(_po(translation, client), change)
    before = _snapshot()
    response = _upload(client, translation, po)
    if reason is None:
        assert response.status_code == 302
        return
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert _snapshot() == before


def test_an_unknown_msgid_refuses_the_whole_file(client, translator, translation):
    client.force_login(translator)
    po = _fill(_po(translation, client))
    po.append(polib.POEntry(msgid="Not in the page", msgstr="Pas dans la page", msgctxt="title"))
    before = _snapshot()
    response = _upload(client, translation, po)
    assert response.status_code == 400
    assert "unknown msgid" in response.content.decode()
    assert _snapshot() == before


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x89PNG\r\n\x1a\n not a po file",
        b'msgid "a"\x00\nmsgstr "b"\n',
        'msgid "Safe exits"\nmsgstr "Sorties sûres"\n'.encode("latin-1"),
        b"/etc/passwd",
    ],
)
def test_not_a_po_file_is_refused(client, translator, translation, content):
    client.force_login(translator)
    before = _snapshot()
    response = _upload(client, translation, content)
    assert response.status_code == 400
    assert "Nothing was imported" in response.content.decode()
    assert _snapshot() == before


def test_a_po_for_another_translation_is_refused(client, superuser, translation, guide):
    es = Translation.objects.get(
        source__object_id=guide.translation_key, target_locale__language_code="es"
    )
    client.force_login(superuser)
    po = _fill(_po(translation, client))
    before = _snapshot()
    assert _upload(client, es, po).status_code == 400
    assert _snapshot() == before


def test_a_translator_who_cannot_edit_the_target_cannot_upload(
    client, outsider_translator, translator, translation
):
    client.force_login(translator)
    po = _fill(_po(translation, client))
    client.force_login(outsider_translator)
    before = _snapshot()
    response = _upload(client, translation, po)
    # Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert _snapshot() == before


def test_anonymous_upload_goes_to_login(client, translation):
    response = _upload(client, translation, b'msgid "a"\nmsgstr "b"\n')
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- batch ------------------------------------------------------------------------------


def _export(client, language="fr"):
    response = client.get("/admin/translations/export/", {"language": language})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def _zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    buffer.seek(0)
    buffer.name = "fr.zip"
    return buffer


def _batch(client, upload, language="fr"):
    return client.post("/admin/translations/upload/", {"language": language, "file": upload})


def _outdated(guide, en):
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(object_id=guide.translation_key, locale=en)
    TranslationSource.objects.filter(pk=source.pk).update(
        last_updated_at=guide.last_published_at.replace(year=2000)
    )


def test_batch_export_holds_out_of_date_and_missing(client, superuser, guide, library, en):
    _outdated(guide, en)
    make_resource(library, GoodPracticeGuidePage, "Never submitted")
    client.force_login(superuser)
    archive = _export(client)
    names = archive.namelist()
    guide_files = [n for n in names if "safe-exits" in n]
    assert len(guide_files) == 1 and guide_files[0].endswith(".fr.po")
    assert not any("about-the-portal" in n for n in names)  # current
    assert "Never submitted" in archive.read("README.txt").decode()
    po = polib.pofile(archive.read(guide_files[0]).decode())
    assert "Safe exits" in {e.msgid for e in po}


def test_batch_upload_imports_all_or_nothing(client, translator, guide, module, en):
    _outdated(guide, en)
    _outdated(module, en)
    client.force_login(translator)
    archive = _export(client)
    files = {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".po")}
    guide_name = next(n for n in files if "safe-exits" in n)
    module_name = next(n for n in files if "fire-safety" in n)
    good_guide = str(_fill(polib.pofile(files[guide_name])))
    broken_module = _fill(polib.pofile(files[module_name]), {"Fire safety": "Sécurité %s"})
    before = _snapshot()
    refused = _batch(client, _zip({guide_name: good_guide, module_name: str(broken_module)}))
    assert refused.status_code == 400
    assert "%s" in refused.content.decode() and module_name in refused.content.decode()
    assert _snapshot() == before  # the good file was not imported either

    good_module = _fill(polib.pofile(files[module_name]), {"Fire safety": "Sécurité incendie"})
    response = _batch(client, _zip({guide_name: good_guide, module_name: str(good_module)}))
    assert response.status_code == 302
    data = set(
        StringTranslation.objects.filter(locale__language_code="fr").values_list("data", flat=True)
    )
    assert {"Sorties sûres", "Sécurité incendie"} <= data


@pytest.mark.parametrize(
    "files",
    [
        {"evil.exe": "MZ"},
        {"a.po": "\x00"},
        {},
    ],
)
def test_batch_upload_refuses_what_is_not_po(client, translator, files):
    client.force_login(translator)
    before = _snapshot()
    response = _batch(client, _zip(files))
    assert response.status_code == 400
    assert _snapshot() == before


def test_batch_upload_with_a_nul_in_the_language_is_refused(client, translator):
    client.force_login(translator)
    before = _snapshot()
    response = _batch(client, _zip({"a.po": 'msgid "a"\nmsgstr "b"\n'}), language="f\x00r")
    assert response.status_code == 400
    assert _snapshot() == before


def test_batch_upload_of_another_language_file_is_refused(client, translator, superuser, guide, en):
    _outdated(guide, en)
    client.force_login(translator)
    archive = _export(client)
    name = next(n for n in archive.namelist() if "safe-exits" in n)
    po = _fill(polib.pofile(archive.read(name).decode()))
    before = _snapshot()
    # The French translator is not offered Spanish at all; an editor who is gets the reason.
    assert _batch(client, _zip({name: str(po)}), language="es").status_code == 400
    client.force_login(superuser)
    response = _batch(client, _zip({name: str(po)}), language="es")
    assert response.status_code == 400
    assert "not a file for this language" in response.content.decode()
    assert _snapshot() == before


def test_batch_upload_refused_for_pages_the_user_cannot_edit(
    client, outsider_translator, translator, guide, en
):
    _outdated(guide, en)
    client.force_login(translator)
    archive = _export(client)
    name = next(n for n in archive.namelist() if "safe-exits" in n)
    po = _fill(polib.pofile(archive.read(name).decode()))
    client.force_login(outsider_translator)
    before = _snapshot()
    response = _batch(client, _zip({name: str(po)}))
    assert response.status_code == 400  # no page rights: no language to upload into
    assert response.context["form"].errors["language"]
    assert _snapshot() == before
