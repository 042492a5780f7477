"""Communities API (mounted at /api/v2/communities/): everything the HTML site offers, for a
headless front end. Read public (or, signed in, readable) communities, threads and posts; post
threads and replies (with attachments uploaded first); join, leave or ask to join; follow; edit
and flag posts; read and clear notifications; and, for moderators, the flag queue, join
requests, hiding posts, pinning and locking threads and suspending members.

Callers are a session (CSRF checked on writes) or a personal bearer token (a read token may not
write). Every decision goes through ``communities.permissions`` and every change through
``communities.services``, exactly as the HTML views do; a refusal never reveals what the reader
may not know exists (a private community, or a thread hidden from them, is 404 like an unknown
one; otherwise 403). Lists are ``portal.api_pagination`` pages (``page``, ``page_size``)."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from portal.api_auth import reader, signed_in
from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
from portal.api_params import reader_language

from . import attachments, permissions, services
from .models import Attachment, Community, Flag, JoinRequest, Post, Role, Subscription, Thread
from .ratelimits import posting_limited, upload_limited

router = Router(tags=["communities"])

MAX_ATTACHMENTS = 5


# --- schemas ------------------------------------------------------------------------------------


class CommunityOut(Schema):
    slug: str
    name: str
    description: str
    language: str = Field(description="The language the community was written in.")
    name_language: str = Field(description="The language `name` is in.")
    description_language: str = Field(description="The language `description` is in.")
    visibility: str
    languages: list[str]
    url: str


class ViewerOut(Schema):
    """What the signed-in reader is and may do in the community (null for anonymous readers)."""

    role: str | None = Field(description="member, moderator or owner; null if none.")
    status: str | None = Field(description="active, pending or suspended; null if no membership.")
    pending_request: bool = Field(description="A join request of theirs waits for a moderator.")
    following: bool
    can_read: bool
    can_post: bool
    can_join: bool
    can_leave: bool
    can_moderate: bool


class CommunityDetailOut(CommunityOut):
    viewer: ViewerOut | None


class AuthorOut(Schema):
    username: str
    display_name: str


class ThreadSummaryOut(Schema):
    id: int
    title: str
    community: str
    author: AuthorOut | None
    created_at: datetime
    last_activity_at: datetime
    reply_count: int
    pinned: bool
    locked: bool
    url: str


class PostOut(Schema):
    id: int
    author: AuthorOut | None
    author_role: str | None = Field(
        None, description="owner or moderator of the community, or staff; null otherwise."
    )
    html: str = Field(description="Sanitised HTML rendering of the Markdown body.")
    created_at: datetime
    edited: bool
    hidden: bool = Field(
        False,
        description="Hidden by a moderator (only its author and the moderators still see it).",
    )
    attachments: list[str] = Field(description="Download URLs (permission-checked).")
    can_edit: bool = Field(False, description="The reader may edit this post.")
    can_flag: bool = Field(False, description="The reader may flag this post.")


POSTS_HELP = (
    "`posts` is the first page of the posts the reader may see (oldest first, `page_size` per "
    "page, 20 by default); `posts.next` is the URL of the next page of "
    "`GET /threads/{thread_id}/posts/`."
)


class ThreadOut(ThreadSummaryOut):
    following: bool = Field(description="The signed-in reader follows the thread.")
    can_reply: bool
    can_moderate: bool
    posts: Paged[PostOut]


class NotificationOut(Schema):
    id: int
    kind: str
    title: str = Field(description="The thread's title, or the community's name.")
    url: str
    created_at: datetime
    read: bool


class InboxOut(Paged[NotificationOut]):
    unread: int = Field(description="Unread notifications in all pages.")


class MarkedOut(Schema):
    marked: int = Field(description="Notifications that were unread and are read now.")
    unread: int


class AttachmentOut(Schema):
    id: int = Field(description="Give it in `attachments` when starting a thread or replying.")
    name: str
    size: int
    content_type: str
    kind: str
    url: str


class ThreadIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=20000)
    attachments: list[int] = Field(
        default_factory=list,
        max_length=MAX_ATTACHMENTS,
        description="Ids of files you uploaded with `POST /{slug}/attachments/` and not yet "
        "attached to a post.",
    )


class ReplyIn(Schema):
    body: str = Field(min_length=1, max_length=20000)
    attachments: list[int] = Field(
        default_factory=list,
        max_length=MAX_ATTACHMENTS,
        description=ThreadIn.model_fields["attachments"].description,
    )


class EditIn(Schema):
    body: str | None = Field(None, min_length=1, max_length=20000)
    title: str | None = Field(
        None, max_length=200, description="The thread's new title (opening post only)."
    )


class JoinIn(Schema):
    message: str = Field(
        "", max_length=1000, description="For the moderators of a members-only community."
    )


class JoinOut(Schema):
    state: Literal["member", "requested"] = Field(
        description="member: joined now (public community); requested: a join request waits "
        "for a moderator (members-only community)."
    )
    role: str | None


class FollowOut(Schema):
    following: bool


class FlagIn(Schema):
    reason: Flag.Reason
    detail: str = Field("", max_length=500)


class FlagOut(Schema):
    id: int
    reason: str
    detail: str
    created_at: datetime


class FlagQueueOut(FlagOut):
    flagged_by: AuthorOut
    post: PostOut
    thread_id: int
    thread_title: str


class HideIn(Schema):
    reason: str = Field("", max_length=300)


class ThreadModerationIn(Schema):
    action: Literal["pin", "unpin", "lock", "unlock"]


class JoinRequestOut(Schema):
    id: int
    user: AuthorOut
    message: str
    status: str
    created_at: datetime


class DecisionIn(Schema):
    decision: Literal["approve", "decline"]


class MemberOut(Schema):
    user: AuthorOut
    user_id: int
    role: str
    status: str
    joined_at: datetime


# --- helpers ------------------------------------------------------------------------------------


def _author(user):
    if user is None:
        return None
    profile = getattr(user, "community_profile", None)
    name = (profile.display_name if profile else "") or user.get_full_name() or user.get_username()
    return {"username": user.get_username(), "display_name": name}


def _reader_language(lang):
    """`?lang=`, the reader's language (400 ``unknown_language``); None: the original text."""
    return None if lang is None else reader_language(lang)


