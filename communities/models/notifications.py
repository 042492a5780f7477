from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .community import Community
from .discussion import Post, Thread


class Subscription(models.Model):
    """Following a community (new threads) or a thread (replies)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_subscriptions"
    )
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"],
                name="one_community_follow",
                condition=models.Q(thread__isnull=True),
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                name="one_thread_follow",
                condition=models.Q(community__isnull=True),
            ),
            models.CheckConstraint(
                condition=(models.Q(community__isnull=True) ^ models.Q(thread__isnull=True)),
                name="follow_community_xor_thread",
            ),
        ]

    def __str__(self):
        return f"{self.user} follows {self.thread or self.community}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("New reply")
        THREAD = "thread", _("New thread")
        MENTION = "mention", _("Mentioned you")
        JOIN_REQUEST = "join_request", _("Join request")
        JOINED = "joined", _("Join request approved")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_notifications"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "post"],
                name="one_notification_per_post",
                condition=models.Q(post__isnull=False),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.user}"

    def get_absolute_url(self):
        if self.post_id:
            return self.post.get_absolute_url()
        if self.thread_id:
            return self.thread.get_absolute_url()
        return self.community.get_absolute_url()
