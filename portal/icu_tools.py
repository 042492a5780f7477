"""ICU objects kept per thread and language: a BreakIterator keeps the text it was given and a
Collator is costly to build, so each thread builds one per language and reuses it (search's
Khmer segmentation, the glossary's word boundaries and alphabetical order)."""

import threading

import icu

_local = threading.local()


def _per_thread(kind, language, build):
    found = getattr(_local, kind, None)
    if found is None:
        found = {}
        setattr(_local, kind, found)
    if language not in found:
        found[language] = build(icu.Locale(language))
    return found[language]


def word_breaks(language):
    """ICU's word BreakIterator for ``language``."""
    return _per_thread("word_breaks", language, icu.BreakIterator.createWordInstance)


def collator(language):
    """ICU's collator for ``language`` (Khmer, Arabic, Vietnamese each have their own order)."""
    return _per_thread("collators", language, icu.Collator.createInstance)
