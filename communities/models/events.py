"""Events: seminars, workshops, trainings of trainers and webinars, published and translated as
Wagtail pages (an index at /<lang>/events/ and one page per event), and the registrations of
signed-in people to them.

The language versions of one event are one event: its seats, registrations and waiting list
belong to its ``translation_key`` (``EventRoster``), whichever language a person registered in.
The roster row is also what a registration locks (``select_for_update``), so two people can
never take the last seat together."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.api_fields import MethodField, TermsField
from portal.blocks import RICH_TEXT_FEATURES
from portal.models import BasePage
from portal.models.pages import FallbackMarkedMixin

# Resource page types an event may link to as its materials (named, not imported: communities
# does not import knowledge).
MATERIAL_PAGE_TYPES = [
    "knowledge.TrainingProgrammePage",
    "knowledge.TrainingModulePage",
    "knowledge.ModelPolicyPage",
    "knowledge.GoodPracticeGuidePage",
    "knowledge.WorkbookPage",
    "knowledge.AwarenessMaterialPage",
    "knowledge.SelfGuidedToolPage",
]


def timezone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    TOT = "training-of-trainers", _("Training of trainers")
    WEBINAR = "webinar", _("Webinar")


class EventIndexPage(RoutablePageMixin, FallbackMarkedMixin, BasePage):
    """/<lang>/events/: upcoming events first, then past ones (which keep their materials);
    ``?country=<slug>`` filters; ``feed/`` and ``feed/<country>/`` are iCalendar feeds (Wagtail
    routes page paths only, without dots: the files are named ``….ics`` by their headers)."""

    template = "communities/events/event_index_page.html"
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["communities.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def events(self):
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("countries")
            .order_by("start", "pk")
        )

    @path("")
    def listing(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().index_context(self, request))
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return _views().calendar_feed(request, self, None)

    @path("feed/<slug:country>/", name="country_feed")
    def country_feed(self, request, country):
        return _views().calendar_feed(request, self, country)


class EventPage(RoutablePageMixin, FallbackMarkedMixin, BasePage):
    template = "communities/events/event_page.html"
    parent_page_types = ["communities.EventIndexPage"]
    subpage_types = []
    fallback_fields = ("title", "intro", "summary", "place")

    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES, blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=timezone_choices,
        default="UTC",
        help_text=_("The times are shown in this time zone, where the event takes place."),
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    delivery_language = models.CharField(
        _("language of delivery"), max_length=12, choices=settings.LANGUAGES, default="en"
    )
    audiences = ParentalManyToManyField(
        "portal.Audience", blank=True, related_name="+", verbose_name=_("audiences")
    )
    countries = ParentalManyToManyField(
        "portal.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries"),
        help_text=_("Leave empty for a global event."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Seats; leave empty for no limit."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("time_zone"),
                FieldPanel("place"),
                FieldPanel("online_url"),
                FieldPanel("delivery_language"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel([FieldPanel("countries"), FieldPanel("audiences")], heading=_("Taxonomy")),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_open")],
            heading=_("Registration"),
        ),
        InlinePanel("event_materials", label=_("Materials")),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("kind"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("time_zone"),
        TranslatableField("place"),
        SynchronizedField("online_url"),
        SynchronizedField("delivery_language"),
        TranslatableField("audiences"),
        TranslatableField("countries"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_open"),
        SynchronizedField("event_materials"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.AutocompleteField("title"),
        index.FilterField("start"),
        index.FilterField("kind"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("kind"),
        APIField("summary"),
        APIField("body"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("place"),
        APIField("online_url"),
        APIField("delivery_language"),
        APIField("countries", serializer=TermsField()),
        APIField("audiences", serializer=TermsField()),
        APIField("capacity"),
        APIField("registration_open"),
        APIField("materials", serializer=MethodField("api_materials")),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if not self.place and not self.online_url:
            errors["place"] = _("Give a place, an online link or both.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must come after the start.")
        if errors:
            raise ValidationError(errors)

    # --- what templates, feeds and the API read ------------------------------------------------
    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def has_started(self):
        return self.start <= timezone.now()

    def material_pages(self):
        """The linked resources that are live and public, in the editor's order, each in the
        event's language where it has been translated."""
        from wagtail.models import Page

        ids = [m.resource_id for m in self.event_materials.all() if m.resource_id]
        chosen = Page.objects.live().public().in_bulk(ids)
        keys = {page.translation_key for page in chosen.values()}
        local = {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        pages = [chosen[pk] for pk in ids if pk in chosen]
        return [local.get(page.translation_key, page) for page in pages]

    def api_materials(self, request=None):
        return [{"id": p.pk, "title": p.title, "url": p.url} for p in self.material_pages()]

    # --- routes (communities/views/events.py) -------------------------------------------------
    @path("")
    def detail(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().event_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Seats left and the reader's own registration change without a publish: never a
        # shared copy of the page.
        response.headers.setdefault("Cache-Control", "private, no-cache")
        return response

    @path("register/", name="register")
    def register(self, request):
        return _views().register(request, self)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        return _views().cancel(request, self)

    @path("registrations/", name="registrations")
    def registrations(self, request):
        return _views().registration_list(request, self)

    @path("registrations/csv/", name="registrations_csv")
    def registrations_csv(self, request):
        return _views().registration_csv(request, self)

    @path("calendar/", name="ics")
    def ics(self, request):
        return _views().event_ics(request, self)


class EventMaterial(Orderable):
    """A resource of the library linked to an event; shown before and after it."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_materials")
    resource = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("resource"),
    )

    panels = [PageChooserPanel("resource", page_type=MATERIAL_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("event material")


class EventRoster(models.Model):
    """The seats of one event in all its languages; the row a registration locks."""

    translation_key = models.UUIDField(unique=True)

    def __str__(self):
        return str(self.translation_key)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class EventRegistration(models.Model):
    roster = models.ForeignKey(EventRoster, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(max_length=12, choices=RegistrationStatus.choices)
    # The language the person registered in: their e-mails come in it.
    language = models.CharField(max_length=12, default="en")
    created_at = models.DateTimeField(auto_now_add=True)
    # When they joined the waiting list (again): its order.
    queued_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            models.UniqueConstraint(fields=["roster", "user"], name="event_registration_unique")
        ]
        indexes = [
            models.Index(fields=["roster", "status", "queued_at"], name="event_reg_queue"),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.roster_id} ({self.status})"


def _views():
    # Cycle: communities.views.events imports this module (EventRegistration, EventPage).
    from ..views import events

    return events
