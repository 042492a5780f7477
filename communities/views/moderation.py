"""Moderating content: pin, lock, move, hide; flags and the moderation queue; edit history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..forms import FlagForm, HideForm, InvitationForm, MoveForm
from ..models import Community, Flag, JoinRequest, ModerationLog
from .guards import community_view, flag_view, post_view, thread_view

Action = ModerationLog.Action


@post_view(permissions.can_moderate, of_community=True)
def post_history(request, post):
    return render(
        request,
        "communities/post_history.html",
        {
            "post": post,
            "thread": post.thread,
            "community": post.thread.community,
            "revisions": post.revisions.select_related("edited_by"),
        },
    )


@require_POST
@thread_view(permissions.can_moderate, of_community=True)
def moderate_thread(request, thread, action):
    if action not in services.THREAD_CHANGES:
        raise Http404
    services.change_thread(thread, request.user, action)
    messages.success(request, _("Done."))
    return redirect(thread)


@require_POST
@thread_view(permissions.can_moderate, of_community=True)
def move_thread(request, thread):
    source = thread.community
    form = MoveForm(request.POST, communities=Community.objects.exclude(pk=source.pk))
    if not form.is_valid():
        messages.error(request, _("Choose a community to move the thread to."))
        return redirect(thread)
    target = form.cleaned_data["community"]
    if not permissions.can_moderate(request.user, target):
        raise PermissionDenied
    try:
        services.move_thread(thread, target, request.user)
    except IntegrityError:
        messages.error(request, _("That community already has a thread about this page."))
        thread.community = source
        return redirect(thread)
    messages.success(request, _("Thread moved to %(name)s.") % {"name": target.local.name})
    return redirect(thread)


@require_POST
@post_view(permissions.can_moderate, of_community=True)
def hide_post(request, post, hide=True):
    form = HideForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.set_post_hidden(post, request.user, hide, reason)
    return redirect(post.get_absolute_url())


@require_POST
@post_view(permissions.can_flag)
def flag_post(request, post):
    form = FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reason for the flag."))
        return render(
            request,
            "communities/flag_form.html",
            {"form": form, "post": post, "community": post.thread.community},
            status=400,
        )
    services.flag_post(post, request.user, form.cleaned_data["reason"], form.cleaned_data["detail"])
    messages.success(request, _("Thank you. The moderators will look at this post."))
    return redirect(post.get_absolute_url())


@community_view(permissions.can_moderate)
def moderation_queue(request, community):
    flags = Flag.objects.filter(
        post__thread__community=community, resolved_at__isnull=True
    ).select_related("post__thread", "post__author", "user")
    join_requests = community.join_requests.filter(
        status=JoinRequest.Decision.PENDING
    ).select_related("user")
    log = community.log.select_related("actor", "target_user", "thread")[:100]
    return render(
        request,
        "communities/moderation.html",
        {
            "community": community,
            "flags": flags,
            "join_requests": join_requests,
            "log": log,
            "invite_form": InvitationForm(),
            "members": community.memberships.select_related("user").order_by("status", "role"),
        },
    )


@require_POST
@flag_view(permissions.can_moderate, of_community=True)
def resolve_flag(request, flag):
    community = flag.post.thread.community
    services.resolve_flags(flag.post, request.user)
    return redirect("communities:moderation", slug=community.slug)
