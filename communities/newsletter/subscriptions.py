"""Every change to a newsletter subscription, for the views: ask (e-mail a confirmation link),
confirm, change, end."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import NewsletterSubscription
from ..permissions import same_address
from . import tokens
from .forms import default_locale_countries


def send_confirmation(email, language, countries, frequency):
    """E-mail the confirmation link, in the language chosen for the newsletter."""
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


def confirm(request_data, user=None):
    """Create the subscription a confirmation link asks for, or update the address's existing
    one to its choices. Linked to ``user`` when they are signed in with that very address."""
    owner = user if user is not None and same_address(user.email, request_data.email) else None
    fields = {
        "language": request_data.language,
        "frequency": request_data.frequency,
    }
    with transaction.atomic():
        subscription = (
            NewsletterSubscription.objects.select_for_update()
            .filter(email=request_data.email)
            .first()
        )
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = NewsletterSubscription.objects.create(
                        email=request_data.email, user=owner, confirmed_at=timezone.now(), **fields
                    )
            except IntegrityError:  # the same link opened twice at once
                subscription = NewsletterSubscription.objects.get(email=request_data.email)
        else:
            for name, value in fields.items():
                setattr(subscription, name, value)
            if owner is not None:
                subscription.user = owner
            subscription.save()
        subscription.countries.set(default_locale_countries(request_data.countries))
    return subscription


def end(subscription):
    """Unsubscribe: the row and its digest records go (nothing about the reader is kept)."""
    NewsletterSubscription.objects.filter(pk=subscription.pk).delete()
