"""Error pages in the reader's language, and a health check for load balancers.

Django's default 500 handler renders without a request context, so it cannot know the
language or text direction; these handlers render the project's templates with the request.
"""

import logging

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import get_language_info
from django.views.decorators.csrf import requires_csrf_token

from .api_errors import error_response
from .localization import versions_elsewhere
from .sitemaps import language_sitemaps

logger = logging.getLogger(__name__)


_API_MESSAGES = {
    400: "Bad request.",
    403: "You do not have permission to see this.",
    404: "Not found.",
    500: "Server error. The problem has been logged.",
}


def _respond(request, template_name, status):
    if request.path.startswith("/api/"):
        return error_response(status, _API_MESSAGES[status])
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
    if request.method in ("GET", "HEAD") and not request.path.startswith("/api/"):
        response = _not_translated(request)
        if response is not None:
            return response
    return _respond(request, "404.html", 404)


def _not_translated(request):
    """A page that exists in other languages but not in the one asked for: say so and link to
    them. Status 404, not 200: a 200 would give crawlers one near-empty page per language for
    every untranslated page (a "soft 404"); readers see the same page either way. When the
    page exists in the asked language under a translated slug, go there instead."""
    language, versions = versions_elsewhere(request)
    if not versions:
        return None
    own = [v for v in versions if v.locale.language_code == language]
    if own:
        url = own[0].get_url(request)
        return redirect(url) if url and url != request.path else None
    order = [code for code, _name in settings.LANGUAGES]
    links = sorted(
        (
            {
                "code": v.locale.language_code,
                "name": dict(settings.LANGUAGES).get(v.locale.language_code, ""),
                "title": v.title,
                "url": v.get_url(request),
                "dir": "rtl" if get_language_info(v.locale.language_code)["bidi"] else "ltr",
            }
            for v in versions
            if v.locale.language_code in order
        ),
        key=lambda link: order.index(link["code"]),
    )
    if not links:
        return None
    context = {
        "status": 404,
        "language_name": settings.LANGUAGE_NAMES_TRANSLATED.get(language, language),
        "versions": links,
    }
    body = loader.get_template("not_translated.html").render(context, request)
    return HttpResponse(body, status=404)


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


def sitemap_index(request):
    """/sitemap.xml: links to one sitemap per language (portal/sitemaps.py)."""
    return sitemap_views.index(request, language_sitemaps(request), sitemap_url_name="sitemap")


def sitemap(request, section):
    """/sitemap-<lang>.xml; an unknown language is a 404."""
    return sitemap_views.sitemap(request, language_sitemaps(request), section=section)
