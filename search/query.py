"""Searching pages and discussions in a language: the one place the views and the API share.

``site_search`` runs the query with the reader's filters and returns the matches (pages, and
the discussions the reader may read) and the facet counts. Facets are disjunctive: options
within one facet are OR-ed, facets are AND-ed, and each facet's counts apply every *other*
facet's selection but not its own, so the options of a facet stay visible after one is chosen.

Counting is done in the database over the backend's own match query, grouped, so that a search
costs a fixed, small number of statements whatever the number of options: type and language
(columns of ``Page``) and the result count come from one grouped query; country, industry and
topic (several per resource) from knowledge's denormalised facet rows (``search.taxonomy``),
one grouped query per distinct "other filters"; discussions from one query grouped by
community (``search.discussions``). Wagtail's ``.facet()`` is not used: it counts one field
per query and cannot count many-to-many values. A search server (Elasticsearch) goes through
the same code with the matching ids fetched from it: correct, but slower on large results.
"""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from . import discussions, taxonomy

MAX_QUERY_LENGTH = 200
ASIDE_RESULTS = 5  # discussions shown beside the pages of a search
MAX_OPTIONS = 20  # values accepted per facet parameter
DISCUSSION = discussions.DISCUSSION  # the type facet's value for community threads
TAXONOMY_FACETS = tuple(taxonomy.FACETS)
FACETS = ("type", "language", *TAXONOMY_FACETS)


def clean_query(raw):
    """Trim, cap the length and drop characters no backend can index (controls, surrogates)."""
    text = "".join(ch for ch in raw[: MAX_QUERY_LENGTH * 2] if ch.isprintable() or ch == " ")
    text = text.encode("utf-8", "ignore").decode("utf-8")
    if text.count('"') % 2:  # an unbalanced phrase quote is a syntax error in SQLite FTS5
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
    return backend_for(language).autocomplete(query, searchable_pages(language))[:limit]


def editors_picks(query, language):
    """Wagtail search promotions for this query, in the reader's language where translated."""
    picks = []
    promoted = Query.get(query).editors_picks.select_related("page").order_by("sort_order")
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
        self.query = query
        self.backend = backend_for(language)
        self.page_types = page_types
        self.locale_ids = {code: loc.pk for code, loc in locales.items()}
        self.base_pages = searchable_pages(language, all_languages=True)  # one restriction query
        self.threads = discussions.readable_threads(user)

    def page_filters(self, filters, taxonomy_only=False):
        """``filters`` applied to readable pages (type and language skipped if asked)."""
        pages = self.base_pages
        for facet in TAXONOMY_FACETS:
            slugs = getattr(filters, facet)
            if slugs:
                pages = pages.filter(taxonomy.pages_tagged(facet, slugs))
        if taxonomy_only:
            return pages
        chosen = self.content_type_ids(filters)
        if chosen:
            pages = pages.filter(content_type_id__in=chosen)
        if filters.language:
            pages = pages.filter(locale_id__in=self.languages(filters))
        return pages

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


def _known(filters, page_types, locales):
    """The filters with unknown values dropped, as unknown values are ignored."""
    types = tuple(t for t in filters.type if t in page_types or t == DISCUSSION)
    languages = tuple(c for c in filters.language if c in locales)
    terms = {f: tuple(taxonomy.known_slugs(f, getattr(filters, f))) for f in TAXONOMY_FACETS}
    return Filters(type=types, language=languages, **terms)


def _wants_pages(filters, page_types):
    return not filters.type or any(t in page_types for t in filters.type)


class _PageCounts:
    """Disjunctive counts of the matching pages, in a fixed number of grouped queries.

    One query over the pages matching the country/industry/topic selection, grouped by type,
    language and (for country portals) country, gives the type and language counts, the number
    of results and the portals per country: type and language are columns of ``Page``, so each
    facet's own selection is left out in Python. Country, industry and topic take one query
    over knowledge's facet rows per distinct "other filters": one shared by the facets without
    a selection, plus one for each facet with a selection (and, for a country selection, one
    more for the portals)."""

    def __init__(self, search, filters, wanted):
        types = search.content_type_ids(filters)
        languages = set(search.languages(filters))
        rows = (
            search.matches(search.page_filters(filters, taxonomy_only=True))
            .values_list("content_type_id", "locale_id", taxonomy.PORTAL_COUNTRY)
            .annotate(n=Count("pk"))
            .order_by()
        )
        self.type, self.language, self.taxonomy = {}, {}, {f: {} for f in TAXONOMY_FACETS}
        self.total, portals = 0, {}
        for content_type_id, locale_id, country, n in rows:
            typed = not types or content_type_id in types
            languaged = not languages or locale_id in languages
            if languaged:
                self.type[content_type_id] = self.type.get(content_type_id, 0) + n
            if not wanted:  # discussions only: pages count for the type facet alone
                continue
            if typed:
                self.language[locale_id] = self.language.get(locale_id, 0) + n
            if typed and languaged:
                self.total += n
                if country:
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


def site_search(query, reader_language, filters=Filters(), user=None):  # noqa: B008
    """Search pages (and the discussions ``user`` may read) with disjunctive facets."""
    from django.contrib.auth.models import AnonymousUser

    page_types = _page_types()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    filters = _known(filters, page_types, locales)
    search = _Search(query, reader_language, user or AnonymousUser(), page_types, locales)

    wanted = _wants_pages(filters, page_types)
    pages = _PageCounts(search, filters, wanted)
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
        ranked = search.ranked(search.page_filters(filters).specific())
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


def _type_options(type_counts, thread_count, filters, page_types):
    by_ct = {ct.pk: (name, model) for name, (ct, model) in page_types.items()}
    options = [
        {
            "value": by_ct[ct_id][0],
            "label": str(by_ct[ct_id][1]._meta.verbose_name),
            "count": count,
            "selected": by_ct[ct_id][0] in filters.type,
        }
        for ct_id, count in type_counts.items()
        if ct_id in by_ct and count
    ]
    shown = {option["value"] for option in options}
    for name, (_ct, model) in page_types.items():
        if name in filters.type and name not in shown:
            options.append(
                {
                    "value": name,
                    "label": str(model._meta.verbose_name),
                    "count": 0,
                    "selected": True,
                }
            )
    if thread_count or DISCUSSION in filters.type:
        options.append(
            {
                "value": DISCUSSION,
                "label": str(_("discussion")),
                "count": thread_count,
                "selected": DISCUSSION in filters.type,
            }
        )
    return _sorted(options)


def _language_options(language_counts, filters, locales):
    names = dict(settings.LANGUAGES)
    return _sorted(
        [
            {
                "value": code,
                "label": names.get(code, code),
                "count": language_counts.get(locale.pk, 0),
                "selected": code in filters.language,
            }
            for code, locale in locales.items()
            if language_counts.get(locale.pk, 0) or code in filters.language
        ]
    )


def _taxonomy_options(facet, counts, filters, language):
    selected = getattr(filters, facet)
    slugs = {slug for slug, n in counts.items() if n} | set(selected)
    if not slugs:
        return []
    names = taxonomy.labels(facet, slugs, language)
    # A selected slug that names no term (a typo, a hostile value) is not echoed back.
    slugs = {slug for slug in slugs if counts.get(slug) or slug in names}
    return _sorted(
        [
            {
                "value": slug,
                "label": names.get(slug, slug),
                "count": counts.get(slug, 0),
                "selected": slug in selected,
            }
            for slug in slugs
        ]
    )


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
