"""Trainer development: a trainer's public profile, the training programmes they completed or
deliver (recorded by trainer coordinators, never by the trainer), and the certificates staff
issue for a completed programme, each with an unguessable number anyone may verify.

Programmes are the knowledge library's ``TrainingProgrammePage``s, referred to as Wagtail pages
(``wagtailcore.Page``) checked by content type, so this app imports nothing of ``knowledge``."""

import base64
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROGRAMME_MODEL = ("knowledge", "trainingprogrammepage")
PROGRAMME_PAGE_TYPE = "knowledge.TrainingProgrammePage"


def is_programme_page(page):
    content_type = page.content_type
    return (content_type.app_label, content_type.model) == PROGRAMME_MODEL


def _check_programme(page):
    if page is not None and not is_programme_page(page):
        raise ValidationError({"programme": _("Choose a training programme of the library.")})


class TrainerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainer_profile"
    )
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("Your name as it is printed on certificates and shown in the directory."),
    )
    languages = models.ManyToManyField(
        "wagtailcore.Locale",
        blank=True,
        related_name="+",
        verbose_name=_("languages you train in"),
    )
    countries = models.ManyToManyField(
        "portal.Country", blank=True, related_name="+", verbose_name=_("countries you work in")
    )
    topics = models.ManyToManyField(
        "portal.Topic", blank=True, related_name="+", verbose_name=_("topics you train on")
    )
    bio = models.TextField(_("short bio"), max_length=1500, blank=True)
    listed = models.BooleanField(
        _("show me in the public directory of certified trainers"),
        default=False,
        help_text=_(
            "Factories can then find your name, languages, countries, topics and certified "
            "programmes. Your e-mail address is never shown."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trainer profile")
        verbose_name_plural = _("trainer profiles")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ProgrammeStatus(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    DELIVERING = "delivering", _("Delivers")


class ProgrammeRecord(models.Model):
    """A programme a trainer completed or delivers, recorded by a trainer coordinator."""

    trainer = models.ForeignKey(
        TrainerProfile, on_delete=models.CASCADE, related_name="records", verbose_name=_("trainer")
    )
    programme = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("training programme"),
    )
    status = models.CharField(_("status"), max_length=12, choices=ProgrammeStatus.choices)
    date = models.DateField(_("date"), help_text=_("When it was completed, or delivery began."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme record")
        verbose_name_plural = _("programme records")
        ordering = ["-date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainer", "programme", "status"], name="trainer_programme_status_once"
            )
        ]

    def __str__(self):
        return f"{self.trainer} · {self.programme.title} · {self.get_status_display()}"

    def clean(self):
        if self.programme_id:
            _check_programme(self.programme)


def new_certificate_number():
    """Sixteen base-32 characters from 80 random bits, in four groups: ABCD-EFGH-JKLM-NPQR."""
    raw = base64.b32encode(secrets.token_bytes(10)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class Certificate(models.Model):
    """A certificate for a completed programme. The trainer's name and the programme's title
    are copied when it is issued, in the certificate's language, so the certificate reads the
    same however the profile or the page changes later."""

    number = models.CharField(_("certificate number"), max_length=19, unique=True, editable=False)
    # A deleted account leaves its certificates checkable: what they print was copied.
    trainer = models.ForeignKey(
        TrainerProfile,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("trainer"),
    )
    programme = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("training programme"),
    )
    language = models.CharField(
        _("language of the certificate"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    trainer_name = models.CharField(_("trainer's name"), max_length=120, editable=False)
    programme_title = models.CharField(_("programme title"), max_length=255, editable=False)
    completed_on = models.DateField(_("completed on"), editable=False)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("issued by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    revocation_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "pk"]

    def __str__(self):
        return f"{self.number} · {self.trainer_name}"

    @property
    def is_valid(self):
        return self.revoked_at is None

    def clean(self):
        if self.programme_id:
            _check_programme(self.programme)

    def save(self, *args, **kwargs):
        if not self.number:
            self.number = new_certificate_number()
        super().save(*args, **kwargs)
