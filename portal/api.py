"""The project's JSON API under /api/v2/, documented at /api/v2/openapi.json (browsable at
/api/v2/docs); /api/ itself answers an index of what is there (``views.api_index``).

Built with django-ninja (already a Wagtail dependency) so every endpoint's parameters and
responses land in the OpenAPI document. Each module of ``MOUNTED_APPS`` (the apps'
``<app>.api``, and ``communities.accounts_api``) that exists is mounted at
``/api/v2/<prefix>/`` through its ``router``; the portal never imports the apps' internals.
Every write is throttled per token (or user) and per client IP (``api_throttling``).
Wagtail's own content API (pages, images, documents) shares the prefix (``api_content``).

One style throughout: errors are ``portal.api_errors`` (one JSON shape with a code), lists are
``portal.api_pagination`` pages, callers are ``portal.api_auth`` (token or session). The error
answers every operation can give whatever it does (a malformed parameter, an invalid token, a
page past the end, a throttled write) are declared in the document by ``PortalAPI``, next to
each operation's own."""

import importlib
import importlib.util
import math
import sys

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import (
    AuthenticationError,
    AuthorizationError,
    HttpError,
    Throttled,
    ValidationError,
)

from . import api_content_openapi
from .api_errors import ApiError, ErrorOut, code_for, error_body
from .api_taxonomy import router as taxonomy_router
from .api_throttling import write_throttles

VERSION = "2"
PREFIX = f"/api/v{VERSION}/"

# Module -> URL prefix: each module's ``router`` is mounted at /api/v2/<prefix>/ when the
# module exists (an app that is absent mounts nothing).
MOUNTED_APPS = {
    "knowledge.api": "resources",
    "knowledge.api_glossary": "glossary",
    "knowledge.api_labour_law": "labour-law",
    "communities.api": "communities",
    "communities.accounts_api": "accounts",
    "communities.trainers.api": "trainers",
    "communities.events.api": "events",
    "ims_bridge.api": "compliance",
    "ims_bridge.enterprise.api": "enterprise",
    "search.api": "search",
}

WRITE_METHODS = ("post", "put", "patch", "delete")
ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
COMMON_ERRORS = {
    400: "Bad request: a parameter or the body is malformed or out of range (`detail` says which).",
    401: "Not authenticated: the operation needs a signed-in user, or the bearer token sent is "
    "unknown or revoked (`invalid_token`).",
    403: "Permission denied: the user may not do this, the session's CSRF token is missing, or "
    "the token may only read (`insufficient_scope`).",
    404: "Not found, or not visible to this user; also a page past the last.",
    413: "The request body is too large.",
    429: "Throttled: too many writes from this token or address; `Retry-After` says when to "
    "try again.",
}


def _declared_errors(method, operation):
    """The common error statuses ``operation`` can answer (see COMMON_ERRORS)."""
    statuses = {400, 401}
    params = operation.get("parameters", [])
    writes = method in WRITE_METHODS
    if writes or operation.get("security"):
        statuses.add(403)
    if writes:
        statuses |= {413, 429}
    if any(p["in"] == "path" for p in params) or any(p["name"] == "page" for p in params):
        statuses.add(404)
    return statuses


class PortalAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        """``<module>_<function>``, dots as underscores (ninja's rule), except that a package
        with ``STABLE_OPERATION_IDS`` names its modules' operations after itself: the ids it
        had as one module survive a split, and generated clients keep their names."""
        module = operation.view_func.__module__
        package = module.rpartition(".")[0]
        if getattr(sys.modules.get(package), "STABLE_OPERATION_IDS", False):
            module = package
        return f"{module}_{operation.view_func.__name__}".replace(".", "_")

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault("ErrorOut", ErrorOut.model_json_schema())
        components.update(api_content_openapi.SCHEMAS)
        schema["paths"].update(api_content_openapi.content_paths(PREFIX))
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                # JSON keys are strings; ninja leaves its own as ints.
                responses = {str(s): r for s, r in operation.get("responses", {}).items()}
                operation["responses"] = responses
                for status in sorted(_declared_errors(method, operation)):
                    if str(status) not in responses:
                        responses[str(status)] = {
                            "description": COMMON_ERRORS[status],
                            "content": {"application/json": {"schema": ERROR_REF}},
                        }
        return schema


api = PortalAPI(
    title="Better Work knowledge portal API",
    version=VERSION,
    description="The portal's content, search, communities, compliance data and enterprise "
    "tools. Read anonymously what the site shows anonymously; sign in with a personal token "
    "(`Authorization: Bearer <key>`, created on your profile page, read or read-and-write) or "
    "the browser session (writes need the CSRF token). Lists are paged with `page` and "
    "`page_size`. Every error is a JSON object with `error` (for a person) and `code` (for a "
    "program). Wagtail's page, image and document API shares the prefix (`/api/v2/pages/`).",
    urls_namespace="api",
    throttle=write_throttles(),  # every write, per token (or user) and per client IP
)


def _error(request, status, message, code=None, **extra):
    return api.create_response(request, error_body(status, message, code, **extra), status=status)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return _error(request, 400, _("Invalid request parameters."), "bad_request", detail=exc.errors)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, _("Not found."))


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return _error(request, 401, _("Authentication required."))


@api.exception_handler(AuthorizationError)
def forbidden(request, exc):
    return _error(request, 403, str(exc) or _("You do not have permission to see this."))


@api.exception_handler(Throttled)
def throttled(request, exc):
    seconds = max(1, math.ceil(exc.wait or 1))
    response = _error(
        request,
        429,
        _("Too many requests. Please wait a few minutes and try again."),
        retry_after=seconds,
    )
    response["Retry-After"] = str(seconds)
    return response


@api.exception_handler(HttpError)
def http_error(request, exc):
    if isinstance(exc, ApiError):
        return _error(request, exc.status_code, str(exc), exc.code, **exc.extra)
    if exc.status_code == 403 and str(exc) == "CSRF check Failed":  # ninja's SessionAuth
        message = _(
            "The CSRF token is missing or wrong. Send the csrftoken cookie's value in "
            "the X-CSRFToken header, or use a personal token."
        )
        return _error(request, 403, message, "csrf_failed")
    return _error(request, exc.status_code, str(exc), code_for(exc.status_code))


api.add_router("/taxonomy/", taxonomy_router)

for _module_name, _prefix in MOUNTED_APPS.items():
    if importlib.util.find_spec(_module_name) is not None:
        _module = importlib.import_module(_module_name)
        if hasattr(_module, "router"):
            api.add_router(f"/{_prefix}/", _module.router)
