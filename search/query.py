"""Searching pages and discussions in a language: the one place the views and the API share.

``site_search`` runs the query with the reader's filters and returns the matches (pages, and
the discussions the reader may read) and the facet counts. Facets are disjunctive: options
within one facet are OR-ed, facets are AND-ed, and each facet's counts apply every *other*
facet's selection but not its own, so the options of a facet stay visible after one is chosen.

Counting is done in the database over the backend's own match query, evaluated ONCE. On
PostgreSQL the backend keeps one narrow document per readable page (``search.documents``) and
one statement (``_DocumentCounts``) counts over those rows alone, ranking reading them too.
Elsewhere one statement (``_PageCounts``) materialises the matching readable pages (every type
and language) with a flag per country/industry/topic selection, and groups them, and
knowledge's denormalised facet rows joined to them (``search.taxonomy``); every disjunctive
count is summed from those rows. Discussions take one query grouped by community
(``search.discussions``). Wagtail's ``.facet()`` is not used: it counts one field per query
and cannot count many-to-many values. A database without ``MATERIALIZED`` common table
expressions takes one grouped query per distinct "other filters" (``_GroupedPageCounts``). A
search server (Elasticsearch) goes through the same code with the matching ids fetched from
it: correct, but slower on large results.
"""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from . import discussions, documents, taxonomy
from .segmentation import segment

MAX_QUERY_LENGTH = 200
ASIDE_RESULTS = 5  # discussions shown beside the pages of a search
MAX_OPTIONS = 20  # values accepted per facet parameter
DISCUSSION = discussions.DISCUSSION  # the type facet's value for community threads
TAXONOMY_FACETS = tuple(taxonomy.FACETS)
FACETS = ("type", "language", *TAXONOMY_FACETS)


def clean_query(raw):
    """Trim, cap the length and drop characters no backend can index (controls, surrogates)
    and double quotes."""
    text = "".join(ch for ch in raw[: MAX_QUERY_LENGTH * 2] if ch.isprintable() or ch == " ")
    text = text.encode("utf-8", "ignore").decode("utf-8")
    # Every query is plain words (no phrase syntax), and SQLite's FTS5 backend puts each word
    # in double quotes without escaping the ones inside it: `"a" OR "b` was a syntax error.
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


def autocomplete_pages(query, language, limit=8):
    pages = searchable_pages(language)
    return backend_for(language).autocomplete(segment(query, language), pages)[:limit]


def editors_picks(query, language, record=True):
    """Wagtail search promotions for this query, in the reader's language where translated.
    ``record`` keeps Wagtail's row for the query (as its own search view does); without it
    (the API) nothing is written."""
    picks = []
    if record:
        found = Query.get(query)
    else:
        found = Query.objects.filter(query_string=normalise_query_string(query)).first()
        if found is None:
            return picks
    promoted = found.editors_picks.select_related("page").order_by("sort_order")
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


@dataclass(frozen=True)
class Filters:
    """The reader's selection. ``language`` empty means every language (``all=1``)."""

    type: tuple = ()
    language: tuple = ()
    country: tuple = ()
    industry: tuple = ()
    topic: tuple = ()

    def without(self, facet):
        return replace(self, **{facet: ()})

    @classmethod
    def from_lists(cls, **lists):
        return cls(**{name: tuple(values[:MAX_OPTIONS]) for name, values in lists.items()})


class Matches:
    """One kind of result (pages or discussions) as a sequence a Paginator can page through;
    the count is known from the facets, so paging costs one query per page."""

    def __init__(self, kind, results, count, locales=None):
        self.kind = kind
        self.results = results
        self._count = count
        self.locales = locales or {}  # {locale id: Locale}, for labelling page hits

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        if isinstance(key, slice):
            return list(self.results[key]) if self._count else []
        return self.results[key]


@dataclass
class Outcome:
    filters: Filters
    pages: Matches | None  # None when the type selection leaves pages out
    discussions: Matches | None
    facets: dict = field(default_factory=dict)

    @property
    def main(self):
        """The list the reader pages through: pages, or discussions when no page matched."""
        if self.pages is not None and (self.pages.count() or self.discussions is None):
            return self.pages
        return self.discussions

    @property
    def aside(self):
        """Discussions shown beside the pages (a short list linking to all of them)."""
        main = self.main
        if main is self.pages and self.discussions is not None and self.discussions.count():
            return self.discussions
        return None

    @property
    def total(self):
        return sum(m.count() for m in (self.pages, self.discussions) if m is not None)


