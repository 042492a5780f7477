"""One page of results, ready to show: title and excerpt with the query's words marked
(escaped HTML), URL, type and language. Shared by the HTML page and the API."""

from dataclasses import dataclass

from django.apps import apps
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


@dataclass(frozen=True)
class PageSource:
    """What a hit shows of a page, the same for every reader and every query: cached per page
    and content version (``search.documents.RankedPages``), so a page of results reads no
    page."""

    pk: int
    title: str
    texts: tuple  # summary, intro, search description: the excerpt's sources
    url: str
    model: str  # "app_label.modelname"
    locale_id: int

    @classmethod
    def of(cls, page):
        """From a specific page."""
        texts = (getattr(page, "summary", ""), getattr(page, "intro", ""), page.search_description)
        return cls(
            page.pk, page.title, texts, page.url or "", page._meta.label_lower, page.locale_id
        )


def page_hits(pages, query, locales):
    """``pages``: specific pages or their ``PageSource``; ``locales``: {locale id: Locale}
    (``Matches.locales``: read once per search)."""
    hits = []
    for page in pages:
        source = page if isinstance(page, PageSource) else PageSource.of(page)
        model = apps.get_model(source.model)
        locale = locales[source.locale_id]
        hits.append(
            Hit(
                kind="page",
                id=source.pk,
                title=source.title,
                title_html=highlight(source.title, query),
                excerpt_html=excerpt(source.texts, query) or "",
                summary=next((text for text in source.texts if text), ""),
                url=source.url,
                type=model._meta.model_name,
                type_label=str(model._meta.verbose_name),
                language=locale.language_code,
                language_name=locale.get_display_name(),
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


__all__ = ["Hit", "PageSource", "hits", "page_hits", "thread_hits"]
