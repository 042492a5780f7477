"""Public pages of the communities: lists, landing pages, threads, posting, moderation and
notifications. Every permission question goes to communities.permissions."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import attachments, permissions, services
from .forms import (
    EditPostForm,
    FlagForm,
    HideForm,
    InvitationForm,
    JoinRequestForm,
    MoveForm,
    PostForm,
    ThreadForm,
)
from .models import (
    Attachment,
    Community,
    Flag,
    Invitation,
    JoinRequest,
    Membership,
    ModerationLog,
    Notification,
    Post,
    Role,
    Status,
    Subscription,
    Thread,
    Visibility,
)
from .notifications import user_from_unsubscribe_token
from .ratelimits import posting_limited

POSTS_PER_PAGE = 100
THREADS_PER_PAGE = 30
Action = ModerationLog.Action


def login_url():
    return reverse("accounts:login")


def deny(request, community):
    """Refuse without revealing what the reader may not know exists."""
    if not permissions.can_see_exists(request.user, community):
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    raise PermissionDenied


def _community(slug):
    return get_object_or_404(Community, slug=slug)


def _thread(slug, pk):
    return get_object_or_404(
        Thread.objects.select_related("community"), pk=pk, community__slug=slug
    )


def _post(pk):
    return get_object_or_404(Post.objects.select_related("thread__community", "author"), pk=pk)


def _too_many(request, template, context):
    messages.error(request, _("You are posting too quickly. Please wait a few minutes."))
    return render(request, template, context, status=429)


def community_list(request):
    communities = (
        permissions.visible_communities(request.user)
        .annotate(thread_total=Count("threads", distinct=True))
        .prefetch_related("languages")
        .order_by("name")
    )
    mine = set()
    if request.user.is_authenticated:
        mine = set(
            Membership.objects.filter(user=request.user, status=Status.ACTIVE).values_list(
                "community_id", flat=True
            )
        )
    return render(
        request, "communities/community_list.html", {"communities": communities, "mine": mine}
    )


def community_detail(request, slug):
    community = _community(slug)
    user = request.user
    if not permissions.can_see_exists(user, community):
        raise Http404
    can_read = permissions.can_read(user, community)
    threads = None
    if can_read:
        qs = community.threads.select_related("author__community_profile")
        q = request.GET.get("q", "").strip()[:200]
        if q:
            qs = qs.filter(Q(title__icontains=q) | Q(posts__body__icontains=q)).distinct()
        threads = Paginator(qs, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    membership = permissions.membership(user, community)
    pending = (
        user.is_authenticated
        and JoinRequest.objects.filter(
            community=community, user=user, status=JoinRequest.Decision.PENDING
        ).exists()
    )
    following = (
        user.is_authenticated
        and Subscription.objects.filter(user=user, community=community).exists()
    )
    return render(
        request,
        "communities/community_detail.html",
        {
            "community": community,
            "threads": threads,
            "can_read": can_read,
            "membership": membership,
            "pending_request": pending,
            "following": following,
            "can_post": permissions.can_post(user, community),
            "can_join": user.is_authenticated and permissions.can_join(user, community),
            "can_moderate": permissions.can_moderate(user, community),
            "join_form": JoinRequestForm(),
            "query": request.GET.get("q", ""),
        },
    )


@require_POST
def join(request, slug):
    community = _community(slug)
    if not request.user.is_authenticated:
        if not permissions.can_see_exists(request.user, community):
            raise Http404
        return redirect_to_login(community.get_absolute_url(), login_url())
    if not permissions.can_see_exists(request.user, community):
        raise Http404
    if not permissions.can_join(request.user, community):
        if permissions.is_suspended(request.user, community):
            raise PermissionDenied
        messages.info(request, _("You are already a member or have asked to join."))
        return redirect(community)
    if community.visibility == Visibility.PUBLIC:
        services.join(request.user, community)
        services.follow(request.user, community=community)
        messages.success(
            request, _("Welcome! You are now a member of %(name)s.") % {"name": community.name}
        )
        return redirect(community)
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your message is too long."))
        return redirect(community)
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                community=community, user=request.user, message=form.cleaned_data["message"]
            )
    except IntegrityError:
        messages.info(request, _("Your request is already waiting for a moderator."))
        return redirect(community)
    services.notify_moderators_of_join_request(join_request)
    messages.success(request, _("Your request has been sent to the moderators."))
    return redirect(community)


@require_POST
def leave(request, slug):
    community = _community(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(community.get_absolute_url(), login_url())
    Membership.objects.filter(
        community=community,
        user=request.user,
        status=Status.ACTIVE,
        role__in=[Role.MEMBER, Role.MODERATOR],
    ).delete()
    services.unfollow(request.user, community=community)
    messages.success(request, _("You have left %(name)s.") % {"name": community.name})
    if not permissions.can_see_exists(request.user, community):
        return redirect("communities:list")
    return redirect(community)


@require_POST
def follow_community(request, slug):
    community = _community(slug)
    if not request.user.is_authenticated or not permissions.can_read(request.user, community):
        return deny(request, community)
    if request.POST.get("follow") == "0":
        services.unfollow(request.user, community=community)
    else:
        services.follow(request.user, community=community)
    return redirect(community)


@require_POST
def follow_thread(request, slug, pk):
    thread = _thread(slug, pk)
    if not request.user.is_authenticated or not permissions.can_read(
        request.user, thread.community
    ):
        return deny(request, thread.community)
    if request.POST.get("follow") == "0":
        services.unfollow(request.user, thread=thread)
    else:
        services.follow(request.user, thread=thread)
    return redirect(thread)


def _store_attachment(form, user):
    upload = form.cleaned_data.get("attachment")
    return [attachments.store(upload, user)] if upload else []


def new_thread(request, slug):
    community = _community(slug)
    if not permissions.can_post(request.user, community):
        return deny(request, community)
    form = ThreadForm(request.POST or None, request.FILES or None)
    context = {"community": community, "form": form}
    if request.method == "POST":
        if posting_limited(request):
            return _too_many(request, "communities/thread_form.html", context)
        if form.is_valid():
            thread = services.create_thread(
                community,
                request.user,
                form.cleaned_data["title"],
                form.cleaned_data["body"],
                attachments=_store_attachment(form, request.user),
            )
            return redirect(thread)
        return render(request, "communities/thread_form.html", context, status=400)
    return render(request, "communities/thread_form.html", context)


def _quote(post):
    name = post.author.get_username() if post.author else _("someone")
    quoted = "\n".join(f"> {line}" for line in post.body.splitlines())
    return f"@{name} {_('wrote:')}\n{quoted}\n\n"


def thread_detail(request, slug, pk):
    thread = _thread(slug, pk)
    community = thread.community
    user = request.user
    if not permissions.can_read(user, community):
        return deny(request, community)
    moderator = permissions.can_moderate(user, community)
    can_post = permissions.can_post(user, community)
    posts = thread.posts.select_related("author__community_profile").prefetch_related(
        "attachments",
        Prefetch(
            "linked_pages",
            queryset=Page.objects.live().only(
                "id",
                "title",
                "url_path",
                "search_description",
                "locale_id",
                "depth",
                "path",
                "content_type_id",
            ),
        ),
    )
    if not moderator:
        posts = posts.filter(
            Q(hidden=False) | Q(author_id=user.pk) if user.is_authenticated else Q(hidden=False)
        )
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    for post in page.object_list:
        post.can_edit = moderator or (post.author_id == user.pk and can_post and not post.hidden)
        post.can_flag = user.is_authenticated and post.author_id != user.pk
    initial = {}
    quote_id = request.GET.get("quote", "")
    if quote_id.isdigit():
        quoted = (
            thread.posts.filter(pk=int(quote_id), hidden=False).select_related("author").first()
        )
        if quoted is not None:
            initial["body"] = _quote(quoted)
    following = (
        user.is_authenticated and Subscription.objects.filter(user=user, thread=thread).exists()
    )
    return render(
        request,
        "communities/thread_detail.html",
        {
            "community": community,
            "thread": thread,
            "posts": page,
            "moderator": moderator,
            "can_reply": permissions.can_reply(user, thread),
            "following": following,
            "form": PostForm(initial=initial),
            "flag_form": FlagForm(),
            "move_form": MoveForm(communities=Community.objects.exclude(pk=community.pk))
            if moderator
            else None,
        },
    )


def reply(request, slug, pk):
    thread = _thread(slug, pk)
    if not permissions.can_reply(request.user, thread):
        if permissions.can_post(request.user, thread.community) and thread.locked:
            messages.error(request, _("This thread is locked."))
            raise PermissionDenied
        return deny(request, thread.community)
    if request.method != "POST":
        return redirect(thread)
    form = PostForm(request.POST, request.FILES)
    context = {"community": thread.community, "thread": thread, "form": form}
    if posting_limited(request):
        return _too_many(request, "communities/reply_form.html", context)
    if not form.is_valid():
        return render(request, "communities/reply_form.html", context, status=400)
    post = services.create_reply(
        thread,
        request.user,
        form.cleaned_data["body"],
        attachments=_store_attachment(form, request.user),
    )
    last_page = (thread.posts.filter(hidden=False).count() - 1) // POSTS_PER_PAGE + 1
    url = thread.get_absolute_url() + (f"?page={last_page}" if last_page > 1 else "")
    return HttpResponseRedirect(f"{url}#post-{post.pk}")


def edit_post(request, pk):
    post = _post(pk)
    community = post.thread.community
    if not permissions.can_read(request.user, community):
        return deny(request, community)
    if not permissions.can_edit_post(request.user, post):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url())
        raise PermissionDenied
    initial = {"body": post.body, "title": post.thread.title}
    form = EditPostForm(request.POST or None, initial=initial)
    context = {"community": community, "post": post, "thread": post.thread, "form": form}
    if request.method == "POST":
        if posting_limited(request):
            return _too_many(request, "communities/edit_form.html", context)
        if form.is_valid():
            services.edit_post(
                post,
                request.user,
                form.cleaned_data["body"].strip(),
                title=form.cleaned_data.get("title", "").strip(),
            )
            return redirect(post.get_absolute_url())
        return render(request, "communities/edit_form.html", context, status=400)
    return render(request, "communities/edit_form.html", context)


def post_history(request, pk):
    post = _post(pk)
    if not permissions.can_moderate(request.user, post.thread.community):
        return deny(request, post.thread.community)
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


def _require_moderator(request, community):
    if not permissions.can_moderate(request.user, community):
        return deny(request, community)
    return None


@require_POST
def moderate_thread(request, slug, pk, action):
    thread = _thread(slug, pk)
    if refused := _require_moderator(request, thread.community):
        return refused
    changes = {
        "pin": ("pinned", True),
        "unpin": ("pinned", False),
        "lock": ("locked", True),
        "unlock": ("locked", False),
    }
    if action not in changes:
        raise Http404
    field, value = changes[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    services.log(thread.community, request.user, action, thread=thread)
    messages.success(request, _("Done."))
    return redirect(thread)


@require_POST
def move_thread(request, slug, pk):
    thread = _thread(slug, pk)
    source = thread.community
    if refused := _require_moderator(request, source):
        return refused
    targets = Community.objects.exclude(pk=source.pk)
    form = MoveForm(request.POST, communities=targets)
    if not form.is_valid():
        messages.error(request, _("Choose a community to move the thread to."))
        return redirect(thread)
    target = form.cleaned_data["community"]
    if not permissions.can_moderate(request.user, target):
        raise PermissionDenied
    thread.community = target
    try:
        with transaction.atomic():
            thread.save(update_fields=["community"])
    except IntegrityError:
        messages.error(request, _("That community already has a thread about this page."))
        return redirect(_thread(slug, pk))
    detail = f"{source.slug} → {target.slug}"
    services.log(source, request.user, Action.MOVE, thread=thread, detail=detail)
    services.log(target, request.user, Action.MOVE, thread=thread, detail=detail)
    messages.success(request, _("Thread moved to %(name)s.") % {"name": target.name})
    return redirect(thread)


@require_POST
def hide_post(request, pk, hide=True):
    post = _post(pk)
    community = post.thread.community
    if refused := _require_moderator(request, community):
        return refused
    form = HideForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    post.hidden = hide
    post.hidden_reason = reason if hide else ""
    post.save(update_fields=["hidden", "hidden_reason"])
    services.reindex(post.thread)
    services.log(
        community,
        request.user,
        Action.HIDE if hide else Action.UNHIDE,
        post=post,
        thread=post.thread,
        target_user=post.author,
        detail=reason,
    )
    if hide:
        Flag.objects.filter(post=post, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=request.user
        )
    return redirect(post.get_absolute_url())


@require_POST
def flag_post(request, pk):
    post = _post(pk)
    community = post.thread.community
    if not permissions.can_read(request.user, community) or not permissions.can_see_post(
        request.user, post
    ):
        return deny(request, community)
    if not permissions.can_flag(request.user, post):
        if not request.user.is_authenticated:
            return redirect_to_login(post.get_absolute_url(), login_url())
        raise PermissionDenied
    form = FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reason for the flag."))
        return render(
            request,
            "communities/flag_form.html",
            {"form": form, "post": post, "community": community},
            status=400,
        )
    Flag.objects.update_or_create(
        post=post,
        user=request.user,
        defaults={
            "reason": form.cleaned_data["reason"],
            "detail": form.cleaned_data["detail"],
            "resolved_at": None,
            "resolved_by": None,
        },
    )
    messages.success(request, _("Thank you. The moderators will look at this post."))
    return redirect(post.get_absolute_url())


def moderation_queue(request, slug):
    community = _community(slug)
    if refused := _require_moderator(request, community):
        return refused
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
def resolve_flag(request, pk):
    flag = get_object_or_404(Flag.objects.select_related("post__thread__community"), pk=pk)
    community = flag.post.thread.community
    if refused := _require_moderator(request, community):
        return refused
    Flag.objects.filter(post=flag.post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=request.user
    )
    services.log(
        community, request.user, Action.RESOLVE_FLAG, post=flag.post, thread=flag.post.thread
    )
    return redirect("communities:moderation", slug=community.slug)


@require_POST
def decide_join_request(request, slug, pk, decision):
    community = _community(slug)
    if refused := _require_moderator(request, community):
        return refused
    join_request = get_object_or_404(
        community.join_requests, pk=pk, status=JoinRequest.Decision.PENDING
    )
    if decision not in ("approve", "decline"):
        raise Http404
    join_request.status = (
        JoinRequest.Decision.APPROVED if decision == "approve" else JoinRequest.Decision.DECLINED
    )
    join_request.decided_by, join_request.decided_at = request.user, timezone.now()
    join_request.save()
    if decision == "approve":
        services.join(join_request.user, community)
        Notification.objects.create(
            user=join_request.user,
            kind=Notification.Kind.JOINED,
            actor=request.user,
            community=community,
        )
    services.log(community, request.user, decision, target_user=join_request.user)
    return redirect("communities:moderation", slug=community.slug)


@require_POST
def suspend_member(request, slug, user_id, suspend=True):
    community = _community(slug)
    if refused := _require_moderator(request, community):
        return refused
    membership = get_object_or_404(community.memberships, user_id=user_id)
    if membership.user_id == request.user.pk or (
        membership.role == Role.OWNER and not permissions.is_editor(request.user)
    ):
        raise PermissionDenied
    membership.status = Status.SUSPENDED if suspend else Status.ACTIVE
    membership.save(update_fields=["status"])
    services.log(
        community,
        request.user,
        Action.SUSPEND if suspend else Action.REINSTATE,
        target_user=membership.user,
    )
    messages.success(request, _("Membership updated."))
    return redirect("communities:moderation", slug=community.slug)


@require_POST
def invite(request, slug):
    community = _community(slug)
    if refused := _require_moderator(request, community):
        return refused
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect("communities:moderation", slug=community.slug)
    invitation = Invitation.objects.create(
        community=community, email=form.cleaned_data["email"], invited_by=request.user
    )
    from .accounts import send_invitation

    send_invitation(request, invitation)
    services.log(community, request.user, Action.INVITE, detail=invitation.email)
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
    return redirect("communities:moderation", slug=community.slug)


def accept_invitation(request, token):
    invitation = Invitation.objects.select_related("community").filter(token=token).first()
    if invitation is None or not invitation.is_usable():
        return render(request, "communities/invitation.html", {"invalid": True}, status=404)
    if not request.user.is_authenticated:
        request.session["community_invitation"] = token
        return render(request, "communities/invitation.html", {"invitation": invitation})
    if request.method == "POST":
        services.join(request.user, invitation.community, role=invitation.role)
        Membership.objects.filter(
            user=request.user, community=invitation.community, status=Status.PENDING
        ).update(status=Status.ACTIVE)
        invitation.accepted_at, invitation.accepted_by = timezone.now(), request.user
        invitation.save()
        request.session.pop("community_invitation", None)
        messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.community.name})
        return redirect(invitation.community)
    return render(request, "communities/invitation.html", {"invitation": invitation})


def serve_attachment(request, pk, token):
    attachment = get_object_or_404(
        Attachment.objects.select_related("post__thread__community"), pk=pk, token=token
    )
    post = attachment.post
    if post is None:
        if attachment.uploaded_by_id != request.user.pk or not request.user.is_authenticated:
            raise Http404
    else:
        community = post.thread.community
        if not permissions.can_read(request.user, community):
            return deny(request, community)
        if not permissions.can_see_post(request.user, post):
            raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing.") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def person(request, username):
    User = get_user_model()
    user = get_object_or_404(
        User.objects.select_related("community_profile"),
        **{User.USERNAME_FIELD: username, "is_active": True},
    )
    return render(request, "communities/person.html", {"person": user})


def notification_list(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    notes = request.user.community_notifications.select_related(
        "actor", "community", "thread", "post__thread__community"
    )
    if request.method == "POST":
        notes.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("communities:notifications")
    page = Paginator(notes, 50).get_page(request.GET.get("page"))
    return render(request, "communities/notifications.html", {"notifications": page})


def unsubscribe(request, token):
    from .models import EmailMode, Profile

    user = user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "communities/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        profile, _created = Profile.objects.get_or_create(user=user)
        profile.email_mode = EmailMode.OFF
        profile.save(update_fields=["email_mode"])
        Subscription.objects.filter(user=user).delete()
        return render(request, "communities/unsubscribe.html", {"done": True})
    return render(request, "communities/unsubscribe.html", {"token": token})


def discuss(request):
    """Find (or, for a signed-in reader, create) the thread about a portal page."""
    raw = request.GET.get("page", "")
    if not raw.isdigit():
        return HttpResponse(
            _("Give the page to discuss as ?page=<id>."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    page = Page.objects.live().public().filter(pk=int(raw), depth__gt=1).first()
    if page is None:
        raise Http404
    community = default_discussion_community()
    thread = Thread.objects.filter(community=community, subject_page=page).first()
    if thread is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url())
        specific = page.specific
        url = specific.get_full_url(request) or ""
        body = _("Discussion about [%(title)s](%(url)s).") % {
            "title": specific.title.replace("]", ""),
            "url": url,
        }
        try:
            thread = services.create_thread(
                community, request.user, specific.title[:200], body, subject_page=page
            )
        except IntegrityError:
            thread = Thread.objects.get(community=community, subject_page=page)
    return redirect(thread)


def default_discussion_community():
    community = Community.objects.filter(
        is_default_discussion=True, visibility=Visibility.PUBLIC
    ).first()
    if community is None:
        community, _created = Community.objects.get_or_create(
            slug="resource-discussions",
            defaults={
                "name": "Resource discussions",
                "visibility": Visibility.PUBLIC,
                "is_default_discussion": True,
                "description": "Questions and experiences about the portal's resources.",
            },
        )
    return community
