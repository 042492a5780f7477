"""The two links of the newsletter.

- The *confirmation* link carries only a random token (``secrets.token_urlsafe(32)``: 43
  characters, 256 bits). The address and the choices wait in a ``NewsletterPending`` row, which
  keeps the SHA-256 hash of the token, never the token: the link, wherever it is seen (server
  and proxy logs, browser history), tells nothing about the reader, and a copy of the database
  gives no working link. One request per address (asking again replaces it, so only the latest
  link works); it works once (confirming deletes it, and the subscription keeps the hash so the
  same link opened again says so) and for ``NEWSLETTER_CONFIRM_MAX_AGE`` seconds (default three
  days); ``subscriptions.purge_expired`` deletes the expired ones on every send run.
- The *unsubscribe* link names one subscription and its random ``unsubscribe_key``, signed; it
  does not expire (old digests keep working), and a later subscription of the same address has
  another key."""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from ..models import Frequency, NewsletterPending, NewsletterSubscription

UNSUBSCRIBE_SALT = "communities.newsletter.unsubscribe"
MAX_TOKEN_LENGTH = 2000
TOKEN_BYTES = 32
# What secrets.token_urlsafe(TOKEN_BYTES) gives; anything else is refused before a query.
CONFIRM_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


class TokenUsed(Exception):
    """The confirmation link has confirmed its subscription already (which still exists)."""


@dataclass(frozen=True)
class Request:
    """What a confirmation link asks for."""

    email: str
    language: str
    countries: tuple[str, ...]
    frequency: str
    token_hash: str


def confirm_max_age():
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 60 * 60 * 24 * 3)


def expired_before(now=None):
    """Requests made at or before this moment can no longer be confirmed."""
    return (now or timezone.now()) - timedelta(seconds=confirm_max_age())


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def confirmation_token(email, language, countries, frequency):
    """Store the request of ``email`` (replacing its earlier one, whose link stops working) and
    return the token of its link. Only the token's hash is stored."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    NewsletterPending.objects.update_or_create(
        email=email,
        defaults={
            "language": language,
            "countries": sorted(set(countries)),
            "frequency": frequency,
            "created_at": timezone.now(),
            "token_hash": token_hash(token),
        },
    )
    return token


def read_confirmation(token, lock=False):
    """The ``Request`` a confirmation token names (its row locked with ``lock``, inside a
    transaction); ``TokenExpired``, ``TokenUsed`` or ``TokenInvalid``."""
    if len(token) > MAX_TOKEN_LENGTH or not CONFIRM_TOKEN_SHAPE.fullmatch(token):
        raise TokenInvalid
    digest = token_hash(token)
    rows = NewsletterPending.objects.filter(token_hash=digest)
    pending = (rows.select_for_update() if lock else rows).first()
    if pending is None:
        if NewsletterSubscription.objects.filter(confirmed_token_hash=digest).exists():
            raise TokenUsed
        raise TokenInvalid  # never issued, replaced by a later request, or purged
    if pending.created_at <= expired_before():
        raise TokenExpired
    languages = {code for code, _name in settings.LANGUAGES}
    if pending.language not in languages or pending.frequency not in Frequency.values:
        raise TokenInvalid  # a language or frequency the site no longer offers
    return Request(
        email=pending.email,
        language=pending.language,
        countries=tuple(str(c) for c in pending.countries or ()),
        frequency=pending.frequency,
        token_hash=digest,
    )


def unsubscribe_token(subscription):
    value = f"{subscription.pk}.{subscription.unsubscribe_key}"
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(value)


def read_unsubscribe(token):
    """The subscription an unsubscribe token names, or None when it has ended already (the
    token is genuine, the subscription gone); ``TokenInvalid`` for a token we did not make."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise TokenInvalid
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise TokenInvalid from error
    pk, _dot, key = value.partition(".")
    if not pk.isascii() or not pk.isdigit():
        raise TokenInvalid
    return NewsletterSubscription.objects.filter(pk=int(pk), unsubscribe_key=key).first()
