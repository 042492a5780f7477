"""Searching pages and discussions in a language: the one place the views and the API share.

``site_search`` runs the query with the reader's filters (``search.filters``) and returns the
matches (pages, and the discussions the reader may read) and the facets. Facets are
disjunctive: options within one facet are OR-ed, facets are AND-ed, and each facet's counts
apply every *other* facet's selection but not its own, so the options of a facet stay visible
after one is chosen.

Its parts: ``search.matching`` (the query against the backend, and the querysets it runs
on), ``search.counting`` (the pages' counts, in one statement that evaluates the match once),
``search.discussions`` (the threads' counts, one query grouped by community) and
``search.options`` (the facets' options from those counts).
"""

from dataclasses import dataclass, field, replace

from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from portal.fragments import cached, locale_codes

from . import discussions
from .counting import page_counts
from .filters import DISCUSSION, TAXONOMY_FACETS, Filters, known
from .matching import Search, backend_for, page_types, searchable_pages
from .options import language_options, taxonomy_options, type_options
from .segmentation import segment

ASIDE_RESULTS = 5  # discussions shown beside the pages of a search


def autocomplete_pages(query, language, limit=8):
    pages = searchable_pages(language)
    return backend_for(language).autocomplete(segment(query, language), pages)[:limit]


def promotions(request=None):
    """{normalised query: [(page id, description)]} of every editors' pick (Wagtail's search
    promotions), in their order: read once per content version with a ``request`` (a
    promotion saved or deleted bumps it), so a search without picks reads nothing."""

    def build():
        rows = (
            SearchPromotion.objects.filter(page__isnull=False)
            .order_by("query_id", "sort_order", "pk")
            .values_list("query__query_string", "page_id", "description")
        )
        found = {}
        for query_string, page_id, description in rows:
            found.setdefault(query_string, []).append((page_id, description))
        return found

    return cached(request, "search:promotions", build)


def editors_picks(query, language, request=None):
    """Wagtail search promotions for this query, in the reader's language where translated.
    Nothing is written: searches are counted by ``search.analytics`` (with their language
    and number of results), not in Wagtail's ``Query`` rows."""
    picked = promotions(request).get(normalise_query_string(query), [])
    if not picked:
        return []
    pages = Page.objects.in_bulk([page_id for page_id, _description in picked])
    picks = []
    for page_id, description in picked:
        if page_id not in pages:
            continue
        page = pages[page_id].localized
        if page.live and page.locale.language_code == language:
            picks.append({"page": page.specific, "description": description})
    return picks


class Matches:
    """One kind of result (pages or discussions) as a sequence a Paginator can page through;
    the count is known from the facets, so paging costs one query per page."""

    def __init__(self, kind, results, count, locales=None):
        self.kind = kind
        self.results = results
        self._count = count
        self.locales = locales or {}  # {locale id: Locale}, for labelling page hits

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        if isinstance(key, slice):
            return list(self.results[key]) if self._count else []
        return self.results[key]


@dataclass
class Outcome:
    filters: Filters
    pages: Matches | None  # None when the type selection leaves pages out
    discussions: Matches | None
    facets: dict = field(default_factory=dict)  # {facet: [portal.facets.Option]}

    @property
    def main(self):
        """The list the reader pages through: pages, or discussions when no page matched."""
        if self.pages is not None and (self.pages.count() or self.discussions is None):
            return self.pages
        return self.discussions

    @property
    def aside(self):
        """Discussions shown beside the pages (a short list linking to all of them)."""
        main = self.main
        if main is self.pages and self.discussions is not None and self.discussions.count():
            return self.discussions
        return None

    @property
    def total(self):
        return sum(m.count() for m in (self.pages, self.discussions) if m is not None)


def site_search(query, reader_language, filters=Filters(), user=None, request=None):  # noqa: B008
    """Search pages (and the discussions ``user`` may read) with disjunctive facets. With the
    ``request``, what is the same for every reader (the locales, the facets' labels, what a
    hit shows of a page) is read once per content version (``portal.fragments``)."""
    types = page_types()
    # Locale objects for their id and display name, from the cached {id: code}.
    codes = locale_codes(request)
    locales = {code: Locale(pk=pk, language_code=code) for pk, code in codes.items()}
    filters = known(filters, types, locales, request)
    search = Search(query, reader_language, user or AnonymousUser(), types, locales, request)

    wanted = not filters.type or any(t in types for t in filters.type)
    pages = page_counts(search, filters, wanted)
    thread_filters = replace(filters, language=tuple(search.languages(filters)))
    threads = discussions.ThreadCounts(search.matches(search.threads))
    thread_total = threads.total(thread_filters)

    language_counts = dict(pages.language)
    every_locale = list(search.locale_ids.values())
    for locale_id, n in threads.by_tag(thread_filters, "language", every_locale).items():
        language_counts[locale_id] = language_counts.get(locale_id, 0) + n
    taxonomy_counts = pages.taxonomy
    for facet in TAXONOMY_FACETS:
        for slug, n in threads.by_tag(thread_filters, facet).items():
            taxonomy_counts[facet][slug] = taxonomy_counts[facet].get(slug, 0) + n

    page_matches = thread_matches = None
    if wanted:
        ranked = search.ranked_pages(filters, pages.ids)
        page_matches = Matches(
            "pages", ranked, pages.total, {loc.pk: loc for loc in locales.values()}
        )
    if not filters.type or DISCUSSION in filters.type:
        eligible = search.threads.filter(community_id__in=threads.communities(thread_filters))
        ranked = search.ranked(eligible.select_related("community"))
        thread_matches = Matches(DISCUSSION, ranked, thread_total)

    thread_type_count = threads.total(thread_filters, skip="type")
    facets = {
        "type": type_options(pages.type, thread_type_count, filters, types),
        "language": language_options(language_counts, filters, locales),
    }
    for facet in TAXONOMY_FACETS:
        facets[facet] = taxonomy_options(
            facet, taxonomy_counts[facet], filters, reader_language, request
        )
    return Outcome(filters, page_matches, thread_matches, facets)


__all__ = [
    "ASIDE_RESULTS",
    "Matches",
    "Outcome",
    "autocomplete_pages",
    "editors_picks",
    "site_search",
]