def _community_out(c, lang=None):
    local = c.localized(lang or c.language)
    return {
        "slug": c.slug,
        "name": local.name,
        "description": local.description,
        "language": c.language,
        "name_language": local.name_language,
        "description_language": local.description_language,
        "visibility": c.visibility,
        "languages": [lc.language_code for lc in c.languages.all()],
        "url": c.get_absolute_url(),
    }


def _thread_summary(t):
    return {
        "id": t.pk,
        "title": t.title,
        "community": t.community.slug,
        "author": _author(t.author),
        "created_at": t.created_at,
        "last_activity_at": t.last_activity_at,
        "reply_count": t.reply_count,
        "pinned": t.pinned,
        "locked": t.locked,
        "url": t.get_absolute_url(),
    }


def _posts_out(user, thread, posts):
    """PostOut dicts for one page of a thread's posts, in a constant number of queries."""
    roles = permissions.author_roles(thread.community, {p.author_id for p in posts})
    out = []
    for p in posts:
        p.thread = thread  # one thread object: its per-reader permission answers are shared
        out.append(_post_out(user, p, roles.get(p.author_id)))
    return out


def _post_out(user, p, role=None):
    return {
        "id": p.pk,
        "author": _author(p.author),
        "author_role": role,
        "html": p.html,
        "created_at": p.created_at,
        "edited": p.is_edited,
        "hidden": p.hidden,
        "attachments": [a.get_absolute_url() for a in p.attachments.all()],
        "can_edit": permissions.can_edit_post(user, p),
        "can_flag": permissions.can_flag(user, p),
    }


def _refuse(user, community, message, code=None, thread=None):
    """The API's ``guards.deny``: a community the reader may not know exists, or a thread
    hidden from them, is not found; anything else is forbidden."""
    if not permissions.can_see_exists(user, community):
        raise Http404
    if thread is not None and permissions.thread_hidden_from(user, thread):
        raise Http404
    raise ApiError(403, message, code=code)


def _community(slug, *prefetch):
    qs = Community.objects.prefetch_related(*prefetch) if prefetch else Community.objects
    return get_object_or_404(qs, slug=slug)


