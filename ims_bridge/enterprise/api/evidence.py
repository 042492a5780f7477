"""Evidence files of plan actions over the API: list, upload (multipart, field ``file``) and
download, with the page's permissions, checks (``..plans_actions.validate_evidence``) and
download headers (``..views.plans.views.evidence_response``)."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from portal.api_pagination import Paged, PageParams, page_of

from .. import access, plans_actions
from ..access import Data
from ..models import Evidence, PlanAction
from ..views.plans.views import evidence_response
from .common import checked

router = Router()
ACTION = "/factories/{star_id}/plan/actions/{pk}/evidence"


class EvidenceOut(Schema):
    id: int
    name: str
    size: int
    content_type: str
    uploaded_at: datetime
    uploaded_by: str | None


def _out(evidence):
    return {
        "id": evidence.pk,
        "name": evidence.original_name,
        "size": evidence.size,
        "content_type": evidence.content_type,
        "uploaded_at": evidence.uploaded_at,
        "uploaded_by": evidence.uploaded_by.get_username() if evidence.uploaded_by else None,
    }


def _action(factory, pk):
    return get_object_or_404(PlanAction, factory=factory, pk=pk)


@router.get(
    ACTION,
    response=Paged[EvidenceOut],
    summary="An action's evidence files",
    description="Oldest first, paged (`page`, `page_size` 1 to 100).",
)
def list_evidence(request, star_id: str, pk: int, params: Query[PageParams]):
    factory, _role = checked(request, star_id, Data.EVIDENCE)
    action = _action(factory, pk)
    access.log_read(request.user, factory, "enterprise:api:plan_evidence")
    files = action.evidence.select_related("uploaded_by").order_by("uploaded_at", "pk")
    return page_of(request, files, params, convert=lambda page: [_out(e) for e in page])


@router.post(
    ACTION,
    response={201: EvidenceOut},
    summary="Add an evidence file (multipart, field “file”: PDF, PNG, JPEG, DOCX or XLSX)",
)
def upload_evidence(request, star_id: str, pk: int, file: UploadedFile | None = File(None)):  # noqa: B008
    # The file is optional to ninja so that the permission checks answer before it is missing.
    factory, _role = checked(request, star_id, Data.EVIDENCE, change=True)
    action = _action(factory, pk)
    if file is None:
        raise HttpError(400, _("Send the evidence file as the multipart field “file”."))
    try:
        evidence = plans_actions.add_evidence(action, request.user, file)
    except ValidationError as exc:
        raise HttpError(400, " ".join(exc.messages)) from None
    access.log_read(request.user, factory, "enterprise:api:plan_evidence_upload")
    return 201, _out(evidence)


@router.get(
    "/factories/{star_id}/plan/evidence/{pk}/download",
    summary="Download an evidence file (an attachment, never rendered)",
)
def download_evidence(request, star_id: str, pk: int):
    factory, _role = checked(request, star_id, Data.EVIDENCE)
    evidence = get_object_or_404(Evidence, action__factory=factory, pk=pk)
    access.log_read(request.user, factory, "enterprise:api:plan_evidence_download")
    return evidence_response(evidence)
