from django.conf import settings
from django.core.paginator import Paginator
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from .analytics import record_search
from .hits import hits
from .query import ASIDE_RESULTS, autocomplete_pages, clean_query, filters_from, site_search
from .spelling import did_you_mean

router = Router(tags=["search"])
RESULTS_PER_PAGE = 20


class ResultOut(Schema):
    id: int
    kind: str  # "page" or "discussion"
    title: str
    url: str
    language: str
    type: str
    summary: str
    title_html: str  # escaped title with the query's words in <mark>
    excerpt: str  # escaped excerpt with the query's words in <mark>
    community: str = ""


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetsOut(Schema):
    type: list[FacetOptionOut] = []
    language: list[FacetOptionOut] = []
    country: list[FacetOptionOut] = []
    industry: list[FacetOptionOut] = []
    topic: list[FacetOptionOut] = []


class DiscussionsOut(Schema):
    count: int
    results: list[ResultOut]


class SearchOut(Schema):
    query: str
    language: str
    all_languages: bool
    count: int
    page: int
    num_pages: int
    facets: FacetsOut
    results: list[ResultOut]
    discussions: DiscussionsOut | None = None
    suggestion: str | None = None


class SuggestionOut(Schema):
    title: str
    url: str


def _language(language):
    if language not in dict(settings.LANGUAGES):
        raise HttpError(400, f"Unknown language '{language[:20]}'.")
    return language


def _results(matches, objects, query):
    return [
        {
            "id": hit.id,
            "kind": hit.kind,
            "title": hit.title,
            "url": hit.url,
            "language": hit.language,
            "type": hit.type,
            "summary": hit.summary,
            "title_html": str(hit.title_html),
            "excerpt": str(hit.excerpt_html),
            "community": hit.context,
        }
        for hit in hits(matches, objects, query)
    ]


@router.get("/", response=SearchOut, summary="Search pages and discussions, with facets")
def search(
    request,
    q: str,
    language: str = "en",
    all_languages: bool = False,
    page: int = 1,
    type: list[str] = Query([]),  # noqa: A002, B008 - ninja declares query params this way
    filter_language: list[str] = Query([], alias="in_language"),  # noqa: B008
    country: list[str] = Query([]),  # noqa: B008
    industry: list[str] = Query([]),  # noqa: B008
    topic: list[str] = Query([]),  # noqa: B008
):
    """`language` is the reader's language (results default to it); `in_language` (repeatable)
    selects result languages instead; `all_languages=true` lifts the language filter.
    `type` (page model names or `discussion`), `country`, `industry` and `topic` (taxonomy
    slugs; `country=global` for material with no country) are repeatable: OR within one, AND
    across them. Facet counts are disjunctive: each facet ignores its own selection.
    `results` are pages, or discussions when no page matched or `type=discussion` alone;
    `discussions` lists the first discussions the caller may read beside the pages.
    `title_html` and `excerpt` are escaped HTML with matches in `<mark>`."""
    query = clean_query(q)
    language = _language(language)
    if not query:
        raise HttpError(400, "The query 'q' is empty.")
    if page < 1:
        raise HttpError(400, "'page' must be 1 or more.")
    params = {
        "type": type,
        "language": filter_language,
        "country": country,
        "industry": industry,
        "topic": topic,
    }
    filters = filters_from(params, language, all_languages)
    outcome = site_search(query, language, filters, user=request.user)
    paginator = Paginator(outcome.main, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(page)
    record_search(query, language, outcome.total)
    aside = outcome.aside
    with translation.override(language):  # discussion URLs in the reader's language
        results = _results(outcome.main, page_obj.object_list, query)
        discussions = (
            {"count": aside.count(), "results": _results(aside, aside[:ASIDE_RESULTS], query)}
            if aside
            else None
        )
    return {
        "query": query,
        "language": language,
        "all_languages": all_languages,
        "count": paginator.count,
        "page": page_obj.number,
        "num_pages": paginator.num_pages,
        "facets": outcome.facets,
        "results": results,
        "discussions": discussions,
        "suggestion": None if outcome.total else did_you_mean(query, language),
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
