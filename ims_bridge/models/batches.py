"""Import batches and the raw rows they brought in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    DONE_WITH_ERRORS = "done_with_errors", _("Done, some rows rejected")
    FAILED = "failed", _("Failed (nothing imported)")
    SKIPPED = "skipped", _("Skipped (already imported)")


class ImportBatch(models.Model):
    source = models.CharField(
        _("source"), max_length=500, help_text=_("File name or API URL the rows came from.")
    )
    kind = models.CharField(_("kind"), max_length=16, default="file")
    sha256 = models.CharField(_("SHA-256 of the content"), max_length=64, blank=True, db_index=True)
    upload = models.FileField(_("uploaded export"), upload_to="ims_uploads/", blank=True)
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

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"#{self.pk} {self.source} ({self.get_status_display()})"


class RawRow(models.Model):
    """Every row of every batch, as read, linked to the factory it matched (if any)."""

    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="raw_rows", verbose_name=_("batch")
    )
    line = models.PositiveIntegerField(_("line"))
    data = models.JSONField(_("raw data"))
    factory = models.ForeignKey(
        "ims_bridge.Factory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raw_rows",
        verbose_name=_("factory"),
    )
    accepted = models.BooleanField(_("accepted"), default=True)

    class Meta:
        verbose_name = _("raw row")
        verbose_name_plural = _("raw rows")
        ordering = ["batch", "line"]
        indexes = [models.Index(fields=["batch", "line"])]

    def __str__(self):
        return f"batch {self.batch_id} line {self.line}"


class SyncState(models.Model):
    """Where `ims_sync` stands: the cursor of the last committed page."""

    name = models.CharField(max_length=64, unique=True, default="default")
    cursor = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("IMS sync state")

    def __str__(self):
        return f"{self.name}: {self.cursor}"
