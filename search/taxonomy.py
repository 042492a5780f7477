"""Country, industry, topic (and a publication's kind) for site search: which pages carry a
taxonomy slug, and how many of a search's matches carry each one.

Wagtail's ``.facet()`` counts one value per document, and only on a field of the model being
searched (``Page`` for site search); a resource carries several countries, industries and topics
through many-to-many relations on its own table. So these facets are answered from two sources,
both keyed by page id and read-only:

- resources: ``knowledge.ResourceFacet`` (one row per published resource and taxonomy slug;
  ``country=global`` for resources with no country; denormalised by knowledge on publishing);
- pages that carry their own country (``OWN_COUNTRY``): a country portal its one country
  (``CountryPage.country``), a news article or an event its countries (the many-to-many
  ``countries`` of ``NewsArticlePage`` and ``EventPage``; none means global, as for a
  resource). Each is read the same way from its own table: ``own_countries`` (a filter) and
  ``own_countries_sql`` (the rows ``(tagged_page, tagged_country)``, for the search documents'
  tags and for counting) are made from that one list, so a new page type with countries is one
  more entry there.

(Discussions take their countries and industries from their community: ``search.discussions``.)
Filtering is a ``pk IN (subquery)`` on the searched queryset, which every backend accepts (the
Elasticsearch backends run the subquery and send the ids). Slugs are the same in every language
(a translated article's countries are the same terms in its locale), so counting never depends
on the number of languages. With ``search.discussions`` this is the only module that reads other
apps' tables for search.
"""

import re

from django.conf import settings
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q, Value
from django.utils.translation import gettext_lazy as _

from communities.models import EventPage
from knowledge.filters import taxonomy_labels
from knowledge.models import NewsArticlePage, PublicationKind, ResourceFacet
from knowledge.models.index import GLOBAL
from portal.fragments import cached
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


