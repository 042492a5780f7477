"""Words of scripts written without spaces (Khmer, Lao, Thai, Burmese) separated by spaces, with
ICU's word boundaries (PyICU over the system's libicu), for the database search backends.

PostgreSQL's text-search parser and SQLite's FTS5 tokenizer cut text at spaces and punctuation,
so a Khmer sentence was one "word" and a word inside it found nothing. Text is segmented where it
enters the database index (``segment_database_indexing``: every value the backend's indexer
reads, for pages, discussions and snippets alike) and where a query leaves the reader
(``search.matching``, ``search.query``); what readers see (titles, excerpts) is the stored
text, never the segmented copy. Elasticsearch segments with its ``icu_tokenizer``
(``search.backend_settings``).

The script is detected character by character, not taken from the page's language: Khmer words
appear on English pages too. Text with none of these characters is returned unchanged, at the
cost of one regular-expression scan.
"""

import re
from importlib import import_module

from portal.icu_tools import word_breaks

# Khmer, Khmer symbols, Lao, Thai, Myanmar and its extensions (all in the Basic Multilingual
# Plane, so ICU's UTF-16 offsets are Python string offsets within a run). A zero-width space,
# which Khmer writers put between some words, belongs to a run and becomes a space.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"
_RUN = re.compile(f"[{_UNSPACED}][{_UNSPACED}\u200b]*")
_ZERO_WIDTH_SPACE = "\u200b"


def _word_breaks(language):
    return word_breaks(language or "km")


def _split(run, language):
    """The words (and punctuation) of one run, in order."""
    iterator = _word_breaks(language)
    iterator.setText(run)
    pieces, start = [], 0
    for end in iterator:
        piece = run[start:end].replace(_ZERO_WIDTH_SPACE, "").strip()
        if piece:
            pieces.append(piece)
        start = end
    return pieces


def segment(text, language=None):
    """``text`` with a space between the words of every Khmer, Lao, Thai or Burmese run; any
    other text (and ``text`` itself when it has no such run) is returned as it is."""
    if not text or not _RUN.search(text):
        return text
    return _RUN.sub(lambda run: " ".join(_split(run.group(), language)), text)


def _segmenting(indexer_class):
    class SegmentingObjectIndexer(indexer_class):
        def prepare_value(self, value):
            if isinstance(value, list | dict):
                return super().prepare_value(value)  # each item comes back through here
            return segment(super().prepare_value(value))

    SegmentingObjectIndexer.__name__ = f"Segmenting{indexer_class.__name__}"
    return SegmentingObjectIndexer


def segment_database_indexing():
    """Make the database backends' indexers (PostgreSQL, SQLite) segment every value they index.

    modelsearch builds each entry with its module's ``ObjectIndexer`` and offers no setting to
    choose another, so that name is pointed at a subclass whose ``prepare_value`` (the one
    place every indexed value, title, body and autocomplete, passes through) segments the text.
    Called once from ``SearchConfig.ready``."""
    for name in ("postgres.postgres", "sqlite.sqlite"):
        try:
            module = import_module(f"modelsearch.backends.database.{name}")
        except (ImportError, LookupError):  # e.g. SQLite without FTS5: that backend is unused
            continue
        if not getattr(module.ObjectIndexer, "segments_words", False):
            module.ObjectIndexer = _segmenting(module.ObjectIndexer)
            module.ObjectIndexer.segments_words = True
