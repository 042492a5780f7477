"""The library's filters (django-filter) and their facet counts, shared by the HTML listing
and the JSON API.

A resource is one translation group (``translation_key``). The queryset is the index row of
each group the reader should see: the version in the reader's language, else the primary one
(see ``ResourceEntry.is_primary``). Options within one filter are OR-ed, filters are AND-ed.
Facet counts are "disjunctive": each option shows how many results selecting it would give,
i.e. counted with every *other* active filter applied. The number of queries is fixed:
one grouped query for all inactive taxonomy facets, one per active one, one for types and
one for languages, plus one per taxonomy vocabulary for the option labels.

Counting is the expensive part (it reads every matching facet row: ~150 ms at 100,000
resources on PostgreSQL), so the counts and the number of results are cached per language and
filter set under the ``resource-index`` cache version, which every index change replaces. A page of
results itself is read from the sort indexes and is never cached.
"""

import hashlib
import json

import django_filters
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.models import Locale

from portal import cache_versions
from portal.facets import Option
from portal.fragments import cached
from portal.models import Audience, CompliancePoint, Country, Industry, Topic

from .models import PublicationKind, ResourceEntry, ResourceFacet, resource_type_choices
from .models.index import GLOBAL

TAXONOMY = {
    "country": (Country, _("Country")),
    "industry": (Industry, _("Industry")),
    "topic": (Topic, _("Topic")),
    "audience": (Audience, _("Audience")),
    "compliance_point": (CompliancePoint, _("Compliance point")),
}
# Facets read from ``ResourceFacet`` rows: the taxonomies and a publication's kind.
ROW_FACETS = [*TAXONOMY, "publication"]
FACETS = [*TAXONOMY, "type", "publication", "language"]
SORTS = {
    "newest": ("-published_at", Lower("title")),
    "title": (Lower("title"), "-published_at"),
    "downloads": ("-downloads", "-published_at"),
}
COUNTS_CACHE_SECONDS = 6 * 60 * 60  # only bounds memory: a stale token is never read again
SORT_CHOICES = [
    ("newest", _("Newest")),
    ("title", _("Title")),
    ("downloads", _("Most downloaded")),
]


def visible_entries(language):
    """One row per resource: the reader's language version, else the primary version."""
    return ResourceEntry.objects.filter(is_public=True).filter(
        Q(language=language) | Q(is_primary=True) & ~Q(languages__contains=f"|{language}|")
    )


def reader_locales(language):
    """{locale id: language code} for the reader's language and the default language."""
    return dict(
        Locale.objects.filter(language_code__in={language, settings.LANGUAGE_CODE}).values_list(
            "pk", "language_code"
        )
    )


def taxonomy_names(model, language, locales=None):
    """{slug: (name, language code of that name)}: the name in the reader's language, falling
    back to the default language's."""
    locales = reader_locales(language) if locales is None else locales
    names = {}
    rows = (
        model.objects.filter(locale_id__in=list(locales))
        .order_by()
        .values_list("slug", "name", "locale_id")
    )
    for slug, name, locale_id in rows:
        if locales[locale_id] == language or slug not in names:
            names[slug] = (name, locales[locale_id])
    return names


def taxonomy_labels(request, language):
    """{facet: taxonomy_names(...)} for every taxonomy facet, in one go: cached per language
    until the content (taxonomy included) changes when there is a request."""

    def build():
        locales = reader_locales(language)
        return {
            name: taxonomy_names(model, language, locales)
            for name, (model, _label) in TAXONOMY.items()
        }

    return cached(request, "knowledge_taxonomy_labels", build, language)


def taxonomy_choices(model, language, locales=None):
    """(slug, name) in the reader's language, falling back to the default language."""
    names = taxonomy_names(model, language, locales)
    return sorted(
        ((slug, name) for slug, (name, _code) in names.items()), key=lambda item: item[1].lower()
    )


class MultipleSlugFilter(django_filters.MultipleChoiceFilter):
    field_class = forms.MultipleChoiceField


class ResourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label=_("Words in the title or summary"))
    country = MultipleSlugFilter(method="filter_facet", label=_("Country"))
    industry = MultipleSlugFilter(method="filter_facet", label=_("Industry"))
    topic = MultipleSlugFilter(method="filter_facet", label=_("Topic"))
    audience = MultipleSlugFilter(method="filter_facet", label=_("Audience"))
    compliance_point = MultipleSlugFilter(method="filter_facet", label=_("Compliance point"))
    type = MultipleSlugFilter(field_name="resource_type", label=_("Type"))
    publication = MultipleSlugFilter(method="filter_facet", label=_("Publication type"))
    language = MultipleSlugFilter(method="filter_language", label=_("Available in"))
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_noop", label=_("Sort by"), empty_label=None
    )

    class Meta:
        model = ResourceEntry
        fields = []

    def __init__(self, data=None, *, language, **kwargs):
        self.language = language
        super().__init__(data, queryset=visible_entries(language), **kwargs)
        self.filters["q"].field.widget.attrs["maxlength"] = 200
        labels = taxonomy_labels(self.request, language)
        # {facet: {slug: language}} for the options whose name is not in the reader's language
        self.label_languages = {}
        for name in TAXONOMY:
            names = labels[name]
            choices = sorted(
                ((slug, term) for slug, (term, _code) in names.items()),
                key=lambda item: item[1].lower(),
            )
            self.label_languages[name] = {
                slug: code for slug, (_term, code) in names.items() if code != language
            }
            if name == "country":
                choices = [(GLOBAL, _("Global (all countries)")), *choices]
            self.filters[name].extra["choices"] = choices
        self.filters["type"].extra["choices"] = resource_type_choices()
        self.filters["publication"].extra["choices"] = PublicationKind.choices
        self.filters["language"].extra["choices"] = [
            (code, settings.LANGUAGE_NAMES_TRANSLATED[code]) for code, _n in settings.LANGUAGES
        ]

    # --- filter methods ------------------------------------------------------------------------
    def filter_facet(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Exists(ResourceFacet.objects.filter(entry=OuterRef("pk"), facet=name, value__in=value))
        )

    def filter_language(self, queryset, name, value):
        if not value:
            return queryset
        exists_in = Q()
        for code in value:
            exists_in |= Q(languages__contains=f"|{code}|")
        return queryset.filter(exists_in)

    def filter_text(self, queryset, name, value):
        value = value.strip()[:200]
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))

    def filter_noop(self, queryset, name, value):
        return queryset

    # --- results, ordering and facets ----------------------------------------------------------
    @property
    def cleaned(self):
        self.errors  # noqa: B018 - validates the form; invalid fields are left out
        return getattr(self.form, "cleaned_data", {})

    @property
    def sort_key(self):
        sort = self.cleaned.get("sort")
        return sort if sort in SORTS else "newest"

    def results(self):
        return self.qs.order_by(*SORTS[self.sort_key])

    def _filtered_without(self, excluded):
        queryset = self.queryset
        for name, value in self.cleaned.items():
            if name in (excluded, "sort") or value in (None, "", [], ()):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()

    def active_filters(self):
        return {name: self.cleaned[name] for name in FACETS if self.cleaned.get(name)}

    def paginator(self, per_page):
        paginator = Paginator(self.results(), per_page)
        paginator.count = self.result_count()  # preset the cached property: no COUNT(*) query
        return paginator

    def result_count(self):
        return self._counts["total"]

    def facet_counts(self):
        """{facet: {option slug: count}} with every other active filter applied."""
        return self._counts["facets"]

    def selection_digest(self):
        """The language and the valid filters chosen (not the order), as a short digest: what
        the counts, and with the order and page the results, are cached under."""
        selection = {
            name: sorted(value) if isinstance(value, list) else value
            for name, value in self.cleaned.items()
            if name != "sort" and value not in (None, "", [], ())
        }
        return hashlib.sha256(
            json.dumps([self.language, selection], sort_keys=True).encode()
        ).hexdigest()[:40]

    def counts_cache_key(self):
        token = cache_versions.current_shared([cache_versions.RESOURCE_INDEX])
        return f"knowledge:counts:{token[cache_versions.RESOURCE_INDEX]}:{self.selection_digest()}"

    @cached_property
    def _counts(self):
        key = self.counts_cache_key()
        counts = cache.get(key)
        if counts is None:
            counts = {"facets": self._count_facets(), "total": self.qs.order_by().count()}
            cache.set(key, counts, COUNTS_CACHE_SECONDS)
        return counts

    def _count_facets(self):
        active = self.active_filters()
        counts = {name: {} for name in FACETS}
        inactive = [name for name in ROW_FACETS if name not in active]
        if inactive:
            rows = (
                ResourceFacet.objects.filter(
                    facet__in=inactive,
                    entry__in=self._filtered_without(None).values("pk"),
                )
                .values_list("facet", "value")
                .annotate(n=Count("entry_id"))
            )
            for facet, value, n in rows:
                counts[facet][value] = n
        for name in ROW_FACETS:
            if name in active:
                rows = (
                    ResourceFacet.objects.filter(
                        facet=name, entry__in=self._filtered_without(name).values("pk")
                    )
                    .values_list("value")
                    .annotate(n=Count("entry_id"))
                )
                counts[name] = dict(rows)
        counts["type"] = dict(
            self._filtered_without("type").values_list("resource_type").annotate(n=Count("pk"))
        )
        totals = self._filtered_without("language").aggregate(
            **{
                f"n_{code}": Count("pk", filter=Q(languages__contains=f"|{code}|"))
                for code, _name in settings.LANGUAGES
            }
        )
        counts["language"] = {
            code: totals[f"n_{code}"] for code, _name in settings.LANGUAGES if totals[f"n_{code}"]
        }
        return counts

    def facets(self):
        """Facets for templates and the API: options with label, count and whether selected."""
        counts = self.facet_counts()
        result = []
        for name in FACETS:
            selected = set(self.cleaned.get(name) or [])
            languages = self.label_languages.get(name, {})
            options = [
                Option.of(
                    value, label, counts[name].get(value, 0), selected, languages.get(value, "")
                )
                for value, label in self.filters[name].extra["choices"]
            ]
            options = [option for option in options if option.shown]
            result.append(
                {"name": name, "label": str(self.filters[name].label), "options": options}
            )
        return result

    def invalid_fields(self):
        return sorted(self.form.errors) if self.is_bound else []


@task()
def warm_listing_counts():
    """Count the unfiltered library of every language into the cache (after an index change)."""
    for code, _name in settings.LANGUAGES:
        ResourceFilter(None, language=code).facet_counts()


def languages_for(entries):
    """{translation_key: [(language code, url)]} for the given rows, in one query."""
    keys = {e.translation_key for e in entries}
    found = {}
    order = [code for code, _n in settings.LANGUAGES]
    rows = ResourceEntry.objects.filter(translation_key__in=keys, is_public=True).values_list(
        "translation_key", "language", "url"
    )
    for key, language, url in rows:
        found.setdefault(key, []).append((language, url))
    for versions in found.values():
        versions.sort(key=lambda v: order.index(v[0]) if v[0] in order else 99)
    return found
