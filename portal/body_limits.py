"""Request bodies are capped before they are read.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count files, and FILE_UPLOAD_MAX_MEMORY_SIZE only
decides when an upload goes to a temporary file: a 40 MB upload is read to the end and only
then refused by the form. This middleware answers 413 as soon as the headers show a body larger
than the path's limit (``REQUEST_BODY_MAX_SIZE``, or the longest matching prefix in
``REQUEST_BODY_MAX_SIZE_BY_PATH``), so the view never runs and the body is never read.

A chunked body has no length up front. Django itself ignores such a body under WSGI; where the
server says the stream ends by itself (``wsgi.input_terminated``, as gunicorn does) it is read
here, at most one byte past the limit, into a temporary file, and then handed to Django as an
ordinary body of known length. Under ASGI the server has read the body before Django starts, so
there the cap saves the parsing only; deploy with gunicorn (README, *Deployment*).
"""

import tempfile

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

CHUNK = 64 * 1024


def limit_for(path):
    limit = settings.REQUEST_BODY_MAX_SIZE
    best = ""
    for prefix, size in getattr(settings, "REQUEST_BODY_MAX_SIZE_BY_PATH", {}).items():
        if path.startswith(prefix) and len(prefix) > len(best):
            best, limit = prefix, size
    return limit


def too_large(request, limit):
    megabytes = max(1, limit // (1024 * 1024))
    message = _("The request is too large. The most this address accepts is %(mb)s MB.") % {
        "mb": megabytes
    }
    if request.path_info.startswith("/api/"):
        return JsonResponse({"error": message}, status=413)
    body = loader.get_template("413.html").render({"status": 413, "message": message}, request)
    return HttpResponse(body, status=413)


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = limit_for(request.path_info)
        length = request.META.get("CONTENT_LENGTH")
        if length:
            try:
                declared = int(length)
            except ValueError:
                declared = None
            if declared is not None and declared > limit:
                return too_large(request, limit)
        elif _chunked(request) and not _read_capped(request, limit):
            return too_large(request, limit)
        return self.get_response(request)


def _chunked(request):
    return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower() and bool(
        request.META.get("wsgi.input_terminated")
    )


def _read_capped(request, limit):
    """Read a chunked WSGI body into a temporary file; False as soon as it passes ``limit``."""
    source = request.META["wsgi.input"]
    # Handed to the request below, which reads it after this function returns.
    buffer = tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE)  # noqa: SIM115
    size = 0
    while True:
        chunk = source.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            buffer.close()
            return False
        buffer.write(chunk)
    buffer.seek(0)
    request.META["CONTENT_LENGTH"] = str(size)
    request._stream = LimitedStream(buffer, size)
    request._read_started = False
    return True
