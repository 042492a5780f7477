"""Error pages in the reader's language, and a health check for load balancers.

Django's default 500 handler renders without a request context, so it cannot know the
language or text direction; these handlers render the project's templates with the request.
"""

import logging

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


_API_MESSAGES = {
    400: "Bad request.",
    403: "You do not have permission to see this.",
    404: "Not found.",
    500: "Server error. The problem has been logged.",
}


def _respond(request, template_name, status):
    if request.path.startswith("/api/"):
        return JsonResponse({"error": _API_MESSAGES[status]}, status=status)
    body = loader.get_template(template_name).render({"status": status}, request)
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return _respond(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return _respond(request, "403.html", 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return _respond(request, "404.html", 404)


@requires_csrf_token
def server_error(request):
    try:
        return _respond(request, "500.html", 500)
    except Exception:  # the error page must never fail itself
        logger.exception("500 template failed to render")
        return HttpResponseServerError("Server error", content_type="text/plain")


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("portal/favicon.svg"))


def api_not_found(request):
    """Unknown /api/ paths answer JSON, never the HTML page or a language redirect."""
    return JsonResponse({"error": _API_MESSAGES[404]}, status=404)
