"""Programme staff's overview of their factories and labour inspectors' countries, as JSON
(the same data and permissions as the pages in ../views/staff)."""

from datetime import date

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from .. import staff_overview
from ..staff_forms import ProgrammeFilterForm

router = Router()


class ProgrammeFilters(Schema):
    country: str = ""
    industry: str = ""
    page: int = 1


class ProgrammeFactoryOut(Schema):
    star_id: str
    name: str
    country: str
    country_name: str
    industry: str | None
    latest_assessment: date | None
    noncompliant_points: int | None
    self_assessments_in_progress: int
    last_self_assessment_submitted: date | None
    plan_actions_completed: int
    plan_actions_total: int
    plan_actions_overdue: int
    last_indicator_month: date | None
    trainings: int


class ProgrammeOut(Schema):
    count: int
    page: int
    pages: int
    factories: list[ProgrammeFactoryOut]


class InspectedFactoryOut(Schema):
    star_id: str
    name: str
    report_url: str | None


class InspectedCountryOut(Schema):
    country: str
    name: str
    report_url: str | None
    factory_results_shared: bool
    factories: list[InspectedFactoryOut] | None


@router.get(
    "/programme",
    response=ProgrammeOut,
    summary="My programme's factories and the state of their tools (country and global staff)",
)
def programme_overview(request, filters: Query[ProgrammeFilters]):
    if not staff_overview.is_programme_staff(request.user):
        raise HttpError(403, _("Only country programme staff see the programme's factories."))
    factories = staff_overview.programme_factories(request.user)
    names = staff_overview.term_names()
    form = ProgrammeFilterForm(
        {"country": filters.country, "industry": filters.industry},
        *staff_overview.filter_choices(factories, names),
    )
    if not form.is_valid():
        raise HttpError(400, form.error_text())
    if filters.page < 1:
        raise HttpError(400, _("The page number must be 1 or more."))
    page, rows = staff_overview.programme_page(form.apply(factories), filters.page, names)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "factories": [row.as_dict() for row in rows],
    }


@router.get(
    "/inspectorate",
    response=list[InspectedCountryOut],
    summary="My countries' reports and, where shared, their factories (labour inspectors)",
)
def inspectorate_overview(request):
    if not staff_overview.is_inspector(request.user):
        raise HttpError(403, _("Only labour inspectors see this."))
    countries = staff_overview.inspected_countries(request.user, "api:inspectorate:list")
    return [country.as_dict() for country in countries]
