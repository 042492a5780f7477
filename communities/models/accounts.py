import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately, one e-mail per notification")
    DAILY = "daily", _("A daily digest")
    OFF = "off", _("Never (notifications stay on the site)")


def member_name(user):
    """How the communities name a member: the name they chose, else their full name, else
    their username."""
    profile = getattr(user, "community_profile", None)  # None when they have no profile
    return (profile.display_name if profile else "") or user.get_full_name() or user.get_username()


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_profile"
    )
    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey(
        "portal.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("country"),
    )
    languages = models.CharField(
        _("languages"), max_length=100, blank=True, help_text=_("Language codes, comma-separated.")
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    email_mode = models.CharField(
        _("e-mail me about notifications"),
        max_length=16,
        choices=EmailMode.choices,
        default=EmailMode.IMMEDIATE,
    )
    email_verified = models.BooleanField(default=False)
    verified_email = models.EmailField(
        _("verified e-mail address"),
        blank=True,
        help_text=_(
            "The address a confirmation link was opened for. An invitation is accepted only "
            "while the account's address is still this one."
        ),
    )

    def __str__(self):
        return self.display_name or self.user.get_username()

    @property
    def language_list(self):
        return [code for code in self.languages.split(",") if code]


class ApiToken(models.Model):
    """A personal API token (``portal.api_auth``, ``settings.API_TOKEN_MODEL``); only its
    SHA-256 digest is stored. A *read* token reads what its user may read; a *write* token may
    also change things. A revoked token is kept (its name and dates stay on the profile) and
    authenticates nothing."""

    READ, WRITE = "read", "write"
    SCOPES = [(READ, _("Read")), (WRITE, _("Read and write"))]
    LAST_USED_PRECISION = 60  # seconds: last_used_at is written at most once a minute

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, blank=True, editable=False)
    scope = models.CharField(_("access"), max_length=5, choices=SCOPES, default=READ)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} · {self.name or self.pk}"

    @staticmethod
    def hash(key):
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name="", scope=READ):
        """Create a token; returns (token, key). The key is shown once and never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, digest=cls.hash(key), prefix=key[:8], scope=scope
        )
        return token, key

    @classmethod
    def authenticate(cls, key):
        """The live token for ``key`` (its user active), or None; notes when it was used."""
        if not key or len(key) > 200:
            return None
        token = (
            cls.objects.select_related("user")
            .filter(digest=cls.hash(key), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used_at is None or (
            (now - token.last_used_at).total_seconds() >= cls.LAST_USED_PRECISION
        ):
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token

    def allows(self, scope):
        return scope == self.READ or self.scope == self.WRITE

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
