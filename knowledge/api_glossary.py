"""The glossary in the JSON API, ``/api/v2/glossary/`` (mounted by ``portal.api``): read-only
and public, as the glossary page shows it."""

from django.http import Http404
from ninja import Field, Query, Router, Schema

from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
from portal.api_params import LANG_DESCRIPTION, reader_language

from .glossary import QueryError, clean_query, entries_for, glossary_url, search

router = Router(tags=["glossary"])


class CompliancePointRefOut(Schema):
    slug: str
    name: str


class GlossaryTermOut(Schema):
    slug: str
    term: str
    abbreviation: str
    synonyms: list[str]
    definition: str = Field(description="Plain text.")
    language: str = Field(
        description="The language of the text: `lang`, or the default "
        "language when the term is not translated yet (`fallback`)."
    )
    fallback: bool
    compliance_points: list[CompliancePointRefOut]
    url: str = Field(description="The term's entry on the glossary page (empty without one).")


class GlossaryParams(PageParams):
    lang: str = Field("en", description=LANG_DESCRIPTION)
    q: str = Field(
        "",
        description="Words in a term, its abbreviation, a synonym or its definition (case and "
        "Latin accents ignored); at most 100 characters.",
    )


def _term(entry, base):
    return {
        "slug": entry.slug,
        "term": entry.term,
        "abbreviation": entry.abbreviation,
        "synonyms": list(entry.synonyms),
        "definition": entry.definition,
        "language": entry.language,
        "fallback": entry.fallback,
        "compliance_points": [{"slug": s, "name": n} for s, n in entry.compliance_points],
        "url": f"{base}#{entry.anchor}" if base else "",
    }


@router.get(
    "/",
    response={200: Paged[GlossaryTermOut], 400: ErrorOut, 404: ErrorOut},
    summary="Glossary terms in a language, in its alphabetical order",
    description="Terms not translated into `lang` yet come in the default language "
    "(`fallback`). Sorted by the language's collation (ICU). Paged with `page` and `page_size`.",
)
def glossary(request, params: Query[GlossaryParams]):
    language = reader_language(params.lang)
    try:
        text = clean_query(params.q)
    except QueryError as error:
        raise ApiError(400, str(error), "bad_query") from error
    base = glossary_url(language, request)
    entries = search(entries_for(language, request), text)
    return page_of(request, entries, params, convert=lambda page: [_term(e, base) for e in page])


@router.get(
    "/{slug}/",
    response={200: GlossaryTermOut, 400: ErrorOut, 404: ErrorOut},
    summary="One glossary term",
    description="`slug` is the same in every language.",
)
def term(
    request,
    slug: str,
    lang: str = Query("en", description=LANG_DESCRIPTION),  # noqa: B008
):
    language = reader_language(lang)
    entry = next((e for e in entries_for(language, request) if e.slug == slug), None)
    if entry is None:
        raise Http404
    return _term(entry, glossary_url(language, request))
