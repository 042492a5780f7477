"""A factory assessing itself against its country's CAT version (never public)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SelfAssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class SelfAssessment(models.Model):
    factory = models.ForeignKey(
        "ims_bridge.Factory",
        on_delete=models.CASCADE,
        related_name="self_assessments",
        verbose_name=_("factory"),
    )
    cat_version = models.ForeignKey(
        "ims_bridge.CatVersion",
        on_delete=models.PROTECT,
        related_name="self_assessments",
        verbose_name=_("CAT version"),
    )
    language = models.CharField(_("language"), max_length=12)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SelfAssessmentStatus.choices,
        default=SelfAssessmentStatus.IN_PROGRESS,
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    shared_with = models.ManyToManyField(
        "ims_bridge.FactoryAccessGrant",
        blank=True,
        related_name="shared_self_assessments",
        verbose_name=_("shared with buyers"),
        help_text=_("A submitted result a buyer may read while that buyer's grant is active."),
    )

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["factory", "status"])]

    def __str__(self):
        return f"{self.factory} {self.started_at:%Y-%m-%d}"

    @property
    def is_submitted(self):
        return self.status == SelfAssessmentStatus.SUBMITTED


class Answer(models.Model):
    """One question answered in a self-assessment; NCQ: 1 = non-compliant, 0 = compliant."""

    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        "ims_bridge.Question", on_delete=models.CASCADE, related_name="self_answers"
    )
    value = models.PositiveSmallIntegerField(_("finding"), null=True, blank=True)
    text = models.TextField(_("answer"), blank=True)
    note = models.TextField(_("note"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("self-assessment answer")
        verbose_name_plural = _("self-assessment answers")
        constraints = [
            models.UniqueConstraint(
                fields=["self_assessment", "question"], name="enterprise_unique_answer"
            )
        ]

    def __str__(self):
        return f"{self.self_assessment_id}/{self.question_id}: {self.value}"


class QuestionGuidance(TranslatableMixin, models.Model):
    """Plain-language guidance for a CAT question, keyed by its global mapping id (the same
    question in every country's CAT version) and translated in the admin."""

    global_id = models.CharField(_("global question mapping id"), max_length=64)
    guidance = models.TextField(_("guidance"))

    panels = [FieldPanel("global_id"), FieldPanel("guidance")]
    translatable_fields = [SynchronizedField("global_id"), TranslatableField("guidance")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question guidance")
        verbose_name_plural = _("question guidance")
        constraints = [
            models.UniqueConstraint(
                fields=["global_id", "locale"], name="enterprise_unique_guidance_locale"
            )
        ]

    def __str__(self):
        return f"{self.global_id}: {self.guidance[:60]}"
