"""News: an index page (/<lang>/news/) listing news articles, newest first, filterable by
country (``?country=<slug>``; an article with no country is global news, listed under every
country) and paged. Articles are translated like every page, with wagtail-localize."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.api_fields import TermsField
from portal.blocks import RICH_TEXT_FEATURES
from portal.components import Card
from portal.formatting import format_date
from portal.models import BasePage, Country
from portal.models.pages import FallbackMarkedMixin
from portal.models.taxonomy import term_names, term_names_in

NEWS_PAGE_SIZE = 10


def _today():
    return timezone.localdate()


class NewsIndexPage(FallbackMarkedMixin, BasePage):
    template = "knowledge/news_index_page.html"
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["knowledge.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def articles(self, country_slug=""):
        articles = (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("countries")
            .order_by("-date", "-pk")
        )
        if country_slug:
            articles = articles.filter(
                Q(countries__slug=country_slug) | Q(countries__isnull=True)
            ).distinct()
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        countries = list(Country.objects.filter(locale_id=self.locale_id).order_by("name"))
        slugs = {country.slug for country in countries}
        country = request.GET.get("country", "")
        if country not in slugs:
            # An unknown or malformed slug (NUL bytes, a made-up name) lists everything.
            context["unknown_country"] = bool(country)
            country = ""
        page_obj = Paginator(self.articles(country), NEWS_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        names = {c.slug: c.name for c in countries}
        cards = [
            Card(
                title=article.title,
                url=article.get_url(request),
                summary=article.summary,
                when=format_date(article.date),
                when_iso=article.date.isoformat(),
                meta=[", ".join(term_names(article.countries.all(), names)) or _("Global")],
                css="news-item",
            )
            for article in page_obj
        ]
        context.update(
            countries=countries, selected_country=country, page_obj=page_obj, cards=cards
        )
        return context


class NewsArticlePage(FallbackMarkedMixin, BasePage):
    template = "knowledge/news_article_page.html"
    parent_page_types = ["knowledge.NewsIndexPage"]
    subpage_types = []
    fallback_fields = ("title", "intro", "summary")

    date = models.DateField(_("date"), default=_today)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    countries = ParentalManyToManyField(
        "portal.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries"),
        help_text=_("Leave empty for global news."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("countries")], heading=_("News")),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("image"),
        TranslatableField("countries"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("image"),
        APIField("countries", serializer=TermsField()),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["country_names"] = term_names_in(self.countries.all(), self.locale_id)
        return context
