"""Labour law by country: the national law references behind each compliance point, kept by
editors as translatable snippets (law name, article and summary per language; country,
compliance point, link and the date it was checked the same in every language)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

# A reference not checked for this long is shown as "check pending" to readers.
STALE_AFTER = datetime.timedelta(days=2 * 365)


def default_locale_only():
    """References point at the default-language taxonomy rows (as resources do)."""
    from django.conf import settings

    return {"locale__language_code": settings.LANGUAGE_CODE}


class LawReferenceQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("country", "compliance_point").order_by(
            "compliance_point__sort_order", "sort_order", "law_name", "article"
        )


class LawReference(TranslatableMixin, index.Indexed, models.Model):
    country = models.ForeignKey(
        "portal.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("country"),
        limit_choices_to=default_locale_only,
    )
    compliance_point = models.ForeignKey(
        "portal.CompliancePoint",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("compliance point"),
        limit_choices_to=default_locale_only,
    )
    law_name = models.CharField(
        _("law"), max_length=200, help_text=_("For example: Labour Law of 1997.")
    )
    article = models.CharField(
        _("article or section"),
        max_length=80,
        blank=True,
        help_text=_("For example: Article 139, or Section 100."),
    )
    summary = models.TextField(_("summary"), max_length=1000)
    url = models.URLField(
        _("link to the text"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    date_checked = models.DateField(
        _("date checked"), help_text=_("When an editor last checked this against the law.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = LawReferenceQuerySet.as_manager()

    panels = [
        FieldPanel("country"),
        FieldPanel("compliance_point"),
        FieldPanel("law_name"),
        FieldPanel("article"),
        FieldPanel("summary"),
        FieldPanel("url"),
        FieldPanel("date_checked"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        SynchronizedField("country"),
        SynchronizedField("compliance_point"),
        TranslatableField("law_name"),
        TranslatableField("article"),
        TranslatableField("summary"),
        SynchronizedField("url"),
        SynchronizedField("date_checked"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [
        index.SearchField("law_name"),
        index.SearchField("summary"),
        index.FilterField("locale_id"),
        index.FilterField("country_id"),
        index.FilterField("compliance_point_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("labour law reference")
        verbose_name_plural = _("labour law references")
        indexes = [models.Index(fields=["country", "compliance_point"], name="knowledge_law_cp")]

    def __str__(self):
        return f"{self.law_name} {self.article}".strip()

    def clean(self):
        super().clean()
        errors = {}
        if self.date_checked and self.date_checked > timezone.localdate():
            errors["date_checked"] = _("The date checked cannot be in the future.")
        for name in ("law_name", "article", "summary", "url"):
            if "\x00" in (getattr(self, name) or ""):
                errors[name] = _("This text contains a NUL character.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_stale(self):
        return self.date_checked < timezone.localdate() - STALE_AFTER
