"""Mark the words of a query in result titles and excerpts.

Everything is escaped: the text is split into matched and unmatched pieces, each piece is
escaped, and only the ``<mark>`` tags this module writes are left unescaped. Matching ignores
case and Latin diacritics ("viet" marks "Việt"); a Latin word matches at the start of a word
("train" marks "training"), other scripts anywhere (Khmer does not separate words by spaces:
a query's Khmer words are told apart with ``search.segmentation``, and each is marked where it
occurs in the text as written).
"""

import re
import unicodedata
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from portal.text import fold_latin_diacritics

from .segmentation import segment

MAX_TERMS = 10
_LATIN = re.compile(r"^[a-z0-9]+$")


def words(text):
    """Runs of letters, combining marks and digits (so Khmer and Bengali words keep their vowel
    signs); punctuation, symbols and spaces separate words."""
    out, current = [], []
    for char in text:
        if unicodedata.category(char)[0] in "LMN":
            current.append(char)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def terms(query):
    """The distinct words of a query, folded and lower-cased, longest first, at most 10."""
    found = {
        w for w in words(_fold(segment(query))) if len(w) >= 2 and w not in {"and", "or", "not"}
    }
    return sorted(found, key=lambda w: (-len(w), w))[:MAX_TERMS]


def _fold(text):
    """Latin diacritics removed and lower case, character for character (same length, so
    positions in the folded text are positions in the original)."""
    return "".join(
        low if len(low := char.lower()) == 1 else char for char in fold_latin_diacritics(text)
    )


def _pattern(words):
    parts = []
    for word in words:
        escaped = re.escape(word)
        parts.append(rf"(?<!\w){escaped}\w*" if _LATIN.match(word) else escaped)
    return re.compile("|".join(parts)) if parts else None


def _spans(text, words):
    pattern = _pattern(words)
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(_fold(text))]


def highlight(text, query):
    """The escaped text with the query's words wrapped in <mark>."""
    return _render(text, _spans(text, terms(query)))


def _render(text, spans):
    out, position = [], 0
    for start, end in spans:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def plain_text(html_or_text):
    """Text of stored HTML (rich text, sanitised post HTML), whitespace collapsed."""
    return " ".join(unescape(strip_tags(html_or_text or "")).split())


def excerpt(texts, query, length=240):
    """A window of about ``length`` characters around the first match in the first text that
    matches, with matches marked; else the start of the first non-empty text. None if empty."""
    words = terms(query)
    candidates = [t for t in (" ".join((t or "").split()) for t in texts) if t]
    if not candidates:
        return None
    for text in candidates:
        spans = _spans(text, words)
        if spans:
            return _window(text, spans, length)
    return _window(candidates[0], [], length)


def _window(text, spans, length):
    if len(text) <= length:
        return _render(text, spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 4)
    if start:  # start at a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    body = _render(text[start:end], inside)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped by _render