class _Search:
    """One query against the reader's backend, with the querysets it is run on."""

    def __init__(self, query, language, user, page_types, locales):
        self.query = segment(query, language)  # words apart, as they were indexed
        self.backend = backend_for(language)
        self.page_types = page_types
        self.locale_ids = {code: loc.pk for code, loc in locales.items()}
        self.threads = discussions.readable_threads(user)
        # The backend keeps one narrow document per readable page (PostgreSQL): search those.
        self.documents = getattr(self.backend, "page_documents", False)

    @cached_property
    def base_pages(self):
        return searchable_pages(None, all_languages=True)  # one restriction query

    def document_filters(self, filters):
        """``filters`` applied to the readable pages' documents."""
        from .models import SearchDocument

        return self._narrowed(SearchDocument.objects.all(), filters, _tagged)

    def page_filters(self, filters, taxonomy_only=False):
        """``filters`` applied to readable pages (type and language skipped if asked)."""
        return self._narrowed(self.base_pages, filters, taxonomy.pages_tagged, taxonomy_only)

    def _narrowed(self, rows, filters, tagged, taxonomy_only=False):
        """``rows`` (pages or documents: both have ``content_type_id`` and ``locale_id``)
        narrowed by ``filters``; ``tagged(facet, slugs)`` is the taxonomy condition."""
        for facet in TAXONOMY_FACETS:
            slugs = getattr(filters, facet)
            if slugs:
                rows = rows.filter(tagged(facet, slugs))
        if taxonomy_only:
            return rows
        chosen = self.content_type_ids(filters)
        if chosen:
            rows = rows.filter(content_type_id__in=chosen)
        if filters.language:
            rows = rows.filter(locale_id__in=self.languages(filters))
        return rows

    def content_type_ids(self, filters):
        return {self.page_types[t][0].pk for t in filters.type if t in self.page_types}

    def languages(self, filters):
        return [self.locale_ids[code] for code in filters.language]

    def matches(self, queryset):
        """The rows of ``queryset`` (pages or threads) that match the query, as a queryset to
        group and count. On the database backends this is the backend's own query, so each
        count is one statement; a search server's results are fetched as ids."""
        results = self.backend.search(self.query, queryset, order_by_relevance=False)
        as_queryset = getattr(results, "get_queryset", None)
        if callable(as_queryset):
            return as_queryset().order_by()
        return queryset.model.objects.filter(pk__in=[obj.pk for obj in results])

    def ranked(self, queryset):
        return self.backend.search(self.query, queryset)

    def ranked_pages(self, filters, ids=None):
        """The matching pages, most relevant first, as a sequence to slice. ``ids``: the
        results, when counting gave them, so no filter is evaluated on every page."""
        if self.documents:
            from .models import SearchDocument

            if ids is None:
                rows = self.document_filters(filters)
            else:
                rows = SearchDocument.objects.filter(page_id__in=ids)
            return documents.RankedPages(documents.ranked(self.backend, self.query, rows))
        pages = self.page_filters(filters) if ids is None else self.base_pages.filter(pk__in=ids)
        return self.ranked(pages.specific())


def _known(filters, page_types, locales):
    """The filters with unknown values dropped, as unknown values are ignored."""
    types = tuple(t for t in filters.type if t in page_types or t == DISCUSSION)
    languages = tuple(c for c in filters.language if c in locales)
    terms = {f: tuple(taxonomy.known_slugs(f, getattr(filters, f))) for f in TAXONOMY_FACETS}
    return Filters(type=types, language=languages, **terms)


def _wants_pages(filters, page_types):
    return not filters.type or any(t in page_types for t in filters.type)


class _Counts:
    """Disjunctive counts of the matching pages: {content type id: n} (``type``), {locale id:
    n} (``language``), {facet: {slug: n}} (``taxonomy``) and the number of results
    (``total``). When the type selection leaves pages out (``wanted`` false), pages count for
    the type facet alone."""

    RESULT_IDS = 1000  # counting also returns the results' ids when there are at most this many

    def __init__(self, search, filters, wanted):
        self.types = search.content_type_ids(filters)
        self.languages = set(search.languages(filters))
        self.filters, self.wanted = filters, wanted
        self.type, self.language, self.taxonomy = {}, {}, {f: {} for f in TAXONOMY_FACETS}
        self.total = 0
        self.ids = None  # the ids of the results, when counting gave them (few results)

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

    def _keep_result_ids(self, ids):
        """The ids a counting statement's result branch gave, if they are all the results."""
        if self.wanted and len(ids) == self.total <= self.RESULT_IDS:
            self.ids = ids


