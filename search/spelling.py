"""Spelling suggestions ("Did you mean …?") for a search that found nothing, on any backend.

The vocabulary is the words of the titles readers can find in that language (the most recently
published ``MAX_TITLES``) and of the taxonomy names in that language: bounded, public, and built
only when a search found nothing. Each unknown word of the query is replaced by its closest
vocabulary word (``difflib``), if one is close enough. Discussion titles are left out on
purpose: a suggestion must never reveal a word from a community the reader may not read.
Khmer (and other text written without spaces) is compared word by word (``search.segmentation``).
"""

import difflib
import functools

from wagtail.models import Page

from portal import cache_versions
from portal.cache_versions import CONTENT
from portal.models import Country, Industry, Topic

from .highlight import words
from .segmentation import segment

MAX_TITLES = 5000
MAX_QUERY_WORDS = 8
CUTOFF = 0.75


def vocabulary(language):
    """The words of ``language``, kept in this process until the content changes."""
    return _vocabulary(language, cache_versions.current_shared([CONTENT])[CONTENT])


@functools.lru_cache(maxsize=16)
def _vocabulary(language, content_version):
    titles = list(
        Page.objects.live()
        .public()
        .filter(locale__language_code=language, depth__gt=1)
        .order_by("-last_published_at")
        .values_list("title", flat=True)[:MAX_TITLES]
    )
    for model in (Country, Industry, Topic):
        titles += model.objects.filter(locale__language_code=language).values_list(
            "name", flat=True
        )
    return frozenset(w.lower() for title in titles for w in words(segment(title)) if len(w) >= 3)


def did_you_mean(query, language):
    """A corrected query, or None when every word is known or nothing is close enough."""
    query_words = words(segment(query))[:MAX_QUERY_WORDS]
    if not query_words:
        return None
    known = vocabulary(language)
    corrected, changed = [], False
    for word in query_words:
        lower = word.lower()
        if lower in known or len(lower) < 3:
            corrected.append(lower)
            continue
        # Only words of about the same length can be close; this keeps difflib fast.
        candidates = [w for w in known if abs(len(w) - len(lower)) <= 2]
        match = difflib.get_close_matches(lower, candidates, n=1, cutoff=CUTOFF)
        if match:
            changed = True
            corrected.append(match[0])
        else:
            corrected.append(lower)
    return " ".join(corrected) if changed else None
