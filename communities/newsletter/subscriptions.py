"""Every change to a newsletter subscription, for the views: ask (store a pending request and
e-mail its confirmation link), confirm, change, end; and the purge of expired requests, which
the daily send run (``tasks.send_newsletters``) does first."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import NewsletterPending, NewsletterSubscription
from ..permissions import same_address
from . import tokens
from .forms import default_locale_countries

logger = logging.getLogger(__name__)


def send_confirmation(email, language, countries, frequency):
    """Store the request (replacing the address's earlier one) and e-mail its confirmation link,
    in the language chosen for the newsletter. The link carries only the random token."""
    token = tokens.confirmation_token(email, language, countries, frequency)
    with translation.override(language):
        link = settings.SITE_BASE_URL.rstrip("/") + reverse(
            "newsletter:confirm", kwargs={"token": token}
        )
        body = render_to_string(
            "communities/newsletter/email/confirm.txt",
            {"link": link, "days": tokens.confirm_max_age() // 86400},
        )
        send_mail(_("Confirm your Better Work newsletter subscription"), body, None, [email])


def confirm(token, user=None):
    """Create the subscription a confirmation link asks for, or update the address's existing
    one to its choices, and delete the request, in one transaction (its row locked, so the same
    link opened twice at once confirms once). Linked to ``user`` when they are signed in with
    that very address. Raises what ``tokens.read_confirmation`` raises."""
    with transaction.atomic():
        asked = tokens.read_confirmation(token, lock=True)
        owner = user if user is not None and same_address(user.email, asked.email) else None
        fields = {
            "language": asked.language,
            "frequency": asked.frequency,
            "confirmed_token_hash": asked.token_hash,
        }
        subscription = (
            NewsletterSubscription.objects.select_for_update().filter(email=asked.email).first()
        )
        created = False
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = NewsletterSubscription.objects.create(
                        email=asked.email, user=owner, confirmed_at=timezone.now(), **fields
                    )
                    created = True
            except IntegrityError:  # subscribed at this very moment by other means
                subscription = NewsletterSubscription.objects.select_for_update().get(
                    email=asked.email
                )
        if not created:
            for name, value in fields.items():
                setattr(subscription, name, value)
            if owner is not None:
                subscription.user = owner
            subscription.save()
        subscription.countries.set(default_locale_countries(asked.countries))
        NewsletterPending.objects.filter(token_hash=asked.token_hash).delete()
    return subscription


def purge_expired(now=None):
    """Delete the requests that can no longer be confirmed (with their addresses); how many."""
    deleted, _by_model = NewsletterPending.objects.filter(
        created_at__lte=tokens.expired_before(now)
    ).delete()
    if deleted:
        logger.info("Purged %d expired newsletter request(s).", deleted)
    return deleted


def end(subscription):
    """Unsubscribe: the row and its digest records go (nothing about the reader is kept)."""
    NewsletterSubscription.objects.filter(pk=subscription.pk).delete()