class _PageCounts(_Counts):
    """The counts in one statement that evaluates the full-text match once.

    The backend's match query over every readable page (all types and languages) is a
    materialised CTE, each row with its type, language, country portal's country and one flag
    per selected taxonomy facet (whether the page passes that facet's selection). A ``UNION
    ALL`` of three branches then reads it: (0) the rows grouped by type, language, portal
    country and flags, from which the type and language counts, the number of results and the
    portals per country are summed in Python, each facet leaving out its own selection; (1)
    knowledge's facet rows of the matching pages that pass the type and language selections and
    every *other* taxonomy selection, grouped by facet and value (so a facet's counts apply
    every other facet's selection and not its own); (2) the ids of the results when there are
    at most ``RESULT_IDS`` of them, so the ranked query need not filter every page again."""

    @staticmethod
    def supported(connection):
        if connection.vendor == "postgresql":
            return True
        import sqlite3

        return connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 35)

    def __init__(self, search, filters, wanted, connection):
        from django.core.exceptions import EmptyResultSet

        super().__init__(search, filters, wanted)
        chosen = [facet for facet in TAXONOMY_FACETS if getattr(filters, facet)]
        flags = {f"tagged_{f}": taxonomy.is_tagged(f, getattr(filters, f)) for f in chosen}
        matches = (
            search.matches(search.base_pages)
            .annotate(**flags)
            .values_list("pk", "content_type_id", "locale_id", taxonomy.PORTAL_COUNTRY, *flags)
            .order_by()
        )
        try:
            sql, params = matches.query.sql_with_params()
        except EmptyResultSet:  # e.g. a search server that matched nothing
            return
        columns = ", ".join(("id", "content_type_id", "locale_id", "portal_country", *flags))
        grouped = ", ".join(("m.content_type_id", "m.locale_id", "m.portal_country"))
        grouped += "".join(f", m.{flag}" for flag in flags)
        # Identifiers and placeholders only: every value is a parameter.
        statement = (
            f"WITH m ({columns}) AS MATERIALIZED ({sql}) "  # noqa: S608
            f"SELECT 0, NULL, NULL, {grouped}, COUNT(*) FROM m GROUP BY {grouped}"
        )
        if wanted:
            facet_sql, facet_params = self._facet_rows(chosen, connection)
            ids_sql, ids_params = _result_ids(self, chosen, before=2, after=2 + len(chosen))
            statement += f" UNION ALL {facet_sql} UNION ALL {ids_sql}"
            params = (*params, *facet_params, *ids_params)
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            rows = cursor.fetchall()
        ids = []
        for kind, facet, slug, content_type_id, locale_id, country, *tagged, n in rows:
            if kind == 2:
                ids.append(content_type_id)  # the id column of that branch
                continue
            if kind == 1:
                counts = self.taxonomy[facet]
                counts[slug] = counts.get(slug, 0) + n
                continue
            tagged = dict(zip(chosen, map(bool, tagged), strict=True))
            if all(tagged.values()):
                self._add_page(content_type_id, locale_id, n)
            others = all(t for facet, t in tagged.items() if facet != "country")
            if country and wanted and others and self._passes(content_type_id, locale_id):
                portals = self.taxonomy["country"]
                portals[country] = portals.get(country, 0) + n
        self._keep_result_ids(ids)

    def _facet_rows(self, chosen, connection):
        """Branch 1: knowledge's facet rows of the matching resources that pass the type and
        language selections and every other facet's selection, grouped by facet and value."""
        from knowledge.models import ResourceFacet

        quote = connection.ops.quote_name
        table = quote(ResourceFacet._meta.db_table)
        entry = quote(ResourceFacet._meta.get_field("entry").column)
        facet, value = quote("facet"), quote("value")
        # A CROSS JOIN: SQLite then reads the few matches first and looks their facet rows up
        # (with an inner join it read every facet row); PostgreSQL plans it as an inner join.
        where, params = _typed_and_languaged(self)
        per_facet = []
        for name in TAXONOMY_FACETS:
            per_facet.append(f"(f.{facet} = %s{_others(chosen, name)})")
            params.append(name)
        where.append(f"({' OR '.join(per_facet)})")
        nulls = ", ".join(["NULL"] * (3 + len(chosen)))
        sql = (
            f"SELECT 1, f.{facet}, f.{value}, {nulls}, COUNT(*) FROM m "  # noqa: S608
            f"CROSS JOIN {table} f "
            f"WHERE f.{entry} = m.id AND {' AND '.join(where)} GROUP BY f.{facet}, f.{value}"
        )
        return sql, params


