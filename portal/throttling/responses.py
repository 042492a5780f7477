"""The answer to a locked-out request: 429 with Retry-After, as JSON under /api/ (or to a script
that asks for JSON), otherwise a page in the reader's language."""

from axes.helpers import get_cool_off
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .policy import PURPOSE_FIELD


def _wants_json(request):
    return (
        request.path.startswith("/api/")
        or request.headers.get("x-requested-with") == "XMLHttpRequest"
        or request.headers.get("accept", "").startswith("application/json")
    )


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``; also used by guard.refuse_if_throttled."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    if (credentials or {}).get(PURPOSE_FIELD):
        message = _("Too many requests. Please wait a few minutes and try again.")
    else:
        message = _("Too many login attempts. Please wait a few minutes and try again.")
    if _wants_json(request):
        response = JsonResponse({"error": message, "retry_after": seconds}, status=429)
    else:
        response = render(request, "429.html", {"message": message}, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response
