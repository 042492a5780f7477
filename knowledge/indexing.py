"""Keep ``ResourceEntry``/``ResourceFacet`` (see ``models/index.py``) in step with the pages."""

from django.db import transaction
from django.db.models import Case, Max, Value, When
from wagtail.models import Locale, Page

from portal import cache_versions

from .filters import warm_listing_counts
from .models import RESOURCE_TYPES, ResourceEntry, ResourceFacet
from .models.index import GLOBAL

TAXONOMY_FACETS = {
    "country": "countries",
    "industry": "industries",
    "topic": "topics",
    "audience": "audiences",
    "compliance_point": "compliance_points",
}


def is_resource(page):
    return getattr(type(page), "resource_type", "") in RESOURCE_TYPES


def _is_public(page):
    return not page.get_view_restrictions().exists()


def refresh_primary(translation_key):
    """Mark one version per resource as the one shown to readers of other languages:
    a public one first, the default language first, then the oldest page. Every change to the
    index ends here, so this is where cached facet counts are invalidated."""
    index_changed()
    entries = list(
        ResourceEntry.objects.filter(translation_key=translation_key).only(
            "page_id", "language", "is_public", "is_primary", "languages"
        )
    )
    if not entries:
        return
    languages = languages_value(e.language for e in entries if e.is_public)
    if any(e.languages != languages for e in entries):
        ResourceEntry.objects.filter(translation_key=translation_key).update(languages=languages)
    default = Locale.get_default().language_code
    best = min(entries, key=lambda e: (not e.is_public, e.language != default, e.page_id))
    stale = [e.page_id for e in entries if e.is_primary != (e.page_id == best.page_id)]
    if stale:
        ResourceEntry.objects.filter(page_id__in=stale).update(is_primary=models_case(best.page_id))


def index_changed():
    cache_versions.bump(cache_versions.RESOURCE_INDEX)
    # Recount the unfiltered library of every language once the change is committed (once per
    # transaction, however many pages it published), so the most requested listing does not
    # pay for the count.
    connection = transaction.get_connection()
    if not any(func is _enqueue_warm_counts for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_enqueue_warm_counts)


def _enqueue_warm_counts():
    warm_listing_counts.enqueue()


def languages_value(codes):
    codes = sorted(set(codes))
    return f"|{'|'.join(codes)}|" if codes else ""


def models_case(best_id):
    return Case(When(page_id=best_id, then=Value(True)), default=Value(False))


@transaction.atomic
def index_page(page):
    """(Re)write the index rows of one resource page from its live state."""
    page = page.specific
    if not is_resource(page):
        return None
    if not page.live:
        return remove_page(page)
    adapted_from_key = (
        Page.objects.filter(pk=page.adapted_from_id)
        .values_list("translation_key", flat=True)
        .first()
        if page.adapted_from_id
        else None
    )
    downloads = (
        ResourceEntry.objects.filter(translation_key=page.translation_key).aggregate(
            n=Max("downloads")
        )["n"]
        or 0
    )
    entry, _created = ResourceEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "translation_key": page.translation_key,
            "language": page.locale.language_code,
            "resource_type": page.resource_type,
            "title": page.title,
            "summary": page.summary,
            "url": page.get_url() or "",
            "published_at": page.first_published_at,
            "last_reviewed": page.last_reviewed,
            "featured": page.featured,
            "is_public": _is_public(page),
            "downloads": downloads,
            "adapted_from_key": adapted_from_key,
        },
    )
    ResourceFacet.objects.filter(entry=entry).delete()
    facets = []
    for facet, field in TAXONOMY_FACETS.items():
        slugs = set(getattr(page, field).values_list("slug", flat=True))
        if facet == "country" and not slugs:
            slugs = {GLOBAL}
        facets.extend(ResourceFacet(entry=entry, facet=facet, value=s) for s in sorted(slugs))
    # Type-specific facets (a publication's kind), counted like the taxonomy ones.
    facets.extend(
        ResourceFacet(entry=entry, facet=facet, value=value)
        for facet, value in getattr(page, "extra_facets", list)()
        if value
    )
    ResourceFacet.objects.bulk_create(facets)
    refresh_primary(page.translation_key)
    return entry


def remove_page(page):
    key = getattr(page, "translation_key", None)
    ResourceEntry.objects.filter(page_id=page.pk).delete()
    if key:
        refresh_primary(key)


def reindex_subtree(page):
    """After a move or a view-restriction change: every resource at or below ``page``."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        if is_resource(descendant):
            index_page(descendant)


def reindex_all():
    count = 0
    for model in RESOURCE_TYPES.values():
        for page in model.objects.live():
            index_page(page)
            count += 1
    return count
