"""Searching pages in a language: the one place the views and the API share."""

from django.conf import settings
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Trim, cap the length and drop characters no backend can index (controls, surrogates)."""
    text = "".join(ch for ch in raw[: MAX_QUERY_LENGTH * 2] if ch.isprintable() or ch == " ")
    text = text.encode("utf-8", "ignore").decode("utf-8")
    if text.count('"') % 2:  # an unbalanced phrase quote is a syntax error in SQLite FTS5
        text = text.replace('"', " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def backend_for(language):
    """The backend configured for this language (per-language analyzers), else the default."""
    alias = f"lang_{language}"
    return get_search_backend(alias if alias in settings.WAGTAILSEARCH_BACKENDS else "default")


def searchable_pages(language, all_languages=False):
    pages = Page.objects.live().public().exclude(depth=1)
    if not all_languages:
        pages = pages.filter(locale=Locale.objects.get(language_code=language))
    return pages


def search_pages(query, language, all_languages=False):
    return backend_for(language).search(query, searchable_pages(language, all_languages).specific())


def autocomplete_pages(query, language, limit=8):
    return backend_for(language).autocomplete(query, searchable_pages(language))[:limit]


def editors_picks(query, language):
    """Wagtail search promotions for this query, in the reader's language where translated."""
    picks = []
    promoted = Query.get(query).editors_picks.select_related("page").order_by("sort_order")
    for pick in promoted:
        if pick.page is None:
            continue
        page = pick.page.localized
        if page.live and page.locale.language_code == language:
            picks.append({"page": page.specific, "description": pick.description})
    return picks
