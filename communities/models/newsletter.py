"""The newsletter: readers who asked for an e-mail digest of new public content, and a record of
each digest considered for them (so no period is sent twice)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")


def new_unsubscribe_key():
    return secrets.token_urlsafe(24)


class NewsletterSubscription(models.Model):
    """A confirmed reader. A row exists only once its address is confirmed (double opt-in): the
    subscribe form only e-mails a signed link that carries the choices."""

    email = models.EmailField(_("e-mail address"), unique=True)
    # Set when the address was confirmed by the signed-in owner of an account with that address:
    # they may then change the subscription from their account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriptions",
    )
    language = models.CharField(_("language"), max_length=12, choices=settings.LANGUAGES)
    # Default-locale terms; none chosen means every country.
    countries = models.ManyToManyField(
        "portal.Country", blank=True, related_name="+", verbose_name=_("countries")
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    confirmed_at = models.DateTimeField(default=timezone.now)
    # The end of the window of the last digest considered: the next one starts here.
    last_digest_at = models.DateTimeField(null=True, blank=True)
    # Part of the signed unsubscribe token: a new subscription of the same address gets a new one.
    unsubscribe_key = models.CharField(max_length=40, default=new_unsubscribe_key, editable=False)

    class Meta:
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        indexes = [models.Index(fields=["frequency", "id"], name="newsletter_frequency")]

    def __str__(self):
        return self.email

    @property
    def content_since(self):
        return self.last_digest_at or self.confirmed_at


class NewsletterDigest(models.Model):
    """One period (``2026-W49``, ``2026-12``) of one subscription, claimed by the run that built
    it: the unique pair makes a second run, or a concurrent one, skip it."""

    subscription = models.ForeignKey(
        NewsletterSubscription, on_delete=models.CASCADE, related_name="digests"
    )
    period = models.CharField(max_length=10)
    since = models.DateTimeField()
    until = models.DateTimeField()
    run = models.UUIDField()
    # The links the e-mail listed (empty when there was nothing new and nothing was sent).
    urls = models.JSONField(default=list, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter digest")
        verbose_name_plural = _("newsletter digests")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period"], name="newsletter_one_digest_per_period"
            )
        ]
        indexes = [models.Index(fields=["run"], name="newsletter_digest_run")]

    def __str__(self):
        return f"{self.subscription_id} {self.period}"