def known_slugs(facet, slugs, request=None):
    """The given slugs that exist in the vocabulary (unknown ones are ignored, like unknown types
    and languages), in the order given. With a ``request``, the vocabulary is read once per
    content version (``portal.fragments``)."""
    wanted = [s for s in dict.fromkeys(slugs) if len(s) <= MAX_SLUG_LENGTH and _SLUG.fullmatch(s)]
    if not wanted:
        return []
    model = FACETS[facet][0]
    if facet in CHOICE_FACETS:
        return [s for s in wanted if s in model.values]
    if request is not None:
        every = cached(
            request,
            "search:vocabulary",
            lambda: set(model.objects.values_list("slug", flat=True)),
            facet,
        )
        found = every & set(wanted)
    else:
        found = set(model.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if facet == "country":
        found.add(GLOBAL)
    return [s for s in wanted if s in found]


# Pages that carry their own country, not knowledge's facet rows: (page model, its country
# field). A foreign key is one country (a portal); a many-to-many is any number of them, and none
# means global (news and events, like resources).
OWN_COUNTRY = (
    (CountryPage, "country"),
    (NewsArticlePage, "countries"),
    (EventPage, "countries"),
)


def pages_tagged(facet, slugs):
    """A filter for ``Page`` querysets: pages carrying any of the slugs. (Measured at 100,000
    pages on PostgreSQL with resources and portals, an ``IN`` over a ``UNION ALL`` of the
    sources was slower than an ``OR`` of ``IN``, the shape news and events follow too; the
    search backends' filter check refuses ``EXISTS``.)"""
    tagged = Q(pk__in=ResourceFacet.objects.filter(facet=facet, value__in=slugs).values("entry_id"))
    return tagged | own_countries(facet, slugs)


def is_tagged(facet, slugs):
    """``pages_tagged`` as a boolean column of a ``Page`` queryset, for annotating the rows a
    search matched (after the backend's filter check, so ``EXISTS`` is allowed): one probe of
    the facet rows' unique index per matched page, cheaper than hashing every tagged page when
    few pages match."""
    rows = ResourceFacet.objects.filter(entry_id=OuterRef("pk"), facet=facet, value__in=slugs)
    return ExpressionWrapper(
        Q(Exists(rows)) | own_countries(facet, slugs), output_field=BooleanField()
    )


def own_countries(facet, slugs):
    """For the country facet, the pages of ``OWN_COUNTRY`` that carry one of the slugs (an
    empty ``Q``, which changes nothing, for the other facets): one ``pk IN`` per source that
    can give one of them."""
    if facet != "country":
        return Q()
    named = [slug for slug in slugs if slug != GLOBAL]
    carrying = Q()
    for rows, is_global in _own_country_sources():
        if is_global and GLOBAL in slugs:
            carrying |= Q(pk__in=rows.values("tagged_page"))
        elif named and not is_global:
            carrying |= Q(pk__in=rows.filter(tagged_country__in=named).values("tagged_page"))
    return carrying


def own_countries_sql(connection):
    """SQL for the rows ``(tagged_page, tagged_country)`` of every page of ``OWN_COUNTRY`` (a
    country slug, or ``global`` for a news article or an event with none), and its parameters:
    a ``UNION ALL`` of the querysets ``own_countries`` filters, compiled for ``connection``, so
    identifiers come from the models and every value is a parameter."""
    sources = _own_country_sources()
    first, *others = [rows.values_list("tagged_page", "tagged_country") for rows, _ in sources]
    union = first.union(*others, all=True)
    return union.query.get_compiler(connection=connection).as_sql()


def _own_country_sources():
    """(queryset, whether it gives ``global``) per source of ``OWN_COUNTRY``, each queryset
    annotated with ``tagged_page`` (the page id) and ``tagged_country`` (the slug). A
    many-to-many is read from its through table (no join to the page), and its pages with no
    row there are global."""
    for model, name in OWN_COUNTRY:
        field = model._meta.get_field(name)
        if not field.many_to_many:
            pages = model._base_manager.order_by()
            yield pages.annotate(tagged_page=F("pk"), tagged_country=F(f"{name}__slug")), False
            continue
        through = field.remote_field.through._base_manager.order_by()
        page, country = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = through.annotate(tagged_page=F(page), tagged_country=F(f"{country}__slug"))
        yield rows, False
        none = model._base_manager.order_by().filter(**{f"{name}__isnull": True})
        yield none.annotate(tagged_page=F("pk"), tagged_country=Value(GLOBAL)), True


def tag(facet, slug):
    """A page's tag in ``search.SearchDocument.tags``: ``"country:cambodia"``."""
    return f"{facet}:{slug}"


def tags_sql(page_id, connection):
    """SQL for the array of tags of the page whose id is the SQL expression ``page_id``, and its
    parameters: its resource facets of ``FACETS`` and its own countries (``own_countries_sql``:
    a portal's country, a news article's or an event's countries or ``global``), the two
    sources ``pages_tagged`` reads. Identifiers come from the models; every value is a
    parameter."""
    quote = connection.ops.quote_name
    facets = quote(ResourceFacet._meta.db_table)
    entry = quote(ResourceFacet._meta.get_field("entry").column)
    own, own_params = own_countries_sql(connection)
    names = ", ".join(["%s"] * len(FACETS))
    sql = (
        f"ARRAY(SELECT f.facet || ':' || f.value FROM {facets} f "  # noqa: S608
        f"WHERE f.{entry} = {page_id} AND f.facet IN ({names})) || "
        f"ARRAY(SELECT %s || o.tagged_country FROM ({own}) o WHERE o.tagged_page = {page_id})"
    )
    return sql, (*FACETS, tag("country", ""), *own_params)


def labels(facet, slugs, language):
    """{slug: name} in the reader's language, else the default language's name."""
    return {
        slug: name for slug, (name, _code) in labels_with_languages(facet, slugs, language).items()
    }


def labels_with_languages(facet, slugs, language, request=None):
    """{slug: (name, language code of the name)}, like ``labels``. With a ``request``, from
    the library's labels (``knowledge.filters.taxonomy_labels``: cached per language and
    content version)."""
    model = FACETS[facet][0]
    if facet in CHOICE_FACETS:  # gettext labels, in the active (reader's) language
        return {value: (str(label), language) for value, label in model.choices if value in slugs}
    names = {}
    if facet == "country":
        names[GLOBAL] = (str(_("Global (all countries)")), language)
    if request is not None:  # the library's labels, the same names: one cached copy for both
        every = taxonomy_labels(request, language)[facet]
        names.update((slug, every[slug]) for slug in slugs if slug in every)
        return names
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
