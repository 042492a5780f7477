from django.conf import settings
from ninja import Router, Schema
from ninja.errors import HttpError
from wagtail.models import Locale

from .models import Audience, Cluster, CompliancePoint, Country, Industry, Topic

router = Router(tags=["taxonomy"])


class TermOut(Schema):
    slug: str
    name: str


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


def _locale(language):
    if language not in dict(settings.LANGUAGES):
        raise HttpError(400, f"Unknown language '{language[:20]}'.")
    return Locale.objects.get(language_code=language)


@router.get("/", response=TaxonomyOut, summary="All taxonomy terms in one language")
def taxonomy(request, language: str = "en"):
    locale = _locale(language)
    return {
        "language": language,
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