def _tagged(facet, slugs):
    """A filter for ``SearchDocument`` querysets: documents carrying any of the slugs."""
    return Q(tags__overlap=[taxonomy.tag(facet, slug) for slug in slugs])


class _DocumentCounts(_Counts):
    """The counts in one statement over the search documents (``search.documents``).

    The backend's match over every document (readable pages of every type and language) is a
    materialised CTE, each row with its type, language, tags and one flag per selected taxonomy
    facet (whether its tags overlap that selection). A ``UNION ALL`` of three branches reads it:
    (0) the rows grouped by type, language and flags, from which the type and language counts
    and the number of results are summed in Python, each facet leaving out its own selection;
    (1) the tags of the rows that pass the type and language selections and every *other*
    taxonomy selection, grouped by tag (so a facet's counts apply every other facet's selection
    and not its own); (2) the ids of the results when there are at most ``RESULT_IDS`` of them,
    so ranking reads those rows only. Country portals carry their country as a tag, so they
    count with the resources."""

    def __init__(self, search, filters, wanted, connection):
        from django.core.exceptions import EmptyResultSet

        super().__init__(search, filters, wanted)
        selections = {
            facet: _tagged(facet, getattr(filters, facet))
            for facet in TAXONOMY_FACETS
            if getattr(filters, facet)
        }
        chosen = list(selections)
        rows = documents.matching(search.backend, search.query, _candidates(selections))
        flags = [f"tagged_{facet}" for facet in chosen]
        rows = rows.values_list("page_id", "content_type_id", "locale_id", "tags", *flags)
        try:
            sql, params = rows.query.sql_with_params()
        except EmptyResultSet:
            return
        columns = ", ".join(("id", "content_type_id", "locale_id", "tags", *flags))
        grouped = ", ".join(("m.content_type_id", "m.locale_id", *(f"m.{f}" for f in flags)))
        # Identifiers and placeholders only: every value is a parameter.
        statement = (
            f"WITH m ({columns}) AS MATERIALIZED ({sql}) "  # noqa: S608
            f"SELECT 0, NULL, {grouped}, COUNT(*) FROM m GROUP BY {grouped}"
        )
        if wanted:
            tags_sql, tags_params = self._tag_rows(chosen)
            ids_sql, ids_params = _result_ids(self, chosen, before=1, after=1 + len(chosen))
            statement += f" UNION ALL {tags_sql} UNION ALL {ids_sql}"
            params = (*params, *tags_params, *ids_params)
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            result = cursor.fetchall()
        ids = []
        for kind, tag, content_type_id, locale_id, *tagged, n in result:
            if kind == 2:
                ids.append(content_type_id)  # the id column of that branch
            elif kind == 1:
                facet, slug = tag.split(":", 1)
                counts = self.taxonomy[facet]
                counts[slug] = counts.get(slug, 0) + n
            elif all(tagged):
                self._add_page(content_type_id, locale_id, n)
        self._keep_result_ids(ids)

    def _tag_rows(self, chosen):
        """Branch 1: the tags of the matches that pass the type and language selections and
        every other facet's selection, grouped by tag."""
        where, params = _typed_and_languaged(self)
        if chosen:  # every tag is of a TAXONOMY_FACETS facet: no test without a selection
            per_facet = []
            for name in TAXONOMY_FACETS:
                per_facet.append(f"(t.tag LIKE %s{_others(chosen, name)})")
                params.append(taxonomy.tag(name, "%"))
            where.append(f"({' OR '.join(per_facet)})")
        nulls = ", ".join(["NULL"] * (2 + len(chosen)))
        sql = (
            f"SELECT 1, t.tag, {nulls}, COUNT(*) FROM m "  # noqa: S608
            f"CROSS JOIN LATERAL unnest(m.tags) AS t (tag) {_where(where)} GROUP BY t.tag"
        )
        return sql, params


