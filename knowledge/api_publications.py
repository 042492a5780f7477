"""The publication and tool-inventory parts of a resource's API detail (``knowledge.api``)."""

import datetime

from ninja import Field, Schema

from portal.api_taxonomy import TermInLanguageOut

from .models import PublicationPage


class PublicationAuthorOut(Schema):
    name: str
    affiliation: str


class SeriesOut(Schema):
    slug: str
    name: str


class PublicationOut(Schema):
    kind: str = Field(
        description="fact-sheet, research-brief, working-paper, annual-report or country-synthesis."
    )
    kind_label: str
    series: SeriesOut | None
    authors: list[PublicationAuthorOut] = Field(
        description="In the order the publication lists them."
    )
    publication_date: datetime.date
    isbn: str
    doi: str
    doi_url: str = Field(description="https://doi.org/<doi>, empty without a DOI.")
    citation: str = Field(description="The editor's citation, else one made from the fields.")


class AdaptedFromOut(Schema):
    id: int
    title: str
    url: str


class AdaptationOut(AdaptedFromOut):
    countries: list[TermInLanguageOut]


class InventoryOut(Schema):
    contributing_unit: str
    coverage: str
    external_link: str
    adapted_from: AdaptedFromOut | None = Field(
        None, description="The global tool this is adapted from (when public), in `lang`."
    )
    adaptations: list[AdaptationOut] = Field(
        description="The public country adaptations of this tool, with their countries."
    )


def publication_data(page):
    if not isinstance(page, PublicationPage):
        return None
    series = page.series
    return {
        "kind": page.publication_kind,
        "kind_label": str(page.get_publication_kind_display()),
        "series": {"slug": series.slug, "name": series.name} if series else None,
        "authors": page.api_authors(),
        "publication_date": page.publication_date,
        "isbn": page.isbn,
        "doi": page.doi,
        "doi_url": page.doi_url,
        "citation": page.citation,
    }


def inventory_data(page, context):
    """From ``views.resource_context``'s ``adapted_from`` and ``adaptations``."""
    tool = context["adapted_from"]
    return {
        "contributing_unit": page.contributing_unit,
        "coverage": page.coverage,
        "external_link": page.external_link,
        "adapted_from": {k: tool[k] for k in ("id", "title", "url")} if tool else None,
        "adaptations": [
            {
                "id": a["id"],
                "title": a["title"],
                "url": a["url"],
                "countries": [
                    {"slug": c["slug"], "name": str(c["name"]), "lang": c["lang"]}
                    for c in a["countries"]
                ],
            }
            for a in context["adaptations"]
        ],
    }
