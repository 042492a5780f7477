"""Site search in the reader's language (or all languages on request), with facets, editors'
picks, discussions the reader may read, autocomplete and anonymous query statistics."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import cache_versions, page_cache
from portal.facets import facet_list, filter_panel

from .analytics import record_search
from .filters import FACETS, TAXONOMY_FACETS, clean_query, filters_from
from .hits import hits
from .query import ASIDE_RESULTS, autocomplete_pages, editors_picks, site_search
from .spelling import did_you_mean

RESULTS_PER_PAGE = 10
FACET_LABELS = {
    "type": _("Type"),
    "language": _("Language"),
    "country": _("Country"),
    "industry": _("Industry"),
    "topic": _("Topic"),
    "publication": _("Publication type"),
}


def search(request):
    query = clean_query(request.GET.get("q", ""))
    language = get_language()
    all_languages = request.GET.get("all") == "1"
    context = {"search_query": query, "all_languages": all_languages, "facets": []}
    if query:
        # results include discussions; pages are found through the search index
        cache_versions.depend(cache_versions.COMMUNITIES, cache_versions.SEARCH_INDEX)
        params = {facet: request.GET.getlist(facet) for facet in FACETS}
        filters = filters_from(params, language, all_languages)
        outcome = site_search(query, language, filters, user=request.user, request=request)
        page_obj = Paginator(outcome.main, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        aside = outcome.aside if page_obj.number == 1 else None
        page_cache.on_hit(request, record_search, query, language, outcome.total)
        context.update(
            outcome=outcome,
            page_obj=page_obj,
            results=hits(outcome.main, page_obj.object_list, query),
            aside=aside,
            aside_results=hits(aside, aside[:ASIDE_RESULTS], query) if aside else [],
            editors_picks=editors_picks(query, language, request),
            **filter_panel(facet_list(outcome.facets, FACET_LABELS), request.GET),
            suggestion=None if outcome.total else did_you_mean(query, language),
            library_url=library_url(language, outcome.filters),
        )
    return render(request, "search/search.html", context)


def library_url(language, filters):
    """The resource library with the same country, industry, topic and publication filters."""
    params = [(facet, slug) for facet in TAXONOMY_FACETS for slug in getattr(filters, facet)]
    return f"/{language}/resources/" + (f"?{urlencode(params)}" if params else "")


def suggest(request):
    query = clean_query(request.GET.get("q", ""))
    if len(query) < 2:
        return JsonResponse({"suggestions": []})
    pages = autocomplete_pages(query, get_language())
    return JsonResponse({"suggestions": [{"title": page.title, "url": page.url} for page in pages]})
