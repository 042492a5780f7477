"""Programme staff's overview of their factories and labour inspectors' countries, as JSON
(the same data and permissions as the pages in ../views/staff)."""

from datetime import date

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.api_errors import ErrorOut
from portal.api_pagination import Paged, PageParams, page_of

from .. import staff_overview
from ..staff_forms import ProgrammeFilterForm

router = Router()


class ProgrammeFilters(Schema):
    country: str = ""
    industry: str = ""


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


class InspectedFactoryOut(Schema):
    star_id: str
    name: str
    report_url: str | None


class InspectedCountryOut(Schema):
    country: str
    name: str
    report_url: str | None
    factory_results_shared: bool
    factories_url: str | None = Field(
        description="The API list of the country's factories whose reports I may read; null "
        "when the country does not share factory results with its inspectorate."
    )


@router.get(
    "/programme",
    response={200: Paged[ProgrammeFactoryOut], 404: ErrorOut},
    summary="My programme's factories and the state of their tools (country and global staff)",
    description="By name, paged (`page`, `page_size` 1 to 100); `country` and `industry` "
    "(slugs) narrow it.",
)
def programme_overview(request, filters: Query[ProgrammeFilters], params: Query[PageParams]):
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

    def convert(items):
        return [row.as_dict() for row in staff_overview.programme_rows(items, names)]

    return page_of(request, form.apply(factories).order_by("name", "pk"), params, convert=convert)


def _only_inspectors(request):
    if not staff_overview.is_inspector(request.user):
        raise HttpError(403, _("Only labour inspectors see this."))


@router.get(
    "/inspectorate",
    response={200: Paged[InspectedCountryOut], 404: ErrorOut},
    summary="My countries' reports and whether they share factory results (labour inspectors)",
    description="By country slug, paged (`page`, `page_size` 1 to 100). A country that shares "
    "factory results links to the list of its factories.",
)
def inspectorate_overview(request, params: Query[PageParams]):
    _only_inspectors(request)

    def convert(countries):
        return [
            {
                "country": entry.country.slug,
                "name": entry.name,
                "report_url": entry.report_url,
                "factory_results_shared": entry.shares_factory_results,
                "factories_url": (
                    request.build_absolute_uri(
                        reverse(
                            "api:inspected_factories",
                            kwargs={"country": entry.country.slug},
                        )
                    )
                    if entry.shares_factory_results
                    else None
                ),
            }
            for entry in countries
        ]

    countries = staff_overview.inspected_countries(request.user)
    return page_of(request, countries, params, convert=convert)


@router.get(
    "/inspectorate/{country}/factories",
    response={200: Paged[InspectedFactoryOut], 404: ErrorOut},
    summary="The factories of one of my countries whose reports I may read (labour inspectors)",
    description="By name, paged (`page`, `page_size` 1 to 100); each factory listed is logged "
    "as read by me. 404 for a country I do not inspect or that does not share factory results.",
)
def inspected_factories(request, country: str, params: Query[PageParams]):
    _only_inspectors(request)
    factories = staff_overview.inspected_factories(request.user, country)
    if factories is None:
        raise Http404

    def convert(items):
        staff_overview.log_listing(request.user, items, "api:inspectorate:list")
        return [
            {"star_id": factory.star_id, "name": factory.name, "report_url": url}
            for factory, url in staff_overview.factory_links(items)
        ]

    return page_of(request, factories, params, convert=convert)