def _readable_community(user, slug):
    community = _community(slug)
    if not permissions.can_read(user, community):
        _refuse(user, community, _("Only members can read this community."))
    return community


def _thread(user, thread_id, select=("community",)):
    """The thread if the user may read it; 404 when it is hidden from them, as if unknown."""
    thread = get_object_or_404(Thread.objects.select_related(*select), pk=thread_id)
    if not permissions.can_read(user, thread.community):
        _refuse(user, thread.community, _("Only members can read this community."))
    if not permissions.can_read_thread(user, thread):
        raise Http404
    return thread


def _post(post_id):
    return get_object_or_404(
        Post.objects.select_related("thread__community", "author__community_profile"), pk=post_id
    )


def _not_limited(request):
    if posting_limited(request):
        raise HttpError(429, _("You are posting too quickly. Please wait a few minutes."))


def _own_attachments(user, ids):
    """The files of ``ids``: each uploaded by ``user`` and on no post yet, or a 400."""
    if not ids:
        return []
    found = services.unattached_uploads(user, ids)
    if len(found) != len(set(ids)):
        raise ApiError(
            400,
            _("Attach only files you uploaded and have not attached to a post yet."),
            code="invalid_attachment",
        )
    return found


def _page(request, items, params, convert=None):
    return page_of(request, items, params, convert=convert)


# --- reading ------------------------------------------------------------------------------------

LANG_HELP = (
    "`lang` is the reader's language: name and description in that language where the "
    "community has a translation, otherwise in the community's own language (`name_language`, "
    "`description_language` say which). Without `lang`, the original text."
)


@router.get(
    "/",
    response=Paged[CommunityOut],
    summary="Communities the reader may see (paged, by name)",
    description=LANG_HELP,
)
def list_communities(request, params: Query[PageParams], lang: str | None = None):
    language = _reader_language(lang)
    user = reader(request)
    qs = (
        permissions.visible_communities(user)
        .prefetch_related("languages", "translations")
        .order_by("name", "pk")
    )
    return _page(request, qs, params, lambda cs: [_community_out(c, language) for c in cs])


@router.get(
    "/{slug}/threads/",
    response=Paged[ThreadSummaryOut],
    summary="Threads of a community the reader may read (paged; pinned first, then by activity)",
)
def list_threads(request, slug: str, params: Query[PageParams]):
    user = reader(request)
    community = _readable_community(user, slug)
    threads = community.threads.readable_by(user).select_related(
        "author__community_profile", "community"
    )
    return _page(request, threads, params, lambda ts: [_thread_summary(t) for t in ts])


def _visible_posts(user, thread):
    return (
        permissions.visible_posts(user, thread)
        .select_related("author__community_profile")
        .prefetch_related("attachments")
    )


def _paged_posts(request, user, thread, params):
    return page_of(
        request, _visible_posts(user, thread), params, lambda ps: _posts_out(user, thread, ps)
    )


@router.get(
    "/threads/{thread_id}/",
    response=ThreadOut,
    summary="A thread with the first page of its posts",
    description=POSTS_HELP,
)
def get_thread(
    request,
    thread_id: int,
    page_size: int = Query(20, ge=1, le=100, description="Posts in the first page."),  # noqa: B008
):
    user = reader(request)
    thread = _thread(user, thread_id, select=("community", "author__community_profile"))
    posts = _paged_posts(request, user, thread, PageParams(page=1, page_size=page_size))
    if posts["next"]:
        posts_url = request.build_absolute_uri(f"{request.path}posts/")
        posts["next"] = f"{posts_url}?page=2&page_size={page_size}"
    following = user.is_authenticated and (
        Subscription.objects.filter(user=user, thread=thread, community=None).exists()
    )
    return {
        **_thread_summary(thread),
        "following": following,
        "can_reply": permissions.can_reply(user, thread),
        "can_moderate": permissions.can_moderate(user, thread.community),
        "posts": posts,
    }


@router.get(
    "/threads/{thread_id}/posts/",
    response=Paged[PostOut],
    summary="A thread's posts the reader may see (paged, oldest first)",
)
def list_posts(request, thread_id: int, params: Query[PageParams]):
    user = reader(request)
    thread = _thread(user, thread_id)
    return _paged_posts(request, user, thread, params)


# --- writing --------------------------------------------------------------------------------------

POSTING_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}


