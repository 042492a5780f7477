"""The database search backend on PostgreSQL, keeping site search's documents in step.

Wagtail's PostgreSQL backend as it is, except that writing or deleting a page's index entry
also rewrites that page's ``SearchDocument`` (``search.documents``), and a rebuild
(``update_index``) rewrites them all once the entries and their title norms are final.
Selected by ``search.backend_settings.database_backends`` when the database is PostgreSQL.
"""

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchRebuilder,
)
from wagtail.models import Page

from . import documents


def _pages(model, objs):
    return [obj.pk for obj in objs] if issubclass(model, Page) else []


class DocumentIndex(PostgresIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        documents.refresh(_pages(model, objs))

    def delete_item(self, item):
        super().delete_item(item)
        documents.refresh(_pages(type(item), [item]))

    def reset(self):
        super().reset()
        documents.clear()


class _RewritesDocuments:
    def finish(self):
        super().finish()  # entries and title norms final (and, if atomic, committed)
        documents.rebuild()


class DocumentRebuilder(_RewritesDocuments, PostgresSearchRebuilder):
    pass


class AtomicDocumentRebuilder(_RewritesDocuments, PostgresSearchAtomicRebuilder):
    pass


class DocumentSearchBackend(PostgresSearchBackend):
    index_class = DocumentIndex
    rebuilder_class = DocumentRebuilder
    atomic_rebuilder_class = AtomicDocumentRebuilder
    page_documents = True  # site search reads SearchDocument rows (search.query)


SearchBackend = DocumentSearchBackend
