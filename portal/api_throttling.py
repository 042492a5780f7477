"""Throttling of the API's writes (issue 16): every POST, PUT, PATCH and DELETE under /api/v2/
spends one request from two budgets, the caller's (its token, or its user for a session) and
the client IP's (``portal.throttling.policy.client_ip``, so ``TRUSTED_PROXY_COUNT`` is
respected). Past either, the write is refused before the operation runs with 429, a
``Retry-After`` header and ``{"code": "throttled", "retry_after": <seconds>}`` (the
``Throttled`` handler in ``portal/api.py``). Reads are never throttled.

The rates are read from settings on every request (``API_WRITE_RATE_PER_TOKEN``,
``API_WRITE_RATE_PER_IP``, "<count>/<s|m|h|d>"), so a deployment (or a test) can change them
without rebuilding the API. The history of each budget lives in the default cache (shared
between processes only with Redis). The posting limit of communities (``COMMUNITIES_POST_RATE``)
is kept on top of this."""

import threading

from django.conf import settings
from ninja.throttling import SimpleRateThrottle

from .throttling.policy import client_ip

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class WriteThrottle(SimpleRateThrottle):
    """A sliding window over the last ``duration`` seconds, counting writes only. Unlike
    ninja's base class it keeps no request's state on the (shared) instance, except the wait
    of the refused request for ``wait()``, which is thread-local."""

    setting = ""
    default = ""
    scope = ""

    def __init__(self):
        self._local = threading.local()

    def get_rate(self):
        return getattr(settings, self.setting, self.default) or self.default

    def ident(self, request):  # pragma: no cover - subclasses
        raise NotImplementedError

    def get_cache_key(self, request):
        ident = self.ident(request)
        if ident is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request):
        self._local.wait = None
        if request.method not in WRITE_METHODS:
            return True
        key = self.get_cache_key(request)
        if key is None:
            return True
        count, duration = self.parse_rate(self.get_rate())
        now = self.timer()
        history = [moment for moment in self.cache.get(key, []) if moment > now - duration]
        if len(history) >= count:
            self._local.wait = max(1.0, duration - (now - history[-1]))
            return False
        history.insert(0, now)
        self.cache.set(key, history, duration)
        return True

    def wait(self):
        return getattr(self._local, "wait", None)


class TokenWriteThrottle(WriteThrottle):
    """Per personal token; per user for a browser session (anonymous writes: IP only)."""

    setting, default, scope = "API_WRITE_RATE_PER_TOKEN", "300/h", "api-write-token"

    def ident(self, request):
        token = getattr(request, "api_token", None)
        if token is not None:
            return f"token-{token.pk}"
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return f"user-{user.pk}"
        return None


class IpWriteThrottle(WriteThrottle):
    """Per client IP, whoever writes from it."""

    setting, default, scope = "API_WRITE_RATE_PER_IP", "1200/h", "api-write-ip"

    def ident(self, request):
        return client_ip(request) or "unknown"


def write_throttles():
    return [TokenWriteThrottle(), IpWriteThrottle()]
