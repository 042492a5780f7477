import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from ims_bridge.models import BatchStatus, Finding, ImportBatch
from portal.roles import BUYERS

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


def test_upload_without_the_star_columns_is_refused_before_it_is_stored(client, make_user):
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    response = upload(client, b"just,some,columns\n1,2,3\n")
    assert response.status_code == 400
    assert "missing column(s)" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_non_staff_cannot_upload(client, make_user):
    client.force_login(make_user("buyer-x", [BUYERS]))
    response = upload(client, b"x")
    assert response.status_code in (302, 403)
    assert not ImportBatch.objects.exists()


# --- live progress: the batch page and its JSON status ------------------------------------


def status_url(batch_id):
    return f"/admin/snippets/ims_bridge/importbatch/status/{batch_id}/"


@pytest.fixture
def finished_batch(client, make_user):
    client.force_login(make_user("uploader", is_superuser=True, is_staff=True))
    content = star_csv([star_row(question="Q1"), star_row(question="Q2", finding="2")]).encode()
    upload(client, content)
    client.logout()
    return ImportBatch.objects.get()


def test_status_endpoint_returns_the_counts_for_staff(client, make_user, finished_batch):
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    response = client.get(status_url(finished_batch.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert {k: data[k] for k in ("id", "status", "finished", "live")} == {
        "id": finished_batch.pk,
        "status": "done_with_errors",
        "finished": True,
        "live": False,
    }
    assert (data["rows_read"], data["rows_imported"], data["rows_rejected"]) == (2, 1, 1)
    assert data["status_label"] == "Done, some rows rejected" and data["percent"] == 100
    assert data["errors_total"] == 1 and data["errors"][0]["line"] == 3
    assert "is not 0 or 1" in data["errors"][0]["reason"]


def test_batch_page_shows_the_state_without_javascript(client, make_user, finished_batch):
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    page = client.get(f"/admin/snippets/ims_bridge/importbatch/inspect/{finished_batch.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    panel = html[html.index('id="ims-batch-status"') : html.index("</section>")]
    assert f'data-status-url="{status_url(finished_batch.pk)}"' in panel
    assert 'data-finished="true"' in panel
    assert '<dd data-field="rows_read">2</dd>' in panel
    assert '<dd data-field="rows_imported">1</dd>' in panel
    assert '<dd data-field="rows_rejected">1</dd>' in panel
    assert "Done, some rows rejected" in panel and "is not 0 or 1" in panel
    assert 'data-field="refresh"' in panel  # a refresh link for readers without JavaScript
    assert "ims_bridge/batch_status" in html  # and the poller for those with it


def test_status_endpoint_refuses_anonymous_and_non_staff(client, make_user, finished_batch):
    url = status_url(finished_batch.pk)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    client.force_login(make_user("buyer-x", [BUYERS]))
    response = client.get(url)
    assert response.status_code == 302 and b"rows_read" not in response.content
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403


def test_status_endpoint_needs_permission_on_import_batches(client, make_user, finished_batch):
    editor = make_user("editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get(status_url(finished_batch.pk))
    assert refused.status_code == 403 and "permission" in refused.json()["error"]
    editor.user_permissions.add(Permission.objects.get(codename="view_importbatch"))
    client.force_login(editor)  # a fresh session: permissions are cached on the user
    assert client.get(status_url(finished_batch.pk)).json()["rows_read"] == 2


def test_status_of_an_unknown_batch_is_a_json_404(client, make_user):
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    response = client.get(status_url(999999))
    assert response.status_code == 404 and response.json() == {"error": "Not found."}
    assert client.get("/admin/snippets/ims_bridge/importbatch/status/x/").status_code == 404


def six_row_upload():
    """An uploaded export of six rows, the last with a finding that is not 0 or 1."""
    rows = [star_row(question=f"Q{n}") for n in range(1, 6)] + [
        star_row(question="Q9", finding="7")
    ]
    return ImportBatch.objects.create(
        source="big.csv",
        kind="upload",
        upload=SimpleUploadedFile("big.csv", star_csv(rows).encode(), "text/csv"),
    )


def run_and_poll(client, batch, monkeypatch):
    """Run the upload task, polling the status endpoint each time progress is published (as
    the batch page's script would); the snapshots seen."""
    from ims_bridge import progress
    from ims_bridge.tasks import import_uploaded_batch

    seen = []
    publish = progress.publish

    def publish_and_poll(*args, **kwargs):
        publish(*args, **kwargs)
        seen.append(client.get(status_url(batch.pk)).json())

    monkeypatch.setattr(progress, "publish", publish_and_poll)
    import_uploaded_batch.call(batch.pk)
    assert all(s["status"] == "running" and s["live"] and not s["finished"] for s in seen)
    assert seen[-1]["rows_rejected"] == 1 and seen[-1]["percent"] == 100
    assert "is not 0 or 1" in seen[-1]["errors"][0]["reason"]
    done = client.get(status_url(batch.pk)).json()
    assert done["finished"] and not done["live"] and done["status"] == "done_with_errors"
    assert (done["rows_read"], done["rows_imported"], done["rows_rejected"]) == (6, 5, 1)
    return seen


def test_status_follows_the_import_while_it_runs(client, make_user, settings, monkeypatch):
    """Row by row, the task publishes progress after every chunk."""
    settings.IMS_IMPORT_CHUNK_SIZE = 2
    settings.IMS_IMPORT_BULK = False
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    batch = six_row_upload()
    pending = client.get(status_url(batch.pk)).json()
    assert pending["status"] == "pending" and not pending["finished"]
    seen = run_and_poll(client, batch, monkeypatch)
    assert [s["rows_read"] for s in seen] == [2, 4, 6, 6]
    assert seen[0]["rows_imported"] == 2 and seen[0]["percent"] < 100


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-by-set path is PostgreSQL's")
def test_status_follows_a_set_by_set_import(client, make_user, monkeypatch):
    """Set by set, progress is published once the file is sent and once the rows are checked
    and written."""
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    seen = run_and_poll(client, six_row_upload(), monkeypatch)
    assert [(s["rows_read"], s["rows_imported"]) for s in seen] == [(6, 0), (6, 5)]
