"""Live progress of an import batch, for the admin's batch page.

The importer writes the batch's counts only when the batch ends, and it works inside one
database transaction (so that a failed batch leaves nothing behind): counts saved on the batch
row while it runs would not be visible to other connections anyway. So the import task
publishes a snapshot after every chunk to the cache (Redis via ``REDIS_URL`` when a worker runs
the imports; with the local-memory cache only the importing process sees it), and the batch
status endpoint prefers that snapshot while the batch is pending or running."""

from django.core.cache import cache
from django.utils.translation import gettext as _

from .importing import lease
from .models import BatchStatus

TIMEOUT = 6 * 60 * 60
MAX_ERRORS = 50
ACTIVE = {BatchStatus.PENDING, BatchStatus.RUNNING}


def key(batch_id):
    return f"ims:batch-progress:{batch_id}"


def publish(batch, done=None, total=None):
    """Store what has been counted so far for ``batch`` (the importer's progress callback,
    called after each chunk with the counts on the unsaved batch)."""
    cache.set(
        key(batch.pk),
        {
            "rows_read": batch.rows_read,
            "rows_imported": batch.rows_imported,
            "rows_rejected": batch.rows_rejected,
            "bytes_read": done,
            "bytes_total": total,
            "errors": list(batch.errors or [])[:MAX_ERRORS],
        },
        TIMEOUT,
    )


def clear(batch_id):
    cache.delete(key(batch_id))


def status(batch):
    """The batch as JSON-ready data: its state, counts and (the first) errors. A running batch
    whose process has stopped (``importing.lease``) is shown as failed."""
    batch = lease.as_seen(batch)
    finished = batch.status not in ACTIVE
    data = {
        "id": batch.pk,
        "source": batch.source,
        "status": batch.status,
        "status_label": str(batch.get_status_display()),
        "finished": finished,
        "live": False,
        "rows_read": batch.rows_read,
        "rows_imported": batch.rows_imported,
        "rows_rejected": batch.rows_rejected,
        "percent": 100 if finished else None,
        "message": batch.message,
        "errors": list(batch.errors or [])[:MAX_ERRORS],
        "errors_total": len(batch.errors or []),
        "created_at": batch.created_at.isoformat() if batch.created_at else None,
        "finished_at": batch.finished_at.isoformat() if batch.finished_at else None,
    }
    snapshot = cache.get(key(batch.pk)) if batch.status in ACTIVE else None
    if snapshot:
        data["live"] = True
        for name in ("rows_read", "rows_imported", "rows_rejected"):
            data[name] = snapshot.get(name) or 0
        data["errors"] = snapshot.get("errors") or []
        data["errors_total"] = data["rows_rejected"]
        done, total = snapshot.get("bytes_read"), snapshot.get("bytes_total")
        if done is not None and total:
            data["percent"] = min(100, round(done * 100 / total))
    if not data["finished"] and not data["message"]:
        data["message"] = (
            _("Waiting for the import to start.")
            if batch.status == BatchStatus.PENDING
            else _("Importing…")
        )
    return data
