"""The tool inventory fields every resource carries (``ResourcePage`` inherits them): who
contributed it, what it covers, a link to it elsewhere, and the global tool a country
adaptation was adapted from.

``adapted_from`` is a ``SynchronizedField``: a translation keeps pointing at the page the source
chose (wagtail-localize would otherwise refuse to translate an adaptation whose global tool is
not yet translated into that language). Readers never see that page directly: the link is
resolved through the listing index to the global tool's version in the reader's language
(``knowledge.adaptations``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.api_fields import MethodField

MAX_CHAIN = 20  # adaptations of adaptations followed when looking for a cycle
# The chooser offers resource pages only (the form checks it again: adaptation_error).
RESOURCE_PAGE_TYPES = [
    "knowledge.TrainingProgrammePage",
    "knowledge.TrainingModulePage",
    "knowledge.ModelPolicyPage",
    "knowledge.GoodPracticeGuidePage",
    "knowledge.WorkbookPage",
    "knowledge.AwarenessMaterialPage",
    "knowledge.SelfGuidedToolPage",
    "knowledge.PublicationPage",
]


class ToolInventory(models.Model):
    contributing_unit = models.CharField(
        _("contributing unit"),
        max_length=120,
        blank=True,
        help_text=_("Who made or adapted it, for example Better Work Vietnam or ILO ACTRAV."),
    )
    coverage = models.CharField(
        _("coverage"),
        max_length=300,
        blank=True,
        help_text=_("The countries and sectors the tool covers, in a few words."),
    )
    external_link = models.URLField(
        _("external link"),
        max_length=500,
        blank=True,
        help_text=_("Where the tool is also published, for example on ilo.org."),
    )
    adapted_from = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("adapted from"),
        help_text=_("For a country adaptation: the global tool it was adapted from."),
    )

    class Meta:
        abstract = True

    inventory_panels = [
        MultiFieldPanel(
            [
                FieldPanel("contributing_unit"),
                FieldPanel("coverage"),
                FieldPanel("external_link"),
                PageChooserPanel("adapted_from", page_type=RESOURCE_PAGE_TYPES),
            ],
            heading=_("Tool inventory"),
        )
    ]
    inventory_translatable_fields = [
        TranslatableField("contributing_unit"),
        TranslatableField("coverage"),
        SynchronizedField("external_link"),
        SynchronizedField("adapted_from"),
    ]
    inventory_api_fields = [
        APIField("contributing_unit"),
        APIField("coverage"),
        APIField("external_link"),
        APIField("adapted_from", serializer=MethodField("api_adapted_from")),
    ]

    def api_adapted_from(self, request=None):
        """The global tool as ``{id, title}``, only while it is live and public."""
        if not self.adapted_from_id:
            return None
        tool = Page.objects.live().public().filter(pk=self.adapted_from_id).first()
        return {"id": tool.pk, "title": tool.title} if tool else None


def adaptation_error(page, chosen):
    """Why ``chosen`` cannot be the global tool ``page`` was adapted from, or None.
    ``page`` may be unsaved (a new page: its locale is given by the parent)."""
    from .resources import ResourcePage  # cycle: resources imports this module

    if chosen is None:
        return None
    chosen = chosen.specific
    if not isinstance(chosen, ResourcePage):
        return _("Choose a resource page.")
    if page.locale_id and chosen.locale_id != page.locale_id:
        return _("Choose a resource in the same language as this page.")
    own_keys = {page.translation_key}  # any language version of this page
    if chosen.pk == page.pk or chosen.translation_key in own_keys:
        return _("A resource cannot be adapted from itself.")
    step, seen = chosen, set()
    for _i in range(MAX_CHAIN):
        if not step.adapted_from_id or step.pk in seen:
            return None
        seen.add(step.pk)
        step = Page.objects.filter(pk=step.adapted_from_id).first()
        if step is None:
            return None
        if step.pk == page.pk or step.translation_key in own_keys:
            return _("%(tool)s is itself adapted from this resource: choose the global tool.") % {
                "tool": chosen.title
            }
        step = step.specific
        if not isinstance(step, ResourcePage):
            return None
    return None


def validate_adaptation(form):
    """Admin form check: a form error on ``adapted_from`` (used by ``ResourcePageForm``)."""
    chosen = form.cleaned_data.get("adapted_from")
    page = form.instance
    if not page.locale_id and form.parent_page is not None:
        page.locale_id = form.parent_page.locale_id
    message = adaptation_error(page, chosen)
    if message:
        form.add_error("adapted_from", ValidationError(message, code="adaptation"))
