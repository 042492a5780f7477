"""Precomputed non-compliance rates: public pages and the API only read this table."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def min_cell():
    return getattr(settings, "IMS_MIN_CELL_FACTORIES", 5)


class Level(models.TextChoices):
    OVERALL = "overall", _("Any compliance point")
    CLUSTER = "cluster", _("Cluster")
    POINT = "point", _("Compliance point")
    QUESTION = "question", _("Question (global mapping)")


class Window(models.TextChoices):
    LATEST = "latest", _("Latest assessment per factory")
    CYCLE = "cycle", _("One cycle")
    PANEL = "panel", _("Balanced panel")


class AggregateQuerySet(models.QuerySet):
    def published(self):
        """Cells whose figures may be shown to the public."""
        return self.filter(published=True, factories_assessed__gte=min_cell())


class AggregateCell(models.Model):
    """One rate: factories non-compliant ÷ factories assessed, for one group and window.

    ``country``/``industry`` null means "all". ``panel`` is N for balanced-panel trends (the
    cell counts only factories assessed in every cycle 1..N) and 0 otherwise."""

    window = models.CharField(max_length=8, choices=Window.choices)
    cycle = models.PositiveSmallIntegerField(null=True, blank=True)
    panel = models.PositiveSmallIntegerField(default=0)
    level = models.CharField(max_length=8, choices=Level.choices)
    country = models.ForeignKey(
        "portal.Country", on_delete=models.CASCADE, null=True, related_name="+"
    )
    industry = models.ForeignKey(
        "portal.Industry", on_delete=models.CASCADE, null=True, related_name="+"
    )
    cluster = models.ForeignKey(
        "portal.Cluster", on_delete=models.CASCADE, null=True, related_name="+"
    )
    compliance_point = models.ForeignKey(
        "portal.CompliancePoint", on_delete=models.CASCADE, null=True, related_name="+"
    )
    global_question_id = models.CharField(max_length=64, blank=True)
    question_label = models.TextField(blank=True)
    factories_assessed = models.PositiveIntegerField()
    factories_noncompliant = models.PositiveIntegerField()
    published = models.BooleanField(
        default=False,
        help_text=_(
            "Decided at each recompute: false for a cell over too few factories, and for a "
            "cell that would let such a cell be worked out from the published ones."
        ),
    )

    objects = AggregateQuerySet.as_manager()

    class Meta:
        verbose_name = _("aggregate cell")
        indexes = [
            models.Index(fields=["window", "level", "country", "industry"]),
            models.Index(fields=["window", "level", "compliance_point"]),
            models.Index(fields=["window", "level", "global_question_id"]),
        ]

    @property
    def suppressed(self):
        return not self.published or self.factories_assessed < min_cell()

    @property
    def rate(self):
        """Exact rate (0..1) for internal use; public code uses public_rate."""
        if not self.factories_assessed:
            return None
        return self.factories_noncompliant / self.factories_assessed

    @property
    def public_rate(self):
        return None if self.suppressed else self.rate

    @property
    def public_percent(self):
        rate = self.public_rate
        return None if rate is None else round(rate * 100, 1)

    def __str__(self):
        return f"{self.window} {self.level} {self.factories_noncompliant}/{self.factories_assessed}"


class AggregateState(models.Model):
    computed_at = models.DateTimeField(auto_now=True)
    findings = models.PositiveIntegerField(default=0)
    threshold = models.PositiveSmallIntegerField(
        default=0, help_text=_("The suppression threshold the cells were published under.")
    )
    duration_ms = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"aggregates computed {self.computed_at}"
