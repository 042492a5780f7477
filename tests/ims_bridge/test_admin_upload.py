import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ims_bridge.models import BatchStatus, Finding, ImportBatch

from .helpers import star_csv, star_row

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/ims_bridge/importbatch/add/"


def upload(client, content, name="export.csv"):
    return client.post(ADD, {"upload": SimpleUploadedFile(name, content, "text/csv")})


def test_staff_upload_runs_the_import_and_shows_errors(client, make_user):
    admin = make_user("boss", is_superuser=True, is_staff=True)
    client.force_login(admin)
    content = star_csv([star_row(question="Q1"), star_row(question="Q2", finding="2")]).encode()
    response = upload(client, content)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/importbatch/inspect/{batch.pk}/"
    )
    assert batch.status == BatchStatus.DONE_WITH_ERRORS and batch.created_by == admin
    assert batch.source == "export.csv" and batch.kind == "upload"
    assert Finding.objects.count() == 1
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"is not 0 or 1" in page.content


def test_upload_of_a_broken_file_is_reported(client, make_user):
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    upload(client, b"just,some,columns\n1,2,3\n")
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.FAILED and "missing column" in batch.message


def test_non_staff_cannot_upload(client, make_user):
    client.force_login(make_user("buyer-x", ["Buyers"]))
    response = upload(client, b"x")
    assert response.status_code in (302, 403)
    assert not ImportBatch.objects.exists()
