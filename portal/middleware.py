import json
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest, get_bytes_from_wsgi
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .api_errors import error_response
from .views import bad_request

# Paths outside i18n_patterns: a 404 there is final, not a hint to retry under /<lang>/.
UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/sitemap",
)

# The widest integer a database column holds (PostgreSQL bigint, SQLite INTEGER).
MAX_DATABASE_INTEGER = 2**63 - 1
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class MalformedInputMiddleware:
    """Refuse, before any view runs, input that no view can use.

    - A NUL character in the path, or a NUL or bytes that are not UTF-8 in the query string
      (form fields and JSON bodies: ``MalformedBodyMiddleware``, after the size cap): the
      portal's 400 page in the path's language (JSON under /api/).
      PostgreSQL refuses NUL in text, so a NUL reaching a query was a 500; Django would replace
      broken UTF-8 with U+FFFD and store that.
    - A cookie with a NUL is dropped before the session middleware reads it (a session key is
      looked up in the database).
    - An integer URL parameter past 64 bits is "not found": no row has that id, and SQLite
      cannot even compare it.

    It sits before the session middleware (for the cookies), so it chooses the language of
    its 400 page from the path itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.COOKIES = {
            name: value
            for name, value in request.COOKIES.items()
            if "\x00" not in name and "\x00" not in value
        }
        if not _acceptable(request):
            return _bad_request(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and abs(value) > MAX_DATABASE_INTEGER:
                raise Http404
        return None


def _bad_request(request):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return bad_request(request)


def _is_text(raw):
    """True for bytes that are UTF-8 without NUL."""
    if b"\x00" in raw:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_clean_string(value):
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which JSON can carry as \ud800
        return False
    return True


def _raw_query_string(request):
    """The query string as the client sent its bytes (percent-encoded, normally ASCII)."""
    if isinstance(request, WSGIRequest):
        return get_bytes_from_wsgi(request.environ, "QUERY_STRING", "")
    return request.META.get("QUERY_STRING", "").encode("utf-8", "surrogatepass")


def _urlencoded_is_text(raw):
    return _is_text(unquote_to_bytes(raw.replace(b"+", b" ")))


def _json_is_clean(data):
    if isinstance(data, str):
        return _is_clean_string(data)
    if isinstance(data, dict):
        return all(_json_is_clean(k) and _json_is_clean(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_json_is_clean(item) for item in data)
    return True


def _body_is_acceptable(request):
    content_type = request.content_type
    if content_type == "application/x-www-form-urlencoded":
        return _urlencoded_is_text(request.body)
    if content_type == "multipart/form-data":
        if request.path_info.startswith("/api/"):
            # The API reads the raw body after us, and Django cannot give it once the stream
            # has been parsed into fields: read it first (the size cap has already run).
            request.body  # noqa: B018
        # Django decodes multipart fields itself (replacing broken UTF-8); NUL survives it.
        fields = list(request.POST) + [
            value for _name, values in request.POST.lists() for value in values
        ]
        fields += [upload.name or "" for upload in request.FILES.values()]
        return all(_is_clean_string(field) for field in fields)
    if content_type == "application/json":
        try:
            data = json.loads(request.body)
        except ValueError:
            return True  # not JSON at all: the API answers that itself
        return _json_is_clean(data)
    return True


def _acceptable(request):
    # Django keeps bytes of the path that are not UTF-8 percent-encoded ("%C3(" is looked up
    # as it is, and not found), so only a NUL is left to refuse there.
    if not _is_clean_string(request.path_info):
        return False
    return _urlencoded_is_text(_raw_query_string(request))


class MalformedBodyMiddleware:
    """The body half of ``MalformedInputMiddleware``: form fields and JSON with a NUL or broken
    UTF-8 answer 400. It runs after the request-size cap (``portal.body_limits``), so nothing
    reads a body before its size is checked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in BODY_METHODS and not _body_is_acceptable(request):
            return _bad_request(request)
        return self.get_response(request)


class ApiJsonErrorsMiddleware:
    """Under /api/ every error has the one JSON shape of ``portal.api_errors`` (README, *API*).
    The API framework answers a method it does not route with plain text and Wagtail's content
    API (Django REST framework) answers ``{"message": …}``: this gives those answers, and any
    other error under /api/ without a ``code``, the portal's shape, keeping their headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/api/") and response.status_code >= 400:
            return _api_error_shape(response)
        return response


def _api_error_shape(response):
    body = None
    if response.get("Content-Type", "").startswith("application/json") and not getattr(
        response, "streaming", False
    ):
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
    if isinstance(body, dict) and isinstance(body.get("error"), str) and "code" in body:
        return response
    status = response.status_code
    message = None
    extra = {}
    if isinstance(body, dict):
        message = body.get("error") or body.get("message") or body.get("detail")
        if not isinstance(message, str):
            message = None
        extra = {k: v for k, v in body.items() if k in ("detail", "retry_after")}
        if isinstance(extra.get("detail"), str):
            extra.pop("detail")
    if message is None:
        message = f"{response.reason_phrase.capitalize()}."  # "Method not allowed."
    json_response = error_response(status, message, **extra)
    for header in ("Allow", "Retry-After", "WWW-Authenticate", "Vary"):
        if header in response:
            json_response[header] = response[header]
    # CommonMiddleware, which sets it on the way out, has already run (it is further in).
    json_response["Content-Length"] = str(len(json_response.content))
    return json_response
