"""The glossary: labour-standards terms as translatable snippets (one row per language, linked
by translation key, synced with wagtail-localize), and the page that lists them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.models import BasePage

MAX_QUERY_LENGTH = 100


class GlossaryTerm(TranslatableMixin, index.Indexed, ClusterableModel):
    term = models.CharField(_("term"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("The term's anchor on the glossary page; the same in every language."),
    )
    abbreviation = models.CharField(_("abbreviation"), max_length=30, blank=True)
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_("Other words for the same term, one per line; they are marked in texts too."),
    )
    definition = models.TextField(
        _("definition"),
        max_length=1200,
        help_text=_("Plain text; shown on the glossary page and as the term's tooltip."),
    )
    compliance_points = ParentalManyToManyField(
        "portal.CompliancePoint",
        blank=True,
        related_name="glossary_terms",
        verbose_name=_("compliance points"),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("abbreviation"),
        FieldPanel("synonyms"),
        FieldPanel("definition"),
        FieldPanel("compliance_points"),
    ]
    translatable_fields = [
        TranslatableField("term"),
        SynchronizedField("slug"),
        TranslatableField("abbreviation"),
        TranslatableField("synonyms"),
        TranslatableField("definition"),
        # The default-language compliance points, the same rows in every language.
        SynchronizedField("compliance_points"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_glossary_slug_locale")
        ]

    def __str__(self):
        return self.term

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    def forms(self):
        """Every way the term is written in a text: term, abbreviation, synonyms."""
        return [form for form in [self.term, self.abbreviation, *self.synonym_list] if form.strip()]

    def clean(self):
        super().clean()
        for name in ("term", "abbreviation", "synonyms", "definition"):
            if "\x00" in (getattr(self, name) or ""):
                raise ValidationError({name: _("This text contains a NUL character.")})


class GlossaryPage(BasePage):
    """The glossary in the page's language: terms in that language's alphabetical order, a
    search box (``?q=``) and an anchor per term (``#term-<slug>``)."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary page")

    def serve(self, request, *args, **kwargs):
        # Here, not above: glossary_views reads this module's models.
        from ..glossary_views import glossary_context

        context = self.get_context(request, *args, **kwargs)
        context.update(glossary_context(self, request))
        response = TemplateResponse(request, "knowledge/glossary_page.html", context)
        if context.get("query_error"):
            response.status_code = 400
        return response
