"""The reader's search and selection: the query text cleaned, and the facet values chosen.

Facets are ``type`` (page model names, or ``discussion`` for community threads), ``language``
(language codes; empty means every language) and the facets of ``search.taxonomy``
(country, industry and topic slugs, and publication kinds). Options within one facet are
OR-ed, facets are AND-ed."""

from dataclasses import dataclass

from . import discussions, taxonomy

MAX_QUERY_LENGTH = 200
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


@dataclass(frozen=True)
class Filters:
    """The reader's selection. ``language`` empty means every language (``all=1``)."""

    type: tuple = ()
    language: tuple = ()
    country: tuple = ()
    industry: tuple = ()
    topic: tuple = ()
    publication: tuple = ()

    @classmethod
    def from_lists(cls, **lists):
        return cls(**{name: tuple(values[:MAX_OPTIONS]) for name, values in lists.items()})


def filters_from(params, reader_language, all_languages=False):
    """Filters from repeatable query parameters (``type``, ``language``, ``country``…); the
    language filter defaults to the reader's language unless ``all_languages``."""
    lists = {facet: params.get(facet, []) for facet in FACETS}
    if all_languages:
        lists["language"] = []
    elif not lists["language"]:
        lists["language"] = [reader_language]
    return Filters.from_lists(**lists)


def known(filters, page_types, locales, request=None):
    """The filters with unknown values dropped, as unknown values are ignored. ``page_types``
    and ``locales`` are keyed by model name and by language code."""
    types = tuple(t for t in filters.type if t in page_types or t == DISCUSSION)
    languages = tuple(c for c in filters.language if c in locales)
    terms = {
        f: tuple(taxonomy.known_slugs(f, getattr(filters, f), request)) for f in TAXONOMY_FACETS
    }
    return Filters(type=types, language=languages, **terms)
