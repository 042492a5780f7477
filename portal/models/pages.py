from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..api_fields import TermField
from ..blocks import BaseStreamBlock, CountryStreamBlock, HomeStreamBlock
from ..fragments import cached
from ..headless import HeadlessPreviewSwitch
from ..localization import page_fallback
from ..text import fold_latin_diacritics
from ..translation_admin.forms import LocalizedTermsPageForm
from .mixins import IntroMixin
from .taxonomy import Country


class BasePage(HeadlessPreviewSwitch, IntroMixin, Page):
    """Common base: every page has an intro and is translated field by field. Its preview
    goes to the headless front end when ``HEADLESS_PREVIEW_URL`` is set (portal/headless.py)."""

    # Taxonomy choices in the page's own language, once each.
    base_form_class = LocalizedTermsPageForm
    content_panels = Page.content_panels + IntroMixin.intro_panels
    search_fields = (
        Page.search_fields
        + IntroMixin.intro_search_fields
        + [
            index.FilterField("locale_id"),
            index.SearchField("search_folded_text"),
        ]
    )
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug"),  # URLs stay /<lang>/countries/<slug>/ in every language
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
    ] + IntroMixin.intro_translatable_fields
    # Wagtail's content API (/api/v2/pages/, portal/api_content.py)
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing (each page's own ``route`` still decides where the rest of the path
        goes), with the pages along the path read in one query instead of one per level."""
        if not path_components:
            return super().route(request, path_components)
        child = _route_chain(self, request, path_components).get((self.path, path_components[0]))
        if child is None:  # not on the path read first: Wagtail's own lookup (or its 404)
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.specific.route(request, path_components[1:])

    def search_folded_text(self):
        """Title and intro without Latin diacritics, so 'Viet Nam' finds 'Việt Nam' on the
        database backend (Elasticsearch folds with its analyzer)."""
        text = f"{self.title} {self.intro}"
        folded = fold_latin_diacritics(text)
        return folded if folded != text else ""


def _route_chain(page, request, path_components):
    """{(parent's tree path, slug): Page} for the pages at each prefix of the path below
    ``page``, read once per request (the first routed page reads them for those below it)."""
    chain = getattr(request, "_portal_route_chain", None)
    if chain is None:
        prefixes, url_path = [], page.url_path
        for component in path_components:
            url_path += f"{component}/"
            prefixes.append(url_path)
        chain = {
            (child.path[: -Page.steplen], child.slug): child
            for child in Page.objects.filter(url_path__in=prefixes, depth__gt=page.depth)
        }
        request._portal_route_chain = chain
    return chain


class FallbackMarkedMixin:
    """Puts ``fallback`` in the context: which of the page's own fields still hold the text of
    the language it was translated from (portal/localization.py), for the templates' ``lang``
    marks and their "not yet available in your language" note. Two queries on a translation."""

    fallback_fields = ("title", "intro", "body")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fallback"] = page_fallback(
            self, [name for name in self.fallback_fields if hasattr(self, name)]
        )
        return context


class HomePage(FallbackMarkedMixin, BasePage):
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(FallbackMarkedMixin, BasePage):
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class CountryIndexPage(FallbackMarkedMixin, BasePage):
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.CountryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("country index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["country_pages"] = (
            CountryPage.objects.child_of(self).live().public().select_related("country")
        )
        return context


class CountryPage(FallbackMarkedMixin, BasePage):
    """A country portal inside the global one."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    body = StreamField(CountryStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("country"), FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        TranslatableField("country"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("country_id"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("country", serializer=TermField()),
        APIField("body"),
    ]

    parent_page_types = ["portal.CountryIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The country's facts in the reader's language (else the page's own term).
        context["country_facts"] = cached(
            request, "country_facts", lambda: self.country.localized, self.country_id
        )
        return context

    class Meta:
        verbose_name = _("country page")
