"""An import process killed in the middle (PostgreSQL, where a running import renews its
heartbeat from a connection of its own): nothing of its batch is kept, the batch makes the same
file wait while its lease lasts, then shows as failed, and the file imports again.

The other process sees the committed baseline; this test's transaction sees what the other
process commits (its batch and heartbeats), which is removed afterwards."""

import io
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from ims_bridge.models import (
    BatchStatus,
    CatVersion,
    Factory,
    Finding,
    ImportBatch,
    RawRows,
)

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="heartbeats are renewed during an import there"
    ),
    pytest.mark.django_db,
]

ROOT = Path(__file__).resolve().parents[2]
STOPPED = "The import process stopped (no progress since"


@pytest.fixture(scope="module", autouse=True)
def _remove_what_the_other_process_committed(django_db_setup, django_db_blocker):
    """The other process commits its batch (and, were it not killed, its data): removed once
    the test's own transaction is rolled back (a module fixture ends after it)."""
    yield
    with django_db_blocker.unblock():
        ImportBatch.objects.all().delete()  # and their raw rows
        Factory.objects.all().delete()  # and their assessments, findings, plan items
        CatVersion.objects.all().delete()  # and their questions


def database_url():
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def start_import(path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(),
        "IMS_IMPORT_LEASE_SECONDS": "1",  # a heartbeat every 0.1 s
    }
    command = [sys.executable, "manage.py", "ims_import", str(path), "--row-by-row"]
    command += ["--chunk-size", "100", "--no-recompute", "--verbosity", "0"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def wait_for_renewed_heartbeat(process, timeout=120):
    """The other process's batch once it has renewed its heartbeat (it is mid-import)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch = ImportBatch.objects.first()
        if batch is not None:
            assert batch.status == BatchStatus.RUNNING, "the import ended: use a bigger file"
            if batch.heartbeat_at - batch.created_at >= timedelta(seconds=0.3):
                return batch
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.05)
    pytest.fail("the import process renewed no heartbeat")


def test_a_killed_import_keeps_nothing_and_its_file_imports_again(
    tmp_path, settings, client, make_user
):
    path = tmp_path / "export.csv"
    generate = ["--factories", "40", "--cycles", "2", "--questions", "150"]
    call_command("ims_generate", str(path), *generate, stderr=io.StringIO())
    process = start_import(path)
    try:
        batch = wait_for_renewed_heartbeat(process)
    finally:
        process.kill()
        process.wait()
        process.stderr.close()

    batch.refresh_from_db()
    assert batch.status == BatchStatus.RUNNING  # nobody said otherwise
    # Its transaction died with it: not one row of the chunks it had written is kept.
    assert not Factory.objects.exists() and not Finding.objects.exists()
    assert not CatVersion.objects.exists() and not RawRows.objects.exists()

    settings.IMS_IMPORT_LEASE_SECONDS = 600  # its lease still runs: the file waits
    with pytest.raises(CommandError, match=f"Batch #{batch.pk} is importing the same content"):
        call_command("ims_import", str(path), "--no-recompute", stdout=io.StringIO())

    settings.IMS_IMPORT_LEASE_SECONDS = 1
    time.sleep(max(0.0, 1.2 - (timezone.now() - batch.heartbeat_at).total_seconds()))
    client.force_login(make_user("boss", is_staff=True, is_superuser=True))
    data = client.get(f"/admin/snippets/ims_bridge/importbatch/status/{batch.pk}/").json()
    assert data["status"] == "failed" and data["message"].startswith(STOPPED)

    out = io.StringIO()
    call_command("ims_import", str(path), "--no-recompute", stdout=out)
    assert "Import complete" in out.getvalue()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED and batch.message.startswith(STOPPED)
    again = ImportBatch.objects.get(status=BatchStatus.DONE)
    assert again.rows_imported == again.rows_read == Finding.objects.count() > 0
