from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately, one e-mail per notification")
    DAILY = "daily", _("A daily digest")
    OFF = "off", _("Never (notifications stay on the site)")


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
    """A personal API token; only its SHA-256 digest is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} · {self.name or self.pk}"

    @staticmethod
    def hash(key):
        import hashlib

        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name=""):
        """Create a token; returns (token, key). The key is shown once and never stored."""
        import secrets

        key = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, digest=cls.hash(key)), key
