"""Write operations shared by the HTML views, the API and the demo. Callers check permissions
(communities.permissions) first; these functions keep the data consistent and log moderation."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.search import index

from . import markdown, permissions
from .accounts import send_invitation
from .models import (
    Attachment,
    Community,
    CommunityTranslation,
    EmailMode,
    Flag,
    Invitation,
    JoinRequest,
    Membership,
    ModerationLog,
    Notification,
    Post,
    PostRevision,
    Profile,
    Role,
    Status,
    Subscription,
    Thread,
    Visibility,
)
from .tasks import fan_out_post


def _fan_out(post, only_mentions=False):
    """Notify followers and mentioned readers in the background once the post is committed."""
    transaction.on_commit(
        lambda: fan_out_post.enqueue(post_id=post.pk, only_mentions=only_mentions)
    )


def _render_into(post):
    post.html, mentioned = markdown.render(post.body)
    return mentioned


def _after_save(post, mentioned):
    post.mentions.set(mentioned)
    post.linked_pages.set(markdown.linked_pages(post.html))
    reindex(post.thread)


def reindex(thread):
    """Refresh the thread's search entry (its text is its visible posts) after commit."""
    transaction.on_commit(lambda: index.insert_or_update_object(thread))


def follow(user, *, community=None, thread=None):
    if community is not None:
        Subscription.objects.get_or_create(user=user, community=community, thread=None)
    else:
        Subscription.objects.get_or_create(user=user, thread=thread, community=None)


def unfollow(user, *, community=None, thread=None):
    if community is not None:
        Subscription.objects.filter(user=user, community=community, thread=None).delete()
    else:
        Subscription.objects.filter(user=user, thread=thread, community=None).delete()


@transaction.atomic
def create_thread(community, author, title, body, attachments=(), subject_page=None, now=None):
    now = now or timezone.now()
    thread = Thread.objects.create(
        community=community,
        title=title,
        author=author,
        created_at=now,
        last_activity_at=now,
        subject_page=subject_page,
    )
    post = Post(thread=thread, author=author, body=body, is_opening=True, created_at=now)
    mentioned = _render_into(post)
    post.save()
    _after_save(post, mentioned)
    _attach(post, author, attachments)
    if author is not None:
        follow(author, thread=thread)
    _fan_out(post)
    return thread


@transaction.atomic
def create_reply(thread, author, body, attachments=(), now=None):
    now = now or timezone.now()
    post = Post(thread=thread, author=author, body=body, created_at=now)
    mentioned = _render_into(post)
    post.save()
    _after_save(post, mentioned)
    _attach(post, author, attachments)
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    if author is not None:
        follow(author, thread=thread)
    _fan_out(post)
    return post


def unattached_uploads(user, ids):
    """The user's own uploads among ``ids`` that no post carries yet (what ``_attach`` will
    attach): an attachment not yet on a post is its uploader's alone."""
    return list(Attachment.objects.filter(pk__in=list(ids), post__isnull=True, uploaded_by=user))


def _attach(post, user, attachments):
    ids = [a.pk for a in attachments if a is not None]
    if ids:
        Attachment.objects.filter(pk__in=ids, post__isnull=True, uploaded_by=user).update(post=post)


@transaction.atomic
def edit_post(post, editor, body, title=None):
    previously = set(post.mentions.values_list("pk", flat=True))
    PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
    post.body = body
    post.edited_at = timezone.now()
    mentioned = _render_into(post)
    post.save()
    _after_save(post, mentioned)
    if title and post.is_opening:
        Thread.objects.filter(pk=post.thread_id).update(title=title)
    if editor.pk != post.author_id:
        log(
            post.thread.community,
            editor,
            ModerationLog.Action.EDIT,
            post=post,
            thread=post.thread,
            target_user=post.author,
        )
    new_mentions = {u.pk for u in mentioned} - previously
    if new_mentions:
        _fan_out(post, only_mentions=True)
    return post


@transaction.atomic
def move_thread(thread, target, moderator):
    """Move a thread (IntegrityError if the target already discusses the same page); its
    notifications follow it, so e-mails and the inbox name the community it is in now."""
    source = thread.community
    thread.community = target
    thread.save(update_fields=["community"])
    Notification.objects.filter(thread=thread).update(community=target)
    detail = f"{source.slug} → {target.slug}"
    log(source, moderator, ModerationLog.Action.MOVE, thread=thread, detail=detail)
    log(target, moderator, ModerationLog.Action.MOVE, thread=thread, detail=detail)
    reindex(thread)


