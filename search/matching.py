"""The reader's query against the search backend: which pages are searched, with which backend,
and the querysets the counts and the ranked results are read from (``Search``)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends import get_search_backend

from portal.cache_versions import CONTENT, SEARCH_INDEX
from portal.fragments import cached

from . import discussions, documents, taxonomy
from .filters import TAXONOMY_FACETS
from .models import SearchDocument
from .segmentation import segment


def backend_for(language):
    """The backend configured for this language (per-language analyzers), else the default."""
    alias = f"lang_{language}"
    return get_search_backend(alias if alias in settings.WAGTAILSEARCH_BACKENDS else "default")


def searchable_pages(language, all_languages=False):
    pages = Page.objects.live().public().exclude(depth=1)
    if not all_languages:
        pages = pages.filter(locale=Locale.objects.get(language_code=language))
    return pages


def page_types():
    """Content types of page models that readers can find, keyed by model name."""
    models = [m for m in get_page_models() if m is not Page and not m._meta.abstract]
    types = ContentType.objects.get_for_models(*models)
    return {model._meta.model_name: (ct, model) for model, ct in types.items()}


def document_tagged(facet, slugs):
    """A filter for ``SearchDocument`` querysets: documents carrying any of the slugs."""
    return Q(tags__overlap=[taxonomy.tag(facet, slug) for slug in slugs])


class Search:
    """One query against the reader's backend, with the querysets it is run on."""

    def __init__(self, query, language, user, page_types, locales, request=None):
        self.query = segment(query, language)  # words apart, as they were indexed
        self.language = language
        self.request = request  # for what is cached per content version (``portal.fragments``)
        self.backend = backend_for(language)
        self.page_types = page_types
        self.locale_ids = {code: loc.pk for code, loc in locales.items()}
        self.threads = discussions.readable_threads(user)
        # The backend keeps one narrow document per readable page (PostgreSQL): search those.
        self.documents = getattr(self.backend, "page_documents", False)

    @cached_property
    def base_pages(self):
        return searchable_pages(None, all_languages=True)  # one restriction query

    def document_filters(self, filters):
        """``filters`` applied to the readable pages' documents."""
        return self._narrowed(SearchDocument.objects.all(), filters, document_tagged)

    def page_filters(self, filters):
        """``filters`` applied to readable pages."""
        return self._narrowed(self.base_pages, filters, taxonomy.pages_tagged)

    def _narrowed(self, rows, filters, tagged):
        """``rows`` (pages or documents: both have ``content_type_id`` and ``locale_id``)
        narrowed by ``filters``; ``tagged(facet, slugs)`` is the taxonomy condition."""
        for facet in TAXONOMY_FACETS:
            slugs = getattr(filters, facet)
            if slugs:
                rows = rows.filter(tagged(facet, slugs))
        chosen = self.content_type_ids(filters)
        if chosen:
            rows = rows.filter(content_type_id__in=chosen)
        if filters.language:
            rows = rows.filter(locale_id__in=self.languages(filters))
        return rows

    def content_type_ids(self, filters):
        return {self.page_types[t][0].pk for t in filters.type if t in self.page_types}

    def languages(self, filters):
        return [self.locale_ids[code] for code in filters.language]

    def matches(self, queryset):
        """The rows of ``queryset`` (pages or threads) that match the query, as a queryset to
        group and count. On the database backends this is the backend's own query, so each
        count is one statement; a search server's results are fetched as ids."""
        results = self.backend.search(self.query, queryset, order_by_relevance=False)
        as_queryset = getattr(results, "get_queryset", None)
        if callable(as_queryset):
            return as_queryset().order_by()
        return queryset.model.objects.filter(pk__in=[obj.pk for obj in results])

    def ranked(self, queryset):
        return self.backend.search(self.query, queryset)

    def ranked_pages(self, filters, ids=None):
        """The matching pages, most relevant first, as a sequence to slice. ``ids``: the
        results, when counting gave them, so no filter is evaluated on every page."""
        if self.documents:
            if ids is None:
                ranked = documents.ranked(self.backend, self.query, self.document_filters(filters))
                return documents.RankedPages(ranked, self.request)
            # Few results, known from counting: their order, like their counts, is the same for
            # every reader, and is cached with them.
            ranked = documents.ranked(
                self.backend, self.query, SearchDocument.objects.filter(page_id__in=ids)
            )
            order = cached(
                self.request,
                "search:ranked",
                lambda: list(ranked.values_list("page_id", flat=True)),
                self.query,
                self.language,
                filters,
                kinds=(CONTENT, SEARCH_INDEX),
            )
            return documents.RankedPages(order, self.request)
        pages = self.page_filters(filters) if ids is None else self.base_pages.filter(pk__in=ids)
        return self.ranked(pages.specific())
