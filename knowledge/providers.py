"""What the knowledge library gives the portal's blocks (see portal.providers)."""

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from portal.fragments import cached_items
from portal.providers import ProvidedItem

from . import law
from .filters import visible_entries
from .glossary import entries_for, glossary_url
from .models import ResourceFacet, resource_type_choices


def _items(entries, language):
    types = dict(resource_type_choices())
    names = settings.LANGUAGE_NAMES_TRANSLATED
    return [
        ProvidedItem(
            title=e.title,
            url=e.url,
            summary=e.summary,
            meta=[
                str(types.get(e.resource_type, "")),
                *([] if e.language == language else [str(names.get(e.language, ""))]),
            ],
            language=e.language,
        )
        for e in entries
    ]


@cached_items
def featured_resources(language="en", limit=4, country=None, **kwargs):
    entries = visible_entries(language or settings.LANGUAGE_CODE).order_by(
        "-featured", "-published_at"
    )[: max(1, min(int(limit or 4), 24))]
    return _items(entries, language)


@cached_items
def country_resources(language="en", limit=6, country=None, **kwargs):
    if country is None:
        return []
    entries = (
        visible_entries(language or settings.LANGUAGE_CODE)
        .filter(
            pk__in=ResourceFacet.objects.filter(facet="country", value=country.slug).values(
                "entry_id"
            )
        )
        .order_by("-featured", "-published_at")[: max(1, min(int(limit or 6), 24))]
    )
    return _items(entries, language)


@cached_items
def compliance_point_resources(language="en", compliance_points=(), limit=3, **kwargs):
    """Public resources linked to each compliance point (slugs), in the reader's language else
    the primary version, at most `limit` per point, as (slug, ProvidedItem) pairs: one query."""
    slugs = sorted({slug for slug in compliance_points if slug})
    if not slugs:
        return []
    language = language or settings.LANGUAGE_CODE
    rank = Window(
        RowNumber(),
        partition_by=F("value"),
        order_by=(F("entry__featured").desc(), F("entry__published_at").desc(), F("entry_id")),
    )
    facets = list(
        ResourceFacet.objects.filter(
            facet="compliance_point", value__in=slugs, entry__in=visible_entries(language)
        )
        .select_related("entry")
        .annotate(rank=rank)
        .filter(rank__lte=max(1, min(int(limit or 3), 12)))
        .order_by("value", "rank")
    )
    items = _items([facet.entry for facet in facets], language)
    return [(facet.value, item) for facet, item in zip(facets, items, strict=True)]


def _country_slug(country):
    return getattr(country, "slug", country) or ""


@cached_items
def country_labour_law(language="en", country=None, **kwargs):
    """The country's labour-law references (``law.LawItem``), grouped by compliance point."""
    return law.references(language or settings.LANGUAGE_CODE, _country_slug(country))


@cached_items
def compliance_point_law(language="en", country=None, compliance_points=(), **kwargs):
    """(compliance point slug, LawItem) pairs of the country's references for those points."""
    slugs = sorted({slug for slug in compliance_points if slug})
    if not slugs:
        return []
    items = law.references(language or settings.LANGUAGE_CODE, _country_slug(country), slugs)
    return [(item.key, item) for item in items]


def compliance_point_glossary(language="en", compliance_points=(), request=None, **kwargs):
    """(compliance point slug, ProvidedItem) pairs: the glossary terms linked to each point,
    their definition as the summary and their glossary entry as the URL."""
    language = language or settings.LANGUAGE_CODE
    wanted = {slug for slug in compliance_points if slug}
    base = glossary_url(language, request)
    if not wanted or not base:
        return []
    pairs = []
    for entry in entries_for(language, request):
        for slug, _name in entry.compliance_points:
            if slug in wanted:
                pairs.append(
                    (
                        slug,
                        ProvidedItem(
                            title=entry.term,
                            url=f"{base}#{entry.anchor}",
                            summary=entry.definition,
                            language=entry.language,
                        ),
                    )
                )
    return pairs
