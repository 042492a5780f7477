"""Private files are private by construction: community attachments, Wagtail documents, IMS
uploads, resource bundles and original images are stored outside public media, have no URL,
are never reachable under /media/ (not even with DEBUG's media serving) and reach a reader only
through the view that checks permission. Public media holds image renditions only."""

import importlib
import io
import os

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from communities.models import Attachment
from ims_bridge.models import ImportBatch
from knowledge.bundles import BUNDLE_DIR
from knowledge.models import GoodPracticeGuidePage, MaterialKind
from knowledge.pdf import make_pdf
from tests.factories import PNG
from tests.ims_bridge.helpers import star_csv, star_row
from tests.portal.test_settings import settings_as_json

from .conftest import login, make_document, make_resource, post_multipart, stored_files

pytestmark = pytest.mark.django_db

PDF = make_pdf("Private")


def public_storage():
    return FileSystemStorage(location=settings.MEDIA_ROOT, base_url=settings.MEDIA_URL)


def test_private_storages_have_no_url_and_live_outside_public_media():
    for alias in ("default", "private"):
        storage = storages[alias]
        assert os.path.realpath(storage.location) == os.path.realpath(settings.PRIVATE_MEDIA_ROOT)
        with pytest.raises(NotImplementedError):
            storage.url("documents/guide.pdf")
    public = storages["public"]
    assert os.path.realpath(public.location) == os.path.realpath(settings.MEDIA_ROOT)
    assert public.url("images/pixel.png") == "/media/images/pixel.png"
    assert settings.WAGTAILIMAGES_RENDITION_STORAGE == "public"


def test_upload_settings_come_from_the_environment():
    values = settings_as_json(
        "[str(s.PRIVATE_MEDIA_ROOT), s.REQUEST_BODY_MAX_SIZE,"
        " s.REQUEST_BODY_MAX_SIZE_BY_PATH['/admin/documents/'],"
        " s.REQUEST_BODY_MAX_SIZE_BY_PATH['/admin/snippets/ims_bridge/importbatch/']]",
        PRIVATE_MEDIA_ROOT="/srv/portal-private",
        REQUEST_BODY_MAX_MB="5",
        ADMIN_UPLOAD_MAX_MB="80",
        IMS_UPLOAD_MAX_MB="300",
    )
    assert values == ["/srv/portal-private", 5 * 2**20, 80 * 2**20, 300 * 2**20]
    default = settings_as_json("str(s.PRIVATE_MEDIA_ROOT)")
    assert default == str(settings.BASE_DIR / "private_media")


def test_private_media_inside_public_media_fails_the_system_check(settings):
    settings.PRIVATE_MEDIA_ROOT = os.path.join(settings.MEDIA_ROOT, "private")
    with pytest.raises(SystemCheckError, match="portal.E001"):
        call_command("check")
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT
    with pytest.raises(SystemCheckError, match="overlaps MEDIA_ROOT"):
        call_command("check")


@pytest.fixture
def one_of_each(client, people, make_community, make_user, library):
    """An attachment, a document, an IMS upload, a bundle and an image with a rendition, each
    made as users make them; returns the files they added, by where they were stored."""
    before = stored_files()
    community = make_community("members")
    login(client, people["member"])
    post_multipart(
        client,
        f"/en/communities/{community.slug}/new/",
        {"title": "Notes", "body": "Attached."},
        [("attachment", "notes.pdf", PDF)],
    )
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    root = Collection.get_first_root_node()
    post_multipart(
        client,
        "/admin/documents/add/",
        {"title": "Admin guide", "collection": root.pk},
        [("file", "admin-guide.pdf", PDF)],
    )
    post_multipart(
        client,
        "/admin/snippets/ims_bridge/importbatch/add/",
        {},
        [("upload", "export.csv", star_csv([star_row()]).encode())],
    )
    client.logout()
    guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Bundled guide",
        materials=[(MaterialKind.HANDOUT, "Bundled handout")],
    )
    assert client.get(f"{guide.url}bundle/").status_code == 200
    image = Image.objects.create(title="Pixel", file=ImageFile(io.BytesIO(PNG), name="pixel.png"))
    rendition = image.get_rendition("width-1")
    added = stored_files() - before
    return {
        "private": {path for where, path in added if where == "private"},
        "public": {path for where, path in added if where == "public"},
        "rendition": rendition,
    }


def test_only_renditions_are_in_public_media(one_of_each):
    private, public = one_of_each["private"], one_of_each["public"]
    assert public == {one_of_each["rendition"].file.name}
    assert public.pop().startswith("images/")
    folders = {path.split("/")[0] for path in private}
    assert folders == {"communities", "documents", "ims_uploads", "knowledge", "original_images"}
    assert Attachment.objects.get().file.name in private
    assert ImportBatch.objects.get().upload.name in private
    assert any(path.startswith(f"{BUNDLE_DIR}/") for path in private)


