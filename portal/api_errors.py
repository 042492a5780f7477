"""One JSON error shape for everything under /api/: ``{"error": <message for a person>,
"code": <stable machine code>}``, with ``detail`` (what was wrong with which parameter) and
``retry_after`` (seconds, with a 429) where they apply. Views raise ``ApiError`` (or ninja's
``HttpError``, which gets the code of its status); ``ApiJsonErrorsMiddleware`` gives the same
shape to anything else that answers an error under /api/ (the URL resolver, the body-size cap,
Wagtail's content API, the throttles)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    410: "gone",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "throttled",
    500: "server_error",
    503: "unavailable",
}


def code_for(status):
    return CODES.get(status, "server_error" if status >= 500 else "bad_request")


def default_message(status):
    messages = {
        400: _("Bad request."),
        401: _("Authentication required."),
        403: _("You do not have permission to see this."),
        404: _("Not found."),
        405: _("Method not allowed."),
        429: _("Too many requests. Please wait a few minutes and try again."),
    }
    return messages.get(status) or (_("Server error.") if status >= 500 else _("Bad request."))


class ApiError(HttpError):
    """An HttpError with its own machine code (``insufficient_scope``, ``already_member`` …)
    and optional extra fields for the body."""

    def __init__(self, status_code, message, code=None, **extra):
        super().__init__(status_code, message)
        self.code = code or code_for(status_code)
        self.extra = extra


def error_body(status, message=None, code=None, **extra):
    body = {"error": str(message or default_message(status)), "code": code or code_for(status)}
    body.update({key: value for key, value in extra.items() if value is not None})
    return body


def error_response(status, message=None, code=None, **extra):
    return JsonResponse(error_body(status, message, code, **extra), status=status)


class ErrorOut(Schema):
    """Every error answered under /api/."""

    error: str = Field(description="What went wrong, for a person, in the request's language.")
    code: str = Field(
        description="Stable machine code: bad_request, not_authenticated, permission_denied, "
        "insufficient_scope, not_found, method_not_allowed, conflict, too_large, throttled, or "
        "an operation's own code (listed in its description)."
    )
    detail: list[dict] | None = Field(
        None, description="With bad_request from parameter validation: one entry per problem."
    )
    retry_after: int | None = Field(None, description="With throttled: seconds to wait.")
