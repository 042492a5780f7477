"""Rate limits (django-ratelimit, cache-backed). Rates come from settings so tests and busy
sites can tune them."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def post_rate(group, request):
    return getattr(settings, "COMMUNITIES_POST_RATE", "30/h")


def login_rate(group, request):
    return getattr(settings, "COMMUNITIES_LOGIN_RATE", "10/5m")


def posting_limited(request):
    return is_ratelimited(
        request, group="communities.post", key="user", rate=post_rate, method="POST", increment=True
    )


def login_limited(request):
    by_name = is_ratelimited(
        request,
        group="communities.login",
        key="post:username",
        rate=login_rate,
        method="POST",
        increment=True,
    )
    by_ip = is_ratelimited(
        request,
        group="communities.login-ip",
        key="ip",
        rate=lambda g, r: getattr(settings, "COMMUNITIES_LOGIN_IP_RATE", "50/5m"),
        method="POST",
        increment=True,
    )
    return by_name or by_ip


def confirmation_mail_limited(request):
    """Confirmation links sent on request (an invitee confirming their address): a few an hour."""
    return is_ratelimited(
        request,
        group="communities.confirmation-mail",
        key="user",
        rate=lambda g, r: getattr(settings, "COMMUNITIES_CONFIRMATION_RATE", "5/h"),
        method="POST",
        increment=True,
    )
