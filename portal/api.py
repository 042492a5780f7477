"""The project's JSON API under /api/, documented at /api/openapi.json (docs at /api/docs).

Built with django-ninja (already a Wagtail dependency) so every endpoint's parameters and
responses land in the OpenAPI document. Each project app that has an ``<app>.api`` module with
a ``router`` is mounted at ``/api/<prefix>/``; the portal never imports their internals.
"""

import importlib
import importlib.util

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .api_taxonomy import router as taxonomy_router

MOUNTED_APPS = {
    "knowledge": "resources",
    "communities": "communities",
    "ims_bridge": "compliance",
    "ims_bridge.enterprise": "enterprise",
    "search": "search",
}


api = NinjaAPI(
    title="Better Work knowledge portal API",
    version="1",
    description="Public (and, where stated, authenticated) read access to the portal's content. "
    "Errors are JSON objects with an `error` message.",
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(
        request, {"error": _("Invalid request parameters."), "detail": exc.errors}, status=400
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"error": _("Not found.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"error": _("Authentication required.")}, status=401)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"error": str(exc)}, status=exc.status_code)


api.add_router("/taxonomy/", taxonomy_router)

for _label, _prefix in MOUNTED_APPS.items():
    _module_name = f"{_label}.api"
    if importlib.util.find_spec(_module_name) is not None:
        _module = importlib.import_module(_module_name)
        if hasattr(_module, "router"):
            api.add_router(f"/{_prefix}/", _module.router)