def log(community, actor, action, **fields):
    return ModerationLog.objects.create(community=community, actor=actor, action=action, **fields)


def join(user, community, role=Role.MEMBER):
    membership, created = Membership.objects.get_or_create(
        user=user, community=community, defaults={"role": role, "status": Status.ACTIVE}
    )
    permissions.forget(user)
    return membership, created


def leave(user, community):
    Membership.objects.filter(
        community=community,
        user=user,
        status=Status.ACTIVE,
        role__in=[Role.MEMBER, Role.MODERATOR],
    ).delete()
    unfollow(user, community=community)
    permissions.forget(user)


@transaction.atomic
def accept_invitation(invitation: Invitation, user):
    join(user, invitation.community, role=invitation.role)
    Membership.objects.filter(
        user=user, community=invitation.community, status=Status.PENDING
    ).update(status=Status.ACTIVE)
    permissions.forget(user)
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save()


@transaction.atomic
def decide_join_request(join_request: JoinRequest, moderator, approve):
    community = join_request.community
    Decision = JoinRequest.Decision
    join_request.status = Decision.APPROVED if approve else Decision.DECLINED
    join_request.decided_by, join_request.decided_at = moderator, timezone.now()
    join_request.save()
    if approve:
        join(join_request.user, community)
        Notification.objects.create(
            user=join_request.user,
            kind=Notification.Kind.JOINED,
            actor=moderator,
            community=community,
        )
    action = ModerationLog.Action.APPROVE if approve else ModerationLog.Action.DECLINE
    log(community, moderator, action, target_user=join_request.user)


def unsubscribe_everything(user):
    """The e-mail footer's one-click unsubscribe: no more e-mail, no more follows."""
    Profile.objects.update_or_create(user=user, defaults={"email_mode": EmailMode.OFF})
    Subscription.objects.filter(user=user).delete()


DEFAULT_DISCUSSION_SLUG = "resource-discussions"


def default_discussion_community(create=False):
    """The public community hosting "Discuss this resource" threads; with ``create``, made on
    first use (named in the site's default language) when editors have marked none."""
    community = Community.objects.filter(
        is_default_discussion=True, visibility=Visibility.PUBLIC
    ).first()
    if community is not None or not create:
        return community

    def texts():
        return gettext("Resource discussions"), gettext(
            "Questions and experiences about the portal's resources."
        )

    with translation.override(settings.LANGUAGE_CODE):
        name, description = texts()
        community, created = Community.objects.get_or_create(
            slug=DEFAULT_DISCUSSION_SLUG,
            defaults={
                "name": name,
                "language": settings.LANGUAGE_CODE,
                "visibility": Visibility.PUBLIC,
                "is_default_discussion": True,
                "description": description,
            },
        )
    if created:  # its name and description in every language the catalogue has them in
        for code, _label in settings.LANGUAGES:
            with translation.override(code):
                local_name, local_description = texts()
            if code != settings.LANGUAGE_CODE and local_name != name:
                CommunityTranslation.objects.get_or_create(
                    community=community,
                    language=code,
                    defaults={"name": local_name, "description": local_description},
                )
    # A community that took the slug for something else never hosts resource threads.
    return community if community.visibility == Visibility.PUBLIC else None


def discussion_about(community, author, page, page_url):
    """The community's thread about a portal page, started by ``author`` if there is none
    (a concurrent start ends with the other request's thread)."""
    body = gettext("Discussion about [%(title)s](%(url)s).") % {
        "title": page.title.replace("]", ""),
        "url": page_url,
    }
    try:
        with transaction.atomic():
            return create_thread(community, author, page.title[:200], body, subject_page=page)
    except IntegrityError:
        return Thread.objects.get(community=community, subject_page=page)


def notify_moderators_of_join_request(join_request):
    moderators = Membership.objects.filter(
        community=join_request.community, status=Status.ACTIVE
    ).filter(Q(role=Role.MODERATOR) | Q(role=Role.OWNER))
    Notification.objects.bulk_create(
        [
            Notification(
                user_id=m.user_id,
                kind=Notification.Kind.JOIN_REQUEST,
                actor=join_request.user,
                community=join_request.community,
            )
            for m in moderators
        ]
    )


# --- membership, moderation and inbox actions shared by the HTML views and the API -----------
# Callers ask communities.permissions first (join_refusal, can_moderate, can_suspend…).


