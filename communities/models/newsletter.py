"""The newsletter: requests waiting for their address to be confirmed, readers who confirmed
one (an e-mail digest of new public content), and a record of each digest considered for them
(so no period is sent twice)."""

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


class NewsletterPending(models.Model):
    """A subscription asked for and not yet confirmed (double opt-in): the subscribe form stores
    the choices here and e-mails a link that carries only a random token, of which this row keeps
    only the SHA-256 hash (``communities.newsletter.tokens``), so neither the link nor a copy of
    the database gives the other. One row per address: asking again replaces it (only the latest
    link works). Confirming deletes it; an unconfirmed one stops working after
    ``NEWSLETTER_CONFIRM_MAX_AGE`` (three days by default) and is deleted by the next daily send
    run (``manage.py send_newsletter``), so a request is kept at most that long plus a day.
    Not registered in any admin: the report shows counts of confirmed readers only."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=12, choices=settings.LANGUAGES)
    # Slugs of default-locale countries (checked by the form); none means every country.
    countries = models.JSONField(_("countries"), default=list, blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # hashlib.sha256(token).hexdigest(); the token itself is only in the e-mail.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("pending newsletter subscription")
        verbose_name_plural = _("pending newsletter subscriptions")

    def __str__(self):
        return f"pending {self.pk}"


class NewsletterSubscription(models.Model):
    """A confirmed reader. A row exists only once its address is confirmed (double opt-in): until
    then the request is a ``NewsletterPending``, kept at most ``NEWSLETTER_CONFIRM_MAX_AGE`` (three
    days by default) and a day, deleted when it is confirmed."""

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
    # The hash of the confirmation token that last confirmed (or changed) this subscription: the
    # same link opened again says "you are subscribed" instead of "not valid".
    confirmed_token_hash = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )

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
