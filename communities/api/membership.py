"""Joining, leaving, join requests and following."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router

from portal.api_auth import signed_in
from portal.api_errors import ApiError, ErrorOut

from .. import permissions, services
from ..models import Role, Thread
from .common import _community, _refuse
from .schemas import FollowOut, JoinIn, JoinOut

router = Router()


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
