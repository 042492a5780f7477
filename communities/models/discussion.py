import os

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from portal.storage import private_storage

from .community import Community


class ThreadQuerySet(models.QuerySet):
    def readable_by(self, user):
        """These threads as far as ``user`` may read them (communities.permissions decides)."""
        # Cycle: communities.permissions imports communities.models.
        from communities.permissions import readable_threads

        return readable_threads(user, self)


class Thread(index.Indexed, models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    reply_count = models.PositiveIntegerField(default=0)
    subject_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The portal page this thread discusses."),
    )

    objects = ThreadQuerySet.as_manager()

    # Site search filters by community_id (the communities a reader may read) and by id (threads
    # hidden from the reader): see communities.permissions.readable_threads. The indexed text
    # is the visible posts only.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("searchable_text"),
        index.AutocompleteField("title"),
        index.FilterField("id"),
        index.FilterField("community_id"),
        index.FilterField("last_activity_at"),
    ]

    # A community's list: pinned first, then by activity; the key breaks ties so that a page
    # is the same read from either end (communities.paging).
    LIST_ORDER = ("-pinned", "-last_activity_at", "-pk")

    class Meta:
        ordering = ["-pinned", "-last_activity_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "subject_page"], name="one_thread_per_page_and_community"
            )
        ]
        indexes = [
            models.Index(
                fields=["community", "-pinned", "-last_activity_at", "-id"],
                name="thread_community_list",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("communities:thread", kwargs={"slug": self.community.slug, "pk": self.pk})

    def searchable_text(self):
        return "\n".join(self.posts.filter(hidden=False).values_list("body", flat=True)[:200])


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"), max_length=20000, help_text=_("Markdown"))
    html = models.TextField(editable=False, help_text=_("Sanitised rendering of body."))
    is_opening = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(max_length=300, blank=True)
    linked_pages = models.ManyToManyField("wagtailcore.Page", blank=True, related_name="+")
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # A thread's page of posts in order, and its count, from the index alone.
            models.Index(
                fields=["thread", "created_at", "id", "hidden", "author"],
                name="post_thread_list",
            ),
            # Hidden posts are few: the rules that leave them (and hidden threads) out read
            # only these.
            models.Index(
                fields=["thread", "is_opening"],
                condition=models.Q(hidden=True),
                name="post_hidden",
            ),
        ]

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    @property
    def is_edited(self):
        return self.edited_at is not None

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}#post-{self.pk}"


class PostRevision(models.Model):
    """The text a post had before an edit; shown to moderators only."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.post} @ {self.created_at:%Y-%m-%d %H:%M}"


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        ABUSE = "abuse", _("Abusive or harassing")
        OFF_TOPIC = "off_topic", _("Off topic")
        PRIVACY = "privacy", _("Shares private information")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    detail = models.CharField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="one_flag_per_user")]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.post}"


class ModerationLog(models.Model):
    class Action(models.TextChoices):
        PIN = "pin", _("Pinned thread")
        UNPIN = "unpin", _("Unpinned thread")
        LOCK = "lock", _("Locked thread")
        UNLOCK = "unlock", _("Unlocked thread")
        MOVE = "move", _("Moved thread")
        HIDE = "hide", _("Hid post")
        UNHIDE = "unhide", _("Restored post")
        EDIT = "edit", _("Edited another member's post")
        SUSPEND = "suspend", _("Suspended member")
        REINSTATE = "reinstate", _("Reinstated member")
        APPROVE = "approve", _("Approved join request")
        DECLINE = "decline", _("Declined join request")
        INVITE = "invite", _("Sent invitation")
        RESOLVE_FLAG = "resolve_flag", _("Resolved flag")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="log")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.SET_NULL)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} · {self.actor}"


def attachment_path(instance, filename):
    ext = os.path.splitext(filename)[1].lower()
    return f"communities/attachments/{timezone.now():%Y/%m}/{instance.token}{ext}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        DOCUMENT = "document", _("Document")

    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=32, unique=True)
    file = models.FileField(upload_to=attachment_path, max_length=300, storage=private_storage)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("communities:attachment", kwargs={"pk": self.pk, "token": self.token})
