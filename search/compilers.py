"""Query compilers for the PostgreSQL search backend (``search.backend``)."""

from functools import reduce
from operator import or_

from django.db.models import F
from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler


class EveryLanguageQueryCompiler(PostgresSearchQueryCompiler):
    """``config`` may be several text-search configurations: the query is then the ``OR`` of
    its tsquery in each, so a document indexed with French stems is found by the French stems
    of the query, one with English stems by the English ones."""

    def get_config(self, backend):
        return backend.configs

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        parts = [super(EveryLanguageQueryCompiler, self).build_tsquery(query, c) for c in config]
        parts = [part for part in parts if part is not None]
        return reduce(or_, parts) if parts else None


class DocumentQueryCompiler(EveryLanguageQueryCompiler):
    """The backend's compiler (the same tsquery, rank expression and order) reading the vectors
    from a ``SearchDocument`` row instead of the page's joined index entries, and matching the
    stored ``vector`` (``title || body``) rather than concatenating the two on every row."""

    def get_search_fields_for_model(self):
        return []

    def get_index_vectors(self, search_query):
        return [(F("title"), F("title_norm")), (F("body"), 1.0)]

    def search(self, config, start, stop, score_field=None, backend=None):
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return self.queryset.none()
        rank = self._build_rank_expression(self.get_search_vectors(search_query), config)
        queryset = self.queryset.filter(vector=search_query)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)
