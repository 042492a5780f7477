"""Changing a factory's improvement plan: every change leaves a PlanActionEvent (who, which
field, old and new value), completing an action stamps ``completed_at``, result lines become
actions once, and evidence files are checked by content before they are kept."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ims_bridge.models import PlanStatus
from portal.file_checks import check_document, clean_filename, read_head

from . import results
from .models import ActionSource, Evidence, PlanAction, PlanActionEvent, SelfAssessment

EDITABLE = ("action", "owner", "due_date", "status", "notes")
EVIDENCE_MAX_SIZE = 10 * 1024 * 1024
IMAGE_SIGNATURES = {
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
}
DOCUMENT_TYPES = (".pdf", ".docx", ".xlsx")


def _stored(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _training_names(trainings):
    return ", ".join(sorted(str(t) for t in trainings))


@transaction.atomic
def update_action(action, user, changes, trainings=None):
    """Apply ``changes`` ({field: value}, fields of EDITABLE) and, if given, the set of
    trainings; one event per changed field. Returns the events written."""
    events = []
    for field, new in changes.items():
        if field not in EDITABLE:
            raise ValueError(field)
        old = getattr(action, field)
        if old == new:
            continue
        events.append(
            PlanActionEvent(
                action=action,
                user=user,
                field=field,
                old_value=_stored(old),
                new_value=_stored(new),
            )
        )
        setattr(action, field, new)
        if field == "status":
            action.completed_at = timezone.now() if new == PlanStatus.COMPLETED else None
    if events:
        action.save()
    if trainings is not None:
        before = list(action.trainings.all())
        if {t.pk for t in before} != {t.pk for t in trainings}:
            events.append(
                PlanActionEvent(
                    action=action,
                    user=user,
                    field="trainings",
                    old_value=_training_names(before),
                    new_value=_training_names(trainings),
                )
            )
            action.trainings.set(trainings)
    PlanActionEvent.objects.bulk_create(events)
    return events


@transaction.atomic
def create_action(factory, user, trainings=(), **fields):
    action = PlanAction.objects.create(factory=factory, created_by=user, **fields)
    if action.status == PlanStatus.COMPLETED:
        action.completed_at = timezone.now()
        action.save(update_fields=["completed_at"])
    if trainings:
        action.trainings.set(trainings)
    PlanActionEvent.objects.create(
        action=action, user=user, field="created", new_value=action.action[:500]
    )
    return action


def noncompliant_lines(source):
    """{compliance point id: PointResult} of a SelfAssessment or an Assessment."""
    if isinstance(source, SelfAssessment):
        found = results.self_assessment_results(source)
    else:
        found = results.assessment_results(source)
    return {r.compliance_point.pk: r for r in results.noncompliant_points(found)}


@transaction.atomic
def actions_from_results(factory, user, source, point_ids):
    """One action per chosen non-compliant point of ``source``; a point that already has an
    action from the same source is skipped. Returns (created, skipped); ValidationError for a
    point that is not a non-compliant line of the source."""
    lines = noncompliant_lines(source)
    unknown = [pk for pk in point_ids if pk not in lines]
    if unknown or not point_ids:
        raise ValidationError(
            _("Choose compliance points that are non-compliant in this assessment.")
        )
    link = (
        {"self_assessment": source, "source": ActionSource.SELF_ASSESSMENT}
        if isinstance(source, SelfAssessment)
        else {"assessment": source, "source": ActionSource.STAR}
    )
    lookup = {k: v for k, v in link.items() if k != "source"}
    existing = set(
        PlanAction.objects.filter(
            factory=factory, compliance_point_id__in=point_ids, **lookup
        ).values_list("compliance_point_id", flat=True)
    )
    created, skipped = [], []
    for pk in dict.fromkeys(point_ids):
        point = lines[pk].compliance_point
        if pk in existing:
            skipped.append(point)
            continue
        text = _("Remediate the non-compliance on %(point)s") % {"point": point.localized.name}
        created.append(create_action(factory, user, compliance_point=point, action=text, **link))
    return created, skipped


def evidence_max_size():
    return getattr(settings, "PLAN_EVIDENCE_MAX_SIZE", EVIDENCE_MAX_SIZE)


def validate_evidence(upload):
    """The content type of an acceptable evidence file, else ValidationError: PDF, PNG, JPEG,
    DOCX or XLSX judged by content (portal.file_checks), at most PLAN_EVIDENCE_MAX_SIZE."""
    name = clean_filename(upload.name)
    ext = os.path.splitext(name)[1].lower()
    limit = evidence_max_size()
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (maximum %(mb)s MB).") % {"mb": max(1, limit // (1024 * 1024))}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    if ext in IMAGE_SIGNATURES:
        content_type, magic = IMAGE_SIGNATURES[ext]
        if not read_head(upload).startswith(magic):
            raise ValidationError(
                _("The file's content does not match its type (%(ext)s).") % {"ext": ext}
            )
        return content_type
    if ext in DOCUMENT_TYPES:
        return check_document(upload, ext)
    raise ValidationError(
        _("This file type is not accepted. Allowed: %(types)s.")
        % {"types": ", ".join((*DOCUMENT_TYPES, ".png", ".jpg", ".jpeg"))}
    )


@transaction.atomic
def add_evidence(action, user, upload):
    content_type = validate_evidence(upload)
    name = clean_filename(upload.name, max_length=200)
    evidence = Evidence(
        action=action,
        original_name=name,
        size=upload.size,
        content_type=content_type,
        uploaded_by=user,
    )
    evidence.file.save(name, upload, save=False)
    evidence.save()
    PlanActionEvent.objects.create(action=action, user=user, field="evidence", new_value=name)
    return evidence
