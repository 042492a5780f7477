from django.conf import settings
from django.core.paginator import Paginator
from ninja import Router, Schema
from ninja.errors import HttpError

from .analytics import record_search
from .query import autocomplete_pages, clean_query, search_pages

router = Router(tags=["search"])


class ResultOut(Schema):
    id: int
    title: str
    url: str
    language: str
    type: str
    summary: str


class SearchOut(Schema):
    query: str
    language: str
    all_languages: bool
    count: int
    page: int
    num_pages: int
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


@router.get("/", response=SearchOut, summary="Search public pages in one language or all")
def search(request, q: str, language: str = "en", all_languages: bool = False, page: int = 1):
    query = clean_query(q)
    language = _language(language)
    if not query:
        raise HttpError(400, "The query 'q' is empty.")
    if page < 1:
        raise HttpError(400, "'page' must be 1 or more.")
    paginator = Paginator(search_pages(query, language, all_languages), 20)
    page_obj = paginator.get_page(page)
    record_search(query, language, paginator.count)
    return {
        "query": query,
        "language": language,
        "all_languages": all_languages,
        "count": paginator.count,
        "page": page_obj.number,
        "num_pages": paginator.num_pages,
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
