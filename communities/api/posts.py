"""One post: attachments (uploaded before the post that carries them), edits and flags."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import File, Router
from ninja.errors import HttpError
from ninja.files import UploadedFile

from portal.api_auth import signed_in
from portal.api_errors import ApiError, ErrorOut

from .. import attachments, permissions, services
from ..models import Attachment
from ..ratelimits import upload_limited
from .common import (
    POSTING_ERRORS,
    _not_limited,
    _post,
    _posts_out,
    _readable_community,
    _refuse,
)
from .schemas import (
    AttachmentOut,
    EditIn,
    FlagIn,
    FlagOut,
    PostOut,
)

router = Router()


# --- writing --------------------------------------------------------------------------------------


@router.post(
    "/{slug}/attachments/",
    response={201: AttachmentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    auth=signed_in,
    summary="Upload a file to attach to your next thread or reply here (multipart, field “file”)",
    description="Members who may start threads in the community. The same checks as the site's "
    "form: images (PNG, JPEG, GIF, WebP) or documents (PDF, Word, Excel, PowerPoint, ODT, TXT, "
    "CSV) recognised by content, up to 10 MB; SVG and HTML refused (400 `invalid_file`). The "
    "file stays private to you until a post carries it; downloads go through the attachment "
    "URL, which checks permission. Uploads are rate-limited (`COMMUNITIES_UPLOAD_RATE`).",
)
def upload_attachment(request, slug: str, file: UploadedFile | None = File(None)):  # noqa: B008
    # The file is optional to ninja so that the permission checks answer before it is missing.
    user = request.auth
    community = _readable_community(user, slug)
    if not permissions.can_post(user, community):
        _refuse(user, community, _("Only members can start threads here."))
    if upload_limited(request):
        raise HttpError(429, _("You are uploading too quickly. Please wait a few minutes."))
    if file is None:
        raise ApiError(400, _("Send the file as the multipart field “file”."), code="invalid_file")
    try:
        attachment: Attachment = attachments.store(file, user)
    except ValidationError as exc:
        raise ApiError(400, " ".join(exc.messages), code="invalid_file") from None
    return 201, {
        "id": attachment.pk,
        "name": attachment.original_name,
        "size": attachment.size,
        "content_type": attachment.content_type,
        "kind": attachment.kind,
        "url": attachment.get_absolute_url(),
    }


@router.patch(
    "/posts/{post_id}/",
    response={200: PostOut, **POSTING_ERRORS},
    auth=signed_in,
    summary="Edit a post (its author while they may post there; moderators any)",
    description="As on the site: the author edits their own visible post for as long as they "
    "may post in the community (no time limit); moderators edit any post (logged). `title` "
    "renames the thread when the post opens it. The previous text is kept in the post's "
    "history. Rate-limited with posting (429).",
)
def edit_post(request, post_id: int, payload: EditIn):
    user = request.auth
    post = _post(post_id)
    if not permissions.can_edit_post(user, post):
        _refuse(user, post.thread.community, _("You cannot edit this post."), thread=post.thread)
    _not_limited(request)
    body = post.body if payload.body is None else payload.body.strip()
    if not body:
        raise HttpError(400, _("Please write a message."))
    services.edit_post(post, user, body, title=(payload.title or "").strip())
    post.refresh_from_db(fields=["html", "edited_at"])
    return 200, _posts_out(user, post.thread, [post])[0]


@router.post(
    "/posts/{post_id}/flag/",
    response={201: FlagOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=signed_in,
    summary="Flag a post for the moderators (once per post while the flag is open)",
    description="Anyone signed in who may see the post, except its author and members "
    "suspended from the community. 409 `already_flagged` while your earlier flag of it waits "
    "for a moderator; once resolved, flagging again opens it again.",
)
def flag_post(request, post_id: int, payload: FlagIn):
    user = request.auth
    post = _post(post_id)
    if not permissions.can_flag(user, post):
        _refuse(user, post.thread.community, _("You cannot flag this post."), thread=post.thread)
    if services.has_open_flag(user, post):
        raise ApiError(409, _("You have already flagged this post."), code="already_flagged")
    flag = services.flag_post(post, user, payload.reason, payload.detail.strip())
    return 201, {
        "id": flag.pk,
        "reason": flag.reason,
        "detail": flag.detail,
        "created_at": flag.created_at,
    }