class JoinOutcome:
    MEMBER = "member"  # joined at once (public community)
    REQUESTED = "requested"  # a join request waits for a moderator (members-only)
    ALREADY_REQUESTED = "already_requested"  # one was waiting already; nothing changed


def join_or_request(user, community, message=""):
    """Join a public community at once (and follow it), or ask to join a members-only one (the
    moderators are notified). Returns ``(JoinOutcome, membership or join request or None)``."""
    if permissions.joins_at_once(community):
        membership, _created = join(user, community)
        follow(user, community=community)
        return JoinOutcome.MEMBER, membership

    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                community=community, user=user, message=message
            )
    except IntegrityError:
        return JoinOutcome.ALREADY_REQUESTED, None
    notify_moderators_of_join_request(join_request)
    return JoinOutcome.REQUESTED, join_request


def pending_join_request(user, community):
    if not user.is_authenticated:
        return None
    return JoinRequest.objects.filter(
        community=community, user=user, status=JoinRequest.Decision.PENDING
    ).first()


@transaction.atomic
def cancel_join_request(join_request):
    """The asker withdraws a waiting request: it goes, and so do the moderators' notices of it
    (unless another request of theirs is still waiting, which the constraint rules out)."""
    Notification.objects.filter(
        kind=Notification.Kind.JOIN_REQUEST,
        actor=join_request.user,
        community=join_request.community,
        read_at__isnull=True,
    ).delete()
    join_request.delete()


THREAD_CHANGES = {
    "pin": ("pinned", True),
    "unpin": ("pinned", False),
    "lock": ("locked", True),
    "unlock": ("locked", False),
}


def change_thread(thread, moderator, action):
    """Pin, unpin, lock or unlock a thread (``action`` in THREAD_CHANGES), logged."""
    field, value = THREAD_CHANGES[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    log(thread.community, moderator, action, thread=thread)
    return thread


@transaction.atomic
def set_post_hidden(post, moderator, hide, reason=""):
    """Hide a post (with a reason; its open flags are resolved) or show it again, logged and
    reindexed. Hiding the opening post hides the thread (permissions.readable_threads)."""
    post.hidden = hide
    post.hidden_reason = reason if hide else ""
    post.save(update_fields=["hidden", "hidden_reason"])
    reindex(post.thread)
    log(
        post.thread.community,
        moderator,
        ModerationLog.Action.HIDE if hide else ModerationLog.Action.UNHIDE,
        post=post,
        thread=post.thread,
        target_user=post.author,
        detail=reason,
    )
    if hide:
        Flag.objects.filter(post=post, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=moderator
        )
    return post


def has_open_flag(user, post):
    return Flag.objects.filter(post=post, user=user, resolved_at__isnull=True).exists()


def flag_post(post, user, reason, detail=""):
    """Flag a post for the moderators: one flag per user and post. A flag the moderators
    resolved is opened again with the new reason; an open one is updated."""
    flag, _created = Flag.objects.update_or_create(
        post=post,
        user=user,
        defaults={"reason": reason, "detail": detail, "resolved_at": None, "resolved_by": None},
    )
    return flag


@transaction.atomic
def resolve_flags(post, moderator):
    """Resolve every open flag on the post (the queue shows a post once), logged."""
    Flag.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )
    log(
        post.thread.community,
        moderator,
        ModerationLog.Action.RESOLVE_FLAG,
        post=post,
        thread=post.thread,
    )


def set_suspended(membership, moderator, suspend):
    """Suspend a member (they keep their posts but read and write nothing) or reinstate them."""
    membership.status = Status.SUSPENDED if suspend else Status.ACTIVE
    membership.save(update_fields=["status"])
    permissions.forget(membership.user)
    log(
        membership.community,
        moderator,
        ModerationLog.Action.SUSPEND if suspend else ModerationLog.Action.REINSTATE,
        target_user=membership.user,
    )
    return membership


def mark_read(notifications):
    """Mark these notifications (a queryset, already limited to what the reader may read)
    read; returns how many were unread."""
    return notifications.filter(read_at__isnull=True).update(read_at=timezone.now())


def invite(request, community, inviter, email):
    """Invite an address to the community (an e-mail with the invitation link), logged. Only
    the account whose confirmed address it is may accept (permissions.invitation_refusal)."""
    invitation = Invitation.objects.create(community=community, email=email, invited_by=inviter)
    send_invitation(request, invitation)
    log(community, inviter, ModerationLog.Action.INVITE, detail=invitation.email)
    return invitation
