from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from .analytics import report

PERIODS = (7, 30, 90, 365)
PERMISSION = "search.view_search_analytics"


def search_analytics(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("language", "")
    if language not in languages:
        language = ""
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if days not in PERIODS:
        days = 30
    return render(
        request,
        "search/admin/analytics.html",
        {
            "page_title": _("Search analytics"),
            "header_title": _("Search analytics"),
            "report": report(language=language or None, days=days),
            "languages": languages,
            "language": language,
            "periods": PERIODS,
            "days": days,
        },
    )