@router.post(
    "/{slug}/threads/",
    response={201: ThreadSummaryOut, **POSTING_ERRORS},
    auth=signed_in,
    summary="Start a thread (members)",
    description="Rate-limited with replies and edits (429). `attachments`: ids from "
    "`POST /{slug}/attachments/` (400 `invalid_attachment` for any other).",
)
def create_thread(request, slug: str, payload: ThreadIn):
    user = request.auth
    community = _readable_community(user, slug)
    if not permissions.can_post(user, community):
        _refuse(user, community, _("Only members can start threads here."))
    _not_limited(request)
    title, body = payload.title.strip(), payload.body.strip()
    if not title or not body:
        raise HttpError(400, _("Title and body must not be blank."))
    files = _own_attachments(user, payload.attachments)
    thread = services.create_thread(community, user, title, body, attachments=files)
    return 201, _thread_summary(thread)


@router.post(
    "/threads/{thread_id}/replies/",
    response={201: PostOut, **POSTING_ERRORS},
    auth=signed_in,
    summary="Reply to a thread (members; moderators also in a locked thread)",
    description="Rate-limited with threads and edits (429). `attachments`: ids from "
    "`POST /{slug}/attachments/` (400 `invalid_attachment` for any other).",
)
def create_reply(request, thread_id: int, payload: ReplyIn):
    user = request.auth
    thread = _thread(user, thread_id)
    if not permissions.can_reply(user, thread):
        _refuse(user, thread.community, _("You cannot reply to this thread."), thread=thread)
    _not_limited(request)
    body = payload.body.strip()
    if not body:
        raise HttpError(400, _("The reply must not be blank."))
    files = _own_attachments(user, payload.attachments)
    post: Post = services.create_reply(thread, user, body, attachments=files)
    post.author = user
    return 201, _posts_out(user, thread, [post])[0]


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


# --- membership -----------------------------------------------------------------------------------


