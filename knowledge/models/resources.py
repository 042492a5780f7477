"""Resource page types. They share the abstract ``ResourcePage`` (summary, body, taxonomy,
licence, review date, version) and its materials, downloads and "download all" bundle."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.api_fields import MethodField, TermsField
from portal.blocks import RICH_TEXT_FEATURES
from portal.components import Card
from portal.models import BasePage

from ..blocks import ResourceStreamBlock, StepsStreamBlock
from ..forms import ResourcePageForm
from .inventory import ToolInventory
from .materials import Licence, Material


class ResourcePage(RoutablePageMixin, ToolInventory, BasePage):
    resource_type = ""  # slug used in filters and the API; set on each concrete type

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    body = StreamField(ResourceStreamBlock(), blank=True, verbose_name=_("body"))
    countries = ParentalManyToManyField(
        "portal.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries"),
        help_text=_("Leave empty for global material."),
    )
    industries = ParentalManyToManyField(
        "portal.Industry", blank=True, related_name="+", verbose_name=_("industries")
    )
    topics = ParentalManyToManyField(
        "portal.Topic", blank=True, related_name="+", verbose_name=_("topics")
    )
    audiences = ParentalManyToManyField(
        "portal.Audience", blank=True, related_name="+", verbose_name=_("audiences")
    )
    compliance_points = ParentalManyToManyField(
        "portal.CompliancePoint",
        blank=True,
        related_name="+",
        verbose_name=_("compliance points it helps with"),
    )
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )

    taxonomy_panels = [
        FieldPanel("countries"),
        FieldPanel("industries"),
        FieldPanel("topics"),
        FieldPanel("audiences"),
        FieldPanel("compliance_points"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(taxonomy_panels, heading=_("Taxonomy")),
        MultiFieldPanel(
            [
                FieldPanel("licence"),
                FieldPanel("last_reviewed"),
                FieldPanel("version"),
                FieldPanel("featured"),
            ],
            heading=_("Publication"),
        ),
        InlinePanel("knowledge_materials", label=_("Materials")),
        *ToolInventory.inventory_panels,
    ]
    base_form_class = ResourcePageForm
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("countries"),
        TranslatableField("industries"),
        TranslatableField("topics"),
        TranslatableField("audiences"),
        TranslatableField("compliance_points"),
        SynchronizedField("licence"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("version"),
        SynchronizedField("featured"),
        *ToolInventory.inventory_translatable_fields,
        # Materials are deliberately not synchronised: each language version carries its own
        # files (a Khmer handout), linked to the others by ``Material.material_key``.
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
    ]
    # Wagtail's content API (/api/v2/pages/?type=knowledge.…, portal/api_content.py)
    api_fields = BasePage.api_fields + [
        APIField("resource_type"),
        APIField("summary"),
        APIField("body"),
        *(
            APIField(name, serializer=TermsField())
            for name in ("countries", "industries", "topics", "audiences", "compliance_points")
        ),
        APIField("licence"),
        APIField("last_reviewed"),
        APIField("version"),
        APIField("featured"),
        APIField("materials", serializer=MethodField("api_materials")),
        *ToolInventory.inventory_api_fields,
    ]
    parent_page_types = ["knowledge.ResourceLibraryPage"]
    subpage_types = []

    class Meta:
        abstract = True

    # --- helpers used by templates, the index and the API -------------------------------------
    @classmethod
    def type_label(cls):
        return cls._meta.verbose_name

    def type_facts(self):
        """Type-specific (label, value) pairs shown on the page and in the API."""
        return []

    def materials_with_stats(self):
        return list(
            Material.objects.filter(page=self)
            .select_related("document", "stats")
            .order_by("sort_order", "pk")
        )

    def bundle_pages(self):
        """Pages whose materials go into this page's "download all" bundle."""
        return [self]

    def api_materials(self, request=None):
        """The materials as the content API shows them, each with the page's own download URL
        (counted like a download from the page; a path, or absolute on WAGTAILAPI_BASE_URL)."""
        parts = self.get_url_parts(request)
        base = parts[2] if parts else None
        materials = sorted(self.knowledge_materials.all(), key=lambda m: (m.sort_order, m.pk))
        return [
            {
                "id": material.pk,
                "kind": material.kind,
                "title": material.label,
                "extension": material.extension.lower(),
                "size": material.document.file_size,
                "download_url": (
                    get_full_url(
                        request, base + self.reverse_subpage("download", args=(material.pk,))
                    )
                    if base
                    else None
                ),
            }
            for material in materials
        ]

    def get_template(self, request, *args, **kwargs):
        return "knowledge/resource_page.html"

    # --- routes --------------------------------------------------------------------------------
    @path("")
    def detail(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().resource_context(self, request))
        return context

    @path("download/<int:material_id>/", name="download")
    def download(self, request, material_id):
        return _views().download(request, self, material_id)

    @path("bundle/", name="bundle")
    def bundle(self, request):
        return _views().bundle(request, self)


