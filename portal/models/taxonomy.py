"""Shared taxonomy: every app tags its content with these. All are translatable snippets whose
slug/code stays the same in every language, so filters and URLs work across locales."""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..translation_admin.forms import LocalizedTermsModelForm


class TermQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale)


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """Abstract base: a named term with a language-independent slug."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Used in URLs and filters; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)

    objects = TermQuerySet.as_manager()
    base_form_class = LocalizedTermsModelForm  # a compliance point's cluster in its language

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProgrammeStatus(models.TextChoices):
    ACTIVE = "active", _("Active programme")
    PLANNED = "planned", _("Planned programme")
    PAST = "past", _("Past programme")
    NONE = "none", _("No country programme")


class Country(TaxonomyTerm):
    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. KH."))],
    )
    programme_status = models.CharField(
        _("programme status"),
        max_length=16,
        choices=ProgrammeStatus.choices,
        default=ProgrammeStatus.ACTIVE,
    )
    programme_started = models.PositiveSmallIntegerField(
        _("programme started (year)"), null=True, blank=True
    )
    workers_reached = models.PositiveIntegerField(
        _("workers reached"), default=0, validators=[MinValueValidator(0)]
    )
    factories_reached = models.PositiveIntegerField(
        _("factories reached"), default=0, validators=[MinValueValidator(0)]
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("iso_code"),
        FieldPanel("programme_status"),
        FieldPanel("programme_started"),
        FieldPanel("workers_reached"),
        FieldPanel("factories_reached"),
        FieldPanel("description"),
    ]
    translatable_fields = TaxonomyTerm.translatable_fields + [
        SynchronizedField("iso_code"),
        SynchronizedField("programme_status"),
        SynchronizedField("programme_started"),
        SynchronizedField("workers_reached"),
        SynchronizedField("factories_reached"),
    ]
    search_fields = TaxonomyTerm.search_fields + [index.FilterField("iso_code")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_country_slug_locale"),
            models.UniqueConstraint(
                fields=["iso_code", "locale"], name="unique_country_iso_locale"
            ),
        ]


class Industry(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_industry_slug_locale")
        ]


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_locale")
        ]


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_audience_slug_locale")
        ]


class ClusterKind(models.TextChoices):
    ILS = "ILS", _("Core international labour standards")
    NLL = "NLL", _("National labour law")


def aliases_help():
    return _("Other names this term had in older IMS exports, one per line; matched on import.")


class LegacyAliasesMixin(models.Model):
    """Names a CAT term had in older IMS exports, one per line, matched on import."""

    aliases = models.TextField(_("legacy aliases"), blank=True, help_text=aliases_help)

    class Meta:
        abstract = True

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Cluster(LegacyAliasesMixin, TaxonomyTerm):
    """One of the eight clusters of the Compliance Assessment Tool (CAT)."""

    kind = models.CharField(_("kind"), max_length=3, choices=ClusterKind.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = TaxonomyTerm.panels + [
        FieldPanel("kind"),
        FieldPanel("sort_order"),
        FieldPanel("aliases"),
    ]
    translatable_fields = TaxonomyTerm.translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("sort_order"),
        SynchronizedField("aliases"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("CAT cluster")
        verbose_name_plural = _("CAT clusters")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_cluster_slug_locale")
        ]


class CompliancePoint(LegacyAliasesMixin, TaxonomyTerm):
    """A compliance point of the CAT: the same in every country, grouped in a cluster."""

    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.PROTECT,
        related_name="compliance_points",
        verbose_name=_("cluster"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    confirmed = models.BooleanField(
        _("confirmed in a second public source"),
        default=True,
        help_text=_("Unconfirmed points come from the CAT global template only."),
    )

    panels = TaxonomyTerm.panels + [
        FieldPanel("cluster"),
        FieldPanel("sort_order"),
        FieldPanel("confirmed"),
        FieldPanel("aliases"),
    ]
    translatable_fields = TaxonomyTerm.translatable_fields + [
        SynchronizedField("cluster"),
        SynchronizedField("sort_order"),
        SynchronizedField("confirmed"),
        SynchronizedField("aliases"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("compliance point")
        verbose_name_plural = _("compliance points")
        ordering = ["cluster__sort_order", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_compliancepoint_slug_locale"
            )
        ]


def term_names(terms, names):
    """The names of taxonomy ``terms`` (pages hold the default language's rows) in a language:
    ``names`` is {slug: name} of that language; a term it lacks keeps its own name."""
    return [names.get(term.slug, term.name) for term in terms]


def term_names_in(terms, locale_id):
    """``term_names`` for ``terms`` of one model in the locale ``locale_id``: one query."""
    terms = list(terms)
    if not terms:
        return []
    names = (
        type(terms[0])
        .objects.filter(locale_id=locale_id, slug__in=[term.slug for term in terms])
        .values_list("slug", "name")
    )
    return term_names(terms, dict(names))
