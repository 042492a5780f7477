"""What STAR knows about factories and their assessments, mirrored as imported."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .access import (
    CountryDataSharing,
    CountryStaff,
    FactoryAccessGrant,
    FactoryMembership,
    LabourInspector,
    is_global_staff,
)


class FactoryStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    OBSOLETE = "obsolete", _("Obsolete (left the programme)")


class QuestionType(models.TextChoices):
    NCQ = "NCQ", _("Non-compliance question")
    FGW = "FGW", _("Fact gathering")


class FactoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one access path for factory-level data (pages, API, exports).

        Global staff see every factory, country staff the factories of their countries,
        factory users their own factory, buyers the factories with an active grant to them,
        labour inspectors their country's factories where its data sharing allows it.
        Anonymous users see none."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if is_global_staff(user):
            return self

        inspected = LabourInspector.objects.filter(
            user=user,
            country__in=CountryDataSharing.objects.filter(
                factory_results_for_inspectors=True
            ).values("country_id"),
        )
        return self.filter(
            Q(pk__in=FactoryMembership.objects.filter(user=user).values("factory_id"))
            | Q(country__in=CountryStaff.objects.filter(user=user).values("country_id"))
            | Q(pk__in=FactoryAccessGrant.objects.active().filter(buyer=user).values("factory_id"))
            | Q(country__in=inspected.values("country_id"))
        )


class Factory(models.Model):
    star_id = models.CharField(_("STAR factory id"), max_length=64, unique=True)
    os_id = models.CharField(_("Open Supply Hub id"), max_length=32, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=255)
    country = models.ForeignKey(
        "portal.Country",
        on_delete=models.PROTECT,
        related_name="ims_factories",
        verbose_name=_("country"),
        help_text=_("The default-language country term."),
    )
    industry = models.ForeignKey(
        "portal.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ims_factories",
        verbose_name=_("industry"),
    )
    workers = models.PositiveIntegerField(_("workers"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=FactoryStatus.choices, default=FactoryStatus.ACTIVE
    )
    panel_depth = models.PositiveSmallIntegerField(
        _("balanced-panel depth"),
        default=0,
        editable=False,
        help_text=_("Largest N such that the factory was assessed in every cycle 1..N."),
    )

    objects = FactoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("factory")
        verbose_name_plural = _("factories")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "status"])]
        permissions = [("view_all_factory_data", _("Can see every factory's data (global staff)"))]

    def __str__(self):
        return f"{self.name} ({self.star_id})"


class CatVersion(models.Model):
    """A country's Compliance Assessment Tool version, e.g. "Garment CAT V2" (STAR TQ.Name)."""

    country = models.ForeignKey(
        "portal.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("CAT version")
        verbose_name_plural = _("CAT versions")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="ims_unique_cat_version")
        ]

    def __str__(self):
        return self.name


class Question(models.Model):
    cat_version = models.ForeignKey(
        CatVersion,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("CAT version"),
    )
    star_id = models.CharField(_("STAR question id"), max_length=64)
    global_id = models.CharField(_("global question mapping id"), max_length=64, db_index=True)
    label = models.TextField(_("label"))
    type = models.CharField(_("type"), max_length=3, choices=QuestionType.choices)
    public_disclosure = models.BooleanField(_("publicly reported"), default=False)
    compliance_point = models.ForeignKey(
        "portal.CompliancePoint",
        on_delete=models.PROTECT,
        related_name="ims_questions",
        verbose_name=_("compliance point"),
    )
    tags = models.CharField(_("tags"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["cat_version", "star_id"], name="ims_unique_question")
        ]

    def __str__(self):
        return f"{self.star_id}: {self.label[:60]}"


class Assessment(models.Model):
    star_id = models.CharField(_("STAR assessment id (Quest.ID)"), max_length=64, unique=True)
    factory = models.ForeignKey(
        Factory, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("factory")
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"))
    start_date = models.DateField(_("start date"))
    cat_version = models.ForeignKey(
        CatVersion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("CAT version"),
    )
    factory_response = models.TextField(
        _("factory's public response"),
        blank=True,
        help_text=_("Shown beside the publicly reported issues in the transparency list."),
    )
    # Maintained by aggregation.mark_windows() after every import.
    is_latest = models.BooleanField(default=False, editable=False)
    is_latest_in_cycle = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-start_date"]
        indexes = [
            models.Index(fields=["factory", "cycle"]),
            models.Index(fields=["factory", "-start_date"]),
            models.Index(fields=["is_latest"]),
            models.Index(fields=["is_latest_in_cycle", "cycle"]),
        ]

    def __str__(self):
        return f"{self.star_id} ({self.start_date:%d/%m/%Y})"


class Finding(models.Model):
    # Keyed by (assessment, question), with no surrogate id: an id's sequence and index cost
    # the import a third of its finding inserts (measured on PostgreSQL). No other indexes: the
    # key and the partial one below serve the lookups, and every index slows the import. No
    # database foreign keys either: checking them at commit took as long as writing the rows
    # (measured: 14 µs a finding on PostgreSQL). The importer is the only writer and sets both
    # ids from rows it has just written in the same transaction; deleting an assessment or a
    # question still deletes its findings (Django's CASCADE).
    pk = models.CompositePrimaryKey("assessment", "question")
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("assessment"),
        db_index=False,
        db_constraint=False,
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("question"),
        db_index=False,
        db_constraint=False,
    )
    value = models.PositiveSmallIntegerField(
        _("finding (NCQ)"), null=True, blank=True, help_text=_("1 = non-compliant, 0 = compliant.")
    )
    text = models.TextField(_("answer (FGW)"), blank=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        # The transparency list reads the non-compliant findings of a few questions; a partial
        # index costs the import only for the non-compliant rows.
        indexes = [
            models.Index(fields=["question"], condition=Q(value=1), name="ims_finding_noncompliant")
        ]

    def __str__(self):
        answer = self.value if self.value is not None else self.text
        return f"{self.assessment_id}/{self.question_id}: {answer}"


class PlanStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class ImprovementPlanItem(models.Model):
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="plan_items",
        verbose_name=_("assessment"),
    )
    compliance_point = models.ForeignKey(
        "portal.CompliancePoint",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("compliance point"),
    )
    action = models.TextField(_("action"))
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.PENDING
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)

    class Meta:
        verbose_name = _("improvement plan item")
        verbose_name_plural = _("improvement plan items")
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "compliance_point", "action"], name="ims_unique_plan_item"
            )
        ]

    def __str__(self):
        return self.action


class PublicReporting(models.Model):
    """A country programme that publishes factory-level results (the transparency list)."""

    country = models.OneToOneField(
        "portal.Country",
        on_delete=models.CASCADE,
        related_name="ims_public_reporting",
        verbose_name=_("country"),
    )
    publishes = models.BooleanField(_("publishes factory results"), default=True)

    class Meta:
        verbose_name = _("public reporting programme")
        verbose_name_plural = _("public reporting programmes")

    def __str__(self):
        return str(self.country)