@router.post(
    "/{slug}/join/",
    response={201: JoinOut, 202: JoinOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=signed_in,
    summary="Join a public community (201), or ask to join a members-only one (202)",
    description="A private community takes members by invitation only: 404 to anyone who may "
    "not know it exists, 403 `invitation_only` otherwise. 409 `already_member`, 409 "
    "`already_requested` (a request waits), 403 `suspended`. Joining a public community "
    "follows it; a request notifies the moderators, with your optional `message`.",
)
def join_community(request, slug: str, payload: JoinIn | None = None):
    user = request.auth
    community = _community(slug)
    if not permissions.can_see_exists(user, community):
        raise Http404
    refusal = permissions.join_refusal(user, community)
    if refusal == permissions.JoinRefusal.SUSPENDED:
        raise ApiError(403, _("Your membership of this community is suspended."), code="suspended")
    if refusal == permissions.JoinRefusal.ALREADY_MEMBER:
        raise ApiError(409, _("You are already a member of this community."), code="already_member")
    if refusal is not None:
        raise ApiError(
            403, _("This community takes members by invitation only."), code="invitation_only"
        )
    message = (payload.message if payload else "").strip()
    outcome, made = services.join_or_request(user, community, message)
    if outcome == services.JoinOutcome.ALREADY_REQUESTED:
        raise ApiError(
            409, _("Your request is already waiting for a moderator."), code="already_requested"
        )
    if outcome == services.JoinOutcome.MEMBER:
        return 201, {"state": "member", "role": made.role}
    return 202, {"state": "requested", "role": None}


@router.post(
    "/{slug}/leave/",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Leave a community (members and moderators; an owner hands it over first)",
    description="Stops following it too. 403 `not_member`, or `owner_cannot_leave`.",
)
def leave_community(request, slug: str):
    user = request.auth
    community = _community(slug)
    if not permissions.can_see_exists(user, community):
        raise Http404
    if not permissions.can_leave(user, community):
        if permissions.active_role(user, community) == Role.OWNER:
            raise ApiError(
                403,
                _("An owner hands the community over before leaving."),
                code="owner_cannot_leave",
            )
        raise ApiError(403, _("You are not a member of this community."), code="not_member")
    services.leave(user, community)
    return 204, None


@router.delete(
    "/{slug}/join/",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Withdraw your waiting request to join",
    description="404 `no_join_request` when none of yours waits.",
)
def cancel_join_request(request, slug: str):
    user = request.auth
    community = _community(slug)
    if not permissions.can_see_exists(user, community):
        raise Http404
    join_request = services.pending_join_request(user, community)
    if join_request is None or not permissions.can_cancel_join_request(user, join_request):
        raise ApiError(
            404, _("You have no request waiting to join this community."), code="no_join_request"
        )
    services.cancel_join_request(join_request)
    return 204, None


def _follow_community(request, slug, follow):
    user = request.auth
    community = _community(slug)
    if not permissions.can_follow(user, community):
        _refuse(user, community, _("Only members can read this community."))
    if follow:
        services.follow(user, community=community)
    else:
        services.unfollow(user, community=community)
    return {"following": follow}


def _follow_thread(request, thread_id, follow):
    user = request.auth
    thread = get_object_or_404(Thread.objects.select_related("community"), pk=thread_id)
    if not permissions.can_follow_thread(user, thread):
        _refuse(user, thread.community, _("Only members can read this community."), thread=thread)
    if follow:
        services.follow(user, thread=thread)
    else:
        services.unfollow(user, thread=thread)
    return {"following": follow}


FOLLOW_COMMUNITY = "Following a community notifies you of its new threads (in the inbox and by "
FOLLOW_COMMUNITY += "e-mail as your preferences say). Anyone signed in who may read it."
FOLLOW_THREAD = "Following a thread notifies you of its replies. Anyone signed in who may read "
FOLLOW_THREAD += "it; starting or replying to a thread follows it."


@router.post(
    "/{slug}/follow/",
    response=FollowOut,
    auth=signed_in,
    summary="Follow a community",
    description=FOLLOW_COMMUNITY,
)
def follow_community(request, slug: str):
    return _follow_community(request, slug, True)


@router.delete(
    "/{slug}/follow/",
    response=FollowOut,
    auth=signed_in,
    summary="Stop following a community",
    description=FOLLOW_COMMUNITY,
)
def unfollow_community(request, slug: str):
    return _follow_community(request, slug, False)


@router.post(
    "/threads/{thread_id}/follow/",
    response=FollowOut,
    auth=signed_in,
    summary="Follow a thread",
    description=FOLLOW_THREAD,
)
def follow_thread(request, thread_id: int):
    return _follow_thread(request, thread_id, True)


@router.delete(
    "/threads/{thread_id}/follow/",
    response=FollowOut,
    auth=signed_in,
    summary="Stop following a thread",
    description=FOLLOW_THREAD,
)
def unfollow_thread(request, thread_id: int):
    return _follow_thread(request, thread_id, False)


# --- notifications --------------------------------------------------------------------------------


def _notifications(user):
    return permissions.readable_notifications(user)


@router.get(
    "/notifications/",
    response=InboxOut,
    auth=signed_in,
    summary="Your notifications about what you may read now (paged, newest first)",
)
def list_notifications(request, params: Query[PageParams]):
    notes = _notifications(request.auth).select_related(
        "community", "thread__community", "post__thread__community"
    )

    def convert(items):
        return [
            {
                "id": n.pk,
                "kind": n.kind,
                "title": n.thread.title if n.thread else n.community.name,
                "url": n.get_absolute_url(),
                "created_at": n.created_at,
                "read": n.read_at is not None,
            }
            for n in items
        ]

    data = page_of(request, notes, params, convert)
    data["unread"] = _notifications(request.auth).filter(read_at__isnull=True).count()
    return data


@router.post(
    "/notifications/read/",
    response=MarkedOut,
    auth=signed_in,
    summary="Mark all your notifications read",
)
def mark_all_notifications_read(request):
    marked = services.mark_read(_notifications(request.auth))
    return {"marked": marked, "unread": 0}


@router.post(
    "/notifications/{notification_id}/read/",
    response={204: None, 404: ErrorOut},
    auth=signed_in,
    summary="Mark one of your notifications read",
    description="404 for a notification that is not yours or is about something you may no "
    "longer read.",
)
def mark_notification_read(request, notification_id: int):
    notes = _notifications(request.auth).filter(pk=notification_id)
    if not notes.exists():
        raise Http404
    services.mark_read(notes)
    return 204, None


# --- moderation -----------------------------------------------------------------------------------

MODERATORS_ONLY = "Moderators of the community (and editors) only."


def _moderated_community(user, slug):
    community = _community(slug)
    if not permissions.can_moderate(user, community):
        _refuse(user, community, _("Only moderators can do this."))
    return community


def _moderated_post(user, post_id):
    post = _post(post_id)
    if not permissions.can_moderate(user, post.thread.community):
        _refuse(user, post.thread.community, _("Only moderators can do this."), thread=post.thread)
    return post


@router.get(
    "/{slug}/flags/",
    response=Paged[FlagQueueOut],
    auth=signed_in,
    summary="The flag queue: open flags on the community's posts (moderators; paged, oldest first)",
    description=MODERATORS_ONLY,
)
def list_flags(request, slug: str, params: Query[PageParams]):
    user = request.auth
    community = _moderated_community(user, slug)
    flags = (
        Flag.objects.filter(post__thread__community=community, resolved_at__isnull=True)
        .select_related(
            "post__thread__community", "post__author__community_profile", "user__community_profile"
        )
        .prefetch_related("post__attachments")
        .order_by("created_at", "pk")
    )

    def convert(items):
        roles = permissions.author_roles(community, {f.post.author_id for f in items})
        return [
            {
                "id": f.pk,
                "reason": f.reason,
                "detail": f.detail,
                "created_at": f.created_at,
                "flagged_by": _author(f.user),
                "post": _post_out(user, f.post, roles.get(f.post.author_id)),
                "thread_id": f.post.thread_id,
                "thread_title": f.post.thread.title,
            }
            for f in items
        ]

    return page_of(request, flags, params, convert)


@router.post(
    "/flags/{flag_id}/resolve/",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Resolve a flag (and every other open flag on the same post) without hiding it",
    description=MODERATORS_ONLY,
)
def resolve_flag(request, flag_id: int):
    user = request.auth
    flag = get_object_or_404(Flag.objects.select_related("post__thread__community"), pk=flag_id)
    community = flag.post.thread.community
    if not permissions.can_moderate(user, community):
        _refuse(user, community, _("Only moderators can do this."), thread=flag.post.thread)
    services.resolve_flags(flag.post, user)
    return 204, None


def _hide(request, post_id, hide, reason=""):
    user = request.auth
    post = _moderated_post(user, post_id)
    services.set_post_hidden(post, user, hide, reason.strip())
    post = _post(post_id)
    thread = Thread.objects.select_related("community").get(pk=post.thread_id)
    return _posts_out(user, thread, [post])[0]


@router.post(
    "/posts/{post_id}/hide/",
    response=PostOut,
    auth=signed_in,
    summary="Hide a post, with a reason (moderators)",
    description="Its open flags are resolved. Hiding a thread's opening post hides the thread "
    "from everyone but moderators. " + MODERATORS_ONLY,
)
def hide_post(request, post_id: int, payload: HideIn):
    return _hide(request, post_id, True, payload.reason)


@router.post(
    "/posts/{post_id}/unhide/",
    response=PostOut,
    auth=signed_in,
    summary="Show a hidden post again (moderators)",
    description=MODERATORS_ONLY,
)
def unhide_post(request, post_id: int):
    return _hide(request, post_id, False)


@router.post(
    "/threads/{thread_id}/moderation/",
    response=ThreadSummaryOut,
    auth=signed_in,
    summary="Pin, unpin, lock or unlock a thread (moderators)",
    description="A locked thread takes replies from moderators only. " + MODERATORS_ONLY,
)
def moderate_thread(request, thread_id: int, payload: ThreadModerationIn):
    user = request.auth
    thread = get_object_or_404(Thread.objects.select_related("community", "author"), pk=thread_id)
    if not permissions.can_moderate(user, thread.community):
        _refuse(user, thread.community, _("Only moderators can do this."), thread=thread)
    services.change_thread(thread, user, payload.action)
    return _thread_summary(thread)


def _join_request_out(jr):
    return {
        "id": jr.pk,
        "user": _author(jr.user),
        "message": jr.message,
        "status": jr.status,
        "created_at": jr.created_at,
    }


@router.get(
    "/{slug}/join-requests/",
    response=Paged[JoinRequestOut],
    auth=signed_in,
    summary="Join requests waiting for a decision (moderators; paged, oldest first)",
    description=MODERATORS_ONLY,
)
def list_join_requests(request, slug: str, params: Query[PageParams]):
    community = _moderated_community(request.auth, slug)
    pending = community.join_requests.filter(status=JoinRequest.Decision.PENDING).select_related(
        "user__community_profile"
    )
    return page_of(request, pending, params, lambda jrs: [_join_request_out(j) for j in jrs])


@router.post(
    "/{slug}/join-requests/{request_id}/",
    response={200: JoinRequestOut, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Approve or decline a join request (moderators)",
    description="The applicant becomes a member (and is notified) when approved. 404 for a "
    "request that no longer waits. " + MODERATORS_ONLY,
)
def decide_join_request(request, slug: str, request_id: int, payload: DecisionIn):
    user = request.auth
    community = _moderated_community(user, slug)
    join_request = get_object_or_404(
        community.join_requests.select_related("user__community_profile"),
        pk=request_id,
        status=JoinRequest.Decision.PENDING,
    )
    services.decide_join_request(join_request, user, approve=payload.decision == "approve")
    return 200, _join_request_out(join_request)


def _member_out(m):
    return {
        "user": _author(m.user),
        "user_id": m.user_id,
        "role": m.role,
        "status": m.status,
        "joined_at": m.created_at,
    }


@router.get(
    "/{slug}/members/",
    response=Paged[MemberOut],
    auth=signed_in,
    summary="The community's members, suspended ones first (moderators; paged)",
    description=MODERATORS_ONLY,
)
def list_members(request, slug: str, params: Query[PageParams]):
    community = _moderated_community(request.auth, slug)
    members = community.memberships.select_related("user__community_profile").order_by(
        "-status", "role", "pk"
    )
    return page_of(request, members, params, lambda ms: [_member_out(m) for m in ms])


def _suspend(request, slug, user_id, suspend):
    user = request.auth
    community = _moderated_community(user, slug)
    membership = get_object_or_404(
        community.memberships.select_related("community", "user__community_profile"),
        user_id=user_id,
    )
    if not permissions.can_suspend(user, membership):
        raise ApiError(
            403,
            _("You cannot suspend or reinstate this member (yourself, or an owner)."),
            code="cannot_suspend",
        )
    services.set_suspended(membership, user, suspend)
    return 200, _member_out(membership)


SUSPEND_HELP = (
    "A suspended member reads and writes nothing in the community until reinstated. Nobody "
    "suspends themselves, and owners only by editors (403 `cannot_suspend`). " + MODERATORS_ONLY
)


@router.post(
    "/{slug}/members/{user_id}/suspend/",
    response={200: MemberOut, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Suspend a member (moderators)",
    description=SUSPEND_HELP,
)
def suspend_member(request, slug: str, user_id: int):
    return _suspend(request, slug, user_id, True)


@router.post(
    "/{slug}/members/{user_id}/reinstate/",
    response={200: MemberOut, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Reinstate a suspended member (moderators)",
    description=SUSPEND_HELP,
)
def reinstate_member(request, slug: str, user_id: int):
    return _suspend(request, slug, user_id, False)


class LogOut(Schema):
    action: str
    actor: AuthorOut | None
    target_user: AuthorOut | None
    thread_id: int | None
    post_id: int | None
    detail: str
    created_at: datetime


@router.get(
    "/{slug}/log/",
    response=Paged[LogOut],
    auth=signed_in,
    summary="The community's moderation log (moderators; paged, newest first)",
    description=MODERATORS_ONLY,
)
def moderation_log(request, slug: str, params: Query[PageParams]):
    community = _moderated_community(request.auth, slug)
    entries = community.log.select_related(
        "actor__community_profile", "target_user__community_profile"
    ).order_by("-created_at", "-pk")

    def convert(items):
        return [
            {
                "action": e.action,
                "actor": _author(e.actor),
                "target_user": _author(e.target_user),
                "thread_id": e.thread_id,
                "post_id": e.post_id,
                "detail": e.detail,
                "created_at": e.created_at,
            }
            for e in items
        ]

    return page_of(request, entries, params, convert)


class RevisionOut(Schema):
    body: str = Field(description="The Markdown the post had before this edit.")
    edited_by: AuthorOut | None
    created_at: datetime


@router.get(
    "/posts/{post_id}/history/",
    response=Paged[RevisionOut],
    auth=signed_in,
    summary="A post's earlier versions (moderators; paged, newest first)",
    description=MODERATORS_ONLY,
)
def post_history(request, post_id: int, params: Query[PageParams]):
    post = _moderated_post(request.auth, post_id)
    revisions = post.revisions.select_related("edited_by__community_profile").order_by(
        "-created_at", "-pk"
    )

    def convert(items):
        return [
            {"body": r.body, "edited_by": _author(r.edited_by), "created_at": r.created_at}
            for r in items
        ]

    return page_of(request, revisions, params, convert)


class MoveIn(Schema):
    community: str = Field(max_length=80, description="The slug of the community to move to.")


@router.post(
    "/threads/{thread_id}/move/",
    response={200: ThreadSummaryOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=signed_in,
    summary="Move a thread to another community (moderators of both)",
    description="Its notifications follow it; logged in both communities. 400 "
    "`invalid_target` for an unknown community (or the same one), 403 when you do not "
    "moderate the target, 409 `thread_exists` when the target already discusses the same "
    "portal page. " + MODERATORS_ONLY,
)
def move_thread(request, thread_id: int, payload: MoveIn):
    user = request.auth
    thread = get_object_or_404(Thread.objects.select_related("community", "author"), pk=thread_id)
    source = thread.community
    if not permissions.can_moderate(user, source):
        _refuse(user, source, _("Only moderators can do this."), thread=thread)
    target = Community.objects.filter(slug=payload.community).exclude(pk=source.pk).first()
    if target is None or not permissions.can_see_exists(user, target):
        raise ApiError(400, _("Choose a community to move the thread to."), code="invalid_target")
    if not permissions.can_moderate(user, target):
        raise ApiError(403, _("Only moderators can do this."))
    from django.db import IntegrityError

    try:
        services.move_thread(thread, target, user)
    except IntegrityError:
        raise ApiError(
            409, _("That community already has a thread about this page."), code="thread_exists"
        ) from None
    return 200, _thread_summary(thread)


class InvitationIn(Schema):
    email: str = Field(max_length=254)


class InvitationOut(Schema):
    email: str
    expires_at: datetime


@router.post(
    "/{slug}/invitations/",
    response={201: InvitationOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Invite someone by e-mail (moderators)",
    description="The address gets a link that only the account with that confirmed address "
    "can accept (on the site). 400 `invalid_email`. " + MODERATORS_ONLY,
)
def invite(request, slug: str, payload: InvitationIn):
    user = request.auth
    community = _community(slug)
    if not permissions.can_invite(user, community):
        _refuse(user, community, _("Only moderators can do this."))
    from .forms import InvitationForm

    form = InvitationForm({"email": payload.email})
    if not form.is_valid():
        raise ApiError(400, _("Enter a valid e-mail address."), code="invalid_email")
    invitation = services.invite(request, community, user, form.cleaned_data["email"])
    return 201, {"email": invitation.email, "expires_at": invitation.expires_at}


# --- one community (last: "/{slug}/" would take the literal paths above) --------------------


def _viewer(user, community):
    if not user.is_authenticated:
        return None
    m = permissions.membership(user, community)
    return {
        "role": m.role if m else None,
        "status": m.status if m else None,
        "pending_request": services.pending_join_request(user, community) is not None,
        "following": Subscription.objects.filter(
            user=user, community=community, thread=None
        ).exists(),
        "can_read": permissions.can_read(user, community),
        "can_post": permissions.can_post(user, community),
        "can_join": permissions.can_join(user, community),
        "can_leave": permissions.can_leave(user, community),
        "can_moderate": permissions.can_moderate(user, community),
    }


@router.get(
    "/{slug}/",
    response=CommunityDetailOut,
    summary="One community, with what the signed-in reader is and may do there",
    description=LANG_HELP,
)
def get_community(request, slug: str, lang: str | None = None):
    language = _reader_language(lang)
    user = reader(request)
    community = _community(slug, "languages", "translations")
    if not permissions.can_see_exists(user, community):
        raise Http404
    return {**_community_out(community, language), "viewer": _viewer(user, community)}
