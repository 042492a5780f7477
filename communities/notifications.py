"""Who hears about a new post, and the e-mails that tell them. Recipients are checked against
communities.permissions when a notification is made and again when it is e-mailed (immediately
or in the digest): a thread moved or hidden in between is never mentioned to someone who can no
longer read it. The inbox and the unread count apply the same rule when listed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import permissions, tasks  # tasks, a module: it imports this one
from .models import EmailMode, Notification, Post, Subscription

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


FAN_OUT_BATCH = 1000


def notify_new_post(post_id, only_mentions=False):
    """Create in-app notifications for a new (or newly-mentioning) post, then queue e-mails.

    Run by the ``fan_out_post`` task, never inside the request that posted: everyone mentioned
    (``MENTION``) and the followers of the community (a new thread) or of the thread (a reply),
    except the author, inactive accounts, those suspended from the community and those who may
    not read the thread (``permissions.thread_readers``), in batches of ``FAN_OUT_BATCH``
    whatever their number. Running it again for the same post adds nothing (one notification
    per user and post) and e-mails nobody twice. Returns the ids of the notifications made."""
    post = (
        Post.objects.select_related("thread__community", "author")
        .filter(pk=post_id, hidden=False)
        .first()
    )
    if post is None:
        return []
    thread, community = post.thread, post.thread.community
    kinds = dict.fromkeys(
        post.mentions.filter(is_active=True).values_list("pk", flat=True),
        Notification.Kind.MENTION,
    )
    if not only_mentions:
        if post.is_opening:
            followers = Subscription.objects.filter(community=community)
            kind = Notification.Kind.THREAD
        else:
            followers = Subscription.objects.filter(thread=thread)
            kind = Notification.Kind.REPLY
        followers = followers.filter(user__is_active=True).order_by("pk")
        for user_id in followers.values_list("user_id", flat=True).iterator(chunk_size=5000):
            kinds.setdefault(user_id, kind)
    kinds.pop(post.author_id, None)
    created = []
    user_ids = list(kinds)
    for start in range(0, len(user_ids), FAN_OUT_BATCH):
        batch = {uid: kinds[uid] for uid in user_ids[start : start + FAN_OUT_BATCH]}
        created += _notify_batch(post, batch)
    return created


def _notify_batch(post, kinds):
    """Notifications for one batch of ``{user_id: kind}``; queue the immediate e-mails."""
    thread = post.thread
    readers = permissions.thread_readers(thread, kinds, not_suspended=True)
    already = set(
        Notification.objects.filter(post=post, user_id__in=list(readers)).values_list(
            "user_id", flat=True
        )
    )
    new = [uid for uid in kinds if uid in readers and uid not in already]
    if not new:
        return []
    Notification.objects.bulk_create(
        [
            Notification(
                user_id=uid,
                post=post,
                kind=kinds[uid],
                actor_id=post.author_id,
                community_id=thread.community_id,
                thread=thread,
            )
            for uid in new
        ],
        ignore_conflicts=True,  # a concurrent run of the same fan-out made some already
    )
    made = Notification.objects.filter(post=post, user_id__in=new, emailed_at__isnull=True)
    created = list(made.values_list("pk", flat=True))
    to_email = list(
        made.exclude(user__email="")
        .filter(
            Q(user__community_profile__isnull=True)
            | Q(user__community_profile__email_mode=EmailMode.IMMEDIATE)
        )
        .values_list("pk", flat=True)
    )
    if to_email:
        tasks.send_immediate_notifications.enqueue(notification_ids=to_email)
    return created


def _language(user):
    profile_language = getattr(getattr(user, "community_profile", None), "language_list", [])
    return profile_language[0] if profile_language else settings.LANGUAGE_CODE


def _send(user, subject, template, context, connection=None):
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
            connection=connection,
        )
        message.attach_alternative(html, "text/html")
        message.send()


def _email_mode(user):
    profile = getattr(user, "community_profile", None)
    return profile.email_mode if profile else EmailMode.IMMEDIATE


def _readable_now(notifications):
    """The ids of these notifications their users may still read (``readable_notifications``),
    in a few queries per thread rather than one per notification."""
    by_post = {}
    readable = set()
    for n in notifications:
        if n.thread_id is None:
            if permissions.readable_notifications(n.user).filter(pk=n.pk).exists():
                readable.add(n.pk)
        else:
            by_post.setdefault((n.thread_id, n.post_id), []).append(n)
    for group in by_post.values():
        first = group[0]
        users = permissions.thread_readers(
            first.thread, {n.user_id for n in group}, post=first.post
        )
        readable.update(n.pk for n in group if n.user_id in users)
    return readable


SEND_BATCH = 200


def send_immediate(notification_ids):
    """E-mail these notifications now to the readers who chose immediate e-mails and may still
    read what they are about; each is e-mailed once (``emailed_at``)."""
    sent = 0
    ids = sorted(set(notification_ids))
    connection = get_connection()
    for start in range(0, len(ids), SEND_BATCH):
        notifications = [
            n
            for n in Notification.objects.filter(
                pk__in=ids[start : start + SEND_BATCH], emailed_at__isnull=True
            )
            .select_related(
                "user__community_profile",
                "post__author",
                "post__thread__community",
                "thread__community",
                "actor",
            )
            .prefetch_related("community__translations")
            .order_by("pk")
            if n.user.email and _email_mode(n.user) == EmailMode.IMMEDIATE
        ]
        readable = _readable_now(notifications)
        done = []
        for n in notifications:
            if n.pk not in readable:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                community = n.community.localized(_language(n.user)).name
                subject = f"[{community}] {n.thread.title if n.thread else n.get_kind_display()}"
            _send(
                n.user,
                subject,
                "notification",
                {"notification": n, "url": absolute(n.get_absolute_url())},
                connection=connection,
            )
            done.append(n.pk)
        if done:
            Notification.objects.filter(pk__in=done).update(emailed_at=timezone.now())
        sent += len(done)
    return sent


def send_digests(now=None):
    """One e-mail per daily-digest reader listing notifications not yet e-mailed."""
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
