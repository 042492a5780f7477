"""Self-assessments for a headless client: list, start, read with questions and answers,
save answers (partial), submit, result and comparison, with the pages' permissions."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.api_pagination import Paged, PageParams, page_of

from .. import access
from .. import self_assessment_service as service
from ..models import SelfAssessment
from ..self_assessment_forms import ShareForm
from .common import checked, factory_for

router = Router()
BASE = "/factories/{star_id}/self-assessments"


class SelfAssessmentOut(Schema):
    id: int
    status: str
    language: str
    cat_version: str
    started_at: datetime
    submitted_at: datetime | None
    answered: int
    total: int


class QuestionOut(Schema):
    id: int
    star_id: str
    label: str
    type: str
    cluster: str
    compliance_point: str
    guidance: str
    value: int | None
    text: str


class SelfAssessmentDetailOut(SelfAssessmentOut):
    questions: list[QuestionOut]


class AnswerIn(Schema):
    question: int
    value: int | None = Field(None, description="NCQ: 1 non-compliant, 0 compliant, null unset")
    text: str | None = Field(None, description="FGW: the answer in words")


class AnswersIn(Schema):
    answers: list[AnswerIn] = Field(..., max_length=2000)


class SavedOut(Schema):
    saved: int
    answered: int
    total: int


class AssessmentPointOut(Schema):
    cluster: str
    core_labour_standard: bool
    compliance_point: str
    questions: list[str]
    resources: dict[str, list[dict]]


class CompareOut(Schema):
    compliance_point: str
    self_noncompliant: bool
    star_noncompliant: bool
    agreement: str


class CompareResultOut(Schema):
    assessment: str | None
    points: list[CompareOut]


def _summary(item):
    answered, total = service.progress(item)
    return {
        "id": item.pk,
        "status": item.status,
        "language": item.language,
        "cat_version": item.cat_version.name,
        "started_at": item.started_at,
        "submitted_at": item.submitted_at,
        "answered": answered,
        "total": total,
    }


def _readable(request, star_id, action, roles=None):
    factory, role = factory_for(request, star_id, action, access.Data.SELF_ASSESSMENT)
    if roles is not None and role not in roles:
        raise HttpError(403, _("You may not do this for this factory."))
    return factory, role


def _get(queryset, pk):
    item = queryset.filter(pk=pk).select_related("cat_version").first()
    if item is None:
        raise Http404
    return item


def _to_change(request, star_id):
    try:
        return service.factory_to_change(request.user, star_id)
    except PermissionDenied:
        raise HttpError(403, _("You may not do this for this factory.")) from None


def _own(request, star_id, pk):
    factory, role = _to_change(request, star_id)
    return _get(SelfAssessment.objects.filter(factory=factory), pk)


@router.get(
    BASE,
    response=Paged[SelfAssessmentOut],
    summary="A factory's self-assessments",
    description="Newest first, paged (`page`, `page_size` 1 to 100).",
)
def self_assessments(request, star_id: str, params: Query[PageParams]):
    factory, role = _readable(request, star_id, "sa:list")
    return page_of(
        request,
        access.self_assessments(request.user, factory, role).order_by("-started_at", "-pk"),
        params,
        convert=lambda items: [_summary(item) for item in items],
    )


@router.post(BASE, response={201: SelfAssessmentOut}, summary="Start a self-assessment")
def start_self_assessment(request, star_id: str):
    factory, role = _to_change(request, star_id)
    try:
        item = service.start(factory, request.user, get_language())
    except service.SelfAssessmentError as error:
        raise HttpError(400, str(error)) from None
    return 201, _summary(item)


@router.get(
    BASE + "/{pk}",
    response=SelfAssessmentDetailOut,
    summary="A self-assessment with its questions",
)
def self_assessment(request, star_id: str, pk: int):
    factory, role = _readable(request, star_id, "sa:get", (access.Role.MEMBER, access.Role.STAFF))
    item = _get(access.self_assessments(request.user, factory, role), pk)
    questions = []
    for step in service.steps(item, get_language(), with_resources=False):
        for group in step.points:
            for question_item in group.items:
                question = question_item.question
                questions.append(
                    {
                        "id": question.pk,
                        "star_id": question.star_id,
                        "label": question.label,
                        "type": question.type,
                        "cluster": step.cluster.slug,
                        "compliance_point": group.point.slug,
                        "guidance": question_item.guidance,
                        "value": question_item.value,
                        "text": question_item.text,
                    }
                )
    return {**_summary(item), "questions": questions}


@router.post(BASE + "/{pk}/answers", response=SavedOut, summary="Save some answers")
def save_answers(request, star_id: str, pk: int, payload: AnswersIn):
    item = _own(request, star_id, pk)
    raw = {}
    for answer in payload.answers:
        if answer.question in raw:
            raise HttpError(400, _("Question %(id)s is answered twice.") % {"id": answer.question})
        raw[answer.question] = answer.text if answer.text is not None else answer.value
    try:
        saved = service.save_answers(item, request.user, raw)
    except service.SelfAssessmentError as error:
        raise HttpError(400, str(error)) from None
    answered, total = service.progress(item)
    return {"saved": saved, "answered": answered, "total": total}


@router.post(BASE + "/{pk}/submit", response=SelfAssessmentOut, summary="Submit (freeze)")
def submit_self_assessment(request, star_id: str, pk: int):
    item = _own(request, star_id, pk)
    if service.progress(item)[0] == 0:
        raise HttpError(400, _("Answer at least one question before submitting."))
    try:
        item = service.submit(item, request.user)
    except service.SelfAssessmentError as error:
        raise HttpError(400, str(error)) from None
    return _summary(item)


@router.get(
    BASE + "/{pk}/result", response=list[AssessmentPointOut], summary="Non-compliant points"
)
def self_assessment_result(request, star_id: str, pk: int):
    factory, role = _readable(request, star_id, "sa:result")
    item = _get(access.self_assessments(request.user, factory, role), pk)
    rows = []
    for cluster_name, core, points in service.result_groups(item, get_language()):
        for group in points:
            rows.append(
                {
                    "cluster": cluster_name,
                    "core_labour_standard": core,
                    "compliance_point": group.name,
                    "questions": [q.question.label for q in group.items],
                    "resources": {
                        str(kind): [{"title": r.title, "url": r.url} for r in resources]
                        for kind, resources in group.resources.items()
                    },
                }
            )
    return rows


@router.get(BASE + "/{pk}/compare", response=CompareResultOut, summary="Beside STAR")
def compare_self_assessment(request, star_id: str, pk: int):
    factory, role = _readable(
        request, star_id, "sa:compare", (access.Role.MEMBER, access.Role.STAFF)
    )
    item = _get(access.self_assessments(request.user, factory, role), pk)
    assessment = service.latest_assessment(factory)
    rows = service.compare(item, assessment, get_language())
    return {
        "assessment": assessment.star_id if assessment else None,
        "points": [
            {
                "compliance_point": row["point"].slug,
                "self_noncompliant": row["self_noncompliant"],
                "star_noncompliant": row["star_noncompliant"],
                "agreement": row["agreement"],
            }
            for row in rows
        ],
    }


class SharingIn(Schema):
    grants: list[int] = Field(..., max_length=1000)


class SharingOut(Schema):
    grants: list[int]


def _submitted(request, star_id, pk):
    """A submitted self-assessment of a factory the user may change (members), nothing
    logged: 400 for one still in progress, as on the share page."""
    factory, _role = checked(request, star_id, access.Data.SELF_ASSESSMENT, change=True)
    item = _get(SelfAssessment.objects.filter(factory=factory), pk)
    if not item.is_submitted:
        raise HttpError(400, _("Only a submitted result can be shared."))
    return factory, item


def _shared(factory, item):
    active = ShareForm(factory).fields["grants"].queryset
    return {"grants": sorted(item.shared_with.filter(pk__in=active).values_list("pk", flat=True))}


@router.get(BASE + "/{pk}/sharing", response=SharingOut, summary="Grants that may read a result")
def self_assessment_sharing(request, star_id: str, pk: int):
    factory, item = _submitted(request, star_id, pk)
    access.log_read(request.user, factory, "enterprise:api:sa:share")
    return _shared(factory, item)


@router.put(
    BASE + "/{pk}/sharing",
    response=SharingOut,
    summary="Share a submitted result with these active grants (the others are unshared)",
)
def share_self_assessment(request, star_id: str, pk: int, payload: SharingIn):
    factory, item = _submitted(request, star_id, pk)
    form = ShareForm(factory, data={"grants": [str(pk) for pk in payload.grants]})
    if not form.is_valid():
        raise HttpError(400, _("Choose among this factory's active grants."))
    item.shared_with.set(form.cleaned_data["grants"])
    return _shared(factory, item)
