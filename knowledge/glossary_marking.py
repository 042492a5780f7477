"""Glossary terms marked in rendered resource bodies: the first time each term (or its
abbreviation or a synonym) appears in the page's language, it becomes a link to its glossary
entry with the definition as its title (a tooltip without JavaScript; the stylesheet shows it
on keyboard focus too).

The rendered HTML is parsed (the standard library's ``html.parser``), never matched with a
regular expression: only text nodes are searched, and never inside links, headings, code,
buttons, form controls or an existing marker. A match must start and end on a word boundary as
ICU finds them for the language, so it works for Khmer (written without spaces between words)
as well as for scripts with spaces. Everything that is not a marked text is written back as it
came (tags byte for byte; text with its characters escaped again)."""

import html
import re
from html.parser import HTMLParser

from portal.icu_tools import word_breaks

# Text inside these is never marked (besides void elements, which hold no text).
SKIPPED = {
    "a", "abbr", "audio", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6",
    "iframe", "kbd", "label", "math", "noscript", "object", "option", "pre", "samp",
    "script", "select", "style", "summary", "svg", "template", "textarea", "title", "video",
}  # fmt: skip
TOOLTIP_LENGTH = 300


def _word_breaks(language):
    return word_breaks(language or "en")


def word_boundaries(text, language):
    """The offsets in ``text`` where ICU puts a word boundary (Python string offsets)."""
    iterator = _word_breaks(language)
    iterator.setText(text)
    utf16 = [0, *(iterator)]
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return set(utf16)
    # ICU counts UTF-16 units: map them back to characters for astral text (emoji).
    to_python, units = {}, 0
    for index, char in enumerate(text):
        to_python[units] = index
        units += 2 if ord(char) > 0xFFFF else 1
    to_python[units] = len(text)
    return {to_python[u] for u in utf16 if u in to_python}


class Marker:
    """Marks ``entries`` (``knowledge.glossary.Entry``) in HTML written in ``language``; each
    entry links to ``base_url#<anchor>``."""

    def __init__(self, entries, language, base_url):
        self.language = language
        self.base_url = base_url
        self.by_form = {}
        for entry in entries:
            for form in entry.forms():
                self.by_form.setdefault(form.casefold(), entry)
        forms = sorted(self.by_form, key=len, reverse=True)  # the longest form wins
        self.pattern = (
            re.compile("|".join(re.escape(form) for form in forms), re.IGNORECASE)
            if forms
            else None
        )

    def mark(self, fragment):
        if self.pattern is None or not fragment:
            return fragment
        parser = _MarkingParser(self)
        parser.feed(fragment)
        parser.close()
        return "".join(parser.out)

    def mark_text(self, text, marked):
        """``text`` escaped, with the first occurrence of each not yet ``marked`` entry
        wrapped in its marker."""
        pieces, position, boundaries = [], 0, None
        search_from = 0
        while True:
            match = self.pattern.search(text, search_from)
            if match is None:
                break
            entry = self.by_form.get(match.group().casefold())
            if entry is None or entry.slug in marked:
                search_from = match.start() + 1
                continue
            if boundaries is None:
                boundaries = word_boundaries(text, self.language)
            if match.start() not in boundaries or match.end() not in boundaries:
                search_from = match.start() + 1
                continue
            marked.add(entry.slug)
            pieces.append(html.escape(text[position : match.start()], quote=False))
            pieces.append(self.marker(entry, match.group()))
            position = search_from = match.end()
        pieces.append(html.escape(text[position:], quote=False))
        return "".join(pieces)

    def marker(self, entry, shown):
        definition = entry.definition
        if len(definition) > TOOLTIP_LENGTH:
            definition = definition[: TOOLTIP_LENGTH - 1].rstrip() + "…"
        title = html.escape(f"{entry.term}: {definition}")
        href = html.escape(f"{self.base_url}#{entry.anchor}")
        text = html.escape(shown, quote=False)
        if entry.abbreviation and shown.casefold() == entry.abbreviation.casefold():
            text = f'<abbr title="{html.escape(entry.term)}">{text}</abbr>'
        return (
            f'<a class="glossary-term" href="{href}" title="{title}" '
            f'data-glossary-term="{html.escape(entry.slug)}">{text}</a>'
        )


class _MarkingParser(HTMLParser):
    def __init__(self, marker):
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.out = []
        self.skipping = []  # open skipped elements, innermost last
        self.marked = set()

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in SKIPPED:
            self.skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in self.skipping:
            # Close it and anything left open inside it.
            index = len(self.skipping) - 1 - self.skipping[::-1].index(tag)
            del self.skipping[index:]

    def handle_data(self, data):
        if self.skipping or self.cdata_elem:
            self.out.append(data if self.cdata_elem else html.escape(data, quote=False))
        else:
            self.out.append(self.marker.mark_text(data, self.marked))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")
