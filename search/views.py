"""Site search, in the reader's language by default. A first version over Wagtail pages; the
search issue adds facets, autocomplete, promotions and analytics on top of this view."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """Trim, cap the length and drop characters no backend can index (controls, surrogates)."""
    text = "".join(ch for ch in raw[: MAX_QUERY_LENGTH * 2] if ch.isprintable() or ch == " ")
    text = text.encode("utf-8", "ignore").decode("utf-8")
    if text.count('"') % 2:  # an unbalanced phrase quote is a syntax error in SQLite FTS5
        text = text.replace('"', " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    all_languages = request.GET.get("all") == "1"
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().exclude(depth=1)
        if not all_languages:
            pages = pages.filter(locale=Locale.get_active())
        results = pages.specific().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "all_languages": all_languages,
            "page_obj": page_obj,
            "results": page_obj.object_list,
            "title": _("Search"),
        },
    )
