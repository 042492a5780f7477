"""Who is calling the API: a personal token (``Authorization: Bearer <key>``) or the browser
session (CSRF checked on writes by ninja's ``SessionAuth``).

``ApiTokenMiddleware`` resolves a bearer token once per request under /api/, for every
operation and for Wagtail's content API alike: an unknown, revoked or malformed token is a 401
wherever it is sent (a client never silently reads as anonymous), a *read* token that asks to
change something is a 403 ``insufficient_scope``. The token model is named by
``settings.API_TOKEN_MODEL`` (the accounts app's), so the portal imports no app's internals; it
provides ``authenticate(key) -> token | None``, ``token.user`` and ``token.allows(scope)``."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from .api_errors import error_response

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
READ, WRITE = "read", "write"


def token_model():
    return apps.get_model(settings.API_TOKEN_MODEL)


def bearer_key(request):
    """The key of an ``Authorization: Bearer`` header; None without one, "" if it is empty."""
    header = request.headers.get("Authorization", "")
    scheme, _space, key = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return key.strip()


class ApiTokenMiddleware:
    """After AuthenticationMiddleware: a bearer token replaces the session's user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.api_token = None
        if request.path_info.startswith("/api/"):
            key = bearer_key(request)
            if key is not None:
                token = token_model().authenticate(key)
                if token is None:
                    response = error_response(401, _("Invalid or revoked token."), "invalid_token")
                    response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
                    return response
                if request.method not in SAFE_METHODS and not token.allows(WRITE):
                    return error_response(
                        403,
                        _("This token may only read. Create a token with write access."),
                        "insufficient_scope",
                    )
                request.api_token = token
                request.user = token.user
        return self.get_response(request)


class TokenAuth(HttpBearer):
    """Accepts the token the middleware resolved (operations that require a signed-in user)."""

    def authenticate(self, request, token):
        api_token = getattr(request, "api_token", None)
        return api_token.user if api_token is not None else None


# Operations that need a signed-in user accept either; the OpenAPI document lists both.
signed_in = [TokenAuth(), SessionAuth()]


def reader(request):
    """The user an anonymous-friendly operation reads as (token, session or anonymous)."""
    return getattr(request, "user", None) or AnonymousUser()
