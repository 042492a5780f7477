"""Site search in the reader's language (or all languages on request), with editors' picks,
autocomplete and anonymous query statistics."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language

from .analytics import record_search
from .query import autocomplete_pages, clean_query, editors_picks, faceted_search

RESULTS_PER_PAGE = 10


def search(request):
    query = clean_query(request.GET.get("q", ""))
    language = get_language()
    all_languages = request.GET.get("all") == "1"
    types = request.GET.getlist("type")[:20]
    languages = [] if all_languages else (request.GET.getlist("language")[:20] or [language])
    page_obj, picks, facets = None, [], {}
    if query:
        results, facets = faceted_search(query, language, types=types, languages=languages)
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        picks = editors_picks(query, language)
        record_search(query, language, page_obj.paginator.count)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "all_languages": all_languages,
            "page_obj": page_obj,
            "results": page_obj.object_list if page_obj else [],
            "editors_picks": picks,
            "facets": facets,
            "querystring": request.GET.urlencode(),
        },
    )


def suggest(request):
    query = clean_query(request.GET.get("q", ""))
    if len(query) < 2:
        return JsonResponse({"suggestions": []})
    pages = autocomplete_pages(query, get_language())
    return JsonResponse({"suggestions": [{"title": page.title, "url": page.url} for page in pages]})