def _candidates(selections):
    """The documents to match, each with a ``tagged_<facet>`` flag per chosen facet. With two
    or more facets chosen, only those that miss at most one selection: a row that misses two
    counts nowhere (a facet's counts leave out its own selection only), and the tags' GIN
    index finds the others before the text is matched."""
    from .models import SearchDocument

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
    """SQL on the CTE ``m``: `` AND`` the flags of every chosen facet but ``facet``."""
    return "".join(f" AND m.tagged_{other}" for other in chosen if other != facet)


def _result_ids(counts, chosen, before, after):
    """Branch 2 of a counting statement: the ids of the results (the rows of ``m`` that pass
    every selection), at most ``RESULT_IDS`` + 1 of them, after ``before`` and before
    ``after`` NULL columns."""
    where, params = _typed_and_languaged(counts)
    where += [f"m.tagged_{facet}" for facet in chosen]
    columns = ", ".join([*["NULL"] * before, "r.id", *["NULL"] * after])
    sql = (
        f"SELECT 2, {columns}, 1 FROM "  # noqa: S608
        f"(SELECT m.id FROM m {_where(where)} LIMIT %s) r"
    )
    return sql, [*params, counts.RESULT_IDS + 1]


def _where(conditions):
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def _typed_and_languaged(counts):
    """SQL conditions (and their parameters) on the CTE ``m`` for the type and language
    selections of ``counts`` (a ``_Counts``)."""
    where, params = [], []
    for column, ids in (("content_type_id", counts.types), ("locale_id", counts.languages)):
        if ids:
            where.append(f"m.{column} IN ({', '.join(['%s'] * len(ids))})")
            params += sorted(ids)
    return where, params


class _GroupedPageCounts(_Counts):
    """The same counts for a database the one-statement form does not suit: one grouped query
    over the pages matching the country/industry/topic selection (type, language, results and
    portals per country), and one over knowledge's facet rows per distinct "other filters"
    (one shared by the facets without a selection, one for each facet with a selection and,
    for a country selection, one more for the portals)."""

    def __init__(self, search, filters, wanted):
        super().__init__(search, filters, wanted)
        rows = (
            search.matches(search.page_filters(filters, taxonomy_only=True))
            .values_list("content_type_id", "locale_id", taxonomy.PORTAL_COUNTRY)
            .annotate(n=Count("pk"))
            .order_by()
        )
        portals = {}
        for content_type_id, locale_id, country, n in rows:
            self._add_page(content_type_id, locale_id, n)
            if wanted and country and self._passes(content_type_id, locale_id):
                portals[country] = portals.get(country, 0) + n
        if not wanted:
            return
        groups = {}
        for facet in TAXONOMY_FACETS:
            own = filters.without(facet) if getattr(filters, facet) else filters
            groups.setdefault(own, []).append(facet)
        for own, facets in groups.items():
            matches = search.matches(search.page_filters(own))
            _add(self.taxonomy, taxonomy.count_resources(matches, facets))
            if "country" not in facets:
                continue
            if own == filters:  # the portals were counted above
                _add(self.taxonomy, {"country": portals})
            else:
                _add(self.taxonomy, {"country": taxonomy.count_portals(matches)})


def _page_counts(search, filters, wanted):
    from django.db import connections

    if search.documents:
        from .models import SearchDocument

        return _DocumentCounts(search, filters, wanted, connections[SearchDocument.objects.db])
    connection = connections[search.base_pages.db]
    if _PageCounts.supported(connection):
        return _PageCounts(search, filters, wanted, connection)
    return _GroupedPageCounts(search, filters, wanted)


