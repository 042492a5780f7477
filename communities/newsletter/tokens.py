"""The two links of the newsletter.

- The *confirmation* link carries the address and the choices, signed and dated
  (``django.core.signing``); nothing is stored before it is opened, and it expires after
  ``NEWSLETTER_CONFIRM_MAX_AGE`` seconds (default three days).
- The *unsubscribe* link names one subscription and its random ``unsubscribe_key``, signed; it
  does not expire (old digests keep working), and a later subscription of the same address has
  another key."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from ..models import Frequency, NewsletterSubscription

CONFIRM_SALT = "communities.newsletter.confirm"
UNSUBSCRIBE_SALT = "communities.newsletter.unsubscribe"
MAX_TOKEN_LENGTH = 2000


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


@dataclass(frozen=True)
class Request:
    """What a confirmation link asks for."""

    email: str
    language: str
    countries: tuple[str, ...]
    frequency: str


def confirm_max_age():
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 60 * 60 * 24 * 3)


def confirmation_token(email, language, countries, frequency):
    payload = {"e": email, "l": language, "c": sorted(countries), "f": frequency}
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def read_confirmation(token):
    """The ``Request`` a confirmation token carries; ``TokenExpired`` or ``TokenInvalid``."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise TokenInvalid
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except (signing.BadSignature, ValueError) as error:
        raise TokenInvalid from error
    try:
        request = Request(
            email=str(data["e"]),
            language=str(data["l"]),
            countries=tuple(str(c) for c in data["c"]),
            frequency=str(data["f"]),
        )
    except (KeyError, TypeError) as error:
        raise TokenInvalid from error
    languages = {code for code, _name in settings.LANGUAGES}
    if request.language not in languages or request.frequency not in Frequency.values:
        raise TokenInvalid
    return request


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
