"""One page of results, ready to show: title and excerpt with the query's words marked
(escaped HTML), URL, type and language. Shared by the HTML page and the API."""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from . import discussions
from .highlight import excerpt, highlight


@dataclass
class Hit:
    kind: str  # "page" or "discussion"
    id: int
    title: str
    title_html: str
    excerpt_html: str
    url: str
    type: str  # page model name, or "discussion"
    type_label: str
    language: str  # "" for discussions (their community's languages vary)
    language_name: str = ""
    context: str = ""  # the community of a discussion
    context_language: str = ""  # its language when not the reader's (for a lang attribute)
    summary: str = ""  # a page's own summary (plain text), for the API


def _page_texts(page):
    return [
        getattr(page, "summary", ""),
        getattr(page, "intro", ""),
        page.search_description,
    ]


def page_hits(pages, query, locales):
    """``locales``: {locale id: Locale} (``Matches.locales``: read once per search)."""
    hits = []
    for page in pages:
        texts = _page_texts(page)
        model = type(page)  # the pages come from .specific()
        hits.append(
            Hit(
                kind="page",
                id=page.pk,
                title=page.title,
                title_html=highlight(page.title, query),
                excerpt_html=excerpt(texts, query) or "",
                summary=next((text for text in texts if text), ""),
                url=page.url or "",
                type=model._meta.model_name,
                type_label=str(model._meta.verbose_name),
                language=locales[page.locale_id].language_code,
                language_name=locales[page.locale_id].get_display_name(),
            )
        )
    return hits


def thread_hits(threads, query):
    threads = list(threads)
    # community names in the reader's language: one query for all the hits
    prefetch_related_objects([thread.community for thread in threads], "translations")
    texts = discussions.visible_texts(threads)
    return [
        Hit(
            kind="discussion",
            id=thread.pk,
            title=thread.title,
            title_html=highlight(thread.title, query),
            excerpt_html=excerpt(texts.get(thread.pk, []), query) or "",
            url=thread.get_absolute_url(),
            type="discussion",
            type_label=_("discussion"),
            language="",
            context=thread.community.local.name,
            context_language=thread.community.local.name_lang,
        )
        for thread in threads
    ]


def hits(matches, objects, query):
    """Hits for ``objects``, a slice of ``matches`` (``search.query.Matches``)."""
    if matches.kind == "pages":
        return page_hits(objects, query, matches.locales)
    return thread_hits(objects, query)


__all__ = ["Hit", "hits", "page_hits", "thread_hits"]
