"""Compliance API, mounted at /api/v2/compliance/.

Public: aggregates (suppressed under 5 factories) and the transparency list. Authenticated
(session): factory reports, read through ``Factory.objects.visible_to(user)`` and logged."""

from datetime import date

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.api_auth import signed_in
from portal.models import Country

from . import access, reports
from .models import AggregateCell, Level, Window

router = Router(tags=["compliance"])


class CellOut(Schema):
    window: str
    cycle: int | None
    panel: int
    level: str
    country: str | None = Field(None, description="Country slug; null = all countries")
    industry: str | None = None
    cluster: str | None = None
    compliance_point: str | None = None
    global_question_id: str = ""
    factories_assessed: int | None = Field(
        None,
        description="null when the cell is not published: over fewer than the threshold's "
        "factories, or withheld so that such a cell cannot be worked out from the others",
    )
    rate: float | None = Field(None, description="Share non-compliant, 0..1; null = suppressed")
    suppressed: bool


class AggregateFilters(Schema):
    level: Level = Level.POINT
    window: Window = Window.LATEST
    country: str | None = None
    industry: str | None = None
    cluster: str | None = None
    compliance_point: str | None = None
    cycle: int | None = None
    panel: int = 0


def _slug(term):
    return term.slug if term else None


@router.get("/aggregates", response=list[CellOut], summary="Non-compliance rates (public)")
def aggregates(request, filters: Query[AggregateFilters]):
    """Totals over all countries (``country`` left out) add up the published country cells
    only."""
    reports.ensure_current_threshold()
    qs = AggregateCell.objects.filter(
        level=filters.level, window=filters.window, panel=filters.panel
    ).select_related("country", "industry", "cluster", "compliance_point")
    qs = qs.filter(country__slug=filters.country) if filters.country else qs.filter(country=None)
    qs = (
        qs.filter(industry__slug=filters.industry) if filters.industry else qs.filter(industry=None)
    )
    if filters.cluster:
        qs = qs.filter(cluster__slug=filters.cluster)
    if filters.compliance_point:
        qs = qs.filter(compliance_point__slug=filters.compliance_point)
    if filters.cycle is not None:
        qs = qs.filter(cycle=filters.cycle)
    cells = []
    for c in qs.order_by("cycle", "pk")[:5000]:
        assessed, percent = reports.public_figures(c)
        cells.append(
            {
                "window": c.window,
                "cycle": c.cycle,
                "panel": c.panel,
                "level": c.level,
                "country": _slug(c.country),
                "industry": _slug(c.industry),
                "cluster": _slug(c.cluster),
                "compliance_point": _slug(c.compliance_point),
                "global_question_id": c.global_question_id,
                "factories_assessed": assessed,
                "rate": None if percent is None else round(c.rate, 4),
                "suppressed": percent is None,
            }
        )
    return cells


class PublicIssueOut(Schema):
    question: str
    compliance_point: str


class TransparencyOut(Schema):
    factory: str
    country: str
    assessed_on: date
    issues: list[PublicIssueOut]
    response: str


@router.get(
    "/transparency",
    response=list[TransparencyOut],
    summary="Publicly reported issues per factory (public)",
)
def transparency(request, country: str | None = None):
    return [
        {
            "factory": a.factory.name,
            "country": a.factory.country.slug,
            "assessed_on": a.start_date,
            "issues": [
                {"question": q.label, "compliance_point": q.compliance_point.slug}
                for q in questions
            ],
            "response": a.factory_response,
        }
        for a, questions in reports.transparency_list(country or "", order_by=("factory__name",))
    ]


class FactoryOut(Schema):
    star_id: str
    os_id: str
    name: str
    country: str
    industry: str | None
    workers: int | None
    status: str


class FindingOut(Schema):
    question_id: str
    question: str
    type: str
    compliance_point: str
    value: int | None
    text: str


class PlanItemOut(Schema):
    compliance_point: str
    action: str
    status: str
    due_date: date | None


class AssessmentOut(Schema):
    star_id: str
    cycle: int
    start_date: date
    cat_version: str
    findings: list[FindingOut]
    improvement_plan: list[PlanItemOut]


class FactoryReportOut(FactoryOut):
    assessments: list[AssessmentOut]


def _factory(f):
    return {
        "star_id": f.star_id,
        "os_id": f.os_id,
        "name": f.name,
        "country": f.country.slug,
        "industry": _slug(f.industry),
        "workers": f.workers,
        "status": f.status,
    }


@router.get(
    "/factories",
    response=list[FactoryOut],
    auth=signed_in,
    summary="Factories you may see (authenticated)",
)
def factories(request):
    return [_factory(f) for f in access.visible_factories(request.user).order_by("name")[:1000]]


@router.get(
    "/factories/{star_id}",
    response=FactoryReportOut,
    auth=signed_in,
    summary="A factory's assessment reports (authenticated, permission-checked)",
)
def factory_report(request, star_id: str):
    factory = access.get_visible_factory(request.user, star_id, "api")
    data = _factory(factory)
    data["assessments"] = [
        {
            "star_id": a.star_id,
            "cycle": a.cycle,
            "start_date": a.start_date,
            "cat_version": a.cat_version.name,
            "findings": [
                {
                    "question_id": f.question.star_id,
                    "question": f.question.label,
                    "type": f.question.type,
                    "compliance_point": f.question.compliance_point.slug,
                    "value": f.value,
                    "text": f.text,
                }
                for f in a.finding_list
            ],
            "improvement_plan": [
                {
                    "compliance_point": i.compliance_point.slug,
                    "action": i.action,
                    "status": i.status,
                    "due_date": i.due_date,
                }
                for i in a.plan_list
            ],
        }
        for a in access.factory_report(factory)
    ]
    return data


@router.get("/countries/{slug}", summary="A country's compliance report (public, suppressed)")
def country(request, slug: str):
    term = reports.default_terms(Country).filter(slug=slug).first()
    if term is None:
        raise Http404
    report = reports.country_report(term)

    def rows(items):
        return [
            {
                "key": r.key,
                "label": r.label,
                "factories_assessed": r.assessed,
                "percent": r.percent,
            }
            for r in items
        ]

    if not report["overall"]:
        raise HttpError(404, _("No compliance data for this country."))
    return {
        "country": slug,
        "overall": rows([report["overall"]])[0],
        "clusters": rows(report["clusters"]),
        "compliance_points": [{"cluster": c, "points": rows(g)} for c, g in report["point_groups"]],
        "trend": report["trend"],
    }
