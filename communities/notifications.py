"""Who hears about a new post, and the e-mails that tell them. Recipients are checked against
communities.permissions when a notification is made and again when it is e-mailed (immediately
or in the digest): a thread moved or hidden in between is never mentioned to someone who can no
longer read it. The inbox and the unread count apply the same rule when listed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

UNSUBSCRIBE_SALT = "communities.unsubscribe"


def unsubscribe_token(user):
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=60 * 60 * 24 * 365)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=data.get("u")).first()


def absolute(url):
    return settings.SITE_BASE_URL.rstrip("/") + url


def notify_new_post(post_id, only_mentions=False):
    """Create in-app notifications for a new (or newly-mentioning) post, then queue e-mails."""
    from . import permissions
    from .models import Notification, Post, Subscription

    post = (
        Post.objects.select_related("thread__community", "author")
        .filter(pk=post_id, hidden=False)
        .first()
    )
    if post is None:
        return []
    thread, community = post.thread, post.thread.community
    kinds = {}
    for user in post.mentions.all():
        kinds[user.pk] = (user, Notification.Kind.MENTION)
    if not only_mentions:
        followers = Subscription.objects.select_related("user")
        if post.is_opening:
            followers = followers.filter(community=community)
            kind = Notification.Kind.THREAD
        else:
            followers = followers.filter(thread=thread)
            kind = Notification.Kind.REPLY
        for sub in followers:
            kinds.setdefault(sub.user_id, (sub.user, kind))
    created = []
    for user, kind in kinds.values():
        if user.pk == post.author_id or not user.is_active:
            continue
        if not permissions.can_read_thread(user, thread) or permissions.is_suspended(
            user, community
        ):
            continue
        _n, made = Notification.objects.get_or_create(
            user=user,
            post=post,
            defaults={"kind": kind, "actor": post.author, "community": community, "thread": thread},
        )
        if made:
            created.append(_n.pk)
    if created:
        from .tasks import send_immediate_notifications

        send_immediate_notifications.enqueue(notification_ids=created)
    return created


def _language(user):
    profile_language = getattr(getattr(user, "community_profile", None), "language_list", [])
    return profile_language[0] if profile_language else settings.LANGUAGE_CODE


def _send(user, subject, template, context):
    language = _language(user)
    with translation.override(language):
        token = unsubscribe_token(user)
        unsubscribe_url = absolute(reverse("communities:unsubscribe", kwargs={"token": token}))
        context = {
            **context,
            "user": user,
            "unsubscribe_url": unsubscribe_url,
            "site_url": settings.SITE_BASE_URL,
        }
        text = render_to_string(f"communities/email/{template}.txt", context)
        html = render_to_string(f"communities/email/{template}.html", context)
        message = EmailMultiAlternatives(
            subject=str(subject),
            body=text,
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(html, "text/html")
        message.send()


def _email_mode(user):
    from .models import EmailMode

    profile = getattr(user, "community_profile", None)
    return profile.email_mode if profile else EmailMode.IMMEDIATE


def send_immediate(notification_ids):
    from . import permissions
    from .models import EmailMode, Notification

    sent = 0
    notifications = Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("user__community_profile", "post__author", "thread__community", "actor")
    notifications = notifications.prefetch_related("community__translations")
    for n in notifications:
        if not n.user.email or _email_mode(n.user) != EmailMode.IMMEDIATE:
            continue
        if not permissions.readable_notifications(n.user).filter(pk=n.pk).exists():
            continue
        with translation.override(settings.LANGUAGE_CODE):
            community = n.community.localized(_language(n.user)).name
            subject = f"[{community}] {n.thread.title if n.thread else n.get_kind_display()}"
        _send(
            n.user,
            subject,
            "notification",
            {"notification": n, "url": absolute(n.get_absolute_url())},
        )
        n.emailed_at = timezone.now()
        n.save(update_fields=["emailed_at"])
        sent += 1
    return sent


def send_digests(now=None):
    """One e-mail per daily-digest reader listing notifications not yet e-mailed."""
    from . import permissions
    from .models import EmailMode, Notification

    now = now or timezone.now()
    pending = (
        Notification.objects.filter(
            emailed_at__isnull=True,
            user__community_profile__email_mode=EmailMode.DAILY,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user", "post", "thread__community", "actor", "community")
        .prefetch_related("community__translations")
        .order_by("user_id", "created_at")
    )
    by_user = {}
    for n in pending:
        by_user.setdefault(n.user_id, (n.user, []))[1].append(n)
    sent = 0
    for user, items in by_user.values():
        readable_ids = set(
            permissions.readable_notifications(user)
            .filter(pk__in=[n.pk for n in items])
            .values_list("pk", flat=True)
        )
        readable = [n for n in items if n.pk in readable_ids]
        if readable:
            subject = translation.gettext("Your daily community digest")
            _send(
                user,
                subject,
                "digest",
                {"items": [(n, absolute(n.get_absolute_url())) for n in readable]},
            )
            sent += 1
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
    return sent
