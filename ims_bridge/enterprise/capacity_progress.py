"""The factory progress report: what changed between its last two STAR assessments (points
newly compliant or newly non-compliant by IMS.md's rule, plan actions completed and trainings
held between the two dates), and its compliance trend across all its assessments."""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ims_bridge import reports
from ims_bridge.models import PlanStatus
from portal.models import Cluster, CompliancePoint

from .models import PlanAction, Training
from .results import assessment_results


@dataclass
class PointChange:
    name: str
    cluster: str


@dataclass
class Progress:
    previous: object = None
    latest: object = None
    newly_compliant: list = field(default_factory=list)
    newly_noncompliant: list = field(default_factory=list)
    still_noncompliant: int = 0
    actions: list = field(default_factory=list)
    trainings: list = field(default_factory=list)

    @property
    def ready(self):
        return self.previous is not None and self.latest is not None


def _names(model=CompliancePoint):
    """{translation key: name in the active language} of a CAT taxonomy."""
    return reports.names_in(model, Locale.get_active())


def _status(results):
    """{compliance point pk: (point, non-compliant?)} of one assessment's results."""
    return {r.compliance_point.pk: (r.compliance_point, r.noncompliant) for r in results}


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def progress_report(factory):
    assessments = list(
        factory.assessments.select_related("cat_version").order_by("-start_date", "-pk")[:2]
    )
    if len(assessments) < 2:
        return Progress(latest=assessments[0] if assessments else None)
    latest, previous = assessments
    before = _status(assessment_results(previous))
    after = _status(assessment_results(latest))
    names, cluster_names = _names(), _names(Cluster)
    progress = Progress(previous=previous, latest=latest)
    for pk, (point, noncompliant) in after.items():
        was = before.get(pk)
        change = PointChange(
            names.get(point.translation_key, point.name),
            cluster_names.get(point.cluster.translation_key, point.cluster.name),
        )
        if was is not None and was[1] and not noncompliant:
            progress.newly_compliant.append(change)
        elif noncompliant and (was is None or not was[1]):
            progress.newly_noncompliant.append(change)
        elif noncompliant:
            progress.still_noncompliant += 1
    start, end = _day_start(previous.start_date), _day_start(latest.start_date)
    progress.actions = list(
        PlanAction.objects.filter(
            factory=factory,
            status=PlanStatus.COMPLETED,
            completed_at__gte=start,
            completed_at__lt=end,
        )
        .select_related("compliance_point")
        .order_by("completed_at", "pk")
    )
    for action in progress.actions:
        point = action.compliance_point
        action.point_name = names.get(point.translation_key, point.name)
    progress.trainings = list(
        Training.objects.filter(
            factory=factory,
            start_date__gte=previous.start_date,
            start_date__lt=latest.start_date,
        )
        .select_related("module")
        .order_by("start_date", "pk")
    )
    return progress


def compliance_trend(factory):
    """[(assessment date, % of assessed compliance points non-compliant)], oldest first."""
    trend = []
    for assessment in factory.assessments.order_by("start_date", "pk"):
        results = assessment_results(assessment)
        if results:
            share = 100 * sum(r.noncompliant for r in results) / len(results)
            trend.append((assessment.start_date, round(share, 1)))
    return trend


def completed_actions(factory):
    """[(date, label)] of the plan actions marked completed, for the charts' markers."""
    actions = PlanAction.objects.filter(factory=factory, completed_at__isnull=False)
    return [
        (timezone.localtime(at).date(), _("Completed: %(action)s") % {"action": text[:80]})
        for at, text in actions.order_by("completed_at").values_list("completed_at", "action")
    ]


def _day(value):
    return date_format(value, "SHORT_DATE_FORMAT") if value else ""


def training_title(training):
    return training.programme or (training.module.title if training.module else "")


def csv_rows(progress):
    """(section, item, detail, date) rows of the report for the CSV download."""
    if not progress.ready:
        return
    yield (
        _("Previous assessment"),
        progress.previous.star_id,
        "",
        _day(progress.previous.start_date),
    )
    yield (_("Latest assessment"), progress.latest.star_id, "", _day(progress.latest.start_date))
    for change in progress.newly_compliant:
        yield (_("Newly compliant"), change.name, change.cluster, "")
    for change in progress.newly_noncompliant:
        yield (_("Newly non-compliant"), change.name, change.cluster, "")
    for action in progress.actions:
        yield (
            _("Action completed"),
            action.action,
            action.point_name,
            _day(timezone.localtime(action.completed_at).date()),
        )
    for training in progress.trainings:
        yield (
            _("Training"),
            training_title(training),
            _("%(n)s participants") % {"n": training.participants},
            _day(training.start_date),
        )
