"""Belonging: join or ask to join, leave, follow, invitations, join requests, suspensions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..accounts import send_verification
from ..forms import InvitationForm, JoinRequestForm
from ..models import Invitation, JoinRequest, ModerationLog
from ..ratelimits import confirmation_mail_limited
from .guards import community_view, thread_view

Action = ModerationLog.Action


@require_POST
@community_view(permissions.can_see_exists, signed_in=True)
def join(request, community):
    if not permissions.can_join(request.user, community):
        if permissions.is_suspended(request.user, community):
            raise PermissionDenied
        messages.info(request, _("You are already a member or have asked to join."))
        return redirect(community)
    form = JoinRequestForm(request.POST)
    if not permissions.joins_at_once(community) and not form.is_valid():
        messages.error(request, _("Your message is too long."))
        return redirect(community)
    message = form.cleaned_data.get("message", "") if form.is_valid() else ""
    outcome, _made = services.join_or_request(request.user, community, message)
    if outcome == services.JoinOutcome.MEMBER:
        messages.success(
            request,
            _("Welcome! You are now a member of %(name)s.") % {"name": community.local.name},
        )
    elif outcome == services.JoinOutcome.ALREADY_REQUESTED:
        messages.info(request, _("Your request is already waiting for a moderator."))
    else:
        messages.success(request, _("Your request has been sent to the moderators."))
    return redirect(community)


@require_POST
@community_view(permissions.can_see_exists, signed_in=True)
def leave(request, community):
    if not permissions.can_leave(request.user, community):
        raise PermissionDenied
    services.leave(request.user, community)
    messages.success(request, _("You have left %(name)s.") % {"name": community.local.name})
    if not permissions.can_see_exists(request.user, community):
        return redirect("communities:list")
    return redirect(community)


@require_POST
@community_view(permissions.can_read, signed_in=True)
def follow_community(request, community):
    if request.POST.get("follow") == "0":
        services.unfollow(request.user, community=community)
    else:
        services.follow(request.user, community=community)
    return redirect(community)


@require_POST
@thread_view(permissions.can_read_thread, signed_in=True)
def follow_thread(request, thread):
    if request.POST.get("follow") == "0":
        services.unfollow(request.user, thread=thread)
    else:
        services.follow(request.user, thread=thread)
    return redirect(thread)


@require_POST
@community_view(permissions.can_moderate)
def decide_join_request(request, community, pk, decision):
    join_request = get_object_or_404(
        community.join_requests, pk=pk, status=JoinRequest.Decision.PENDING
    )
    if decision not in ("approve", "decline"):
        raise Http404
    services.decide_join_request(join_request, request.user, approve=decision == "approve")
    return redirect("communities:moderation", slug=community.slug)


@require_POST
@community_view(permissions.can_moderate)
def suspend_member(request, community, user_id, suspend=True):
    membership = get_object_or_404(
        community.memberships.select_related("community"), user_id=user_id
    )
    if not permissions.can_suspend(request.user, membership):
        raise PermissionDenied
    services.set_suspended(membership, request.user, suspend)
    messages.success(request, _("Membership updated."))
    return redirect("communities:moderation", slug=community.slug)


@require_POST
@community_view(permissions.can_invite)
def invite(request, community):
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect("communities:moderation", slug=community.slug)
    invitation = services.invite(request, community, request.user, form.cleaned_data["email"])
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
    return redirect("communities:moderation", slug=community.slug)


def _invitation_page(request, status=200, **context):
    return render(request, "communities/invitation.html", context, status=status)


def accept_invitation(request, token):
    """Only the account whose confirmed address is the invited one may accept; anyone else
    holding the link is refused (403) and the invitation stays usable."""
    invitation = Invitation.objects.select_related("community").filter(token=token).first()
    if invitation is None or not invitation.is_usable():
        return _invitation_page(request, 404, invalid=True)
    user = request.user
    if not user.is_authenticated:
        return _invitation_page(request, invitation=invitation)
    refusal = permissions.invitation_refusal(user, invitation)
    if refusal == permissions.InvitationRefusal.UNCONFIRMED and request.POST.get(
        "send_confirmation"
    ):
        if confirmation_mail_limited(request):
            return _invitation_page(
                request, 429, invitation=invitation, refusal=refusal, limited=True
            )
        send_verification(request, user)
        # After confirming, logging in brings the reader back here (accounts.LoginView).
        request.session["community_invitation"] = token
        return _invitation_page(request, invitation=invitation, sent=True)
    if refusal is not None:
        return _invitation_page(request, 403, invitation=invitation, refusal=refusal)
    if request.method == "POST":
        services.accept_invitation(invitation, user)
        request.session.pop("community_invitation", None)
        messages.success(
            request, _("Welcome to %(name)s.") % {"name": invitation.community.local.name}
        )
        return redirect(invitation.community)
    return _invitation_page(request, invitation=invitation)
