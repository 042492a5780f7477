"""Demo newsletter readers (only with the demo accounts): the trainer, signed up in English for
Cambodia and Vietnam, and an Arabic reader in Jordan and Egypt. Running it again changes
nothing."""

from django.contrib.auth import get_user_model

from ..models import Frequency, NewsletterSubscription
from .forms import default_locale_countries

READERS = [
    # e-mail, account (or None), language, countries, frequency
    ("trainer@example.org", "trainer", "en", ["cambodia", "vietnam"], Frequency.WEEKLY),
    ("layla.haddad@example.org", None, "ar", ["jordan", "egypt"], Frequency.MONTHLY),
]


def seed(context):
    if not context.with_accounts:
        return
    users = {u.username: u for u in get_user_model().objects.filter(username="trainer")}
    for email, username, language, countries, frequency in READERS:
        subscription, created = NewsletterSubscription.objects.get_or_create(
            email=email,
            defaults={"user": users.get(username), "language": language, "frequency": frequency},
        )
        if created:
            subscription.countries.set(default_locale_countries(countries))
