import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from ..admin_form import CommunityAdminForm
from ..localization import localize, reader_language


def default_locale_terms():
    """Relate communities to the default-language taxonomy term (one row per term)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


RESERVED_SLUGS = {
    "discuss",
    "notifications",
    "unsubscribe",
    "people",
    "attachments",
    "invitations",
    "posts",
    "flags",
}


def validate_slug_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved; choose another slug."), params={"slug": value}
        )


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone reads, members post")
    MEMBERS = "members", _("Members only: only members read")
    PRIVATE = "private", _("Private: invitation only, invisible to others")


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")
    OWNER = "owner", _("Owner")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    PENDING = "pending", _("Pending")
    SUSPENDED = "suspended", _("Suspended")


class Community(index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, validators=[validate_slug_not_reserved]
    )
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of the name and description"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    languages = ParentalManyToManyField(
        "wagtailcore.Locale", blank=True, related_name="+", verbose_name=_("languages")
    )
    countries = ParentalManyToManyField(
        "portal.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries"),
        limit_choices_to=default_locale_terms,
    )
    industries = ParentalManyToManyField(
        "portal.Industry",
        blank=True,
        related_name="+",
        verbose_name=_("industries"),
        limit_choices_to=default_locale_terms,
    )
    is_default_discussion = models.BooleanField(
        _("hosts resource discussions"),
        default=False,
        help_text=_("'Discuss this resource' threads are created here (public communities only)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    base_form_class = CommunityAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("language"),
        InlinePanel(
            "translations",
            heading=_("Name and description in other languages"),
            label=_("Translation"),
        ),
        FieldPanel("visibility"),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("countries"), FieldPanel("industries")],
            heading=_("Audience"),
        ),
        FieldPanel("is_default_discussion"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("visibility"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:community", kwargs={"slug": self.slug})

    def localized(self, language=None):
        """The name and description for a reader of `language` (default: the active one).
        Uses prefetched ``translations`` when there are (``prefetch_related("translations")``
        in lists); otherwise one query per community, remembered per language."""
        language = reader_language(language or get_language())
        cache = self.__dict__.setdefault("_localized", {})
        if language not in cache:
            cache[language] = localize(self, language)
        return cache[language]

    @property
    def local(self):
        """``localized()`` in the active language, for templates."""
        return self.localized()


class CommunityTranslation(models.Model):
    """A community's name and description in one more language, kept by whoever may edit the
    community (the Wagtail snippet's inline panel)."""

    community = ParentalKey(Community, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Leave empty to show the description in its original language."),
    )

    panels = [FieldPanel("language"), FieldPanel("name"), FieldPanel("description")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["community", "language"], name="one_translation_per_language"
            )
        ]
        ordering = ["language"]
        verbose_name = _("community translation")

    def __str__(self):
        return f"{self.name} ({self.language})"


class Membership(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("community"), FieldPanel("user"), FieldPanel("role"), FieldPanel("status")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="unique_membership")
        ]
        verbose_name = _("membership")

    def __str__(self):
        return f"{self.user} · {self.community} ({self.get_role_display()})"


class JoinRequest(models.Model):
    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("message"), blank=True, max_length=1000)
    status = models.CharField(max_length=16, choices=Decision.choices, default=Decision.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.community} ({self.status})"


def new_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"{self.email} → {self.community}"

    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()
