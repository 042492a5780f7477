"""Search backend settings, built from the environment by portal.settings.base.

No Django imports here: settings import this module before apps load.

With Elasticsearch, each language gets its own backend alias (``lang_<code>``) whose indices use
that language's analyzer, so French is stemmed as French and Arabic as Arabic; the search views
pick the alias for the active language. Languages without a built-in Elasticsearch analyzer
(Vietnamese, Khmer) use a custom analyzer with ASCII folding, so "Viet Nam" finds "Việt Nam".

``icu`` (``ELASTICSEARCH_ICU``: the cluster has the analysis-icu plugin) gives those languages'
indices ICU's tokenizer, for their text and for their autocomplete n-grams: it cuts Khmer into
words with ICU's dictionary, as ``search.segmentation`` does for the database backends. Without
the plugin the standard tokenizer keeps a Khmer run as one token (a word inside a sentence is
not found). The other languages keep Elasticsearch's built-in analyzers either way.
"""

# Elasticsearch built-in language analyzers; None = custom folding analyzer below.
LANGUAGE_ANALYZERS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
    "id": "indonesian",
    "bn": "bengali",
    "vi": None,
    "km": None,
}


def _analysis_for(language, icu):
    builtin = LANGUAGE_ANALYZERS.get(language)
    if builtin:
        return {"analyzer": {"default": {"type": builtin}}}
    if not icu:
        return {"analyzer": {"default": _custom("standard", "lowercase", "asciifolding")}}
    # Wagtail's own n-gram analyzers (autocomplete) cut with the standard tokenizer: same filters.
    return {
        "analyzer": {
            "default": _custom("icu_tokenizer", "lowercase", "asciifolding"),
            "ngram_analyzer": _custom("icu_tokenizer", "asciifolding", "lowercase", "ngram"),
            "edgengram_analyzer": _custom(
                "icu_tokenizer", "asciifolding", "lowercase", "edgengram"
            ),
        }
    }


def _custom(tokenizer, *filters):
    return {"type": "custom", "tokenizer": tokenizer, "filter": list(filters)}


def elasticsearch_backends(url, index_prefix, languages, *, icu=False, timeout=5):
    """One elasticsearch8 backend per language; ``default`` is the first language's."""
    backends = {}
    for code in languages:
        backends[f"lang_{code}"] = {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [url],
            "INDEX_PREFIX": f"{index_prefix}{code}_",
            "TIMEOUT": timeout,
            "OPTIONS": {},
            "INDEX_SETTINGS": {"settings": {"analysis": _analysis_for(code, icu)}},
        }
    backends["default"] = dict(backends[f"lang_{languages[0]}"])
    return backends


# PostgreSQL text-search configurations per language (Snowball stemmers and stop words); the
# languages PostgreSQL has none for use `simple` (lower-casing only, any script).
POSTGRES_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
    "id": "indonesian",
    "vi": "simple",
    "km": "simple",
    "bn": "simple",
}


def database_backends(engine):
    """The embedded default: one database backend. On PostgreSQL (``search.backend``) each
    page is indexed with its language's text-search configuration and a query is matched in
    every configuration, and the backend also keeps site search's narrow per-page documents;
    `simple` serves everything without a language (discussions, snippets)."""
    backend = {"BACKEND": "wagtail.search.backends.database"}
    if engine.endswith("postgresql"):
        backend = {
            "BACKEND": "search.backend",
            "SEARCH_CONFIG": "simple",
            "LANGUAGE_CONFIGS": dict(POSTGRES_CONFIGS),
        }
    return {"default": backend}
