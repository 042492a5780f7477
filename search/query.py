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


def _page_types():
    """Content types of page models that readers can find, keyed by model name."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    models = [m for m in get_page_models() if m is not Page and not m._meta.abstract]
    types = ContentType.objects.get_for_models(*models)
    return {model._meta.model_name: (ct, model) for model, ct in types.items()}


def faceted_search(query, reader_language, types=(), languages=()):
    """Disjunctive facets: results match every selected facet (OR within one facet); each
    facet's counts ignore that facet's own selection, so its other options stay visible."""
    all_types = _page_types()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    type_ids = [all_types[t][0].pk for t in types if t in all_types]
    locale_ids = [locales[code].pk for code in languages if code in locales]
    base = Page.objects.live().public().exclude(depth=1)
    backend = backend_for(reader_language)

    def run(type_filter, locale_filter):
        pages = base
        if type_filter:
            pages = pages.filter(content_type_id__in=type_filter)
        if locale_filter:
            pages = pages.filter(locale_id__in=locale_filter)
        return backend.search(query, pages.specific())

    results = run(type_ids, locale_ids)
    type_counts = run([], locale_ids).facet("content_type_id")
    language_counts = run(type_ids, []).facet("locale_id")
    names_by_ct = {ct.pk: (name, model) for name, (ct, model) in all_types.items()}
    codes_by_locale = {loc.pk: code for code, loc in locales.items()}
    facets = {
        "type": [
            {
                "value": names_by_ct[ct_id][0],
                "label": str(names_by_ct[ct_id][1]._meta.verbose_name),
                "count": count,
                "selected": names_by_ct[ct_id][0] in types,
            }
            for ct_id, count in type_counts.items()
            if ct_id in names_by_ct and count
        ],
        "language": [
            {
                "value": codes_by_locale[locale_id],
                "label": dict(settings.LANGUAGES).get(codes_by_locale[locale_id], ""),
                "count": count,
                "selected": codes_by_locale[locale_id] in languages,
            }
            for locale_id, count in language_counts.items()
            if locale_id in codes_by_locale and count
        ],
    }
    for options in facets.values():
        options.sort(key=lambda option: (-option["count"], option["label"]))
    return results, facets
