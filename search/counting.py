"""Disjunctive facet counts of a search's matching pages, in one statement.

The backend's match query over every readable page (all types and languages) is evaluated
ONCE, as a materialised common table expression ``m`` with one row per match: its id, type,
language (for a search document, its tags too), and one flag per selected taxonomy facet
(whether the match passes that facet's selection). A ``UNION ALL`` of three branches reads it,
each branch giving rows of the one layout of ``_select``:

0. the matches grouped by type, language and flags, from which the type and language counts
   and the number of results are summed in Python, each facet leaving out its own selection;
1. the taxonomy values of the matches that pass the type and language selections and every
   *other* taxonomy selection, grouped by facet and value (so a facet's counts apply every
   other facet's selection and not its own); a page with several values (a resource's
   countries, a news article's) counts once under each;
2. the ids of the results when there are at most ``RESULT_IDS`` of them, so ranking need not
   filter every page again.

Two sources feed that statement (``page_counts`` picks one):

- ``DocumentCounts`` (PostgreSQL, whose backend keeps one narrow document per readable page:
  ``search.documents``) matches the documents, and reads taxonomy values from their tags;
  pages that carry their own country (country portals, news articles, events) have it as a
  tag, so they count with the resources;
- ``PageCounts`` (every other backend: SQLite, or a search server whose matching ids are
  fetched from it, correct but slower on large results) matches pages, and reads branch 1 from
  the two sources of ``search.taxonomy``: knowledge's denormalised facet rows, and the
  countries pages carry themselves (``taxonomy.own_countries_sql``: a portal's country, a news
  article's or an event's countries, ``global`` for those with none), as a second ``SELECT``
  of the branch.

Wagtail's ``.facet()`` is not used: it counts one field per query and cannot count
many-to-many values. Both databases the portal runs on have ``MATERIALIZED`` common table
expressions (PostgreSQL 12, SQLite 3.35).
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q

from knowledge.models import ResourceFacet
from portal.cache_versions import CONTENT, SEARCH_INDEX
from portal.fragments import cached

from . import documents, taxonomy
from .filters import TAXONOMY_FACETS
from .matching import document_tagged
from .models import SearchDocument

GROUPS, FACET_VALUES, RESULT_IDS = 0, 1, 2  # the branches, first column of every row


class _Counts:
    """Disjunctive counts of the matching pages: {content type id: n} (``type``), {locale id:
    n} (``language``), {facet: {slug: n}} (``taxonomy``) and the number of results
    (``total``). When the type selection leaves pages out (``wanted`` false), pages count for
    the type facet alone.

    A subclass says where the matches come from (``_matches``, whose columns are
    ``MATCH_COLUMNS`` then the flags) and where their taxonomy values are read
    (``_facet_values``)."""

    MAX_RESULT_IDS = 1000  # counting also returns the results' ids when there are at most this many
    MATCH_COLUMNS = ("id", "content_type_id", "locale_id")

    def __init__(self, search, filters, wanted, connection):
        self.types = search.content_type_ids(filters)
        self.languages = set(search.languages(filters))
        self.wanted = wanted
        self.type, self.language, self.taxonomy = {}, {}, {f: {} for f in TAXONOMY_FACETS}
        self.total = 0
        self.ids = None  # the ids of the results, when counting gave them (few results)
        chosen = [facet for facet in TAXONOMY_FACETS if getattr(filters, facet)]
        try:
            sql, params = self._matches(search, filters, chosen).query.sql_with_params()
        except EmptyResultSet:  # e.g. a search server that matched nothing
            return
        statement, params = self._statement(sql, params, chosen, connection)
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            self._read(cursor.fetchall(), chosen)

    def _statement(self, matches_sql, params, chosen, connection):
        """The one counting statement over the matches (``matches_sql``), and its parameters."""
        flags = [f"tagged_{facet}" for facet in chosen]
        columns = ", ".join((*self.MATCH_COLUMNS, *flags))
        grouped = ["m.content_type_id", "m.locale_id", *(f"m.{f}" for f in flags)]
        # Identifiers and placeholders only: every value is a parameter.
        groups = _select(
            GROUPS, chosen, content_type_id="m.content_type_id", locale_id="m.locale_id", flags=True
        )
        statement = (
            f"WITH m ({columns}) AS MATERIALIZED ({matches_sql}) "  # noqa: S608
            f"{groups} FROM m GROUP BY {', '.join(grouped)}"
        )
        if self.wanted:
            values_sql, values_params = self._facet_values(chosen, connection)
            ids_sql, ids_params = self._result_ids(chosen)
            statement += f" UNION ALL {values_sql} UNION ALL {ids_sql}"
            params = (*params, *values_params, *ids_params)
        return statement, params

    def _read(self, rows, chosen):
        ids = []
        for kind, facet, value, result_id, content_type_id, locale_id, *flags, n in rows:
            if kind == RESULT_IDS:
                ids.append(result_id)
            elif kind == FACET_VALUES:  # summed: a facet's values may come from several SELECTs
                counts = self.taxonomy[facet]
                counts[value] = counts.get(value, 0) + n
            elif all(flags):  # n matches of one type and language that pass every taxonomy facet
                self._add_page(content_type_id, locale_id, n)
        if self.wanted and len(ids) == self.total <= self.MAX_RESULT_IDS:
            self.ids = ids  # all the results

    def _passes(self, content_type_id, locale_id, skip=None):
        """Whether a row passes the type and language selections (``skip`` one of them)."""
        typed = skip == "type" or not self.types or content_type_id in self.types
        languaged = skip == "language" or not self.languages or locale_id in self.languages
        return typed and languaged

    def _add_page(self, content_type_id, locale_id, n):
        """Pages that pass every taxonomy selection."""
        if self._passes(content_type_id, locale_id, skip="type"):
            self.type[content_type_id] = self.type.get(content_type_id, 0) + n
        if not self.wanted:
            return
        if self._passes(content_type_id, locale_id, skip="language"):
            self.language[locale_id] = self.language.get(locale_id, 0) + n
        if self._passes(content_type_id, locale_id):
            self.total += n

    def _result_ids(self, chosen):
        """Branch 2: the ids of the results (the rows of ``m`` that pass every selection), at
        most ``MAX_RESULT_IDS`` + 1 of them."""
        where, params = self._typed_and_languaged()
        where += [f"m.tagged_{facet}" for facet in chosen]
        sql = (
            f"{_select(RESULT_IDS, chosen, result_id='r.id', n='1')} FROM "  # noqa: S608
            f"(SELECT m.id FROM m {_where(where)} LIMIT %s) r"
        )
        return sql, [*params, self.MAX_RESULT_IDS + 1]

    def _typed_and_languaged(self):
        """SQL conditions (and their parameters) on ``m`` for the type and language
        selections."""
        where, params = [], []
        for column, ids in (("content_type_id", self.types), ("locale_id", self.languages)):
            if ids:
                where.append(f"m.{column} IN ({', '.join(['%s'] * len(ids))})")
                params += sorted(ids)
        return where, params


class PageCounts(_Counts):
    """The counts over the backend's matching pages; taxonomy values from knowledge's facet rows
    and from the countries pages carry themselves (``search.taxonomy``)."""

    def _matches(self, search, filters, chosen):
        flags = {f"tagged_{f}": taxonomy.is_tagged(f, getattr(filters, f)) for f in chosen}
        return (
            search.matches(search.base_pages)
            .annotate(**flags)
            .values_list("pk", "content_type_id", "locale_id", *flags)
            .order_by()
        )

    def _facet_values(self, chosen, connection):
        """Branch 1, two ``SELECT``s of one layout: knowledge's facet rows of the matching
        resources, grouped by facet and value, and the own countries of the matching portals,
        news articles and events, grouped by country; of the matches that pass the type and
        language selections and every other facet's selection."""
        resources, resource_params = self._resource_values(chosen, connection)
        own, own_params = self._own_country_values(chosen, connection)
        return f"{resources} UNION ALL {own}", (*resource_params, *own_params)

    def _resource_values(self, chosen, connection):
        quote = connection.ops.quote_name
        table = quote(ResourceFacet._meta.db_table)
        entry = quote(ResourceFacet._meta.get_field("entry").column)
        facet, value = quote("facet"), quote("value")
        # A CROSS JOIN: SQLite then reads the few matches first and looks their facet rows up
        # (with an inner join it read every facet row); PostgreSQL plans it as an inner join.
        where, params = self._typed_and_languaged()
        per_facet = []
        for name in TAXONOMY_FACETS:
            per_facet.append(f"(f.{facet} = %s{_others(chosen, name)})")
            params.append(name)
        where.append(f"({' OR '.join(per_facet)})")
        sql = (
            f"{_select(FACET_VALUES, chosen, facet=f'f.{facet}', value=f'f.{value}')} FROM m "  # noqa: S608
            f"CROSS JOIN {table} f "
            f"WHERE f.{entry} = m.id AND {' AND '.join(where)} GROUP BY f.{facet}, f.{value}"
        )
        return sql, params

    def _own_country_values(self, chosen, connection):
        own, own_params = taxonomy.own_countries_sql(connection)
        where, where_params = self._typed_and_languaged()
        where += [f"m.tagged_{other}" for other in chosen if other != "country"]
        select = _select(FACET_VALUES, chosen, facet="%s", value="o.tagged_country")
        sql = (
            f"{select} FROM m JOIN ({own}) o ON o.tagged_page = m.id "  # noqa: S608
            f"{_where(where)} GROUP BY o.tagged_country"
        )
        return sql, ("country", *own_params, *where_params)


