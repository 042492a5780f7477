"""Import batches and the raw rows they brought in."""

import csv
import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    DONE_WITH_ERRORS = "done_with_errors", _("Done, some rows rejected")
    FAILED = "failed", _("Failed (nothing imported)")
    SKIPPED = "skipped", _("Skipped (already imported)")


def upload_path(instance, filename):
    """A random name: the uploader's file name is kept (cleaned) in ``source`` only."""
    ext = os.path.splitext(filename)[1].lower()
    ext = ext if ext in (".csv", ".jsonl") else ""
    return f"ims_uploads/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


class ImportBatch(models.Model):
    source = models.CharField(
        _("source"), max_length=500, help_text=_("File name or API URL the rows came from.")
    )
    kind = models.CharField(_("kind"), max_length=16, default="file")
    sha256 = models.CharField(_("SHA-256 of the content"), max_length=64, blank=True, db_index=True)
    upload = models.FileField(
        _("uploaded export"),
        upload_to=upload_path,
        storage=private_storage,
        blank=True,
        help_text=_("A STAR CSV export or an ims-bridge JSON Lines file (UTF-8)."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BatchStatus.choices, default=BatchStatus.PENDING
    )
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    rows_imported = models.PositiveIntegerField(_("rows imported"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rows rejected"), default=0)
    errors = models.JSONField(
        _("error report"),
        default=list,
        blank=True,
        help_text=_("One entry per rejected row: line, column, reason."),
    )
    message = models.TextField(_("message"), blank=True)
    cursor = models.CharField(_("sync cursor after this batch"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        _("last progress"),
        null=True,
        blank=True,
        help_text=_(
            "Renewed by the importing process while it runs; a running batch without progress "
            "for IMS_IMPORT_LEASE_SECONDS has stopped and counts as failed."
        ),
    )

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"#{self.pk} {self.source} ({self.get_status_display()})"


class RawRow:
    """One row of a batch as it was read (see ``RawRows``)."""

    __slots__ = ("batch_id", "factory_id", "line", "accepted", "data")

    def __init__(self, batch_id, factory_id, line, accepted, data):
        self.batch_id = batch_id
        self.factory_id = factory_id
        self.line = line
        self.accepted = accepted
        self.data = data

    def __repr__(self):
        return f"<RawRow batch {self.batch_id} line {self.line}>"


class RawRowsQuerySet(models.QuerySet):
    def rows(self):
        """Every raw row of these groups, in (batch, line) order."""
        found = [row for group in self.order_by() for row in group.rows()]
        found.sort(key=lambda row: (row.batch_id, row.line))
        return found


class RawRows(models.Model):
    """Every row of every batch, as read, kept per batch and the factory the rows matched
    (``factory`` empty for rows that matched none). One record holds many rows so that keeping
    them costs the import little, in one of two forms:

    - ``lines`` lists each row as ``[line, accepted, fields]``, where ``fields`` is the list of
      CSV values under ``columns`` (the file's header) or, for the JSON Lines form (``columns``
      empty), the object as read (the row-by-row importer);
    - ``text`` holds consecutive CSV lines as they were in the file, from ``first_line``, and
      ``rejected`` the line numbers of those that were refused (the set-by-set importer, which
      only takes files whose rows are one line each)."""

    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="raw_rows", verbose_name=_("batch")
    )
    factory = models.ForeignKey(
        "ims_bridge.Factory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raw_rows",
        verbose_name=_("factory"),
    )
    columns = models.JSONField(_("columns"), default=list, blank=True)
    lines = models.JSONField(_("rows"), default=list, blank=True)
    text = models.TextField(_("CSV lines"), blank=True)
    rejected = models.JSONField(_("rejected lines"), default=list, blank=True)
    first_line = models.PositiveIntegerField(_("first line"))
    row_count = models.PositiveIntegerField(_("rows"))

    objects = RawRowsQuerySet.as_manager()

    class Meta:
        verbose_name = _("raw rows")
        verbose_name_plural = _("raw rows")
        ordering = ["batch", "first_line"]
        indexes = [models.Index(fields=["batch", "first_line"], name="ims_rawrows_batch_line")]

    def __str__(self):
        return f"batch {self.batch_id}: {self.row_count} rows from line {self.first_line}"

    def rows(self):
        columns = self.columns
        if self.text:
            rejected = set(self.rejected)
            for offset, fields in enumerate(csv.reader(self.text.split("\n"))):
                line = self.first_line + offset
                data = dict(zip(columns, fields, strict=False))
                yield RawRow(self.batch_id, self.factory_id, line, line not in rejected, data)
            return
        for line, accepted, fields in self.lines:
            data = dict(zip(columns, fields, strict=False)) if columns else fields
            yield RawRow(self.batch_id, self.factory_id, line, accepted, data)


class SyncState(models.Model):
    """Where `ims_sync` stands: the cursor of the last committed page."""

    name = models.CharField(max_length=64, unique=True, default="default")
    cursor = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("IMS sync state")

    def __str__(self):
        return f"{self.name}: {self.cursor}"
