"""Site search as JSON, mounted at /api/v2/search/: the same search, facets, "did you mean",
editors' picks and library link as the search page (``views.search``), paged in the API's
one shape (``portal.api_pagination``)."""

from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.api_errors import ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
from portal.api_params import LANG_DESCRIPTION, reader_language

from .analytics import record_search
from .filters import clean_query, filters_from
from .hits import hits
from .query import ASIDE_RESULTS, autocomplete_pages, editors_picks, site_search
from .spelling import did_you_mean
from .views import library_url

router = Router(tags=["search"])


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
    publication: list[FacetOptionOut] = []


class DiscussionsOut(Schema):
    count: int
    results: list[ResultOut]


class PickOut(Schema):
    title: str
    url: str
    description: str


class SearchOut(Paged[ResultOut]):
    query: str
    language: str = Field(description="The reader's language the search ran in.")
    all_languages: bool
    facets: FacetsOut
    discussions: DiscussionsOut | None = None
    suggestion: str | None = Field(
        None,
        description='"Did you mean": a spelling from titles and taxonomy names of the '
        "reader's language, when nothing matched.",
    )
    editors_picks: list[PickOut] = Field(
        [], description="Pages editors promote for this query, in the reader's language."
    )
    library_url: str = Field(
        description="The resource library with the same country, industry, topic and publication "
        "filters."
    )


class SearchParams(PageParams):
    q: str = Field(description="The query.")
    lang: str | None = Field(None, description=LANG_DESCRIPTION + " Default: en.")
    language: str | None = Field(None, description="Deprecated: the same as `lang`.")
    all_languages: bool = False


class SuggestionOut(Schema):
    title: str
    url: str


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


@router.get(
    "/",
    response={200: SearchOut, 400: ErrorOut, 404: ErrorOut},
    summary="Search pages and discussions, with facets",
)
def search(
    request,
    params: Query[SearchParams],
    type: list[str] = Query([]),  # noqa: A002, B008 - ninja declares query params this way
    filter_language: list[str] = Query([], alias="in_language"),  # noqa: B008
    country: list[str] = Query([]),  # noqa: B008
    industry: list[str] = Query([]),  # noqa: B008
    topic: list[str] = Query([]),  # noqa: B008
    publication: list[str] = Query([]),  # noqa: B008
):
    """`lang` is the reader's language (results default to it; `language` is its old name);
    `in_language` (repeatable) selects result languages instead; `all_languages=true` lifts the
    language filter. `type` (page model names or `discussion`), `country`, `industry` and
    `topic` (taxonomy slugs; `country=global` for material with no country) and `publication`
    (fact-sheet, research-brief, working-paper, annual-report, country-synthesis) are repeatable: OR
    within one, AND across them. Facet counts are disjunctive: each facet ignores its own
    selection. `results` are pages, or discussions when no page matched or `type=discussion`
    alone, paged with `page` and `page_size` (a page past the last is a 404); `discussions`
    lists the first discussions the caller may read beside the pages (on page 1). `title_html`
    and `excerpt` are escaped HTML with matches in `<mark>`. With no result, `suggestion` is a
    "did you mean" query."""
    query = clean_query(params.q)
    language = reader_language(params.lang or params.language or "en")
    if not query:
        raise HttpError(400, "The query 'q' is empty.")
    facets = {
        "type": type,
        "language": filter_language,
        "country": country,
        "industry": industry,
        "topic": topic,
        "publication": publication,
    }
    filters = filters_from(facets, language, params.all_languages)
    # Facet labels, discussion URLs and picks in the reader's language, not the request's.
    with translation.override(language):
        outcome = site_search(query, language, filters, user=request.user, request=request)
        data = page_of(
            request,
            outcome.main,
            params,
            convert=lambda objects: _results(outcome.main, objects, query),
        )
        aside = outcome.aside if data["page"] == 1 else None
        discussions = (
            {"count": aside.count(), "results": _results(aside, aside[:ASIDE_RESULTS], query)}
            if aside
            else None
        )
        picks = [
            {
                "title": pick["page"].title,
                "url": pick["page"].url or "",
                "description": pick["description"],
            }
            for pick in editors_picks(query, language, request)
        ]
    record_search(query, language, outcome.total)
    data.update(
        {
            "query": query,
            "language": language,
            "all_languages": params.all_languages,
            "facets": outcome.facets,
            "discussions": discussions,
            "suggestion": None if outcome.total else did_you_mean(query, language),
            "editors_picks": picks,
            "library_url": library_url(language, outcome.filters),
        }
    )
    return data


@router.get(
    "/autocomplete",
    response={200: list[SuggestionOut], 400: ErrorOut},
    summary="Title suggestions",
    description="Titles in the reader's language (`lang`; `language` is its old name) that "
    "start with the words typed; fewer than two characters give none. A short list, not "
    "paged.",
)
def autocomplete(
    request,
    q: str,
    lang: str | None = Query(None, description=LANG_DESCRIPTION),  # noqa: B008
    language: str | None = Query(None, description="Deprecated: the same as `lang`."),  # noqa: B008
):
    query = clean_query(q)
    language = reader_language(lang or language or "en")
    if len(query) < 2:
        return []
    return [{"title": p.title, "url": p.url or ""} for p in autocomplete_pages(query, language)]
