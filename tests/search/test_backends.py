"""The Elasticsearch 8 configuration, checked without a server: no cluster can run here, so these
tests inspect the index settings, mappings and query bodies the backend would send."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from search.backend_settings import LANGUAGE_ANALYZERS, elasticsearch_backends

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def build_backend(language, icu=False):
    from wagtail.search.backends import get_search_backend  # noqa: F401
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

    config = elasticsearch_backends("http://es.invalid:9200", "ci_", LANGUAGES, icu=icu)
    params = dict(config[f"lang_{language}"])
    params.pop("BACKEND")
    return Elasticsearch8SearchBackend(params)


def test_one_backend_per_language_with_its_own_index_prefix():
    config = elasticsearch_backends("http://es.invalid:9200", "ci_", LANGUAGES)
    assert set(config) == {f"lang_{code}" for code in LANGUAGES} | {"default"}
    prefixes = {config[f"lang_{code}"]["INDEX_PREFIX"] for code in LANGUAGES}
    assert len(prefixes) == len(LANGUAGES)
    assert config["default"]["INDEX_PREFIX"] == "ci_en_"


@pytest.mark.parametrize(
    ("language", "analyzer"),
    [
        ("fr", "french"),
        ("es", "spanish"),
        ("ar", "arabic"),
        ("id", "indonesian"),
        ("bn", "bengali"),
        ("en", "english"),
    ],
)
def test_language_analyzer_in_index_settings(language, analyzer):
    backend = build_backend(language)
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": analyzer}
    # Wagtail's own autocomplete analyzers are kept alongside.
    assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.mark.parametrize("language", ["vi", "km"])
def test_vietnamese_and_khmer_fold_diacritics(language):
    assert LANGUAGE_ANALYZERS[language] is None
    default = build_backend(language).settings["settings"]["analysis"]["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    assert "asciifolding" in default["filter"]
    icu = build_backend(language, icu=True).settings["settings"]["analysis"]["analyzer"]
    assert icu["default"]["tokenizer"] == "icu_tokenizer"


@pytest.mark.parametrize("language", ["km", "vi"])
def test_with_the_icu_plugin_khmer_is_cut_into_words_by_icu(language):
    """ELASTICSEARCH_ICU=1: the index's text and its autocomplete n-grams are tokenised by
    ICU (a dictionary for Khmer); Wagtail's n-gram filters are kept."""
    from portal.models import StandardPage

    backend = build_backend(language, icu=True)
    analysis = backend.settings["settings"]["analysis"]
    analyzers = analysis["analyzer"]
    assert analyzers["default"]["tokenizer"] == "icu_tokenizer"
    assert analyzers["ngram_analyzer"] == {
        "type": "custom",
        "tokenizer": "icu_tokenizer",
        "filter": ["asciifolding", "lowercase", "ngram"],
    }
    assert analyzers["edgengram_analyzer"]["tokenizer"] == "icu_tokenizer"
    assert analyzers["edgengram_analyzer"]["filter"][-1] == "edgengram"
    assert analysis["filter"]["edgengram"]["type"] == "edge_ngram"
    # Text fields name no analyzer of their own: the index's default (ICU) applies to them.
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]
    assert "analyzer" not in properties["_all_text"]
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"


@pytest.mark.parametrize("language", ["en", "fr", "ar", "bn"])
def test_the_icu_flag_leaves_the_built_in_language_analyzers(language):
    plain = build_backend(language).settings["settings"]["analysis"]
    icu = build_backend(language, icu=True).settings["settings"]["analysis"]
    assert icu == plain
    assert plain["analyzer"]["edgengram_analyzer"]["tokenizer"] == "standard"


def test_without_the_icu_plugin_no_icu_analysis_is_asked_for():
    """A cluster without analysis-icu would refuse to create an index naming its tokenizer."""
    for language in LANGUAGES:
        analysis = build_backend(language).settings["settings"]["analysis"]
        assert "icu" not in repr(analysis)


def test_page_index_name_and_mapping():
    from portal.models import CountryPage

    backend = build_backend("fr")
    assert backend.get_index_for_model(CountryPage).name == "ci_fr_wagtailcore_page"
    mapping = backend.mapping_class(CountryPage).get_mapping()
    properties = mapping["properties"]
    assert properties["_all_text"]["type"] == "text"
    locale_field = next(key for key in properties if key.endswith("locale_id_filter"))
    assert properties[locale_field]["type"] in ("integer", "long", "keyword")


@pytest.mark.django_db
def test_query_body_filters_on_the_readers_locale():
    from wagtail.search.query import PlainText

    backend = build_backend("ar")
    arabic = Locale.objects.get(language_code="ar")
    queryset = Page.objects.live().filter(locale=arabic)
    compiler = backend.query_compiler_class(queryset, PlainText("الأردن"))
    body = compiler.get_query()
    text = repr(body)
    assert "الأردن" in text
    assert str(arabic.pk) in text and "locale_id_filter" in text
