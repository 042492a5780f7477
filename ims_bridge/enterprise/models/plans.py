"""A factory's improvement plan: actions from self-assessment or STAR result lines, their
history, evidence files, reminders and the workers–management committee (PICC)."""

import os
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ims_bridge.models import PlanStatus
from portal.storage import private_storage


class ActionSource(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("Self-assessment")
    STAR = "star", _("Independent assessment (STAR)")
    FACTORY = "factory", _("Added by the factory")


class PlanAction(models.Model):
    factory = models.ForeignKey(
        "ims_bridge.Factory",
        on_delete=models.CASCADE,
        related_name="plan_actions",
        verbose_name=_("factory"),
    )
    compliance_point = models.ForeignKey(
        "portal.CompliancePoint",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("compliance point"),
    )
    action = models.TextField(_("action"))
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.PENDING
    )
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(
        _("source"), max_length=16, choices=ActionSource.choices, default=ActionSource.FACTORY
    )
    self_assessment = models.ForeignKey(
        "enterprise.SelfAssessment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_actions",
    )
    assessment = models.ForeignKey(
        "ims_bridge.Assessment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    star_item = models.OneToOneField(
        "ims_bridge.ImprovementPlanItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enterprise_action",
        help_text=_("The imported STAR plan item this action started from."),
    )
    trainings = models.ManyToManyField(
        "enterprise.Training", blank=True, related_name="plan_actions", verbose_name=_("trainings")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["factory", "status"]),
            models.Index(fields=["status", "due_date"]),
        ]

    def __str__(self):
        return self.action[:80]


class PlanActionEvent(models.Model):
    """One change to an action (created, a field changed, evidence added), newest last."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    field = models.CharField(max_length=32, blank=True)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)

    class Meta:
        verbose_name = _("plan action change")
        verbose_name_plural = _("plan action changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.action_id} {self.field}: {self.old_value} → {self.new_value}"


def evidence_path(instance, filename):
    """A random name: the uploader's file name is kept in ``original_name`` only."""
    ext = os.path.splitext(filename)[1].lower()
    return f"enterprise/evidence/{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}{ext}"


class Evidence(models.Model):
    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(
        _("file"), upload_to=evidence_path, storage=private_storage, max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class PlanParticipant(models.Model):
    """Someone who works on the plan, e.g. a member of the PICC (the factory's
    performance improvement consultative committee of workers and managers)."""

    class Side(models.TextChoices):
        WORKERS = "workers", _("Workers' representative")
        MANAGEMENT = "management", _("Management representative")
        OTHER = "other", _("Other")

    factory = models.ForeignKey(
        "ims_bridge.Factory", on_delete=models.CASCADE, related_name="plan_participants"
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    side = models.CharField(_("represents"), max_length=16, choices=Side.choices)
    picc_member = models.BooleanField(_("PICC member"), default=True)
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan participant")
        verbose_name_plural = _("plan participants")
        ordering = ["side", "name"]

    def __str__(self):
        return self.name


class PlanNotificationPreference(models.Model):
    """A user's choices for plan e-mails (reminders to factory users, digests to buyers)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_notifications"
    )
    reminders = models.BooleanField(
        _("reminders before due dates and on overdue actions"), default=True
    )
    buyer_digest = models.BooleanField(_("digest of completed actions (buyers)"), default=True)
    # The last PlanActionEvent id a buyer's digest covered (see plans_mail.send_plan_digests).
    digest_after = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("plan notification preference")
        verbose_name_plural = _("plan notification preferences")

    def __str__(self):
        return str(self.user)


class ReminderSent(models.Model):
    """A reminder already sent, so each is sent once per action, kind and due date."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    due_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "kind", "due_date"], name="enterprise_unique_reminder"
            )
        ]

    def __str__(self):
        return f"{self.action_id} {self.kind} {self.due_date}"
