"""What the glossary page shows: the page language's terms in its alphabetical order, filtered
by ``?q=`` on the server."""

from portal.fragments import locale_codes

from .glossary import QueryError, clean_query, entries_for, search


def glossary_context(page, request):
    language = locale_codes(request).get(page.locale_id) or page.locale.language_code
    entries = entries_for(language, request)
    raw = request.GET.get("q", "")
    try:
        query = clean_query(raw)
    except QueryError as error:
        return {
            "entries": [],
            "query": "",
            "query_error": str(error),
            "total": len(entries),
            "glossary_language": language,
        }
    return {
        "entries": search(entries, query),
        "query": query,
        "query_error": "",
        "total": len(entries),
        "glossary_language": language,
    }
