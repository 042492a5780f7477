"""Moderation, for a community's moderators and editors: flags, hiding, pinning and locking,
join requests, members, the log, post history, moving threads, invitations."""

from django.db import IntegrityError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router

from portal.api_auth import signed_in
from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import Paged, PageParams, page_of

from .. import permissions, services
from ..forms import InvitationForm
from ..models import Community, Flag, JoinRequest, Thread
from .common import _author, _community, _post, _post_out, _posts_out, _refuse, _thread_summary
from .schemas import (
    DecisionIn,
    FlagQueueOut,
    HideIn,
    InvitationIn,
    InvitationOut,
    JoinRequestOut,
    LogOut,
    MemberOut,
    MoveIn,
    PostOut,
    RevisionOut,
    ThreadModerationIn,
    ThreadSummaryOut,
)

router = Router()


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

    try:
        services.move_thread(thread, target, user)
    except IntegrityError:
        raise ApiError(
            409, _("That community already has a thread about this page."), code="thread_exists"
        ) from None
    return 200, _thread_summary(thread)


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

    form = InvitationForm({"email": payload.email})
    if not form.is_valid():
        raise ApiError(400, _("Enter a valid e-mail address."), code="invalid_email")
    invitation = services.invite(request, community, user, form.cleaned_data["email"])
    return 201, {"email": invitation.email, "expires_at": invitation.expires_at}