@override_settings(ROOT_URLCONF="tests.security.debug_media_urls")
def test_private_files_are_not_under_media_even_with_debug_serving(client, one_of_each):
    rendition = one_of_each["rendition"]
    assert client.get(rendition.url).status_code == 200  # the route works for public files
    private_folder = os.path.basename(os.path.normpath(settings.PRIVATE_MEDIA_ROOT))
    others = (one_of_each["private"] | one_of_each["public"]) - {rendition.file.name}
    assert len(others) >= 5
    for path in others:
        assert client.get(f"/media/{path}").status_code == 404, path
        escaped = client.get(f"/media/../{private_folder}/{path}")
        assert escaped.status_code in (400, 404), path


# --- each private file only through its permission-checking view ----------------------------


def test_attachment_only_through_its_view(client, people, make_community):
    community = make_community("members")
    login(client, people["member"])
    post_multipart(
        client,
        f"/en/communities/{community.slug}/new/",
        {"title": "Notes", "body": "Attached."},
        [("attachment", "notes.pdf", PDF)],
    )
    url = Attachment.objects.get().get_absolute_url()
    assert client.get(url).status_code == 200
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    login(client, people["nonmember"])
    assert client.get(url).status_code == 403


def test_document_in_a_private_collection_only_through_its_view(client, make_user):
    staff_only = Group.objects.create(name="Document readers")
    collection = Collection.get_first_root_node().add_child(name="Restricted")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([staff_only])
    document = make_document("Restricted report")
    document.collection = collection
    document.save()
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302 and PDF[:5] not in anonymous.content
    outsider = make_user("outsider")
    client.force_login(outsider)
    assert client.get(document.url).status_code in (302, 403)
    outsider.groups.add(staff_only)
    client.force_login(outsider)
    assert client.get(document.url).status_code == 200


def test_materials_and_bundle_of_a_restricted_resource_only_through_their_views(
    client, library, make_user
):
    guide = make_resource(
        library,
        GoodPracticeGuidePage,
        "Members guide",
        materials=[(MaterialKind.HANDOUT, "Members handout")],
    )
    restriction = PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.GROUPS
    )
    trainers = Group.objects.get_or_create(name="Trainers")[0]
    restriction.groups.set([trainers])
    material = guide.knowledge_materials.first()
    urls = [
        material.document.url,
        f"{guide.url}download/{material.pk}/",
        f"{guide.url}bundle/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    outsider = make_user("outsider")
    client.force_login(outsider)
    for url in urls:
        assert client.get(url).status_code in (302, 403), url
    outsider.groups.add(trainers)
    client.force_login(outsider)
    for url in urls:
        assert client.get(url).status_code == 200, url


# --- the data migration ---------------------------------------------------------------------


MIGRATIONS = [
    ("portal.migrations.0004_move_documents_and_images_to_private_storage", "move_files"),
    ("communities.migrations.0003_attachment_private_storage", "move_attachments"),
    ("ims_bridge.migrations.0007_importbatch_upload_private_storage", "move_uploads"),
    ("knowledge.migrations.0005_move_bundles_to_private_storage", "move_bundles"),
]


def run_migrations(reverse=False):
    for module, function in MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None, reverse=reverse)


def test_the_data_migration_moves_existing_files_out_of_public_media(client, caplog):
    """Files stored before this change sit in public media; migrating moves each one, and a
    row whose file is gone is logged, not fatal."""
    public, private = public_storage(), storages["private"]
    legacy = {
        "documents/legacy-guide.pdf": PDF,
        "original_images/legacy.png": PNG,
        "communities/attachments/2020/01/legacytoken0000000000.pdf": PDF,
        "ims_uploads/legacy-export.csv": b"Country\n",
        f"{BUNDLE_DIR}/999/legacy.zip": b"PK\x05\x06" + bytes(18),
    }
    for name, data in legacy.items():
        public.delete(name)
        private.delete(name)
        assert public.save(name, ContentFile(data)) == name
    document = Document.objects.create(title="Legacy guide", file="documents/legacy-guide.pdf")
    Document.objects.create(title="Vanished", file="documents/vanished.pdf")
    Image.objects.create(
        title="Legacy", file="original_images/legacy.png", width=1, height=1, file_size=len(PNG)
    )
    Attachment.objects.create(
        token="legacytoken0000000000",
        file="communities/attachments/2020/01/legacytoken0000000000.pdf",
        original_name="legacy.pdf",
        content_type="application/pdf",
        size=len(PDF),
        kind=Attachment.Kind.DOCUMENT,
    )
    ImportBatch.objects.create(source="legacy-export.csv", upload="ims_uploads/legacy-export.csv")

    run_migrations()

    for name, data in legacy.items():
        assert not public.exists(name), name
        with private.open(name, "rb") as handle:
            assert handle.read() == data
    assert "documents/vanished.pdf is missing" in caplog.text
    response = client.get(document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF

    run_migrations()  # a second run changes nothing
    assert all(private.exists(name) and not public.exists(name) for name in legacy)

    run_migrations(reverse=True)  # and it can be undone
    assert all(public.exists(name) and not private.exists(name) for name in legacy)
    for name in legacy:
        public.delete(name)
