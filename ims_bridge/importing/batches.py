"""A batch's life: skipped (same content as an imported batch), or running (its process renews
a heartbeat, see ``lease.py``), then done, done with rejected rows, or failed (nothing from it
kept: the file could not be read, every row was rejected, the import broke or was interrupted,
or its process stopped). Only a done batch, with or without rejected rows, makes a file with
the same content a skip; only a live running one makes it wait."""

from datetime import UTC

from django.utils import timezone

from ..models import BatchStatus, ImportBatch
from .session import MAX_STORED_ERRORS

IMPORTED = (BatchStatus.DONE, BatchStatus.DONE_WITH_ERRORS)
ALL_REJECTED = (
    "Every row was rejected (see the error report); nothing was imported. Fix the cause and "
    "import the file again."
)


def previous_import(sha, batch=None):
    """An imported batch with the same content (other than ``batch``), or None."""
    return (
        ImportBatch.objects.filter(sha256=sha, status__in=IMPORTED)
        .exclude(pk=getattr(batch, "pk", None))
        .first()
    )


def skip(batch, source, sha, previous):
    """Nothing to do, and nothing written: not even a batch row (``batch`` is saved if it
    exists already, e.g. an upload)."""
    skipped = batch or ImportBatch(source=str(source)[:500], sha256=sha)
    skipped.status = BatchStatus.SKIPPED
    skipped.message = f"Same content as batch #{previous.pk}; nothing to do."
    skipped.finished_at = timezone.now()
    if skipped.pk:
        skipped.save()
    return skipped


def running_import(sha, batch=None):
    """A running batch with the same content (other than ``batch``), or None."""
    return (
        ImportBatch.objects.filter(sha256=sha, status=BatchStatus.RUNNING)
        .exclude(pk=getattr(batch, "pk", None))
        .first()
    )


def busy_message(running, lease_seconds):
    since = (running.heartbeat_at or running.created_at).astimezone(UTC)
    return (
        f"Batch #{running.pk} is importing the same content (last progress "
        f"{since:%Y-%m-%d %H:%M:%S} UTC). Wait for it to finish; if its process has stopped, "
        f"it counts as failed after {lease_seconds:g} s without progress."
    )


def interrupted_message(exc):
    return (
        f"The import was interrupted ({type(exc).__name__}); nothing from this batch was kept. "
        "Import the file again."
    )


def start(batch, *, source, kind, sha, user):
    """The batch, created if need be, saved as running with a fresh heartbeat."""
    now = timezone.now()
    if batch is None:
        batch = ImportBatch(source=str(source)[:500], kind=kind, created_by=user)
    batch.sha256 = sha
    batch.status = BatchStatus.RUNNING
    batch.heartbeat_at = now
    batch.save()
    return batch


TRUNCATED = f"Only the first {MAX_STORED_ERRORS:,} errors are stored."


def finish(batch, counts):
    counts.copy_to(batch, max_errors=MAX_STORED_ERRORS)
    batch.status = BatchStatus.DONE_WITH_ERRORS if counts.rows_rejected else BatchStatus.DONE
    if len(counts.errors) > MAX_STORED_ERRORS:
        batch.message = TRUNCATED
    batch.finished_at = timezone.now()
    batch.save()
    return batch


def fail(batch, counts, message):
    counts.copy_to(batch, max_errors=MAX_STORED_ERRORS, imported=0)
    batch.status = BatchStatus.FAILED
    batch.message = message
    if len(counts.errors) > MAX_STORED_ERRORS:
        batch.message += " " + TRUNCATED
    batch.finished_at = timezone.now()
    batch.save()
    return batch