def _views():
    # Cycle: knowledge.views imports this package (RESOURCE_TYPES, also through indexing).
    from .. import views

    return views


DELIVERY_MODES = [
    ("classroom", _("Classroom")),
    ("online", _("Online")),
    ("blended", _("Blended")),
    ("on-the-job", _("On the job")),
]


class TrainingProgrammePage(ResourcePage):
    resource_type = "training-programme"

    PROGRAMME_KINDS = [
        ("modular", _("12-month modular programme")),
        ("seminar", _("Single-issue seminar")),
        ("induction", _("Induction kit")),
        ("supervisor", _("First-level supervisor training")),
    ]
    programme_kind = models.CharField(
        _("programme kind"), max_length=20, choices=PROGRAMME_KINDS, default="modular"
    )
    duration = models.CharField(
        _("duration"), max_length=100, blank=True, help_text=_("For example: 12 months.")
    )

    content_panels = ResourcePage.content_panels + [
        FieldPanel("programme_kind"),
        FieldPanel("duration"),
    ]
    translatable_fields = ResourcePage.translatable_fields + [
        SynchronizedField("programme_kind"),
        TranslatableField("duration"),
    ]
    subpage_types = ["knowledge.TrainingModulePage"]

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def type_facts(self):
        return [(_("Programme"), self.get_programme_kind_display()), (_("Duration"), self.duration)]

    api_fields = ResourcePage.api_fields + [
        APIField("programme_kind"),
        APIField("duration"),
        APIField("modules", serializer=MethodField("api_modules")),
    ]

    def modules(self):
        return TrainingModulePage.objects.child_of(self).live().public()

    def api_modules(self, request=None):
        return [
            {"id": module.pk, "title": module.title, "slug": module.slug}
            for module in self.modules()
        ]

    def bundle_pages(self):
        return [self, *self.modules()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["module_cards"] = [
            Card(title=module.title, url=module.get_url(request), summary=module.summary)
            for module in self.modules()
        ]
        return context


class TrainingModulePage(ResourcePage):
    resource_type = "training-module"

    learning_objectives = models.TextField(
        _("learning objectives"), blank=True, help_text=_("One objective per line.")
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DELIVERY_MODES, default="classroom"
    )
    sessions = models.PositiveSmallIntegerField(_("sessions"), default=1)

    content_panels = ResourcePage.content_panels + [
        FieldPanel("learning_objectives"),
        FieldPanel("duration_minutes"),
        FieldPanel("delivery_mode"),
        FieldPanel("sessions"),
    ]
    translatable_fields = ResourcePage.translatable_fields + [
        TranslatableField("learning_objectives"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("delivery_mode"),
        SynchronizedField("sessions"),
    ]
    api_fields = ResourcePage.api_fields + [
        APIField("learning_objectives", serializer=MethodField("api_objectives")),
        APIField("duration_minutes"),
        APIField("delivery_mode"),
        APIField("sessions"),
    ]
    parent_page_types = ["knowledge.TrainingProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    @property
    def objectives(self):
        return [line.strip() for line in self.learning_objectives.splitlines() if line.strip()]

    def api_objectives(self, request=None):
        return self.objectives

    def type_facts(self):
        return [
            (_("Duration (minutes)"), self.duration_minutes or ""),
            (_("Delivery mode"), self.get_delivery_mode_display()),
            (_("Sessions"), self.sessions),
        ]


class ModelPolicyPage(ResourcePage):
    resource_type = "model-policy"

    policy_text = RichTextField(_("policy text"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = ResourcePage.content_panels + [FieldPanel("policy_text")]
    translatable_fields = ResourcePage.translatable_fields + [TranslatableField("policy_text")]
    search_fields = ResourcePage.search_fields + [index.SearchField("policy_text")]
    api_fields = ResourcePage.api_fields + [APIField("policy_text")]

    class Meta:
        verbose_name = _("model policy or procedure")
        verbose_name_plural = _("model policies and procedures")


class GoodPracticeGuidePage(ResourcePage):
    resource_type = "good-practice-guide"

    class Meta:
        verbose_name = _("good-practice guide")
        verbose_name_plural = _("good-practice guides")


class WorkbookPage(ResourcePage):
    resource_type = "workbook"

    steps = StreamField(StepsStreamBlock(), blank=True, verbose_name=_("steps"))

    content_panels = ResourcePage.content_panels + [FieldPanel("steps")]
    translatable_fields = ResourcePage.translatable_fields + [TranslatableField("steps")]
    api_fields = ResourcePage.api_fields + [APIField("steps")]

    class Meta:
        verbose_name = _("workbook for a mini project")
        verbose_name_plural = _("workbooks for mini projects")


class AwarenessMaterialPage(ResourcePage):
    resource_type = "awareness-material"

    FORMATS = [
        ("comic", _("Comic")),
        ("soap-opera", _("Soap-opera episode")),
        ("poster", _("Poster")),
        ("video", _("Video")),
    ]
    format = models.CharField(_("format"), max_length=20, choices=FORMATS, default="poster")

    content_panels = ResourcePage.content_panels + [FieldPanel("format")]
    translatable_fields = ResourcePage.translatable_fields + [SynchronizedField("format")]
    api_fields = ResourcePage.api_fields + [APIField("format")]

    class Meta:
        verbose_name = _("worker-awareness material")
        verbose_name_plural = _("worker-awareness materials")

    def type_facts(self):
        return [(_("Format"), self.get_format_display())]


class SelfGuidedToolPage(ResourcePage):
    """A guide an enterprise follows on its own; progress is kept in the reader's session."""

    resource_type = "self-guided-tool"

    steps = StreamField(StepsStreamBlock(), blank=True, verbose_name=_("steps"))

    content_panels = ResourcePage.content_panels + [FieldPanel("steps")]
    translatable_fields = ResourcePage.translatable_fields + [TranslatableField("steps")]
    api_fields = ResourcePage.api_fields + [APIField("steps")]

    class Meta:
        verbose_name = _("self-guided tool")
        verbose_name_plural = _("self-guided tools")

    def _progress_key(self):
        return f"knowledge-progress-{self.translation_key}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        done = (
            set(request.session.get(self._progress_key(), []))
            if hasattr(request, "session")
            else set()
        )
        steps = [(i, block, i in done) for i, block in enumerate(self.steps)]
        context["tool_steps"] = steps
        context["progress_done"] = sum(1 for _i, _b, is_done in steps if is_done)
        return context

    def mark_step(self, request, step, *, done):
        """Mark a step done or not done in the reader's session (``knowledge.progress``: its
        URL is outside the page, so the page needs no CSRF token and can be cached)."""
        marked = set(request.session.get(self._progress_key(), []))
        if done:
            marked.add(step)
        else:
            marked.discard(step)
        request.session[self._progress_key()] = sorted(marked)


RESOURCE_TYPES = {
    cls.resource_type: cls
    for cls in (
        TrainingProgrammePage,
        TrainingModulePage,
        ModelPolicyPage,
        GoodPracticeGuidePage,
        WorkbookPage,
        AwarenessMaterialPage,
        SelfGuidedToolPage,
    )
}


def resource_type_choices():
    return [(slug, cls._meta.verbose_name) for slug, cls in RESOURCE_TYPES.items()]
