"""Query compilers for the PostgreSQL search backend (``search.backend``)."""

from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import F
from django.db.models.sql import Query
from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler
from modelsearch.query import Phrase, PlainText


class _TSQuery(SearchQuery):
    """A tsquery given as its text (PostgreSQL's own output, so every lexeme is quoted)."""

    def __init__(self, text):
        super().__init__(text, search_type="raw")
        self.text = text

    def as_sql(self, compiler, connection, **extra_context):
        return "%s::tsquery", [self.text]


class EveryLanguageQueryCompiler(PostgresSearchQueryCompiler):
    """``config`` may be several text-search configurations: the query is then the ``OR`` of
    its tsquery in each, so a document indexed with French stems is found by the French stems
    of the query, one with English stems by the English ones.

    Most configurations turn most words into the same lexemes, and every alternative costs
    each matched row again when it is ranked, so the tsqueries are computed once by the
    database (one small query) and only the distinct ones are OR-ed, as a tsquery constant."""

    def get_config(self, backend):
        return backend.configs

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        return self._distinct_union(query, config)

    def _distinct_union(self, query, configs):
        parts = [super(EveryLanguageQueryCompiler, self).build_tsquery(query, c) for c in configs]
        parts = [part for part in parts if part is not None]
        if not parts:
            return None
        key = _cache_key(query, configs, self.queryset.db)
        texts = _TEXTS.get(key) if key else None
        if texts is None:
            texts = _tsquery_texts(parts, self.queryset.db)
            if key:
                if len(_TEXTS) >= _TEXTS_MAX:
                    _TEXTS.clear()
                _TEXTS[key] = texts
        distinct = [text for text in dict.fromkeys(texts) if text]
        if not distinct:  # only stop words in every configuration: match nothing
            return reduce(or_, parts)
        return _TSQuery(" | ".join(f"({text})" for text in distinct))


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


# {(query class, text, operator, configurations, database): tsquery texts}: a word's lexemes in
# a configuration never change while the process runs, so a repeated query asks no more.
_TEXTS = {}
_TEXTS_MAX = 2000


def _cache_key(query, configs, using):
    if not isinstance(query, PlainText | Phrase):
        return None
    operator = getattr(query, "operator", "")
    return (type(query).__name__, query.query_string, operator, configs, using)


def _tsquery_texts(expressions, using):
    """The text of each tsquery expression, as the database computes it (one query)."""
    connection = connections[using]
    query = Query(None)
    compiler = query.get_compiler(using=using)
    columns, params = [], []
    for expression in expressions:
        sql, expression_params = expression.resolve_expression(query).as_sql(compiler, connection)
        columns.append(f"({sql})::text")
        params.extend(expression_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)  # noqa: S608 - compiled expressions
        return list(cursor.fetchone())
