from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import fragments
from ..api_fields import TermField
from ..blocks import BaseStreamBlock, CountryStreamBlock, HomeStreamBlock
from ..components import Card
from ..fragments import cached
from ..headless import HeadlessPreviewSwitch
from ..localization import cached_page_fallback
from ..providers import provide
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

    def get_view_restrictions(self):
        """Wagtail's query for the restrictions on this page and its ancestors, skipped for a
        page ``portal/serving.py`` found outside every restriction."""
        if getattr(self, "_portal_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def search_folded_text(self):
        """Title and intro without Latin diacritics, so 'Viet Nam' finds 'Việt Nam' on the
        database backend (Elasticsearch folds with its analyzer)."""
        text = f"{self.title} {self.intro}"
        folded = fold_latin_diacritics(text)
        return folded if folded != text else ""


def _route_chain(page, request, path_components):
    """{(parent's tree path, slug): specific Page} for the pages at each prefix of the path
    below ``page``, read once per request (the first routed page reads them for those below
    it) and cached as a fragment until the content changes: the same for every reader, since
    whether a page is live or restricted is decided after routing."""
    chain = getattr(request, "_portal_route_chain", None)
    if chain is None:
        chain = fragments.cached(
            request,
            "route_chain",
            lambda: _read_route_chain(page, path_components),
            page,
            path_components,
        )
        request._portal_route_chain = chain
    return chain


def _read_route_chain(page, path_components):
    prefixes, url_path = [], page.url_path
    for component in path_components:
        url_path += f"{component}/"
        prefixes.append(url_path)
    pages = list(Page.objects.filter(url_path__in=prefixes, depth__gt=page.depth).specific())
    # Their locale comes with them (a served page's templates and views read it).
    locales = Locale.objects.in_bulk({child.locale_id for child in pages})
    chain = {}
    for child in pages:
        child.locale = locales[child.locale_id]
        chain[(child.path[: -Page.steplen], child.slug)] = child
    return chain


class FallbackMarkedMixin:
    """Puts ``fallback`` in the context: which of the page's own fields still hold the text of
    the language it was translated from (portal/localization.py), for the templates' ``lang``
    marks and their "not yet available in your language" note. Two queries on a translation,
    cached until the content changes."""

    fallback_fields = ("title", "intro", "body")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fallback"] = cached_page_fallback(
            request, self, [name for name in self.fallback_fields if hasattr(self, name)]
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
        context["cards"] = [
            Card(
                title=country_page.title,
                url=country_page.get_url(request),
                meta=[str(country_page.country.get_programme_status_display())],
            )
            for country_page in CountryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("country")
        ]
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
        # The national law behind each compliance point, from whichever app keeps it.
        context["labour_law"] = provide(
            "country_labour_law", language=get_language(), country=self.country, request=request
        )
        return context

    class Meta:
        verbose_name = _("country page")
