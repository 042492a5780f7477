"""Public JSON API of the knowledge library, mounted at /api/v2/resources/ by portal.api."""

import datetime

from django.conf import settings
from django.core.paginator import EmptyPage
from django.http import Http404
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from portal.api_errors import ErrorOut

from .filters import ResourceFilter, languages_for
from .models import ResourceEntry
from .views import resource_context

router = Router(tags=["resources"])
MAX_PAGE_SIZE = 50


class ListingParams(Schema):
    lang: str = "en"
    q: str | None = None
    country: list[str] = []
    industry: list[str] = []
    topic: list[str] = []
    audience: list[str] = []
    compliance_point: list[str] = []
    type: list[str] = []
    language: list[str] = []
    sort: str = "newest"
    page: int = 1
    page_size: int = 20


class VersionOut(Schema):
    language: str
    url: str


class ResourceOut(Schema):
    id: int
    title: str
    summary: str
    type: str
    language: str
    url: str
    published_at: datetime.datetime | None
    last_reviewed: datetime.date | None
    downloads: int
    languages: list[VersionOut]


class OptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    options: list[OptionOut]


class ListingOut(Schema):
    count: int
    page: int
    num_pages: int
    results: list[ResourceOut]
    facets: list[FacetOut]


class MaterialOut(Schema):
    id: int
    kind: str
    title: str
    format: str
    size: int | None
    download_url: str
    downloads: int
    other_languages: list[VersionOut]


class DetailOut(ResourceOut):
    licence: str
    version: str
    facts: dict[str, str]
    taxonomy: dict[str, list[str]]
    materials: list[MaterialOut]
    bundle_url: str


def _language(code):
    if code not in dict(settings.LANGUAGES):
        raise HttpError(400, f"Unknown language '{code[:20]}'.")
    return code


def _resource(entry, versions):
    return {
        "id": entry.page_id,
        "title": entry.title,
        "summary": entry.summary,
        "type": entry.resource_type,
        "language": entry.language,
        "url": entry.url,
        "published_at": entry.published_at,
        "last_reviewed": entry.last_reviewed,
        "downloads": entry.downloads,
        "languages": [
            {"language": c, "url": u} for c, u in versions.get(entry.translation_key, [])
        ],
    }


@router.get(
    "/",
    response={200: ListingOut, 400: ErrorOut, 404: ErrorOut},
    summary="List resources with filters and facet counts",
    description="Filters take several values (`?country=cambodia&country=vietnam`): values of "
    "one filter are OR-ed, filters are AND-ed. `lang` is the reader's language: each resource "
    "appears once, in that language when it exists, otherwise in its primary language. Each "
    "facet option's `count` is the number of results selecting it would give.",
)
def listing(request, params: Query[ListingParams]):
    language = _language(params.lang)
    if not 1 <= params.page_size <= MAX_PAGE_SIZE:
        raise HttpError(400, f"page_size must be between 1 and {MAX_PAGE_SIZE}.")
    if params.page < 1:
        raise HttpError(400, "page must be 1 or more.")
    filterset = ResourceFilter(request.GET, language=language)
    invalid = filterset.invalid_fields()
    if invalid:
        raise HttpError(400, "Unknown value for: " + ", ".join(invalid) + ".")
    paginator = filterset.paginator(params.page_size)
    try:
        page = paginator.page(params.page)
    except EmptyPage as exc:
        if params.page == 1:
            page = paginator.get_page(1)
        else:
            raise Http404 from exc
    entries = list(page.object_list)
    versions = languages_for(entries)
    return {
        "count": paginator.count,
        "page": page.number,
        "num_pages": paginator.num_pages,
        "results": [_resource(e, versions) for e in entries],
        "facets": filterset.facets(),
    }


@router.get(
    "/{int:resource_id}/",
    response={200: DetailOut, 404: ErrorOut},
    summary="One resource (a page id from the listing) with its materials and translations",
)
def detail(request, resource_id: int):
    entry = ResourceEntry.objects.filter(page_id=resource_id, is_public=True).first()
    if entry is None:
        raise Http404
    page = entry.page.specific
    if not page.live:
        raise Http404
    context = resource_context(page, request)
    versions = languages_for([entry])
    data = _resource(entry, versions)
    data.update(
        {
            "licence": page.licence,
            "version": page.version,
            "facts": {str(label): str(value) for label, value in page.type_facts()},
            "taxonomy": {
                str(label): [str(term["name"]) for term in links]
                for label, links in context["terms"]
                if not links[0].get("global")
            },
            "materials": [
                {
                    "id": m.pk,
                    "kind": m.kind,
                    "title": m.label,
                    "format": m.extension,
                    "size": m.size,
                    "download_url": m.download_url,
                    "downloads": m.download_count,
                    "other_languages": [
                        {"language": o["code"], "url": o["url"]} for o in m.other_languages
                    ],
                }
                for m in context["materials"]
            ],
            "bundle_url": context["bundle"]["url"] if context["bundle"] else "",
        }
    )
    return data
