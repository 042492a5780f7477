"""The improvement plan over the API: the same operations, permissions and history as the
pages (``..access.checked_factory``, ``..plans_actions``)."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from ims_bridge.models import PlanStatus
from portal.api_pagination import Paged, PageParams, page_of
from portal.models import CompliancePoint

from .. import access, plans_actions
from ..access import Data, Role
from ..models import (
    PlanAction,
    PlanActionEvent,
    PlanNotificationPreference,
    PlanParticipant,
    Training,
)
from ..views.plans.forms import NotificationForm, ParticipantForm
from ..views.plans.views import find_source
from .common import checked, form_errors

router = Router()


def _factory(request, star_id, view, data=None, change=False, roles=None):
    try:
        factory, role = access.checked_factory(request.user, star_id, data, change, roles)
    except PermissionDenied:
        raise HttpError(403, _("You may not do this for this factory.")) from None
    return factory, role


class ActionChangeOut(Schema):
    at: datetime
    user: str | None
    field: str
    old_value: str
    new_value: str


class ActionOut(Schema):
    id: int
    action: str
    compliance_point: str
    compliance_point_id: int
    owner: str
    due_date: date | None
    status: str
    notes: str
    source: str
    completed_at: datetime | None
    trainings: list[int]


class ActionDetailOut(ActionOut):
    history: list[ActionChangeOut]


class ActionIn(Schema):
    compliance_point_id: int
    action: str = Field(min_length=1, max_length=5000)
    owner: str = Field("", max_length=200)
    due_date: date | None = None
    status: str = PlanStatus.PENDING
    notes: str = Field("", max_length=20000)
    trainings: list[int] = []


class ActionPatch(Schema):
    owner: str | None = Field(None, max_length=200)
    due_date: date | None = None
    status: str | None = None
    notes: str | None = Field(None, max_length=20000)
    trainings: list[int] | None = None


class FromResultsIn(Schema):
    self_assessment_id: int | None = None
    assessment_id: int | None = None
    compliance_point_ids: list[int]


class FromResultsOut(Schema):
    created: list[int]
    skipped: list[int]


class ParticipantOut(Schema):
    id: int
    name: str
    position: str
    side: str
    picc_member: bool
    since: date | None


def _out(action, history=None):
    data = {
        "id": action.pk,
        "action": action.action,
        "compliance_point": action.compliance_point.name,
        "compliance_point_id": action.compliance_point_id,
        "owner": action.owner,
        "due_date": action.due_date,
        "status": action.status,
        "notes": action.notes,
        "source": action.source,
        "completed_at": action.completed_at,
        "trainings": [t.pk for t in action.trainings.all()],
    }
    if history is not None:
        data["history"] = [
            {
                "at": e.at,
                "user": e.user.get_username() if e.user else None,
                "field": e.field,
                "old_value": e.old_value,
                "new_value": e.new_value,
            }
            for e in history
        ]
    return data


def _status(value):
    if value not in PlanStatus.values:
        raise HttpError(400, _("Unknown status: choose pending, in_progress or completed."))
    return value


def _trainings(factory, ids):
    found = list(Training.objects.filter(factory=factory, pk__in=ids))
    if len(found) != len(set(ids)):
        raise HttpError(400, _("Unknown training for this factory."))
    return found


def _action(factory, pk):
    return get_object_or_404(
        PlanAction.objects.select_related("compliance_point"), factory=factory, pk=pk
    )


@router.get(
    "/factories/{star_id}/plan/actions",
    response=Paged[ActionOut],
    summary="The plan's actions",
    description="By due date, paged (`page`, `page_size` 1 to 100).",
)
def list_actions(request, star_id: str, params: Query[PageParams]):
    factory, _role = _factory(request, star_id, "api:plan", Data.PLAN)
    access.log_read(request.user, factory, "enterprise:api:plan")
    actions = (
        PlanAction.objects.filter(factory=factory)
        .select_related("compliance_point")
        .prefetch_related("trainings")
        .order_by("due_date", "pk")
    )
    return page_of(request, actions, params, convert=lambda items: [_out(a) for a in items])


@router.get(
    "/factories/{star_id}/plan/actions/{pk}",
    response=ActionDetailOut,
    summary="One action with its history (oldest first)",
)
def get_action(request, star_id: str, pk: int):
    factory, _role = _factory(request, star_id, "api:plan_action", Data.PLAN)
    action = _action(factory, pk)
    access.log_read(request.user, factory, "enterprise:api:plan_action")
    history = PlanActionEvent.objects.filter(action=action).select_related("user")
    return _out(action, history)


@router.post(
    "/factories/{star_id}/plan/actions",
    response={201: ActionDetailOut},
    summary="Add an action to the plan",
)
def create_action(request, star_id: str, payload: ActionIn):
    factory, _role = _factory(request, star_id, "api:plan_add", Data.PLAN, change=True)
    point = CompliancePoint.objects.filter(pk=payload.compliance_point_id).first()
    if point is None:
        raise HttpError(400, _("Unknown compliance point."))
    trainings = _trainings(factory, payload.trainings)
    access.log_read(request.user, factory, "enterprise:api:plan_add")
    action = plans_actions.create_action(
        factory,
        request.user,
        trainings=trainings,
        compliance_point=point,
        action=payload.action,
        owner=payload.owner,
        due_date=payload.due_date,
        status=_status(payload.status),
        notes=payload.notes,
    )
    return 201, _out(action, action.events.select_related("user"))


@router.patch(
    "/factories/{star_id}/plan/actions/{pk}",
    response=ActionDetailOut,
    summary="Change an action (each changed field goes into its history)",
)
def update_action(request, star_id: str, pk: int, payload: ActionPatch):
    factory, _role = _factory(request, star_id, "api:plan_edit", Data.PLAN, change=True)
    action = _action(factory, pk)
    sent = payload.model_dump(exclude_unset=True)
    for field in ("owner", "notes", "status"):
        if field in sent and sent[field] is None:
            raise HttpError(400, _("%(field)s may not be null.") % {"field": field})
    if "status" in sent:
        _status(sent["status"])
    trainings = None
    if "trainings" in sent:
        ids = sent.pop("trainings")
        if ids is None:
            raise HttpError(400, _("%(field)s may not be null.") % {"field": "trainings"})
        trainings = _trainings(factory, ids)
    access.log_read(request.user, factory, "enterprise:api:plan_edit")
    plans_actions.update_action(action, request.user, sent, trainings=trainings)
    return _out(action, action.events.select_related("user"))


@router.post(
    "/factories/{star_id}/plan/from-results",
    response={201: FromResultsOut},
    summary="Turn non-compliant result lines into actions",
)
def from_results(request, star_id: str, payload: FromResultsIn):
    factory, _role = _factory(request, star_id, "api:plan_from", Data.PLAN, change=True)
    if (payload.self_assessment_id is None) == (payload.assessment_id is None):
        raise HttpError(400, _("Give either self_assessment_id or assessment_id."))
    if payload.self_assessment_id is not None:
        source = find_source(factory, "self_assessment", payload.self_assessment_id)
    else:
        source = find_source(factory, "assessment", payload.assessment_id)
    if source is None:
        raise HttpError(400, _("Choose one of this factory's assessments."))
    try:
        created, skipped = plans_actions.actions_from_results(
            factory, request.user, source, payload.compliance_point_ids
        )
    except ValidationError as exc:
        raise HttpError(400, exc.messages[0]) from None
    access.log_read(request.user, factory, "enterprise:api:plan_from")
    return 201, {"created": [a.pk for a in created], "skipped": [p.pk for p in skipped]}


@router.get(
    "/factories/{star_id}/plan/participants",
    response=Paged[ParticipantOut],
    summary="The plan's participants (PICC)",
    description="By side and name, paged (`page`, `page_size` 1 to 100).",
)
def participants(request, star_id: str, params: Query[PageParams]):
    factory, _role = _factory(
        request, star_id, "api:plan_participants", roles=(Role.MEMBER, Role.STAFF)
    )
    access.log_read(request.user, factory, "enterprise:api:plan_participants")
    return page_of(
        request,
        PlanParticipant.objects.filter(factory=factory).order_by("side", "name", "pk"),
        params,
    )


class ParticipantIn(Schema):
    name: str = Field(max_length=200)
    position: str = Field("", max_length=200)
    side: str = Field(max_length=16)
    picc_member: bool = True
    since: date | None = None


@router.post(
    "/factories/{star_id}/plan/participants",
    response={201: ParticipantOut},
    summary="Add a participant to the plan (members)",
)
def add_participant(request, star_id: str, payload: ParticipantIn):
    factory, _role = checked(request, star_id, roles=(Role.MEMBER,))
    data = payload.dict()
    form = ParticipantForm({k: ("" if v is None else v) for k, v in data.items()})
    if not form.is_valid():
        raise HttpError(400, form_errors(form))
    participant = form.save(commit=False)
    participant.factory = factory
    participant.save()
    access.log_read(request.user, factory, "enterprise:api:plan_participants")
    return 201, participant


@router.delete(
    "/factories/{star_id}/plan/participants/{pk}",
    response={204: None},
    summary="Remove a participant from the plan (members)",
)
def remove_participant(request, star_id: str, pk: int):
    factory, _role = checked(request, star_id, roles=(Role.MEMBER,))
    participant = get_object_or_404(PlanParticipant, factory=factory, pk=pk)
    participant.delete()
    access.log_read(request.user, factory, "enterprise:api:plan_participants")
    return 204, None


class NotificationsIn(Schema):
    reminders: bool
    buyer_digest: bool


class NotificationsOut(Schema):
    reminders: bool
    buyer_digest: bool


def _preference(request):
    """The signed-in user's own plan e-mail choices, for whoever has a plan to follow: the
    page's rule (member, staff or buyer of a factory), over all factories."""
    if not access.follows_some_plan(request.user):
        raise HttpError(403, _("You follow no factory's improvement plan."))
    return PlanNotificationPreference.objects.filter(
        user=request.user
    ).first() or PlanNotificationPreference(user=request.user)


@router.get("/plan/notifications", response=NotificationsOut, summary="My plan e-mail choices")
def notifications(request):
    return _preference(request)


@router.put(
    "/plan/notifications", response=NotificationsOut, summary="Change my plan e-mail choices"
)
def set_notifications(request, payload: NotificationsIn):
    form = NotificationForm(payload.dict(), instance=_preference(request))
    if not form.is_valid():
        raise HttpError(400, form_errors(form))
    return form.save()