def site_search(query, reader_language, filters=Filters(), user=None):  # noqa: B008
    """Search pages (and the discussions ``user`` may read) with disjunctive facets."""
    from django.contrib.auth.models import AnonymousUser

    page_types = _page_types()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    filters = _known(filters, page_types, locales)
    search = _Search(query, reader_language, user or AnonymousUser(), page_types, locales)

    wanted = _wants_pages(filters, page_types)
    pages = _page_counts(search, filters, wanted)
    thread_filters = replace(filters, language=tuple(search.languages(filters)))
    threads = discussions.ThreadCounts(search.matches(search.threads))
    thread_total = threads.total(thread_filters)

    language_counts = dict(pages.language)
    every_locale = list(search.locale_ids.values())
    for locale_id, n in threads.by_tag(thread_filters, "language", every_locale).items():
        language_counts[locale_id] = language_counts.get(locale_id, 0) + n
    taxonomy_counts = pages.taxonomy
    for facet in TAXONOMY_FACETS:
        _add(taxonomy_counts, {facet: threads.by_tag(thread_filters, facet)})

    page_matches = thread_matches = None
    if wanted:
        ranked = search.ranked_pages(filters, pages.ids)
        page_matches = Matches(
            "pages", ranked, pages.total, {loc.pk: loc for loc in locales.values()}
        )
    if not filters.type or DISCUSSION in filters.type:
        eligible = search.threads.filter(community_id__in=threads.communities(thread_filters))
        ranked = search.ranked(eligible.select_related("community"))
        thread_matches = Matches(DISCUSSION, ranked, thread_total)

    thread_type_count = threads.total(thread_filters, skip="type")
    facets = {
        "type": _type_options(pages.type, thread_type_count, filters, page_types),
        "language": _language_options(language_counts, filters, locales),
    }
    for facet in TAXONOMY_FACETS:
        facets[facet] = _taxonomy_options(facet, taxonomy_counts[facet], filters, reader_language)
    return Outcome(filters, page_matches, thread_matches, facets)


def _add(totals, counted):
    for facet, values in counted.items():
        for value, n in values.items():
            totals[facet][value] = totals[facet].get(value, 0) + n


def _sorted(options):
    """Most results first. Options without results are left out unless selected: a selected
    option stays visible (with its 0) so the reader can untick it."""
    options.sort(key=lambda option: (-option["count"], str(option["label"]).lower()))
    return options


def _option(value, label, count, chosen):
    """One facet option; ``chosen`` is the reader's selection for that facet."""
    return {"value": value, "label": str(label), "count": count, "selected": value in chosen}


def _type_options(type_counts, thread_count, filters, page_types):
    options = [
        _option(name, model._meta.verbose_name, type_counts.get(ct.pk, 0), filters.type)
        for name, (ct, model) in page_types.items()
        if type_counts.get(ct.pk) or name in filters.type
    ]
    if thread_count or DISCUSSION in filters.type:
        options.append(_option(DISCUSSION, _("discussion"), thread_count, filters.type))
    return _sorted(options)


def _language_options(language_counts, filters, locales):
    names = dict(settings.LANGUAGES)
    return _sorted(
        [
            _option(
                code, names.get(code, code), language_counts.get(locale.pk, 0), filters.language
            )
            for code, locale in locales.items()
            if language_counts.get(locale.pk, 0) or code in filters.language
        ]
    )


def _taxonomy_options(facet, counts, filters, language):
    selected = getattr(filters, facet)
    slugs = {slug for slug, n in counts.items() if n} | set(selected)
    if not slugs:
        return []
    names = taxonomy.labels_with_languages(facet, slugs, language)
    # A selected slug that names no term (a typo, a hostile value) is not echoed back.
    slugs = {slug for slug in slugs if counts.get(slug) or slug in names}
    options = []
    for slug in slugs:
        name, code = names.get(slug, (slug, language))
        option = _option(slug, name, counts.get(slug, 0), selected)
        option["lang"] = "" if code == language else code  # a name in the default language
        options.append(option)
    return _sorted(options)


def filters_from(params, reader_language, all_languages=False):
    """Filters from repeatable query parameters (``type``, ``language``, ``country``…); the
    language filter defaults to the reader's language unless ``all_languages``."""
    lists = {facet: params.get(facet, []) for facet in FACETS}
    if all_languages:
        lists["language"] = []
    elif not lists["language"]:
        lists["language"] = [reader_language]
    return Filters.from_lists(**lists)


__all__ = [
    "ASIDE_RESULTS",
    "DISCUSSION",
    "FACETS",
    "Filters",
    "Matches",
    "Outcome",
    "autocomplete_pages",
    "backend_for",
    "clean_query",
    "editors_picks",
    "filters_from",
    "searchable_pages",
    "site_search",
]
