"""Leases: a running batch is alive while its importing process renews its heartbeat.

The batch's data is written in one transaction, which hides everything it writes from other
connections until it ends, so the heartbeat is renewed from a connection of its own
(``Heartbeat``). A running batch whose heartbeat (or, before its first one, its creation) is
older than ``IMS_IMPORT_LEASE_SECONDS`` has stopped: its process died or hangs, and its
transaction was (or will be) rolled back. It is shown as failed wherever it is read
(``as_seen``) and stored as failed by the next import or sync (``expire_stale``); its file can
be imported again.

On SQLite only one connection writes at a time, so a running import cannot renew its heartbeat
there (it is set when the batch starts): an import longer than the lease shows as stopped
while it runs, and as done once it has finished (its final save wins)."""

import copy
import logging
import time
from datetime import UTC, timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.models import Q
from django.utils import timezone

from ..models import BatchStatus, ImportBatch
from . import sql

DEFAULT_LEASE_SECONDS = 300.0
BEATS_PER_LEASE = 10  # a live import renews its heartbeat this many times within one lease

logger = logging.getLogger(__name__)


def lease_seconds():
    return float(getattr(settings, "IMS_IMPORT_LEASE_SECONDS", DEFAULT_LEASE_SECONDS))


def last_progress(batch):
    return batch.heartbeat_at or batch.created_at


def _cutoff(now):
    return now - timedelta(seconds=lease_seconds())


def is_stale(batch, now=None):
    """A running batch whose process has shown no progress for a whole lease."""
    if batch.status != BatchStatus.RUNNING or last_progress(batch) is None:
        return False
    return last_progress(batch) < _cutoff(now or timezone.now())


def stopped_message(batch):
    since = last_progress(batch).astimezone(UTC)
    return (
        f"The import process stopped (no progress since {since:%Y-%m-%d %H:%M:%S} UTC); "
        "nothing from this batch was kept. Import the file again."
    )


def as_seen(batch):
    """``batch`` as readers should see it: a copy marked failed if its process has stopped (a
    read changes nothing; ``expire_stale`` stores it)."""
    if not is_stale(batch):
        return batch
    seen = copy.copy(batch)
    seen.status = BatchStatus.FAILED
    seen.message = stopped_message(batch)
    return seen


def expire_stale():
    """Store every running batch whose process has stopped as failed; the batches so marked.
    Each is updated only if it is still as read (a batch that renewed its heartbeat or
    finished meanwhile is left alone)."""
    now = timezone.now()
    cutoff = _cutoff(now)
    stale = ImportBatch.objects.filter(status=BatchStatus.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at=None, created_at__lt=cutoff)
    )
    expired = []
    for batch in stale:
        updated = ImportBatch.objects.filter(
            pk=batch.pk, status=BatchStatus.RUNNING, heartbeat_at=batch.heartbeat_at
        ).update(status=BatchStatus.FAILED, message=stopped_message(batch), finished_at=now)
        if updated:
            expired.append(batch)
    return expired


class Heartbeat:
    """Renews a running batch's heartbeat, at most ``BEATS_PER_LEASE`` times a lease, from a
    connection of its own (autocommit): the import's transaction would hide it."""

    def __init__(self, batch):
        self.batch_pk = batch.pk
        self.interval = lease_seconds() / BEATS_PER_LEASE
        self.last = time.monotonic()
        self._side = None  # the connection of its own (PostgreSQL)

    def beat(self):
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        if connection.vendor != "postgresql":
            return  # SQLite: the import's transaction holds the only write lock
        try:
            if self._side is None:
                self._side = connections.create_connection(DEFAULT_DB_ALIAS)
            with self._side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {sql.table(ImportBatch)} SET heartbeat_at = %s "  # noqa: S608
                    "WHERE id = %s AND status = %s",
                    [timezone.now(), self.batch_pk, BatchStatus.RUNNING],
                )
        except DatabaseError:
            # The import goes on; without heartbeats it may be shown as stopped meanwhile, and
            # its final save corrects that.
            logger.warning("Could not renew the heartbeat of import batch %s", self.batch_pk)

    def close(self):
        if self._side is not None:
            self._side.close()
            self._side = None
