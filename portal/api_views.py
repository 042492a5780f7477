"""The plain Django views around the API: the index at /api/ (and /api/v2/), the permanent
redirect from the unversioned paths of version 1, and the JSON 404 for unknown /api/ paths."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from .api import MOUNTED_APPS, PREFIX, VERSION
from .api_errors import error_response

CONTENT_ENDPOINTS = ("pages", "images", "documents")  # Wagtail's content API (api_content)
V1_SECTIONS = ("taxonomy", *MOUNTED_APPS.values())


def _content_endpoints():
    found = {}
    for name in CONTENT_ENDPOINTS:
        try:
            found[name] = reverse(f"wagtailapi:{name}:listing")
        except NoReverseMatch:
            continue
    return found


def api_index(request):
    """What is under /api/, for a person or a program exploring it."""
    absolute = request.build_absolute_uri
    sections = {name: absolute(f"{PREFIX}{name}/") for name in V1_SECTIONS}
    sections.update({name: absolute(url) for name, url in _content_endpoints().items()})
    return JsonResponse(
        {
            "name": "Better Work knowledge portal API",
            "version": VERSION,
            "openapi": absolute(f"{PREFIX}openapi.json"),
            "docs": absolute(f"{PREFIX}docs"),
            "endpoints": dict(sorted(sections.items())),
            "authentication": {
                "token": "Authorization: Bearer <key>; create a key (read, or read and write) "
                "on your profile page.",
                "session": "The browser's session cookie; writes send the csrftoken cookie's "
                "value in the X-CSRFToken header.",
            },
            "errors": {"shape": {"error": "message", "code": "machine code"}},
        },
        json_dumps_params={"ensure_ascii": False},
    )


def api_moved(request, rest):
    """Version 1 of the API had no version in its paths: send a client there to v2 (308 keeps
    the method and body of a POST)."""
    url = f"{PREFIX}{rest}"
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    response = HttpResponsePermanentRedirect(url)
    response.status_code = 308
    return response


def api_not_found(request):
    """Unknown /api/ paths answer JSON, never the HTML page or a language redirect."""
    return error_response(404, _("Not found. The API's index is at /api/."))
