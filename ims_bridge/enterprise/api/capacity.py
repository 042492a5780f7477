"""Capacity operations of the enterprise API: trainings, monthly indicators (JSON, or a CSV
text in a JSON field: the API reads JSON bodies only) and the progress report."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from portal.api_pagination import Paged, PageParams, page_of

from .. import access
from .. import capacity_indicators as values
from ..access import Data
from ..capacity_forms import SharingForm, TrainingForm
from ..capacity_progress import progress_report, training_title
from ..models import FactorySharing, Training
from ..views.capacity.common import factory_and_role
from .common import checked, factory_for, form_errors

router = Router()


class TrainingOut(Schema):
    id: int
    title: str
    module_id: int | None
    programme: str
    start_date: date
    end_date: date | None
    managers: int
    supervisors: int
    workers: int
    women: int
    men: int
    notes: str
    plan_actions: int


class TrainingIn(Schema):
    module_id: int | None = None
    programme: str = ""
    start_date: str
    end_date: str | None = None
    managers: int = 0
    supervisors: int = 0
    workers: int = 0
    women: int = 0
    men: int = 0
    notes: str = ""


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    higher_is_better: bool


class ValueOut(Schema):
    month: str
    indicator: str
    value: Decimal


class IndicatorsOut(Schema):
    indicators: list[IndicatorOut]
    values: list[ValueOut]


class MonthIn(Schema):
    values: dict[str, str | float | None]


class UploadIn(Schema):
    csv: str


class UploadOut(Schema):
    saved: int


class CapacityPointOut(Schema):
    name: str
    cluster: str


class ProgressOut(Schema):
    ready: bool
    previous_assessment: date | None
    latest_assessment: date | None
    newly_compliant: list[CapacityPointOut]
    newly_noncompliant: list[CapacityPointOut]
    still_noncompliant: int
    actions_completed: list[str]
    trainings: list[int]


def _training_out(training, count):
    return TrainingOut(
        id=training.pk,
        title=training_title(training),
        module_id=training.module_id,
        programme=training.programme,
        start_date=training.start_date,
        end_date=training.end_date,
        managers=training.managers,
        supervisors=training.supervisors,
        workers=training.workers,
        women=training.women,
        men=training.men,
        notes=training.notes,
        plan_actions=count,
    )


def _factory_to_change(request, star_id, data):
    """The factory for a write, checked without logging (a refused write writes nothing):
    404 unseen, 403 not allowed, as JSON."""
    try:
        return factory_and_role(request, star_id, "api", data, change=True)
    except PermissionDenied:
        raise HttpError(403, _("You may not do this for this factory.")) from None


def _form_errors(form):
    return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())


@router.get(
    "/factories/{star_id}/trainings",
    response=Paged[TrainingOut],
    summary="Trainings attended",
    description="Newest first, paged (`page`, `page_size` 1 to 100).",
)
def trainings(request, star_id: str, params: Query[PageParams]):
    factory, _role = factory_for(request, star_id, "trainings", Data.TRAINING)
    items = (
        Training.objects.filter(factory=factory)
        .select_related("module")
        .annotate(action_count=Count("plan_actions"))
        .order_by("-start_date", "-pk")
    )
    return page_of(
        request,
        items,
        params,
        convert=lambda page: [_training_out(t, t.action_count) for t in page],
    )


@router.post(
    "/factories/{star_id}/trainings",
    response={201: TrainingOut},
    summary="Record a training attended",
)
def training_create(request, star_id: str, payload: TrainingIn):
    factory, _role = _factory_to_change(request, star_id, Data.TRAINING)
    data = payload.dict()
    data["module"] = data.pop("module_id")
    form = TrainingForm({k: ("" if v is None else v) for k, v in data.items()})
    if not form.is_valid():
        raise HttpError(400, _form_errors(form))
    training = form.save(commit=False)
    training.factory = factory
    training.created_by = request.user
    training.save()
    return 201, _training_out(training, 0)


class TrainingPatch(Schema):
    module_id: int | None = None
    programme: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    managers: int | None = None
    supervisors: int | None = None
    workers: int | None = None
    women: int | None = None
    men: int | None = None
    notes: str | None = None


TRAINING = "/factories/{star_id}/trainings/{pk}"


@router.patch(TRAINING, response=TrainingOut, summary="Change a training (the fields sent)")
def training_update(request, star_id: str, pk: int, payload: TrainingPatch):
    factory, _role = _factory_to_change(request, star_id, Data.TRAINING)
    training = get_object_or_404(Training, factory=factory, pk=pk)
    # The page's form, bound to the stored values with the sent ones over them.
    data = model_to_dict(training, fields=TrainingForm.Meta.fields)
    sent = payload.model_dump(exclude_unset=True)
    if "module_id" in sent:
        sent["module"] = sent.pop("module_id")
    data.update(sent)
    form = TrainingForm({k: ("" if v is None else v) for k, v in data.items()}, instance=training)
    if not form.is_valid():
        raise HttpError(400, _form_errors(form))
    training = form.save()
    return _training_out(training, training.plan_actions.count())


@router.delete(TRAINING, response={204: None}, summary="Delete a training")
def training_delete(request, star_id: str, pk: int):
    factory, _role = _factory_to_change(request, star_id, Data.TRAINING)
    get_object_or_404(Training, factory=factory, pk=pk).delete()
    return 204, None


@router.get(
    "/factories/{star_id}/indicators",
    response=IndicatorsOut,
    summary="Indicators and the factory's monthly values",
)
def indicators(request, star_id: str):
    factory, _role = factory_for(request, star_id, "indicators", Data.INDICATORS)
    active = values.active_indicators()
    codes = {i.pk: i.code for i in active}
    by_month = values.values_by_month(factory, active)
    return IndicatorsOut(
        indicators=[
            IndicatorOut(
                code=i.code, name=i.display_name, unit=i.unit, higher_is_better=i.higher_is_better
            )
            for i in active
        ],
        values=[
            ValueOut(month=f"{month:%Y-%m}", indicator=codes[pk], value=value)
            for month, row in by_month.items()
            for pk, value in row.items()
        ],
    )


@router.post(
    "/factories/{star_id}/indicators/csv",
    response=UploadOut,
    summary="Upload monthly values as CSV text (all rows or none)",
)
def indicators_upload(request, star_id: str, payload: UploadIn):
    factory, _role = _factory_to_change(request, star_id, Data.INDICATORS)
    upload = values.parse_upload(payload.csv.encode("utf-8"))
    if not upload.ok:
        raise HttpError(400, " ".join(upload.errors[:50]))
    return UploadOut(saved=values.save_upload(factory, upload, request.user))


class SharingIO(Schema):
    indicators_with_buyers: bool


# Before indicators/{month}: "sharing" would otherwise be read as a month.
@router.get(
    "/factories/{star_id}/indicators/sharing",
    response=SharingIO,
    summary="Whether buyers read the indicators (members and staff)",
)
def indicator_sharing(request, star_id: str):
    factory, _role = checked(request, star_id, Data.SHARING)
    access.log_read(request.user, factory, "enterprise:api:sharing")
    setting = FactorySharing.objects.filter(factory=factory).first()
    return {"indicators_with_buyers": bool(setting and setting.indicators_with_buyers)}


@router.put(
    "/factories/{star_id}/indicators/sharing",
    response=SharingIO,
    summary="Share the indicators with buyers, or stop (members)",
)
def set_indicator_sharing(request, star_id: str, payload: SharingIO):
    factory, _role = checked(request, star_id, Data.SHARING, change=True)
    setting = FactorySharing.objects.filter(factory=factory).first() or FactorySharing(
        factory=factory
    )
    form = SharingForm(payload.dict(), instance=setting)
    if not form.is_valid():
        raise HttpError(400, form_errors(form))
    form.save()
    return {"indicators_with_buyers": setting.indicators_with_buyers}


@router.put(
    "/factories/{star_id}/indicators/{month}",
    response=IndicatorsOut,
    summary="Set one month's values (null removes a value)",
)
def indicators_month(request, star_id: str, month: str, payload: MonthIn):
    factory, _role = _factory_to_change(request, star_id, Data.INDICATORS)
    try:
        first = values.parse_month(month)
    except ValueError as error:
        raise HttpError(400, str(error)) from None
    active = {i.code: i for i in values.active_indicators()}
    parsed, problems = {}, []
    for code, raw in payload.values.items():
        if code not in active:
            problems.append(_("“%(code)s” is not an indicator code.") % {"code": code[:40]})
            continue
        try:
            parsed[active[code]] = values.parse_value(None if raw is None else str(raw))
        except ValueError as error:
            problems.append(f"{code[:40]}: {error}")
    if problems:
        raise HttpError(400, " ".join(problems))
    values.save_month(factory, first, parsed, request.user)
    return indicators(request, star_id)


@router.get("/factories/{star_id}/progress", response=ProgressOut, summary="Progress report")
def progress(request, star_id: str):
    factory, _role = factory_for(request, star_id, "progress", Data.PROGRESS)
    report = progress_report(factory)
    return ProgressOut(
        ready=report.ready,
        previous_assessment=report.previous.start_date if report.previous else None,
        latest_assessment=report.latest.start_date if report.latest else None,
        newly_compliant=[
            CapacityPointOut(name=c.name, cluster=c.cluster) for c in report.newly_compliant
        ],
        newly_noncompliant=[
            CapacityPointOut(name=c.name, cluster=c.cluster) for c in report.newly_noncompliant
        ],
        still_noncompliant=report.still_noncompliant,
        actions_completed=[a.action for a in report.actions],
        trainings=[t.pk for t in report.trainings],
    )
