"""Capacity building (trainings attended) and productivity / quality indicators."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

# The default indicators' names (migration 0002), here so that they are translated.
DEFAULT_INDICATOR_NAMES = [
    gettext_noop("Production efficiency"),
    gettext_noop("Defect and rework rate"),
    gettext_noop("Absenteeism"),
    gettext_noop("Staff turnover"),
    gettext_noop("Overtime hours per worker"),
    gettext_noop("Lost-time accidents"),
]


class Training(models.Model):
    """A training the factory's staff attended: a library training module or a programme."""

    factory = models.ForeignKey(
        "ims_bridge.Factory", on_delete=models.CASCADE, related_name="trainings"
    )
    module = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("training module"),
        help_text=_("A training module of the library."),
    )
    programme = models.CharField(
        _("programme"),
        max_length=200,
        blank=True,
        help_text=_("When the training is not a module of the library."),
    )
    start_date = models.DateField(_("date"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    managers = models.PositiveIntegerField(_("managers"), default=0)
    supervisors = models.PositiveIntegerField(_("supervisors"), default=0)
    workers = models.PositiveIntegerField(_("workers"), default=0)
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training attended")
        verbose_name_plural = _("trainings attended")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(module__isnull=True, programme=""),
                name="enterprise_training_names_module_or_programme",
            )
        ]

    def __str__(self):
        return self.programme or str(self.module)

    @property
    def participants(self):
        return self.managers + self.supervisors + self.workers


class IndicatorUnit(models.TextChoices):
    PERCENT = "percent", _("%")
    HOURS = "hours", _("hours")
    COUNT = "count", _("count")


class Indicator(models.Model):
    """One of the configurable monthly indicators (efficiency, defect rate, absenteeism…)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=16, choices=IndicatorUnit.choices)
    higher_is_better = models.BooleanField(_("higher is better"), default=False)
    active = models.BooleanField(_("offered to factories"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name in the active language (the catalogue knows the default indicators)."""
        return gettext(self.name)


class IndicatorValue(models.Model):
    factory = models.ForeignKey(
        "ims_bridge.Factory", on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=3, validators=[MinValueValidator(0)]
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["month", "indicator__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["factory", "indicator", "month"], name="enterprise_unique_indicator_month"
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="enterprise_indicator_month_first_day"
            ),
        ]

    def __str__(self):
        return f"{self.factory_id} {self.indicator_id} {self.month:%Y-%m}: {self.value}"
