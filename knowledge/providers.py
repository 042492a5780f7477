"""What the knowledge library gives the portal's blocks (see portal.providers)."""

from django.conf import settings

from portal.providers import ProvidedItem

from .filters import visible_entries
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


def featured_resources(language="en", limit=4, country=None, **kwargs):
    entries = visible_entries(language or settings.LANGUAGE_CODE).order_by(
        "-featured", "-published_at"
    )[: max(1, min(int(limit or 4), 24))]
    return _items(entries, language)


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
