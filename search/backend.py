"""The database search backend on PostgreSQL: per-language text search, and site search's
documents kept in step.

Wagtail's PostgreSQL backend, with two changes:

- **Languages.** An object with a locale (every page) is indexed with its language's
  text-search configuration (``LANGUAGE_CONFIGS``: English, French, Spanish, Arabic and
  Indonesian stemming; ``simple`` for Vietnamese, Khmer, Bengali and objects without a
  language). A query is matched in every configuration at once (the ``OR`` of its tsqueries),
  so each document is found by the stems of its own language, whichever language the reader
  uses; the same rule for every search, so counts and results always agree.
- **Documents.** Writing or deleting a page's index entry also rewrites that page's
  ``SearchDocument`` (``search.documents``), and a rebuild (``update_index``) rewrites them all
  once the entries and their title norms are final.

Selected by ``search.backend_settings.database_backends`` when the database is PostgreSQL.
"""

import copy

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchRebuilder,
)
from wagtail.models import Locale, Page

from . import documents
from .compilers import EveryLanguageQueryCompiler


def _pages(model, objs):
    return [obj.pk for obj in objs] if issubclass(model, Page) else []


class _EntriesOnly(PostgresIndex):
    """Writes entries; the title norms (an average over the whole table) are refreshed once
    by the caller, not once per language."""

    def _refresh_title_norms(self, full=False):
        pass


class DocumentIndex(PostgresIndex):
    def add_items(self, model, objs):
        for config, group in self._by_config(objs).items():
            _EntriesOnly(self.backend.configured(config)).add_items(model, group)
        self._refresh_title_norms()
        documents.refresh(_pages(model, objs))

    def _by_config(self, objs):
        """{text-search configuration: objects}: each object in its language's."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = {}
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            groups.setdefault(self.backend.config_for(language), []).append(obj)
        return groups

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
    query_compiler_class = EveryLanguageQueryCompiler
    index_class = DocumentIndex
    rebuilder_class = DocumentRebuilder
    atomic_rebuilder_class = AtomicDocumentRebuilder
    page_documents = (
        True  # site search reads SearchDocument rows (search.counting, search.matching)
    )

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))
        default = self.config or "simple"
        self.configs = tuple(dict.fromkeys([default, *self.language_configs.values()]))

    def config_for(self, language):
        return self.language_configs.get(language) or self.config

    def configured(self, config):
        """This backend indexing with ``config`` (the indexer reads ``backend.config``)."""
        backend = copy.copy(self)
        backend.config = config
        return backend


SearchBackend = DocumentSearchBackend
