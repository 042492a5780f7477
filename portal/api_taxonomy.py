from ninja import Field, Router, Schema
from wagtail.models import Locale

from .api_params import LANG_DESCRIPTION, reader_language
from .models import Audience, Cluster, CompliancePoint, Country, Industry, Topic

router = Router(tags=["taxonomy"])


class TermOut(Schema):
    slug: str
    name: str


class TermInLanguageOut(TermOut):
    """A term named in the content's language, else in the default one (``lang`` says which)."""

    lang: str = Field(
        "", description="The name's language when it is not the content's (not translated yet)"
    )


class CountryOut(TermOut):
    iso_code: str
    programme_status: str
    workers_reached: int
    factories_reached: int


class CompliancePointOut(TermOut):
    cluster: str
    confirmed: bool


class TaxonomyOut(Schema):
    language: str
    countries: list[CountryOut]
    industries: list[TermOut]
    topics: list[TermOut]
    audiences: list[TermOut]
    clusters: list[TermOut]
    compliance_points: list[CompliancePointOut]


@router.get(
    "/",
    response=TaxonomyOut,
    summary="All taxonomy terms in one language",
    description=LANG_DESCRIPTION,
)
def taxonomy(request, lang: str = "en"):
    locale = Locale.objects.get(language_code=reader_language(lang))
    return {
        "language": lang,
        "countries": Country.objects.filter(locale=locale),
        "industries": Industry.objects.filter(locale=locale),
        "topics": Topic.objects.filter(locale=locale),
        "audiences": Audience.objects.filter(locale=locale),
        "clusters": Cluster.objects.filter(locale=locale),
        "compliance_points": [
            {"slug": p.slug, "name": p.name, "cluster": p.cluster.slug, "confirmed": p.confirmed}
            for p in CompliancePoint.objects.filter(locale=locale).select_related("cluster")
        ],
    }
