"""Materials: format and size shown, stable download URLs, counting, language links, and
restricted resources' files kept from anonymous readers."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge.models import (
    GoodPracticeGuidePage,
    Material,
    MaterialDownloads,
    MaterialKind,
    ResourceEntry,
)
from knowledge.models.materials import increment_material
from tests.factories import translate

from .conftest import make_document, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(library):
    return make_resource(
        library,
        GoodPracticeGuidePage,
        "Fire guide",
        materials=[(MaterialKind.HANDOUT, "Fire handout"), (MaterialKind.SLIDES, "Fire slides")],
    )


def body(response):
    return b"".join(response.streaming_content)


def test_detail_shows_format_size_and_download_links(client, guide):
    html = client.get(guide.url).content.decode()
    material = guide.knowledge_materials.first()
    assert f'href="{guide.url}download/{material.pk}/"' in html
    assert "PDF" in html and "bytes" in html  # file size, e.g. "612 bytes"
    assert "Participant handout" in html


def test_download_is_counted_per_file_and_per_resource(client, guide):
    first, second = guide.knowledge_materials.order_by("sort_order")
    for _ in range(2):
        response = client.get(f"{guide.url}download/{first.pk}/")
        assert response.status_code == 200
        assert body(response).startswith(b"%PDF-")
        assert "attachment" in response["Content-Disposition"]
    client.get(f"{guide.url}download/{second.pk}/")
    assert MaterialDownloads.objects.get(material=first).count == 2
    assert MaterialDownloads.objects.get(material=second).count == 1
    assert ResourceEntry.objects.get(page=guide).downloads == 3
    # Counters hold no personal data: only the material and an integer.
    assert [f.name for f in MaterialDownloads._meta.get_fields()] == ["material", "count"]


def test_two_first_downloads_at_once_are_both_counted(client, guide):
    """Another reader's first download of the same file lands between this one's UPDATE (no
    row yet) and its INSERT: both are counted, and neither fails."""
    material = guide.knowledge_materials.first()
    table = MaterialDownloads._meta.db_table
    raced = []

    def other_download_slips_in(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not raced and sql.startswith(f'UPDATE "{table}"'):
            raced.append(sql)
            increment_material(material.pk)
        return result

    with connection.execute_wrapper(other_download_slips_in):
        response = client.get(f"{guide.url}download/{material.pk}/")
    assert response.status_code == 200 and raced
    assert MaterialDownloads.objects.get(material=material).count == 2


def test_download_url_stays_when_the_file_is_replaced(client, guide):
    material = guide.knowledge_materials.first()
    url = f"{guide.url}download/{material.pk}/"
    assert b"Fire handout" in body(client.get(url))
    revision_page = guide.get_latest_revision_as_object()
    materials = list(revision_page.knowledge_materials.all())
    replaced = next(m for m in materials if m.pk == material.pk)
    replaced.document = make_document("Fire handout v2")
    revision_page.knowledge_materials = materials
    revision_page.save_revision().publish()
    assert Material.objects.get(pk=material.pk).document.title == "Fire handout v2"
    assert b"Fire handout v2" in body(client.get(url))


def test_unknown_material_is_404(client, guide, library):
    other = make_resource(
        library, GoodPracticeGuidePage, "Other", materials=[(MaterialKind.HANDOUT, "Other handout")]
    )
    foreign = other.knowledge_materials.first()
    assert client.get(f"{guide.url}download/{foreign.pk}/").status_code == 404
    assert client.get(f"{guide.url}download/999999/").status_code == 404
    assert client.get(f"{guide.url}download/abc/").status_code == 404


def test_language_versions_of_a_material_are_linked(
    client, guide, library, django_capture_on_commit_callbacks
):
    km = Locale.objects.get(language_code="km")
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=library.pk).specific, [km])
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=guide.pk).specific, [km])
    khmer = guide.get_translation(km)
    assert khmer.live
    html = client.get(guide.url).content.decode()
    assert "Also in" in html
    khmer_material = Material.objects.filter(page=khmer).order_by("sort_order").first()
    assert f"{khmer.url}download/{khmer_material.pk}/" in html
    assert f'href="{khmer.url}" hreflang="km"' in html


@pytest.fixture
def restricted(guide):
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    return guide


def test_restricted_downloads_need_login(client, restricted):
    material = restricted.knowledge_materials.first()
    response = client.get(f"{restricted.url}download/{material.pk}/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]
    assert client.get(f"{restricted.url}bundle/").status_code == 302
    assert not MaterialDownloads.objects.filter(material=material).exists()


def test_restricted_documents_via_wagtail_serve_url(client, restricted):
    document = restricted.knowledge_materials.first().document
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    user = get_user_model().objects.create_user("reader", password="pw-reader-123")
    client.force_login(user)
    response = client.get(document.url)
    assert response.status_code == 200
    response = client.get(f"{restricted.url}download/{restricted.knowledge_materials.first().pk}/")
    assert response.status_code == 200


def test_group_restricted_documents_are_forbidden_for_other_users(client, guide):
    from django.contrib.auth.models import Group

    restriction = PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get_or_create(name="Trainers")[0]])
    document = guide.knowledge_materials.first().document
    client.force_login(get_user_model().objects.create_user("outsider", password="pw-x-12345"))
    assert client.get(document.url).status_code == 403


def test_restricted_resources_leave_the_public_listing(client, restricted):
    response = client.get("/en/resources/")
    assert response.context["result_count"] == 0
    PageViewRestriction.objects.filter(page=restricted).delete()
    assert client.get("/en/resources/").context["result_count"] == 1


def test_public_documents_still_served(client, guide):
    document = guide.knowledge_materials.first().document
    assert client.get(document.url).status_code == 200
