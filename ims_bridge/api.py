"""Compliance API, mounted at /api/v2/compliance/.

Public: aggregates (suppressed under 5 factories) and the transparency list. Authenticated
(token or session): factory reports, read through ``Factory.objects.visible_to(user)`` and
logged; a factory's buyer access grants, listed, granted and revoked through ``access`` (the
same rules and validation as the factory's access page)."""

from datetime import date, datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.api_auth import signed_in
from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
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


def _cell_out(cell):
    assessed, percent = reports.public_figures(cell)
    return {
        "window": cell.window,
        "cycle": cell.cycle,
        "panel": cell.panel,
        "level": cell.level,
        "country": _slug(cell.country),
        "industry": _slug(cell.industry),
        "cluster": _slug(cell.cluster),
        "compliance_point": _slug(cell.compliance_point),
        "global_question_id": cell.global_question_id,
        "factories_assessed": assessed,
        "rate": None if percent is None else round(cell.rate, 4),
        "suppressed": percent is None,
    }


@router.get(
    "/aggregates",
    response={200: Paged[CellOut], 404: ErrorOut},
    summary="Non-compliance rates (public)",
    description="One level and window of the published aggregates, by cycle, paged (`page`, "
    "`page_size` 1 to 100). Leaving out `country` (or `industry`) gives the totals over all "
    "countries (industries), which add up the published cells only.",
)
def aggregates(request, filters: Query[AggregateFilters], params: Query[PageParams]):
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
    cells = qs.order_by("cycle", "pk")
    return page_of(request, cells, params, convert=lambda page: [_cell_out(c) for c in page])


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
    response={200: Paged[TransparencyOut], 404: ErrorOut},
    summary="Publicly reported issues per factory (public)",
    description="Each factory's latest assessment in the countries that publish, by factory "
    "name, paged (`page`, `page_size` 1 to 100); `country` (a slug) narrows it to one.",
)
def transparency(request, params: Query[PageParams], country: str | None = None):
    def convert(rows):
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
            for a, questions in rows
        ]

    rows = reports.transparency_list(country or "", order_by=("factory__name", "pk"))
    return page_of(request, rows, params, convert=convert)


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
    response={200: Paged[FactoryOut], 404: ErrorOut},
    auth=signed_in,
    summary="Factories you may see (authenticated)",
    description="By name, paged (`page`, `page_size` 1 to 100).",
)
def factories(request, params: Query[PageParams]):
    return page_of(
        request,
        access.visible_factories(request.user).order_by("name", "pk"),
        params,
        convert=lambda items: [_factory(f) for f in items],
    )


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


# --- buyers' access grants ---------------------------------------------------------------------


class GrantOut(Schema):
    id: int
    buyer: str = Field(description="The buyer's username.")
    granted_by: str | None = Field(description="Username of who granted it (null if deleted).")
    created_at: datetime
    expires_at: datetime | None = Field(description="Access ends then; null = until revoked.")
    revoked_at: datetime | None
    revoked_by: str | None
    active: bool = Field(description="Not revoked and not expired: the buyer sees the factory.")


class GrantIn(Schema):
    buyer: str = Field(description="Username of an active account of the Buyers group.")
    expires: str | None = Field(
        None, description="Optional last day of access, YYYY-MM-DD, in the future."
    )


class GrantListParams(PageParams):
    active: bool | None = Field(None, description="true: active grants only; false: the others.")


def _username(user):
    return user.get_username() if user is not None else None


def _grant(g):
    return {
        "id": g.pk,
        "buyer": g.buyer.get_username(),
        "granted_by": _username(g.granted_by),
        "created_at": g.created_at,
        "expires_at": g.expires_at,
        "revoked_at": g.revoked_at,
        "revoked_by": _username(g.revoked_by),
        "active": g.is_active,
    }


def _grants_factory(request, star_id, manage):
    """The factory (404 if the user cannot see it), 403 unless the user may list (or, with
    ``manage``, change) its grants. Nothing is written before this passes."""
    factory = access.visible_factories(request.user).filter(star_id=star_id).first()
    if factory is None:
        raise Http404
    allowed = (
        access.can_manage_access(request.user, factory)
        if manage
        else access.can_view_grants(request.user, factory)
    )
    if not allowed:
        raise ApiError(
            403,
            _("Only the factory's users manage who may see its reports.")
            if manage
            else _("You may not see who has access to this factory."),
        )
    return factory


GRANT_RULES = (
    "A factory's users list, grant and revoke; programme staff (global, or of the factory's "
    "country) list only; a buyer or labour inspector who can see the factory gets 403, anyone "
    "who cannot see it 404."
)


@router.get(
    "/factories/{star_id}/grants",
    response={200: Paged[GrantOut], 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Buyers with access to a factory's reports (newest first)",
    description=GRANT_RULES + " Revoked and expired grants are listed too (`active` false) "
    "unless `active=true`.",
)
def list_grants(request, star_id: str, params: Query[GrantListParams]):
    factory = _grants_factory(request, star_id, manage=False)
    grants = access.factory_grants(factory).order_by("-created_at", "-pk")
    if params.active is not None:
        active = access.FactoryAccessGrant.objects.active().filter(factory=factory)
        grants = (
            grants.filter(pk__in=active.values("pk"))
            if params.active
            else grants.exclude(pk__in=active.values("pk"))
        )
    return page_of(request, grants, params, convert=lambda items: [_grant(g) for g in items])


@router.post(
    "/factories/{star_id}/grants",
    response={201: GrantOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Let a buyer see the factory's reports",
    description=GRANT_RULES + " The buyer is an active account of the Buyers group, named by "
    "username; `expires` (optional) is the last day of access. A bad buyer or date is a 400 "
    "`invalid_grant` whose `detail` names the field; the grant records who gave it.",
)
def create_grant(request, star_id: str, payload: GrantIn):
    factory = _grants_factory(request, star_id, manage=True)
    buyer, expires_at, errors = access.grant_input(payload.buyer, payload.expires)
    if errors:
        raise ApiError(
            400,
            " ".join(str(message) for _field, message in errors),
            "invalid_grant",
            detail=[{"loc": ["body", field], "msg": str(message)} for field, message in errors],
        )
    created = access.grant(factory, buyer, request.user, expires_at)
    created = access.factory_grants(factory).get(pk=created.pk)
    return 201, _grant(created)


@router.delete(
    "/factories/{star_id}/grants/{grant_id}",
    response={200: GrantOut, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Revoke a buyer's access",
    description=GRANT_RULES + " The grant is kept, marked revoked with who revoked it and when "
    "(answered as it is now); revoking a revoked grant changes nothing. A grant of another "
    "factory is a 404.",
)
def revoke_grant(request, star_id: str, grant_id: int):
    factory = _grants_factory(request, star_id, manage=True)
    found = access.find_grant(factory, grant_id)
    if found is None:
        raise Http404
    access.revoke(found, request.user)
    return _grant(access.factory_grants(factory).get(pk=found.pk))
