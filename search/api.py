from django.conf import settings
from django.core.paginator import Paginator
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from .analytics import record_search
from .query import autocomplete_pages, clean_query, faceted_search

router = Router(tags=["search"])


class ResultOut(Schema):
    id: int
    title: str
    url: str
    language: str
    type: str
    summary: str


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetsOut(Schema):
    type: list[FacetOptionOut] = []
    language: list[FacetOptionOut] = []


class SearchOut(Schema):
    query: str
    language: str
    all_languages: bool
    count: int
    page: int
    num_pages: int
    facets: FacetsOut
    results: list[ResultOut]


class SuggestionOut(Schema):
    title: str
    url: str


def _language(language):
    if language not in dict(settings.LANGUAGES):
        raise HttpError(400, f"Unknown language '{language[:20]}'.")
    return language


def _result(page):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.url or "",
        "language": page.locale.language_code,
        "type": page.specific_class._meta.model_name if page.specific_class else "page",
        "summary": getattr(page, "intro", "") or page.search_description or "",
    }


@router.get("/", response=SearchOut, summary="Search public pages, with type and language facets")
def search(
    request,
    q: str,
    language: str = "en",
    all_languages: bool = False,
    page: int = 1,
    type: list[str] = Query([]),  # noqa: A002, B008 - ninja declares query params this way
    filter_language: list[str] = Query([], alias="in_language"),  # noqa: B008
):
    """`language` is the reader's language (results default to it); `in_language` (repeatable)
    selects result languages instead; `all_languages=true` lifts the language filter. Facet
    counts are disjunctive: each facet ignores its own selection."""
    query = clean_query(q)
    language = _language(language)
    if not query:
        raise HttpError(400, "The query 'q' is empty.")
    if page < 1:
        raise HttpError(400, "'page' must be 1 or more.")
    languages = [] if all_languages else (filter_language[:20] or [language])
    results, facets = faceted_search(query, language, types=type[:20], languages=languages)
    paginator = Paginator(results, 20)
    page_obj = paginator.get_page(page)
    record_search(query, language, paginator.count)
    return {
        "query": query,
        "language": language,
        "all_languages": all_languages,
        "count": paginator.count,
        "page": page_obj.number,
        "num_pages": paginator.num_pages,
        "facets": facets,
        "results": [_result(p.specific) for p in page_obj.object_list],
    }


@router.get("/autocomplete", response=list[SuggestionOut], summary="Title suggestions")
def autocomplete(request, q: str, language: str = "en"):
    query = clean_query(q)
    if len(query) < 2:
        return []
    return [
        {"title": p.title, "url": p.url or ""}
        for p in autocomplete_pages(query, _language(language))
    ]
