"""StreamField blocks shared by every page type. Blocks whose content belongs to another app
(resources, discussions, compliance) ask for it through ``portal.providers``."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Locale, Page
from wagtail.snippets.blocks import SnippetChooserBlock

from .components import Card, LanguageLink
from .fragments import cached
from .providers import provide

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)

    class Meta:
        icon = "title"
        template = "portal/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)
    label = blocks.CharBlock(label=_("Label"), max_length=100)

    class Meta:
        icon = "link"

    def clean(self, value):
        if not getattr(self.meta, "required", True) and not any(
            value.get(name) for name in ("page", "url", "label")
        ):
            return value  # an optional button left empty: none is shown
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                non_block_errors=[_("Choose a page or enter an external URL.")]
            )
        return value


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    # A chooser, not ImageBlock: wagtail-localize 1.14 cannot extract an empty optional ImageBlock.
    image = ImageChooserBlock(label=_("Decorative image"), required=False)
    link = LinkBlock(label=_("Button"), required=False)

    class Meta:
        icon = "image"
        template = "portal/blocks/hero.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "portal/blocks/call_to_action.html"


class ProvidedListBlock(blocks.StructBlock):
    """A heading and a list of items another app provides for the current language."""

    provider_name = ""
    empty_text = _("Nothing to show yet.")

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    limit = blocks.IntegerBlock(label=_("How many"), default=4, min_value=1, max_value=12)

    class Meta:
        template = "portal/blocks/provided_list.html"

    def provider_context(self, value, parent_context):
        page = (parent_context or {}).get("page")
        return {
            # For providers that cache their items (the same for every reader) per version.
            "request": (parent_context or {}).get("request"),
            "language": get_language(),
            "limit": value["limit"],
            # A block's own country choice (where it has one) wins over the page's country.
            "country": value.get("country") or getattr(page, "country", None),
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = provide(
            self.provider_name, **self.provider_context(value, parent_context)
        )
        context["empty_text"] = self.empty_text
        return context


class FeaturedResourcesBlock(ProvidedListBlock):
    """Editors pick pages; with none picked the knowledge library supplies its featured ones."""

    provider_name = "featured_resources"
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), required=False)

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/featured_resources.html"

    def get_context(self, value, parent_context=None):
        """The chosen pages in the reader's language, else in the language they exist in
        (``language`` says which, so the card can carry its ``lang`` and a note)."""
        context = super().get_context(value, parent_context)
        chosen = [page for page in value.get("pages") or [] if page is not None]
        request = (parent_context or {}).get("request")
        context["chosen"] = (
            cached(
                request,
                "featured_chosen",
                lambda: _chosen_cards(chosen, request),
                *[page.pk for page in chosen],
            )
            if chosen
            else []
        )
        return context


def _chosen_cards(chosen, request):
    """A card of the live version of each chosen page in the active language (``Page.localized``:
    the translation, else the page itself, with a link naming its language): one query for all
    of them (and one per page type)."""
    active = Locale.get_active()
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    pages = Page.objects.filter(
        Q(pk__in=[page.pk for page in chosen])
        | Q(locale=active, translation_key__in={page.translation_key for page in chosen})
    ).specific()
    by_pk = {page.pk: page for page in pages}
    translated = {page.translation_key: page for page in pages if page.locale_id == active.pk}
    cards = []
    for page in chosen:
        localized = translated.get(page.translation_key) or by_pk.get(page.pk)
        if localized is None or not localized.live:
            continue
        code = codes.get(localized.locale_id, "")
        url = localized.get_url(request)
        name = settings.LANGUAGE_NAMES_TRANSLATED.get(code, code)
        cards.append(
            Card(
                title=localized.title,
                url=url,
                summary=getattr(localized, "intro", ""),
                language=code,
                versions=[] if code == active.language_code else [LanguageLink(code, name, url)],
            )
        )
    return cards


class LatestDiscussionsBlock(ProvidedListBlock):
    provider_name = "latest_discussions"
    empty_text = _("No public discussions yet.")

    class Meta:
        icon = "group"


class ComplianceHighlightBlock(ProvidedListBlock):
    provider_name = "compliance_highlights"
    empty_text = _("Compliance data will appear here once it is imported.")
    text = blocks.TextBlock(label=_("Text"), required=False)
    country = SnippetChooserBlock("portal.Country", label=_("Country"), required=False)

    class Meta:
        icon = "table"


class CountryResourcesBlock(ProvidedListBlock):
    provider_name = "country_resources"
    empty_text = _("No resources for this country yet.")

    class Meta:
        icon = "doc-full"


class CountryCommunitiesBlock(ProvidedListBlock):
    provider_name = "country_communities"
    empty_text = _("No communities for this country yet.")

    class Meta:
        icon = "group"


class ComplianceSummaryBlock(ProvidedListBlock):
    """Cluster rates for a country and/or an industry (the page's country when none is chosen,
    all countries elsewhere). The provider returns one table item (``rows``, ``first_column``,
    ``csv_url``, ``link_label``) whose rows carry ``percent`` (None when suppressed) and
    ``assessed``; only public, suppressed aggregates are read."""

    provider_name = "compliance_summary"
    empty_text = _("Compliance data will appear here once it is imported.")
    country = SnippetChooserBlock("portal.Country", label=_("Country"), required=False)
    industry = SnippetChooserBlock("portal.Industry", label=_("Industry"), required=False)

    class Meta:
        icon = "table"
        template = "portal/blocks/compliance_table.html"

    def provider_context(self, value, parent_context):
        context = super().provider_context(value, parent_context)
        context["industry"] = value.get("industry")
        return context


def compliance_indicator_choices():
    """Indicators of the cross-country comparison: overall, each cluster, each compliance point
    (keys as the compliance page's ``?indicator=``; slugs are the same in every language)."""
    # Cycle: portal.models.pages imports these blocks.
    from .models import Cluster, CompliancePoint

    locale = Locale.get_default()
    choices = [("overall", _("Any compliance point"))]
    points = {}
    for point in CompliancePoint.objects.filter(locale=locale).order_by("sort_order", "name"):
        points.setdefault(point.cluster_id, []).append(point)
    for cluster in Cluster.objects.filter(locale=locale).order_by("sort_order", "name"):
        choices.append((f"cluster:{cluster.slug}", cluster.name))
        choices += [(f"point:{p.slug}", f"— {p.name}") for p in points.get(cluster.pk, [])]
    return choices


class ComplianceComparisonBlock(blocks.StructBlock):
    """One indicator compared across countries: a table (suppressed cells marked) with links to
    the compliance page and its CSV, from the ``compliance_comparison`` provider."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    indicator = blocks.ChoiceBlock(
        choices=compliance_indicator_choices, label=_("Indicator"), search_index=False
    )
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "table"
        template = "portal/blocks/compliance_table.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = provide(
            "compliance_comparison",
            language=get_language(),
            indicator=value["indicator"],
            request=(parent_context or {}).get("request"),
        )
        context["empty_text"] = ComplianceSummaryBlock.empty_text
        return context


class ComplianceTopIssuesBlock(ProvidedListBlock):
    """The compliance points with the highest public non-compliance rates for a country (the
    page's or the chosen one) or globally, each with the knowledge resources linked to it in
    the reader's language: the compliance → knowledge loop.

    Two provider calls whatever the number of issues: ``compliance_top_issues`` (items with
    ``key`` = compliance point slug) and ``compliance_point_resources`` (``(slug, item)``
    pairs for all the slugs at once)."""

    provider_name = "compliance_top_issues"
    empty_text = _("Compliance data will appear here once it is imported.")
    limit = blocks.IntegerBlock(label=_("How many"), default=5, min_value=1, max_value=12)
    text = blocks.TextBlock(label=_("Text"), required=False)
    country = SnippetChooserBlock("portal.Country", label=_("Country"), required=False)
    resources = blocks.IntegerBlock(
        label=_("Resources per issue"), default=3, min_value=0, max_value=6
    )

    class Meta:
        icon = "warning"
        template = "portal/blocks/compliance_top_issues.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        per_issue = value.get("resources")
        per_issue = 3 if per_issue is None else per_issue
        keys = [getattr(item, "key", "") for item in context["items"]]
        related = {}
        if per_issue and any(keys):
            for slug, resource in provide(
                "compliance_point_resources",
                request=(parent_context or {}).get("request"),
                language=get_language(),
                compliance_points=[k for k in keys if k],
                limit=per_issue,
            ):
                related.setdefault(slug, []).append(resource)
        context["issues"] = [
            (item, related.get(key, [])) for item, key in zip(context["items"], keys, strict=True)
        ]
        context["show_resources"] = bool(per_issue)
        return context


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="portal/blocks/paragraph.html"
    )
    image = ImageBlock(label=_("Image"), template="portal/blocks/image.html")
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Video or other embed"), template="portal/blocks/embed.html")
    call_to_action = CallToActionBlock()
    compliance_summary = ComplianceSummaryBlock(label=_("Compliance summary"))
    compliance_comparison = ComplianceComparisonBlock(label=_("Compliance: compare countries"))
    compliance_top_issues = ComplianceTopIssuesBlock(label=_("Compliance: top issues"))


class HomeStreamBlock(BaseStreamBlock):
    hero = HeroBlock()
    featured_resources = FeaturedResourcesBlock()
    latest_discussions = LatestDiscussionsBlock()
    compliance_highlight = ComplianceHighlightBlock()


class CountryStreamBlock(BaseStreamBlock):
    country_resources = CountryResourcesBlock()
    country_communities = CountryCommunitiesBlock()
