"""The callables django-axes is configured with (see ``AXES_*`` in settings).

Every attempt is stored by axes under a *key* (its ``username`` column): a login's key is the
username's normal form; password reset and sign-up store ``"<purpose>:<normal form>"``. A colon
never occurs in a real username, so each purpose has its own budget, counted per key and per
client IP, with the allowances in ``settings.THROTTLE_LIMITS``."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_lockout_parameters
from django.conf import settings
from django.db.models import Q, Sum

from .usernames import normalise_username

LOGIN = "login"
PURPOSE_FIELD = "throttle_purpose"  # set in the credentials of non-login attempts (guard.py)
KEY_MAX_LENGTH = 255  # axes' username column


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request):
    """REMOTE_ADDR, or behind ``TRUSTED_PROXY_COUNT`` proxies the address the outermost trusted
    proxy saw: the Nth entry from the right of X-Forwarded-For. Entries further left are
    whatever the client sent and are never trusted."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(hops) >= count and (address := _valid_ip(hops[-count])):
            return address
    return _valid_ip(request.META.get("REMOTE_ADDR"))


def lockout_key(request, credentials):
    """The key an attempt is counted under (axes' ``AXES_USERNAME_CALLABLE``)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials is None:
        credentials = getattr(request, "data", request.POST)
    name = normalise_username(credentials.get(field))
    purpose = credentials.get(PURPOSE_FIELD)
    if purpose:
        name = f"{purpose}:{name}"
    elif ":" in name:  # a typed name that mimics another purpose's key
        name = f"{LOGIN}:{name}"
    return name[:KEY_MAX_LENGTH]


def purpose_of(key):
    prefix, colon, _rest = (key or "").partition(":")
    if colon and prefix in settings.THROTTLE_LIMITS:
        return prefix
    return LOGIN


def _allowances(request, credentials):
    return settings.THROTTLE_LIMITS[purpose_of(get_client_username(request, credentials))]


def lockout_parameters(request, credentials):
    """``AXES_LOCKOUT_PARAMETERS``: each purpose is counted per key and/or per IP."""
    return list(_allowances(request, credentials))


def failure_limit(request, credentials):
    """``AXES_FAILURE_LIMIT``: the smallest allowance of the purpose (see ThrottleHandler)."""
    return min(_allowances(request, credentials).values())


def _rows_of(purpose):
    if purpose == LOGIN:
        return (
            ~Q(username__contains=":")
            | Q(username__startswith=f"{LOGIN}:")
            | Q(username__isnull=True)
        )
    return Q(username__startswith=f"{purpose}:")


class ThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with a budget per purpose and per lockout parameter."""

    def filter_user_attempts(self, request, credentials=None):
        rows = _rows_of(purpose_of(get_client_username(request, credentials)))
        return [
            attempts.filter(rows) for attempts in super().filter_user_attempts(request, credentials)
        ]

    def get_failures(self, request, credentials=None):
        # Axes compares one count with one limit (the smallest allowance). A parameter with a
        # larger allowance, typically the IP that a whole office shares, reports only the
        # failures beyond the difference, so it reaches the limit exactly at its own allowance.
        allowances = _allowances(request, credentials)
        limit = min(allowances.values())
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, failures - (allowances[parameter] - limit))
        return worst
