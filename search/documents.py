"""Search documents on PostgreSQL: one narrow row per readable page (``SearchDocument``), kept in
step with the pages, and searched with the database backend's own query compiler.

Why: the backend matches a page through a join from ``wagtailcore_page`` to its wide index
entry (title, body, autocomplete and plain-text copies) on ``object_id = id::varchar``, and
site search then restricts to live, public pages and probes the taxonomy tables once per match.
At 100,000 pages a common word matched 66,000 entries and a three-facet search took 600 ms. A
document row carries what a search needs: the entry's own ``title``/``body`` vectors and
``title_norm`` (so matching and ranking are the backend's, unchanged), the page's type and
language, and its taxonomy tags (``search.taxonomy.tags_sql``: knowledge's facet rows of a
resource, and the countries a page carries itself: a country portal's, a news article's or an
event's, or ``global`` for news and events with none).

Rows exist for live, public pages that have an index entry, and are rewritten:

- when the backend indexes or unindexes a page (``search.backend``: publishing, editing,
  ``update_index``), after the entry itself is written;
- when a page is published, unpublished or moved, and when a view restriction is added,
  changed or removed (``connect``), synchronously, so a page that stops being readable leaves
  search at once, as it did when search filtered the page tree. ``page_published`` is sent
  once the page and its many-to-many rows are saved, so a news article or an event republished
  with other countries is re-tagged then (a draft revision changes neither the rows nor the
  tags);
- deleting a page deletes its row (``post_delete`` of ``Page``: deleting a page of any type
  deletes its ``wagtailcore_page`` row, so one receiver sees every page once; a receiver for
  every model would stop Django deleting other apps' rows in bulk).
"""

from django.apps import apps
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_published, page_unpublished, post_page_move

from knowledge import signals as knowledge_signals
from portal import cache_versions
from portal.fragments import cached_each

from . import taxonomy
from .compilers import DocumentQueryCompiler
from .hits import PageSource
from .models import SearchDocument


def _connection():
    return connections[SearchDocument.objects.db]


def enabled():
    """Whether the default search backend keeps documents (the PostgreSQL database backend)."""
    return getattr(get_search_backend(), "page_documents", False)


def _write(where, params):
    """Delete the documents of the pages that ``where`` selects (SQL with ``{id}`` for the page
    id column) and write them again for those that are live, public and indexed."""
    connection = _connection()
    quote = connection.ops.quote_name
    table = quote(SearchDocument._meta.db_table)
    pages = quote(Page._meta.db_table)
    entries = quote(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    readable = Page.objects.live().public().exclude(depth=1).order_by().values("pk")
    readable_sql, readable_params = readable.query.sql_with_params()
    tags_sql, tags_params = taxonomy.tags_sql("p.id", connection)
    insert = (
        f"INSERT INTO {table} "  # noqa: S608 - identifiers from the models, values as parameters
        "(page_id, content_type_id, locale_id, tags, title, body, title_norm) "
        f"SELECT p.id, p.content_type_id, p.locale_id, {tags_sql}, "
        f"e.title, e.body, e.title_norm FROM {pages} p JOIN {entries} e "
        "ON e.content_type_id = p.content_type_id AND e.object_id = p.id::varchar(50) "
        f"WHERE {where.format(id='p.id')} AND p.id IN ({readable_sql}) "
        "ON CONFLICT (page_id) DO UPDATE SET tags = EXCLUDED.tags, title = EXCLUDED.title, "
        "body = EXCLUDED.body, title_norm = EXCLUDED.title_norm"
    )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {where.format(id='page_id')}", params)  # noqa: S608
        cursor.execute(insert, (*tags_params, *params, *readable_params))
    cache_versions.bump(cache_versions.SEARCH_INDEX)


def refresh(page_ids):
    """Rewrite the documents of these pages."""
    page_ids = sorted({int(pk) for pk in page_ids})
    if page_ids:
        _write("{id} = ANY(%s)", [page_ids])


def refresh_subtree(page):
    """Rewrite the documents of ``page`` and every page below it (a move or a view restriction
    changes whether they are public)."""
    path = Page.objects.filter(pk=page.pk).values_list("path", flat=True).first()
    if path is None:
        return
    pages = _connection().ops.quote_name(Page._meta.db_table)
    # Tree paths are base-36 digits: nothing in them is special to LIKE.
    _write(f"{{id}} IN (SELECT id FROM {pages} WHERE path LIKE %s)", [f"{path}%"])  # noqa: S608


def remove(page_ids):
    connection = _connection()
    if connection.vendor == "postgresql" and page_ids:
        table = connection.ops.quote_name(SearchDocument._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE page_id = ANY(%s)", [list(page_ids)])  # noqa: S608
        cache_versions.bump(cache_versions.SEARCH_INDEX)


def rebuild():
    """Rewrite every document (after the backend rebuilt its index)."""
    _write("TRUE", [])


def clear():
    connection = _connection()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(SearchDocument._meta.db_table)}")  # noqa: S608
    cache_versions.bump(cache_versions.SEARCH_INDEX)


def matching(backend, query, documents):
    """The rows of ``documents`` (a ``SearchDocument`` queryset) that match ``query``."""
    if not query:
        return documents.none()
    compiler = DocumentQueryCompiler(documents, query, order_by_relevance=False)
    return compiler.search(backend.configs, None, None).order_by()


def ranked(backend, query, documents):
    """``documents`` that match ``query``, most relevant first (ties: newest page first)."""
    if not query:
        return documents.none()
    return DocumentQueryCompiler(documents, query).search(backend.configs, None, None)


class RankedPages:
    """Ranked documents (a queryset, or their page ids in order) read as what a hit shows of
    each page (``search.hits.PageSource``), one slice (a page of results) at a time: one query
    for the slice's page ids (none from a list), and the specific pages only of those not
    cached yet for this content version (with a ``request``)."""

    def __init__(self, documents, request=None):
        self.documents = documents
        self.request = request

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        if isinstance(self.documents, list):
            ids = self.documents[key]
        else:
            ids = list(self.documents[key].values_list("page_id", flat=True))
        sources = cached_each(self.request, "search:page-source", ids, _page_sources)
        return [source for source in sources if source is not None]


def _page_sources(ids):
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [PageSource.of(pages[pk]) if pk in pages else None for pk in ids]


def _on_page_changed(sender, instance, **kwargs):
    if enabled():
        refresh([instance.pk])


def _on_subtree_changed(sender, instance, **kwargs):
    if enabled():
        refresh_subtree(instance)


def _on_restriction_changed(sender, instance, **kwargs):
    if enabled():
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            refresh_subtree(page)


def _on_page_deleted(sender, instance, **kwargs):
    remove([instance.pk])


def connect():
    # A document's tags are read from knowledge's facet rows, which knowledge's receivers rewrite
    # on a publish, a move or a restriction change. Receivers run in the order they were
    # connected: knowledge's are connected first, here (again in knowledge's own ready(), a no-op
    # by dispatch_uid), so they run first whatever the order of INSTALLED_APPS.
    knowledge_signals.connect()
    page_published.connect(_on_page_changed, dispatch_uid="search-doc-published")
    page_unpublished.connect(_on_page_changed, dispatch_uid="search-doc-unpublished")
    post_page_move.connect(_on_subtree_changed, dispatch_uid="search-doc-moved")
    post_save.connect(_on_restriction_changed, sender=PageViewRestriction, dispatch_uid="sd-r1")
    post_delete.connect(_on_restriction_changed, sender=PageViewRestriction, dispatch_uid="sd-r2")
    post_delete.connect(_on_page_deleted, sender=Page, dispatch_uid="search-doc-deleted")
