"""Imports that cannot get stuck: a batch whose process stopped, an interrupted batch, a batch
whose every row was rejected. Each ends failed, with a message, and the same file can be
imported again (see test_import_process.py for a process really killed, on PostgreSQL)."""

import hashlib
import io
from datetime import UTC, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from ims_bridge.models import (
    BatchStatus,
    Factory,
    Finding,
    ImportBatch,
    ImprovementPlanItem,
    RawRows,
)
from portal.models import CompliancePoint

from .helpers import star_csv, star_row, write

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/ims_bridge/importbatch/add/"
STOPPED = "The import process stopped (no progress since"


def run(path, *args):
    out = io.StringIO()
    call_command("ims_import", str(path), *args, stdout=out)
    return out.getvalue()


def status_url(batch):
    return f"/admin/snippets/ims_bridge/importbatch/status/{batch.pk}/"


def inspect_url(batch):
    return f"/admin/snippets/ims_bridge/importbatch/inspect/{batch.pk}/"


def running_batch(content=b"", *, started, progress=None, kind="file"):
    """A batch left running, started ``started`` ago, its last heartbeat ``progress`` ago
    (None: a batch from before heartbeats)."""
    now = timezone.now()
    batch = ImportBatch.objects.create(
        source="export.csv",
        kind=kind,
        sha256=hashlib.sha256(content).hexdigest(),
        status=BatchStatus.RUNNING,
    )
    fields = {"created_at": now - started}
    if progress is not None:
        fields["heartbeat_at"] = now - progress
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    return ImportBatch.objects.get(pk=batch.pk)


@pytest.fixture
def staff(client, make_user):
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    return client


def three_rows(cp="Overtime"):
    return star_csv([star_row(question=f"Q{n}", cp=cp) for n in (1, 2, 3)]).encode()


def teach_alias(alias):
    """Fix the cause of 'unknown compliance point': the alias STAR uses for Overtime."""
    CompliancePoint.objects.filter(slug="overtime").update(aliases=alias)


# --- a batch whose process stopped ------------------------------------------------------------


def test_a_batch_whose_process_stopped_shows_as_failed(staff, settings):
    settings.IMS_IMPORT_LEASE_SECONDS = 300
    stopped = running_batch(b"a", started=timedelta(hours=2), progress=timedelta(minutes=6))
    alive = running_batch(b"b", started=timedelta(hours=2), progress=timedelta(seconds=20))

    data = staff.get(status_url(stopped)).json()
    assert (data["status"], data["finished"], data["live"]) == ("failed", True, False)
    assert data["status_label"] == "Failed (nothing imported)"
    since = stopped.heartbeat_at.astimezone(UTC)
    assert f"{STOPPED} {since:%Y-%m-%d %H:%M:%S} UTC)" in data["message"]
    assert "Import the file again" in data["message"]
    page = staff.get(inspect_url(stopped)).content.decode()
    panel = page[page.index('id="ims-batch-status"') : page.index("</section>")]
    assert 'data-finished="true"' in panel and "Failed (nothing imported)" in panel
    assert STOPPED in panel

    # A long import that still makes progress is running, however long ago it started.
    data = staff.get(status_url(alive)).json()
    assert (data["status"], data["finished"]) == ("running", False)
    # Looking changes nothing: the next import or sync stores the failure.
    assert ImportBatch.objects.get(pk=stopped.pk).status == BatchStatus.RUNNING


def test_a_batch_left_running_before_heartbeats_existed_shows_as_failed(staff):
    stopped = running_batch(started=timedelta(days=3))
    data = staff.get(status_url(stopped)).json()
    assert data["status"] == "failed" and STOPPED in data["message"]


def test_the_file_of_a_stopped_batch_imports_again(tmp_path):
    content = three_rows()
    stopped = running_batch(content, started=timedelta(hours=1), progress=timedelta(hours=1))
    output = run(write(tmp_path, content))
    assert "3 imported, 0 rejected" in output and "Import complete" in output
    stopped.refresh_from_db()
    assert stopped.status == BatchStatus.FAILED and stopped.message.startswith(STOPPED)
    assert stopped.finished_at is not None
    assert ImportBatch.objects.exclude(pk=stopped.pk).get().status == BatchStatus.DONE
    assert Finding.objects.count() == 3


def test_a_file_that_a_live_batch_is_importing_is_not_imported_twice(tmp_path):
    content = three_rows()
    live = running_batch(content, started=timedelta(hours=1), progress=timedelta(seconds=5))
    with pytest.raises(CommandError, match=rf"Batch #{live.pk} is importing the same content"):
        run(write(tmp_path, content), "--force")
    assert ImportBatch.objects.get() == live and live.status == BatchStatus.RUNNING
    assert not Finding.objects.exists()


