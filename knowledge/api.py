"""Public JSON API of the knowledge library, mounted at /api/v2/resources/ by portal.api.

The listing is the library's (``filters.ResourceFilter``: the same filters, facet counts and
cache) in the foundation's page shape (``portal.api_pagination``). The detail is what the
resource page shows: body and steps as structured streams (``portal.api_stream``), the
type's own fields, taxonomy terms, materials, language versions and the bundle. Both read
only public resources (``ResourceEntry.is_public``): a restricted or private one is a 404."""

import datetime
from typing import Any

from django.http import Http404
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.api_errors import ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
from portal.api_params import LANG_DESCRIPTION, reader_language
from portal.api_stream import rich_text_html, stream_data
from portal.api_taxonomy import TermInLanguageOut

from .api_publications import InventoryOut, PublicationOut, inventory_data, publication_data
from .filters import ResourceFilter, languages_for
from .indexing import TAXONOMY_FACETS
from .models import ResourceEntry, TrainingModulePage, TrainingProgrammePage
from .views import resource_context

router = Router(tags=["resources"])
# Machine-readable fields of the resource types (present on the types that have them).
TYPE_FIELDS = (
    "programme_kind",
    "duration",
    "duration_minutes",
    "delivery_mode",
    "sessions",
    "format",
    "publication_kind",
)


class ListingParams(PageParams):
    lang: str = Field("en", description=LANG_DESCRIPTION)
    q: str | None = None
    country: list[str] = []
    industry: list[str] = []
    topic: list[str] = []
    audience: list[str] = []
    compliance_point: list[str] = []
    type: list[str] = []
    publication: list[str] = Field(
        [],
        description="Publication kinds: fact-sheet, research-brief, working-paper, "
        "annual-report, country-synthesis.",
    )
    language: list[str] = []
    sort: str = "newest"


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


class ListingOut(Paged[ResourceOut]):
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


class PageLinkOut(Schema):
    id: int
    title: str
    url: str


class ModuleOut(PageLinkOut):
    summary: str


class UntranslatedOut(Schema):
    language: str = Field(description="The language the untranslated fields are still in.")
    fields: list[str]


class BlockOut(Schema):
    type: str
    value: Any
    id: str | None = None


class ResourceDetailOut(ResourceOut):
    licence: str
    licence_label: str
    version: str
    facts: dict[str, str] = Field(description="Type-specific facts, labelled for a reader.")
    details: dict[str, str | int | None] = Field(
        description="The same type-specific fields as values: programme_kind, duration, "
        "duration_minutes, delivery_mode, sessions, format, publication_kind (where the type "
        "has them)."
    )
    body: list[BlockOut] = Field(description="The body as a stream of {type, value, id}.")
    steps: list[BlockOut] | None = Field(
        None, description="Workbooks and self-guided tools: their steps as a stream."
    )
    policy_text: str | None = Field(None, description="Model policies: the policy as HTML.")
    learning_objectives: list[str] | None = Field(
        None, description="Training modules: one objective per item."
    )
    modules: list[ModuleOut] | None = Field(
        None, description="Training programmes: their live, public modules in order."
    )
    programme: PageLinkOut | None = Field(
        None, description="Training modules: the programme they belong to."
    )
    taxonomy: dict[str, list[TermInLanguageOut]] = Field(
        description="country, industry, topic, audience, compliance_point: the terms as "
        "{slug, name}; no country means global material."
    )
    publication: PublicationOut | None = Field(
        None, description="Publications: kind, series, authors, date, ISBN, DOI and citation."
    )
    inventory: InventoryOut = Field(
        description="Who contributed the tool, what it covers, where else it is published, "
        "the global tool it adapts and its country adaptations."
    )
    untranslated: UntranslatedOut | None = Field(
        None, description="Fields of a translation still in the source language."
    )
    materials: list[MaterialOut]
    bundle_url: str


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
    "facet option's `count` is the number of results selecting it would give. Paged with "
    "`page` and `page_size` (1 to 100); a page past the last is a 404.",
)
def listing(request, params: Query[ListingParams]):
    language = reader_language(params.lang)
    filterset = ResourceFilter(request.GET, language=language)
    invalid = filterset.invalid_fields()
    if invalid:
        raise HttpError(400, "Unknown value for: " + ", ".join(invalid) + ".")
    data = page_of(
        request,
        filterset.results(),
        params,
        convert=lambda entries: _resources(entries),
        paginator_class=lambda _items, per_page: filterset.paginator(per_page),
    )
    data["facets"] = filterset.facets()
    return data


