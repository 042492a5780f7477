"""A batch's life: skipped (same content as an imported batch), started (running), then done,
done with rejected rows, or failed (nothing from it kept)."""

from django.utils import timezone

from ..models import BatchStatus, ImportBatch
from .session import MAX_STORED_ERRORS

IMPORTED = (BatchStatus.DONE, BatchStatus.DONE_WITH_ERRORS)


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


def start(batch, *, source, kind, sha, user):
    """The batch, created if need be, saved as running."""
    if batch is None:
        batch = ImportBatch.objects.create(
            source=str(source)[:500], kind=kind, sha256=sha, created_by=user
        )
    else:
        batch.sha256 = sha
    batch.status = BatchStatus.RUNNING
    batch.save()
    return batch


def finish(batch, counts):
    counts.copy_to(batch, max_errors=MAX_STORED_ERRORS)
    batch.status = BatchStatus.DONE_WITH_ERRORS if counts.rows_rejected else BatchStatus.DONE
    if len(counts.errors) > MAX_STORED_ERRORS:
        batch.message = f"Only the first {MAX_STORED_ERRORS:,} errors are stored."
    batch.finished_at = timezone.now()
    batch.save()
    return batch


def fail(batch, counts, message):
    counts.copy_to(batch, max_errors=MAX_STORED_ERRORS, imported=0)
    batch.status = BatchStatus.FAILED
    batch.message = message
    batch.finished_at = timezone.now()
    batch.save()
    return batch
