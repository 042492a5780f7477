"""The knowledge library's source for the newsletter digest (see ``portal.digest``): resources
first published in a window, in one language, public only, read from the listing index."""

from django.db.models import Prefetch
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.digest import DigestItem, register_digest_source

from .models import ResourceEntry, ResourceFacet, resource_type_choices
from .models.index import GLOBAL

MAX_ITEMS = 200  # per language and run: a digest shows far fewer


def new_resources(language, countries, since, until):
    entries = ResourceEntry.objects.filter(
        is_public=True, language=language, published_at__gt=since, published_at__lte=until
    )
    if countries is not None:
        entries = entries.filter(
            pk__in=ResourceFacet.objects.filter(
                facet="country", value__in=[*sorted(countries), GLOBAL]
            ).values("entry_id")
        )
    entries = entries.order_by("-published_at", "page_id").prefetch_related(
        Prefetch(
            "facets",
            queryset=ResourceFacet.objects.filter(facet="country").only("entry_id", "value"),
            to_attr="country_facets",
        )
    )[:MAX_ITEMS]
    types = dict(resource_type_choices())
    return [
        DigestItem(
            title=entry.title,
            url=entry.url,
            summary=entry.summary,
            kind=capfirst(str(types.get(entry.resource_type, ""))),
            published_at=entry.published_at,
            countries=tuple(f.value for f in entry.country_facets if f.value != GLOBAL),
        )
        for entry in entries
    ]


def register():
    # Publications are resource pages too, so they arrive through this source.
    register_digest_source("resources", new_resources, label=_("New resources"))