def test_upload_after_a_stopped_upload_of_the_same_file(staff):
    content = three_rows()
    stopped = running_batch(
        content, started=timedelta(hours=1), progress=timedelta(hours=1), kind="upload"
    )
    staff.post(ADD, {"upload": SimpleUploadedFile("export.csv", content, "text/csv")})
    again = ImportBatch.objects.exclude(pk=stopped.pk).get()
    assert again.status == BatchStatus.DONE and again.rows_imported == 3
    assert ImportBatch.objects.get(pk=stopped.pk).status == BatchStatus.FAILED
    assert staff.get(status_url(stopped)).json()["message"].startswith(STOPPED)


def test_an_interrupted_import_is_failed_and_leaves_nothing(settings, monkeypatch):
    """Ctrl-C, or a worker told to exit, in the middle of an upload's import."""
    from ims_bridge import progress
    from ims_bridge.tasks import import_uploaded_batch

    settings.IMS_IMPORT_CHUNK_SIZE = 2
    settings.IMS_IMPORT_BULK = False
    content = star_csv([star_row(f"KH-{n}", f"A{n}") for n in range(6)]).encode()
    batch = ImportBatch.objects.create(
        source="big.csv", kind="upload", upload=SimpleUploadedFile("big.csv", content)
    )

    def interrupt(batch, done=None, total=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(progress, "publish", interrupt)
    with pytest.raises(KeyboardInterrupt):
        import_uploaded_batch.call(batch.pk)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED
    assert "interrupted (KeyboardInterrupt)" in batch.message
    assert not Factory.objects.exists() and not RawRows.objects.exists()

    monkeypatch.undo()
    again = ImportBatch.objects.create(
        source="big.csv", kind="upload", upload=SimpleUploadedFile("big.csv", content)
    )
    import_uploaded_batch.call(again.pk)
    again.refresh_from_db()
    assert again.status == BatchStatus.DONE and Finding.objects.count() == 6


# --- a batch whose every row was rejected ------------------------------------------------------


def test_a_file_whose_every_row_is_rejected_fails_and_imports_once_fixed(tmp_path):
    path = write(tmp_path, three_rows(cp="OT"))
    with pytest.raises(CommandError, match="Every row was rejected"):
        run(path)
    failed = ImportBatch.objects.get()
    assert failed.status == BatchStatus.FAILED
    assert (failed.rows_read, failed.rows_imported, failed.rows_rejected) == (3, 0, 3)
    assert [(e["line"], e["column"], e["reason"]) for e in failed.errors] == [
        (line, "CP", "unknown compliance point 'OT'") for line in (2, 3, 4)
    ]
    assert not Factory.objects.exists() and not RawRows.objects.exists()

    teach_alias("OT")
    output = run(path)  # the same file: the failed batch does not make it a skip
    assert "3 imported, 0 rejected" in output and "Import complete" in output
    assert Finding.objects.count() == 3
    assert ImportBatch.objects.get(pk=failed.pk).status == BatchStatus.FAILED


def test_a_plan_export_imported_too_early_imports_once_its_findings_are_in(tmp_path):
    plans = write(
        tmp_path,
        "Factory.Assessed.ID,Quest.ID,CP,Action,Status,Due.Date\n"
        "KH-1,A1,Overtime,Cap overtime,Pending,30/06/2022\n",
        "plans.csv",
    )
    with pytest.raises(CommandError, match="Every row was rejected"):
        run(plans)
    assert "import its findings first" in ImportBatch.objects.get().errors[0]["reason"]
    run(write(tmp_path, star_csv([star_row("KH-1", "A1")]), "findings.csv"))
    assert "1 imported" in run(plans)
    assert ImprovementPlanItem.objects.get().action == "Cap overtime"


def test_upload_whose_every_row_is_rejected_is_failed_and_can_be_uploaded_again(staff):
    content = three_rows(cp="OT")
    staff.post(ADD, {"upload": SimpleUploadedFile("export.csv", content, "text/csv")})
    failed = ImportBatch.objects.get()
    assert failed.status == BatchStatus.FAILED and failed.rows_rejected == 3
    data = staff.get(status_url(failed)).json()
    assert data["status_label"] == "Failed (nothing imported)"
    assert "Every row was rejected" in data["message"] and data["errors_total"] == 3
    page = staff.get(inspect_url(failed)).content.decode()
    assert "Failed (nothing imported)" in page and "unknown compliance point" in page

    teach_alias("OT")
    staff.post(ADD, {"upload": SimpleUploadedFile("export.csv", content, "text/csv")})
    again = ImportBatch.objects.exclude(pk=failed.pk).get()
    assert again.status == BatchStatus.DONE and Finding.objects.count() == 3


def test_the_batch_list_shows_a_stopped_batch_as_failed(staff):
    stopped = running_batch(b"a", started=timedelta(hours=2), progress=timedelta(hours=1))
    alive = running_batch(b"b", started=timedelta(hours=2), progress=timedelta(seconds=5))
    html = staff.get("/admin/snippets/ims_bridge/importbatch/").content.decode()
    rows = {pk: html[html.index(f"/inspect/{pk}/") :][:1500] for pk in (stopped.pk, alive.pk)}
    assert "Failed" in rows[stopped.pk] and "Running" not in rows[stopped.pk]
    assert "Running" in rows[alive.pk]
