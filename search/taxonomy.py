"""Country, industry, topic (and a publication's kind) for site search: which pages carry a
taxonomy slug, and how many of a search's matches carry each one.

Wagtail's ``.facet()`` counts one value per document, and only on a field of the model being
searched (``Page`` for site search); a resource carries several countries, industries and topics
through many-to-many relations on its own table. So these facets are answered from data that is
already denormalised and keyed by page id, read-only:

- resources: ``knowledge.ResourceFacet`` (one row per published resource and taxonomy slug;
  ``country=global`` for resources with no country),
- country portals: ``CountryPage.country`` (one country each).

(Discussions take their countries and industries from their community: ``search.discussions``.)
Filtering is a ``pk IN (subquery)`` on the searched queryset, which every backend accepts (the
Elasticsearch backends run the subquery and send the ids). Slugs are the same in every language,
so counting never depends on the number of languages. With ``search.discussions`` this is the
only module that reads other apps' tables for search.
"""

import re

from django.conf import settings
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from knowledge.models import PublicationKind, ResourceFacet
from knowledge.models.index import GLOBAL
from portal.models import Country, CountryPage, Industry, Topic

FACETS = {
    "country": (Country, _("Country")),
    "industry": (Industry, _("Industry")),
    "topic": (Topic, _("Topic")),
    # Not a taxonomy but read the same way (knowledge's facet rows): a publication's kind,
    # whose options are fixed choices labelled by gettext instead of translated terms.
    "publication": (PublicationKind, _("Publication type")),
}
CHOICE_FACETS = {"publication"}
MAX_SLUG_LENGTH = 120
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def known_slugs(facet, slugs):
    """The given slugs that exist in the vocabulary (unknown ones are ignored, like unknown types
    and languages), in the order given."""
    wanted = [s for s in dict.fromkeys(slugs) if len(s) <= MAX_SLUG_LENGTH and _SLUG.fullmatch(s)]
    if not wanted:
        return []
    model = FACETS[facet][0]
    if facet in CHOICE_FACETS:
        return [s for s in wanted if s in model.values]
    found = set(model.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if facet == "country":
        found.add(GLOBAL)
    return [s for s in wanted if s in found]


def pages_tagged(facet, slugs):
    """A filter for ``Page`` querysets: pages carrying any of the slugs. (Measured at 100,000
    pages on PostgreSQL, an ``IN`` over a ``UNION ALL`` of the two sources was slower than
    this ``OR`` of two ``IN``; the search backends' filter check refuses ``EXISTS``.)"""
    tagged = Q(pk__in=ResourceFacet.objects.filter(facet=facet, value__in=slugs).values("entry_id"))
    return tagged | _portals(facet, slugs)


def is_tagged(facet, slugs):
    """``pages_tagged`` as a boolean column of a ``Page`` queryset, for annotating the rows a
    search matched (after the backend's filter check, so ``EXISTS`` is allowed): one probe of
    the facet rows' unique index per matched page, cheaper than hashing every tagged page when
    few pages match."""
    rows = ResourceFacet.objects.filter(entry_id=OuterRef("pk"), facet=facet, value__in=slugs)
    return ExpressionWrapper(Q(Exists(rows)) | _portals(facet, slugs), output_field=BooleanField())


def _portals(facet, slugs):
    """For the country facet, the country portals of those countries (an empty ``Q``, which
    changes nothing, for the other facets)."""
    if facet != "country":
        return Q()
    return Q(pk__in=CountryPage.objects.filter(country__slug__in=slugs).values("pk"))


def tag(facet, slug):
    """A page's tag in ``search.SearchDocument.tags``: ``"country:cambodia"``."""
    return f"{facet}:{slug}"


def tags_sql(page_id, connection):
    """SQL for the array of tags of the page whose id is the SQL expression ``page_id``: its
    resource facets of ``FACETS`` and, for a country portal, its country (the two sources
    ``pages_tagged`` reads). Identifiers come from the models; no value is interpolated."""
    quote = connection.ops.quote_name
    facets = quote(ResourceFacet._meta.db_table)
    entry = quote(ResourceFacet._meta.get_field("entry").column)
    portals = quote(CountryPage._meta.db_table)
    portal_id = quote(CountryPage._meta.pk.column)
    portal_country = quote(CountryPage._meta.get_field("country").column)
    countries = quote(Country._meta.db_table)
    names = ", ".join(f"'{name}'" for name in FACETS)  # the module's own constant names
    return (
        f"ARRAY(SELECT f.facet || ':' || f.value FROM {facets} f "  # noqa: S608
        f"WHERE f.{entry} = {page_id} AND f.facet IN ({names})) || "
        f"ARRAY(SELECT 'country:' || c.slug FROM {portals} cp "
        f"JOIN {countries} c ON c.id = cp.{portal_country} WHERE cp.{portal_id} = {page_id})"
    )


# The country of a country portal, as seen from a ``Page`` row (for grouping matches).
PORTAL_COUNTRY = "countrypage__country__slug"


def labels(facet, slugs, language):
    """{slug: name} in the reader's language, else the default language's name."""
    return {
        slug: name for slug, (name, _code) in labels_with_languages(facet, slugs, language).items()
    }


def labels_with_languages(facet, slugs, language):
    """{slug: (name, language code of the name)}, like ``labels``."""
    model = FACETS[facet][0]
    if facet in CHOICE_FACETS:  # gettext labels, in the active (reader's) language
        return {value: (str(label), language) for value, label in model.choices if value in slugs}
    names = {}
    if facet == "country":
        names[GLOBAL] = (str(_("Global (all countries)")), language)
    rows = (
        model.objects.filter(
            slug__in=list(slugs),
            locale__language_code__in={language, settings.LANGUAGE_CODE},
        )
        .order_by()
        .values_list("slug", "name", "locale__language_code")
    )
    for slug, name, code in rows:
        if code == language or slug not in names:
            names[slug] = (name, code)
    return names