class DocumentCounts(_Counts):
    """The counts over the matching search documents; taxonomy values from their tags (a
    page's own countries are tags too)."""

    MATCH_COLUMNS = ("id", "content_type_id", "locale_id", "tags")

    def _matches(self, search, filters, chosen):
        selections = {facet: document_tagged(facet, getattr(filters, facet)) for facet in chosen}
        rows = documents.matching(search.backend, search.query, _candidates(selections))
        flags = [f"tagged_{facet}" for facet in chosen]
        return rows.values_list("page_id", "content_type_id", "locale_id", "tags", *flags)

    def _facet_values(self, chosen, connection):
        """Branch 1: the tags of the matches that pass the type and language selections and
        every other facet's selection, grouped by tag (``facet:value``)."""
        where, params = self._typed_and_languaged()
        if chosen:  # every tag is of a TAXONOMY_FACETS facet: no test without a selection
            per_facet = []
            for name in TAXONOMY_FACETS:
                per_facet.append(f"(t.tag LIKE %s{_others(chosen, name)})")
                params.append(taxonomy.tag(name, "%"))
            where.append(f"({' OR '.join(per_facet)})")
        facet = "split_part(t.tag, ':', 1)"
        value = "substr(t.tag, strpos(t.tag, ':') + 1)"
        sql = (
            f"{_select(FACET_VALUES, chosen, facet=facet, value=value)} FROM m "  # noqa: S608
            f"CROSS JOIN LATERAL unnest(m.tags) AS t (tag) {_where(where)} GROUP BY t.tag"
        )
        return sql, params


