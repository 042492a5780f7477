"""'Download all materials': ZIP contents, background build, rebuild after republish."""

import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings

from knowledge.bundles import BUNDLE_DIR, build_bundle
from knowledge.models import GoodPracticeGuidePage, MaterialKind, TrainingModulePage

from .conftest import make_document, make_resource

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def zip_names(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_module_bundle_contains_exactly_its_documents(client, dataset):
    module = dataset["M"]
    files = zip_names(client.get(f"{module.url}bundle/"))
    documents = [m.document for m in module.knowledge_materials.all()]
    assert sorted(files) == sorted(d.filename for d in documents)
    for document in documents:
        with document.file.open("rb") as handle:
            assert files[document.filename] == handle.read()


def test_programme_bundle_has_modules_in_folders(client, dataset):
    files = zip_names(client.get(f"{dataset['E'].url}bundle/"))
    module = dataset["M"]
    assert sorted(files) == sorted(
        f"{module.slug}/{m.document.filename}" for m in module.knowledge_materials.all()
    )


def test_bundle_is_rebuilt_after_republish(client, dataset):
    module = dataset["M"]
    before = zip_names(client.get(f"{module.url}bundle/"))
    draft = module.get_latest_revision_as_object()
    materials = list(draft.knowledge_materials.all())
    materials[0].document = make_document("New trainer guide")
    draft.knowledge_materials = materials
    draft.save_revision().publish()
    after = zip_names(client.get(f"{module.url}bundle/"))
    assert "new-trainer-guide.pdf" in after
    assert set(before) != set(after)
    _dirs, stored = default_storage.listdir(f"{BUNDLE_DIR}/{module.pk}")
    assert len(stored) == 1  # the old bundle is removed
    # The programme bundle follows its module.
    programme = zip_names(client.get(f"{dataset['E'].url}bundle/"))
    assert f"{module.slug}/new-trainer-guide.pdf" in programme


def test_page_never_waits_for_a_build(client, library):
    with override_settings(TASKS=DUMMY_TASKS):
        guide = make_resource(
            library,
            GoodPracticeGuidePage,
            "Queued guide",
            materials=[(MaterialKind.HANDOUT, "Queued handout")],
        )
        response = client.get(f"{guide.url}bundle/")
        assert response.status_code == 202
        assert "being prepared" in response.content.decode()
    build_bundle.call(guide.pk)
    assert set(zip_names(client.get(f"{guide.url}bundle/"))) == {"queued-handout.pdf"}


def test_no_materials_no_bundle(client, library):
    guide = make_resource(library, GoodPracticeGuidePage, "Empty guide")
    assert client.get(f"{guide.url}bundle/").status_code == 404


def test_detail_links_the_bundle(client, dataset):
    html = client.get(dataset["M"].url).content.decode()
    assert f'href="{dataset["M"].url}bundle/"' in html


def test_module_with_no_programme_is_not_allowed(library):
    assert not TrainingModulePage.can_create_at(library)
