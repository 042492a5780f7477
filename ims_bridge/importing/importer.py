"""Import a STAR export (or the bridge's JSON Lines form) as one atomic batch: the entry points
that the ``ims_import`` command, the admin upload task, ``ims_sync`` and the demo use.

A file already imported (same SHA-256) is skipped, and one that a live batch is importing is
refused. Otherwise the batch runs in one database transaction (its data and its final state
commit together; ``lease.py`` deals with a process that dies meanwhile), set by set
(``sets.py``) where that path applies, else row by row (``rows.py``), both validating with the
same ``Validator`` and writing with the same ``Writer``."""

import contextlib
import hashlib
import logging
from pathlib import Path

from django.db import connection, transaction

from ..aggregation import mark_windows, refresh
from ..models import Assessment, Factory, Finding, Question, RawRows
from ..readers import FormatError, sniff
from ..signals import batch_imported
from . import batches, lease, sql
from .rows import RowByRow
from .session import Counts, Session
from .sets import NotBulk, StarCsvLoad
from .upserts import Writer
from .validation import Validator

logger = logging.getLogger(__name__)

CHUNK_SIZE = 5000
ANALYZE_AFTER_ROWS = 50_000


class ImportFailed(Exception):
    """The batch could not be imported; nothing from it was written."""

    def __init__(self, message, batch=None):
        super().__init__(message)
        self.batch = batch


class _AllRejected(Exception):
    """Every row was rejected: the batch's transaction is rolled back, the batch fails."""


def _sha256(fileobj):
    digest = hashlib.sha256()
    for block in iter(lambda: fileobj.read(1 << 20), b""):
        digest.update(block)
    fileobj.seek(0)
    return digest.hexdigest()


class Importer:
    def __init__(
        self,
        *,
        source,
        chunk_size=CHUNK_SIZE,
        progress=None,
        user=None,
        kind="file",
        recompute=True,
        bulk=True,
    ):
        self.source = source
        self.chunk_size = chunk_size
        self.progress = progress or (lambda batch, done, total: None)
        self.user = user
        self.kind = kind
        self.recompute = recompute
        self.bulk = bulk  # STAR CSV set by set on PostgreSQL (``sets.py``); False: row by row

    def import_path(self, path, force=False):
        path = Path(path)
        if not path.is_file():
            raise ImportFailed(f"No such file: {path}")
        with path.open("rb") as fileobj:
            return self.import_file(fileobj, force=force, total=path.stat().st_size)

    def import_file(self, fileobj, force=False, total=None, batch=None):
        """Import ``fileobj`` (binary) into ``batch`` (a new one if None); the batch, skipped,
        done, or failed because every row was rejected. ImportFailed (with the failed batch,
        if any) if nothing could be imported."""
        sha = _sha256(fileobj)
        lease.expire_stale()
        previous = batches.previous_import(sha, batch)
        if previous and not force:
            return batches.skip(batch, self.source, sha, previous)
        batch = self._start(batch, sha)
        heartbeat = lease.Heartbeat(batch)
        counts = Counts()
        try:
            with transaction.atomic():
                self._run(fileobj, batch, counts, total, heartbeat.beat)
                if not counts.rows_imported:
                    raise _AllRejected
                if self.recompute:
                    heartbeat.beat()
                    refresh()
                heartbeat.close()
                # Saved in the data's transaction: the batch is done exactly when its data is
                # there; a process that dies before leaves it running, then stale.
                finished = batches.finish(batch, counts)
        except _AllRejected:
            return batches.fail(batch, counts, batches.ALL_REJECTED)
        except FormatError as exc:
            batches.fail(batch, counts, str(exc))
            raise ImportFailed(str(exc), batch) from None
        except Exception as exc:
            message = f"Import failed, nothing from this batch was kept: {exc}"
            batches.fail(batch, counts, message)
            raise ImportFailed(message, batch) from exc
        except BaseException as exc:  # Ctrl-C, a worker told to exit: not left running
            with contextlib.suppress(Exception):
                batches.fail(batch, counts, batches.interrupted_message(exc))
            raise
        finally:
            heartbeat.close()
        _announce(finished)
        return finished

    def _start(self, batch, sha):
        """The batch, saved as running, unless a live batch is importing the same content."""
        with transaction.atomic():
            sql.lock_for_transaction(int(sha[:15], 16))
            running = batches.running_import(sha, batch)
            if running is None:
                return batches.start(
                    batch, source=self.source, kind=self.kind, sha=sha, user=self.user
                )
        message = batches.busy_message(running, lease.lease_seconds())
        if batch is not None:
            batch.sha256 = sha
            batches.fail(batch, Counts(), message)
        raise ImportFailed(message, batch)

    def _run(self, fileobj, batch, counts, total, beat):
        def report(done):
            """The counts so far go on the (unsaved) batch: the import's transaction hides
            saved ones from other connections, so the progress callback decides where to
            publish them."""
            counts.copy_to(batch)
            self.progress(batch, done, total)
            beat()

        session = Session(batch.pk, self.chunk_size, counts, Validator(), Writer(), report, beat)
        if not self._run_set_by_set(fileobj, session):
            RowByRow(session).run(fileobj)

        beat()
        mark_windows()
        if connection.vendor == "postgresql" and counts.rows_read >= ANALYZE_AFTER_ROWS:
            # Fresh statistics after a bulk load (and after marking the latest assessments,
            # which the public pages filter on), or the queries get a poor plan.
            sql.analyze([Finding, Assessment, Question, Factory, RawRows])

    def _run_set_by_set(self, fileobj, session):
        """The set-by-set path when it applies; False to read row by row."""
        if not self.bulk or connection.vendor != "postgresql" or sniff(fileobj) != "csv":
            return False
        try:
            with transaction.atomic():
                StarCsvLoad(session, fileobj).run()
        except NotBulk:  # raised before any part is written (the file sent, parts read)
            fileobj.seek(0)
            session.counts.reset()
            return False
        return True


def _announce(batch):
    """Tell listeners (``ims_bridge.signals.batch_imported``) which factories the committed
    batch touched; a failing listener is logged and never fails the import."""
    factory_ids = sorted(
        set(
            RawRows.objects.filter(batch=batch, factory__isnull=False).values_list(
                "factory_id", flat=True
            )
        )
    )
    for receiver, result in batch_imported.send_robust(
        sender=Importer, batch=batch, factory_ids=factory_ids
    ):
        if isinstance(result, Exception):
            logger.error("batch_imported receiver %r failed", receiver, exc_info=result)