def _resources(entries):
    versions = languages_for(entries)
    return [_resource(e, versions) for e in entries]


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist: the type has no such field
        return False
    return True


def _version(entry, language):
    """The resource's version for a reader of ``language``, as the listing picks it: that
    language's, else the primary one (else the one asked for)."""
    versions = ResourceEntry.objects.filter(translation_key=entry.translation_key, is_public=True)
    return (
        versions.filter(language=language).first()
        or versions.filter(is_primary=True).first()
        or entry
    )


def _link(page):
    return {"id": page.pk, "title": page.title, "url": page.url or ""}


def _taxonomy(terms):
    taxonomy = {facet: [] for facet in TAXONOMY_FACETS}
    for _label, links in terms:
        for link in links:
            if link.get("facet"):
                taxonomy[link["facet"]].append(
                    {"slug": link["slug"], "name": str(link["name"]), "lang": link["lang"]}
                )
    return taxonomy


def _type_content(page):
    """The fields only some resource types have, null on the others."""
    content = {}
    if _has_field(type(page), "steps"):
        content["steps"] = stream_data(page.steps)
    if _has_field(type(page), "policy_text"):
        content["policy_text"] = rich_text_html(page.policy_text)
    if isinstance(page, TrainingModulePage):
        content["learning_objectives"] = page.objectives
        parent = page.get_parent()
        if parent.live and not parent.get_view_restrictions().exists():
            content["programme"] = _link(parent)
    if isinstance(page, TrainingProgrammePage):
        content["modules"] = [
            {**_link(module), "summary": module.summary} for module in page.modules()
        ]
    return content


@router.get(
    "/{int:resource_id}/",
    response={200: ResourceDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One resource with its full content, materials and language versions",
    description="`resource_id` is a page id from the listing (any language version). Without "
    "`lang` that version is answered; with `lang` the resource's version in that language, "
    "else its primary version (as the listing picks it). `body` and `steps` are streams of "
    "`{type, value, id}`: rich text is HTML with links expanded to URLs, an image is "
    "`{id, url, width, height, alt, decorative}` (a rendition), a page `{id, title, url}` "
    "(null unless live and public), a document `{id, title, url}`. A resource under a view "
    "restriction (login, group or password) is a 404.",
)
def detail(
    request,
    resource_id: int,
    lang: str | None = Query(None, description=LANG_DESCRIPTION),  # noqa: B008
):
    entry = ResourceEntry.objects.filter(page_id=resource_id, is_public=True).first()
    if entry is None:
        raise Http404
    if lang is not None and entry.language != reader_language(lang):
        entry = _version(entry, lang)
    page = entry.page.specific
    if not page.live or page.get_view_restrictions().exists():
        raise Http404
    with translation.override(entry.language):
        context = resource_context(page, request)
        versions = languages_for([entry])
        data = _resource(entry, versions)
        fallback = context["fallback"]
        data.update(
            {
                "licence": page.licence,
                "licence_label": str(page.get_licence_display()),
                "version": page.version,
                "facts": {str(label): str(value) for label, value in page.type_facts()},
                "details": {
                    name: getattr(page, name)
                    for name in TYPE_FIELDS
                    if _has_field(type(page), name)
                },
                "body": stream_data(page.body),
                **_type_content(page),
                "taxonomy": _taxonomy(context["terms"]),
                "publication": publication_data(page),
                "inventory": inventory_data(page, context),
                "untranslated": {"language": fallback.language, "fields": sorted(fallback.fields)}
                if fallback.language and fallback.fields
                else None,
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
