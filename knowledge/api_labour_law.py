"""National labour-law references in the JSON API, ``/api/v2/labour-law/<country>/``
(mounted by ``portal.api``): read-only and public, as the country and compliance pages show
them."""

import datetime
import re

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from portal.api_errors import ApiError, ErrorOut
from portal.api_params import LANG_DESCRIPTION, reader_language
from portal.models import CompliancePoint, Country

from . import law
from .api_glossary import CompliancePointRefOut

router = Router(tags=["labour law"])
# Slugs as the taxonomy writes them: anything else (a NUL byte) never reaches the database.
SLUG = re.compile(r"[-\w]{1,120}")


class LawReferenceOut(Schema):
    compliance_point: CompliancePointRefOut
    law: str
    article: str
    summary: str
    url: str
    date_checked: datetime.date
    check_pending: bool = Field(description="Not checked for two years.")
    language: str = Field(
        description="The language of the text (the default one when the "
        "reference is not translated into `lang` yet)."
    )


class LawParams(Schema):
    lang: str = Field("en", description=LANG_DESCRIPTION)
    compliance_point: list[str] = Field(
        [], description="Compliance point slugs (several allowed); all points without."
    )


@router.get(
    "/{country}/",
    response={200: list[LawReferenceOut], 400: ErrorOut, 404: ErrorOut},
    summary="A country's labour-law references, by compliance point",
    description="`country` is a country slug (`cambodia`). In the CAT's order of compliance "
    "points. An unknown country is a 404, an unknown compliance point a 400.",
)
def labour_law(request, country: str, params: Query[LawParams]):
    language = reader_language(params.lang)
    if not SLUG.fullmatch(country) or not Country.objects.filter(slug=country).exists():
        raise Http404
    points = None
    if params.compliance_point:
        points = sorted(set(params.compliance_point))
        valid = [slug for slug in points if SLUG.fullmatch(slug)]
        known = set(CompliancePoint.objects.filter(slug__in=valid).values_list("slug", flat=True))
        unknown = [slug[:60].replace("\x00", "") for slug in points if slug not in known]
        if unknown:
            raise ApiError(
                400,
                _("Unknown compliance point: %(slugs)s.") % {"slugs": ", ".join(unknown)},
                "unknown_value",
            )
    return [
        {
            "compliance_point": {"slug": item.key, "name": item.group},
            "law": item.title,
            "article": item.article,
            "summary": item.summary,
            "url": item.url,
            "date_checked": item.checked,
            "check_pending": item.stale,
            "language": item.language,
        }
        for item in law.references(language, country, points)
    ]