def page_counts(search, filters, wanted):
    """The counts of ``search``'s matching pages under ``filters``. The documents are of public
    pages only, so their counts are the same for every reader: with the search's request they
    are cached per query, language and filters until the content changes."""
    if search.documents:
        connection = connections[SearchDocument.objects.db]
        return cached(
            search.request,
            "search:page-counts",
            lambda: DocumentCounts(search, filters, wanted, connection),
            search.query,
            search.language,
            filters,
            wanted,
            kinds=(CONTENT, SEARCH_INDEX),
        )
    return PageCounts(search, filters, wanted, connections[search.base_pages.db])


def _select(
    kind,
    chosen,
    *,
    facet="NULL",
    value="NULL",
    result_id="CAST(NULL AS INTEGER)",  # typed: PostgreSQL makes two untyped NULLs text
    content_type_id="NULL",
    locale_id="NULL",
    flags=False,
    n="COUNT(*)",
):
    """The SELECT list of a branch, in the one layout every branch gives: kind, facet, value,
    result id, content type id, locale id, one flag per chosen facet (``flags``: those of
    ``m``), and the number of matches. A branch gives SQL for the columns it fills."""
    flag_columns = [f"m.tagged_{name}" if flags else "NULL" for name in chosen]
    columns = (facet, value, result_id, content_type_id, locale_id, *flag_columns, n)
    return f"SELECT {kind}, {', '.join(columns)}"


def _candidates(selections):
    """The documents to match, each with a ``tagged_<facet>`` flag per chosen facet. With two
    or more facets chosen, only those that miss at most one selection: a row that misses two
    counts nowhere (a facet's counts leave out its own selection only), and the tags' GIN
    index finds the others before the text is matched."""
    flags = {
        f"tagged_{facet}": ExpressionWrapper(selected, output_field=BooleanField())
        for facet, selected in selections.items()
    }
    rows = SearchDocument.objects.annotate(**flags)
    if len(selections) > 1:
        misses_at_most_one = Q()
        for facet in selections:
            others = Q()
            for other, selected in selections.items():
                if other != facet:
                    others &= selected
            misses_at_most_one |= others
        rows = rows.filter(misses_at_most_one)
    return rows


def _others(chosen, facet):
    """SQL on ``m``: `` AND`` the flags of every chosen facet but ``facet``."""
    return "".join(f" AND m.tagged_{other}" for other in chosen if other != facet)


def _where(conditions):
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""
