from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.wagtail_hooks import require_wagtail_login

from . import providers
from .downloads import document_access


@hooks.register("portal_provides_featured_resources")
def featured_resources(**kwargs):
    return providers.featured_resources(**kwargs)


@hooks.register("portal_provides_country_resources")
def country_resources(**kwargs):
    return providers.country_resources(**kwargs)


@hooks.register("portal_provides_compliance_point_resources")
def compliance_point_resources(language="en", compliance_points=(), limit=3, **kwargs):
    """Public resources linked to each compliance point (slugs), in the reader's language else
    the primary version, at most `limit` per point, as (slug, ProvidedItem) pairs: one query."""
    from django.conf import settings
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    from .filters import visible_entries
    from .models import ResourceFacet

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
    items = providers._items([facet.entry for facet in facets], language)
    return [(facet.value, item) for facet, item in zip(facets, items, strict=True)]


@hooks.register("before_serve_document")
def protect_restricted_materials(document, request):
    """Wagtail's own /documents/ URL must not leak materials of restricted resources."""
    verdict = document_access(document, request)
    if verdict == "login":
        return require_wagtail_login(next=request.get_full_path())
    if verdict == "forbidden":
        raise PermissionDenied
    return None


@hooks.register("portal_provides_navigation")
def navigation_entry(language, request=None, **context):
    from portal.providers import section_link

    from .models import ResourceLibraryPage

    return section_link(ResourceLibraryPage, language, request)
