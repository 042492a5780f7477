"""What country programme staff and labour inspectorates see across factories.

Programme staff (``CountryStaff`` of a country, or global staff) get one row per factory of
their programme with the state of its enterprise tools; the figures of a page of factories are
read in a fixed number of grouped queries, whatever the number of factories. Labour inspectors
get their countries' public reports and, where ``CountryDataSharing`` allows, the factories
whose independent assessment reports they may read (through ``visible_to``, like buyers)."""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.models import Locale

from ims_bridge import reports
from ims_bridge.models import (
    Assessment,
    ComplianceIndexPage,
    CountryDataSharing,
    CountryStaff,
    Factory,
    FactoryAccessGrant,
    FactoryAccessLog,
    Finding,
    LabourInspector,
    PlanStatus,
    QuestionType,
    is_global_staff,
)
from portal.models import Country, Industry

from .models import IndicatorValue, PlanAction, SelfAssessment, SelfAssessmentStatus, Training

PAGE_SIZE = 50


# --- programme staff --------------------------------------------------------------------------


def is_programme_staff(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return is_global_staff(user) or CountryStaff.objects.filter(user=user).exists()


def programme_factories(user):
    """Every factory of the user's programme: all for global staff, else their countries'."""
    factories = Factory.objects.visible_to(user).select_related("country", "industry")
    if is_global_staff(user):
        return factories
    return factories.filter(country__in=CountryStaff.objects.filter(user=user).values("country_id"))


def term_names():
    """(countries, industries): translation_key -> name in the active language."""
    locale = Locale.get_active()
    return reports.names_in(Country, locale), reports.names_in(Industry, locale)


def filter_choices(factories, names):
    """(countries, industries) as [(slug, name)] in the active language, for the filters."""
    country_names, industry_names = names

    def choices(model, field, labels):
        terms = model.objects.filter(pk__in=factories.values(field).distinct())
        pairs = ((t.slug, labels.get(t.translation_key, t.name)) for t in terms)
        return sorted(pairs, key=lambda pair: pair[1])

    return (
        choices(Country, "country_id", country_names),
        choices(Industry, "industry_id", industry_names),
    )


@dataclass
class FactoryRow:
    factory: Factory
    country_name: str
    industry_name: str
    latest_assessment: date | None = None
    noncompliant_points: int | None = None
    self_assessments_in_progress: int = 0
    last_self_assessment_submitted: object = None
    actions_completed: int = 0
    actions_total: int = 0
    actions_overdue: int = 0
    last_indicator_month: date | None = None
    trainings: int = 0

    def as_dict(self):
        submitted = self.last_self_assessment_submitted
        return {
            "star_id": self.factory.star_id,
            "name": self.factory.name,
            "country": self.factory.country.slug,
            "country_name": self.country_name,
            "industry": self.factory.industry.slug if self.factory.industry else None,
            "latest_assessment": self.latest_assessment,
            "noncompliant_points": self.noncompliant_points,
            "self_assessments_in_progress": self.self_assessments_in_progress,
            "last_self_assessment_submitted": submitted.date() if submitted else None,
            "plan_actions_completed": self.actions_completed,
            "plan_actions_total": self.actions_total,
            "plan_actions_overdue": self.actions_overdue,
            "last_indicator_month": self.last_indicator_month,
            "trainings": self.trainings,
        }


def _latest_assessments(ids):
    """factory_id -> (start date, non-compliant points) of its latest STAR assessment, by
    IMS.md's rule: a point is non-compliant if any of its NCQ questions is answered 1."""
    latest = dict(
        Assessment.objects.filter(factory_id__in=ids, is_latest=True).values_list(
            "pk", "factory_id"
        )
    )
    dates = dict(Assessment.objects.filter(pk__in=latest).values_list("factory_id", "start_date"))
    points = (
        Finding.objects.filter(assessment_id__in=latest, value=1, question__type=QuestionType.NCQ)
        .values("assessment_id")
        .annotate(n=Count("question__compliance_point", distinct=True))
    )
    counts = {latest[row["assessment_id"]]: row["n"] for row in points}
    return {fid: (day, counts.get(fid, 0)) for fid, day in dates.items()}


def _grouped(queryset, **aggregates):
    return {
        row.pop("factory_id"): row for row in queryset.values("factory_id").annotate(**aggregates)
    }


def programme_rows(factories, names):
    """FactoryRow for each factory (a page of them), in a fixed number of queries."""
    factories = list(factories)
    ids = [f.pk for f in factories]
    today = timezone.localdate()
    country_names, industry_names = names
    latest = _latest_assessments(ids)
    self_assessments = _grouped(
        SelfAssessment.objects.filter(factory_id__in=ids),
        in_progress=Count("pk", filter=Q(status=SelfAssessmentStatus.IN_PROGRESS)),
        last_submitted=Max("submitted_at", filter=Q(status=SelfAssessmentStatus.SUBMITTED)),
    )
    plans = _grouped(
        PlanAction.objects.filter(factory_id__in=ids),
        total=Count("pk"),
        completed=Count("pk", filter=Q(status=PlanStatus.COMPLETED)),
        overdue=Count("pk", filter=Q(due_date__lt=today) & ~Q(status=PlanStatus.COMPLETED)),
    )
    indicators = _grouped(IndicatorValue.objects.filter(factory_id__in=ids), last=Max("month"))
    trainings = _grouped(Training.objects.filter(factory_id__in=ids), n=Count("pk"))
    rows = []
    for factory in factories:
        industry = factory.industry
        row = FactoryRow(
            factory=factory,
            country_name=country_names.get(factory.country.translation_key, factory.country.name),
            industry_name=(
                industry_names.get(industry.translation_key, industry.name) if industry else ""
            ),
        )
        if factory.pk in latest:
            row.latest_assessment, row.noncompliant_points = latest[factory.pk]
        sa = self_assessments.get(factory.pk, {})
        row.self_assessments_in_progress = sa.get("in_progress", 0)
        row.last_self_assessment_submitted = sa.get("last_submitted")
        plan = plans.get(factory.pk, {})
        row.actions_total = plan.get("total", 0)
        row.actions_completed = plan.get("completed", 0)
        row.actions_overdue = plan.get("overdue", 0)
        row.last_indicator_month = indicators.get(factory.pk, {}).get("last")
        row.trainings = trainings.get(factory.pk, {}).get("n", 0)
        rows.append(row)
    return rows


def programme_page(factories, page_number, names):
    """(paginator page, rows) of the filtered factories, PAGE_SIZE a page."""
    paginator = Paginator(factories.order_by("name", "pk"), PAGE_SIZE)
    page = paginator.get_page(page_number)
    return page, programme_rows(page.object_list, names)


# --- labour inspectorates ---------------------------------------------------------------------


def is_inspector(user):
    return (
        user.is_authenticated
        and user.is_active
        and LabourInspector.objects.filter(user=user).exists()
    )


def compliance_page():
    """The public compliance section in the active language (else the default one)."""
    pages = ComplianceIndexPage.objects.live()
    return (
        pages.filter(locale=Locale.get_active()).first()
        or pages.filter(locale=Locale.get_default()).first()
    )


@dataclass
class InspectedCountry:
    country: Country
    name: str
    report_url: str | None
    shares_factory_results: bool
    factories: list = field(default_factory=list)  # [(factory, report url or None)]


def _report_url(page, route, **kwargs):
    """A report's URL under the compliance section ``page``, or None without one."""
    return page.url + page.reverse_subpage(route, kwargs=kwargs) if page else None


def _factory_report_url(page, factory):
    return _report_url(page, "factory", star_id=factory.star_id)


def _sharing(countries):
    return set(
        CountryDataSharing.objects.filter(
            country__in=countries, factory_results_for_inspectors=True
        ).values_list("country_id", flat=True)
    )


def _visible_in(user, country_ids):
    return (
        Factory.objects.visible_to(user)
        .filter(country_id__in=country_ids)
        .select_related("country")
        .order_by("name", "pk")
    )


def log_listing(user, factories, action):
    FactoryAccessLog.objects.bulk_create(
        FactoryAccessLog(user=user, factory=factory, action=action) for factory in factories
    )


def inspected_countries(user, action=None):
    """The inspector's countries, each with its report link and, where the country shares
    them, its factories (read through ``visible_to``; each listing is logged per factory under
    ``action``). Without an ``action`` the factories are left out (and nothing is logged): the
    API lists them country by country, a page at a time (``inspected_factories``)."""
    inspections = (
        LabourInspector.objects.filter(user=user)
        .select_related("country")
        .order_by("country__slug")
    )
    countries = [inspection.country for inspection in inspections]
    sharing = _sharing(countries)
    page = compliance_page()
    names = reports.names_in(Country, Locale.get_active())
    visible = {}
    if action:
        for factory in _visible_in(user, sharing):
            visible.setdefault(factory.country_id, []).append(factory)
    result = []
    for country in countries:
        entry = InspectedCountry(
            country=country,
            name=names.get(country.translation_key, country.name),
            report_url=_report_url(page, "country", slug=country.slug),
            shares_factory_results=country.pk in sharing,
        )
        entry.factories = [(f, _factory_report_url(page, f)) for f in visible.get(country.pk, [])]
        result.append(entry)
    if action:
        log_listing(user, [f for entry in result for f, _url in entry.factories], action)
    return result


def inspected_factories(user, country_slug):
    """The factories of one of the inspector's countries that they may read, by name (a
    queryset), or None when the country is not theirs or does not share factory results."""
    inspection = LabourInspector.objects.filter(user=user, country__slug=country_slug).first()
    if inspection is None or not _sharing([inspection.country_id]):
        return None
    return _visible_in(user, [inspection.country_id])


def factory_links(factories):
    """[(factory, its report URL in the active language or None)]."""
    page = compliance_page()
    return [(factory, _factory_report_url(page, factory)) for factory in factories]


# --- the staff box on a factory's dashboard ---------------------------------------------------


def reads_this_month(factory):
    """How many reads of the factory's data this month by its buyers and by inspectors."""
    start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    logs = FactoryAccessLog.objects.filter(factory=factory, at__gte=start)
    buyers = FactoryAccessGrant.objects.filter(factory=factory).values("buyer_id")
    inspectors = LabourInspector.objects.filter(country_id=factory.country_id).values("user_id")
    return logs.aggregate(
        buyers=Count("pk", filter=Q(user__in=buyers)),
        inspectors=Count("pk", filter=Q(user__in=inspectors)),
    )
