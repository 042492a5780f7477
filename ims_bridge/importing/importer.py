"""Import a STAR export (or the bridge's JSON Lines form) as one atomic batch: the entry points
that the ``ims_import`` command, the admin upload task, ``ims_sync`` and the demo use.

A file already imported (same SHA-256) is skipped. Otherwise the batch runs in one database
transaction, set by set (``sets.py``) where that path applies, else row by row (``rows.py``),
both validating with the same ``Validator`` and writing with the same ``Writer``."""

import hashlib
from pathlib import Path

from django.db import connection, transaction

from ..models import Assessment, Factory, Finding, Question, RawRows
from ..readers import FormatError, sniff
from . import batches, sql
from .rows import RowByRow
from .session import Counts, Session
from .sets import NotBulk, StarCsvLoad
from .upserts import Writer
from .validation import Validator

CHUNK_SIZE = 5000
ANALYZE_AFTER_ROWS = 50_000


class ImportFailed(Exception):
    """The batch could not be imported; nothing from it was written."""

    def __init__(self, message, batch=None):
        super().__init__(message)
        self.batch = batch


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
        """Import ``fileobj`` (binary) into ``batch`` (a new one if None); the batch, skipped
        or finished. ImportFailed (with the failed batch) if nothing could be imported."""
        sha = _sha256(fileobj)
        previous = batches.previous_import(sha, batch)
        if previous and not force:
            return batches.skip(batch, self.source, sha, previous)
        batch = batches.start(batch, source=self.source, kind=self.kind, sha=sha, user=self.user)
        counts = Counts()
        try:
            with transaction.atomic():
                self._run(fileobj, batch, counts, total)
                if self.recompute:
                    from ..aggregation import refresh

                    refresh()
        except FormatError as exc:
            batches.fail(batch, counts, str(exc))
            raise ImportFailed(str(exc), batch) from None
        except Exception as exc:
            message = f"Import failed, nothing from this batch was kept: {exc}"
            batches.fail(batch, counts, message)
            raise ImportFailed(message, batch) from exc
        return batches.finish(batch, counts)

    def _run(self, fileobj, batch, counts, total):
        def report(done):
            """The counts so far go on the (unsaved) batch: the import's transaction hides
            saved ones from other connections, so the progress callback decides where to
            publish them."""
            counts.copy_to(batch)
            self.progress(batch, done, total)

        session = Session(batch.pk, self.chunk_size, counts, Validator(), Writer(), report)
        if not self._run_set_by_set(fileobj, session):
            RowByRow(session).run(fileobj)
        from ..aggregation import mark_windows

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
