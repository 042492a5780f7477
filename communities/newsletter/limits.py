"""How often the subscribe form may be used (django-ratelimit, cache-backed, as
``communities.ratelimits``): per client address (``portal.throttling.policy.client_ip``, so
behind ``TRUSTED_PROXY_COUNT`` proxies too) ``NEWSLETTER_SUBSCRIBE_RATE`` (default 10/h),
answered with a 429; and per e-mail address ``NEWSLETTER_ADDRESS_RATE`` (default 3/d)
confirmation e-mails, beyond which the form answers as usual but sends nothing, so nobody can
flood an inbox and the answer never tells whether an address is known."""

import hashlib

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from portal.throttling.policy import client_ip


def subscribe_limited(request):
    return is_ratelimited(
        request,
        group="newsletter.subscribe",
        key=lambda g, r: client_ip(r),  # behind TRUSTED_PROXY_COUNT proxies too
        rate=lambda g, r: getattr(settings, "NEWSLETTER_SUBSCRIBE_RATE", "10/h"),
        method="POST",
        increment=True,
    )


def address_limited(request, email):
    digest = hashlib.sha256(email.encode()).hexdigest()
    return is_ratelimited(
        request,
        group="newsletter.address",
        key=lambda g, r: digest,
        rate=lambda g, r: getattr(settings, "NEWSLETTER_ADDRESS_RATE", "3/d"),
        method="POST",
        increment=True,
    )
