"""Checks a PO file from an external translator before anything of it is imported.

A file is refused as a whole, with every reason, when it is not a UTF-8 PO file, belongs to
another translation, has a msgid (with its msgctxt) that the source does not have, or a msgstr
that loses or adds a placeholder (``%(name)s``, ``%s``, ``{name}``) or breaks the inline markup
wagtail-localize keeps in its segments (``<b>``, ``<a id="a1">``: attributes other than ``id``
are stripped from the source and must not come back through a translation).
"""

import contextlib
import os
import re
import tempfile
from collections import Counter
from html.parser import HTMLParser

import polib
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment

MAX_PO_BYTES = 2 * 1024 * 1024
PLACEHOLDER = re.compile(
    r"%\([^)\s]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]"  # %s, %d
    r"|\{\w*\}"  # {name}, {0}, {}
)
VOID_TAGS = {"br", "wbr", "img", "hr"}


class POFileError(Exception):
    def __init__(self, reasons):
        super().__init__("; ".join(str(r) for r in reasons))
        self.reasons = list(reasons)


def parse_po(raw, name=""):
    """Parse uploaded bytes into a polib.POFile or raise POFileError with the reasons."""
    label = f"{name}: " if name else ""
    if not raw:
        raise POFileError([label + _("The file is empty.")])
    if len(raw) > MAX_PO_BYTES:
        raise POFileError([label + _("The file is too large (at most 2 MB).")])
    if b"\x00" in raw:
        raise POFileError([label + _("The file contains a NUL byte: it is not a PO text file.")])
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise POFileError([label + _("The file is not UTF-8 text.")]) from None
    # polib reads a string that names an existing file as that file: always give it a path.
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as handle:
        handle.write(raw)
    try:
        po = polib.pofile(handle.name, encoding="utf-8")
    except (OSError, ValueError, UnicodeError):
        raise POFileError([label + _("The file is not a valid PO file.")]) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    declared = re.search(r"charset=([\w.-]+)", po.metadata.get("Content-Type", ""))
    if declared and declared.group(1).lower() not in ("utf-8", "utf8"):
        raise POFileError([label + _("The file must be saved as UTF-8.")])
    return po


class _TagReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.starts = Counter()
        self.problems = []
        self._open = []

    def handle_starttag(self, tag, attrs):
        names = [name for name, _value in attrs]
        if any(name != "id" for name in names):
            self.problems.append(_("attributes other than id in <%(tag)s>") % {"tag": tag})
        self.starts[(tag, dict(attrs).get("id"))] += 1
        if tag not in VOID_TAGS:
            self._open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self._open.pop()

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if not self._open or self._open[-1] != tag:
            self.problems.append(_("</%(tag)s> closes no open <%(tag)s>") % {"tag": tag})
        else:
            self._open.pop()

    def finish(self):
        self.close()
        if self._open:
            self.problems.append(_("<%(tag)s> is never closed") % {"tag": self._open[-1]})
        return self


def _tags(text):
    reader = _TagReader()
    reader.feed(text)
    return reader.finish()


def string_problems(msgid, msgstr):
    """Why `msgstr` cannot replace `msgid` (an empty list when it can)."""
    problems = []
    wanted, given = Counter(PLACEHOLDER.findall(msgid)), Counter(PLACEHOLDER.findall(msgstr))
    for placeholder in sorted((wanted - given).elements()):
        problems.append(_("placeholder %(placeholder)s is missing") % {"placeholder": placeholder})
    for placeholder in sorted((given - wanted).elements()):
        problems.append(
            _("placeholder %(placeholder)s is not in the source") % {"placeholder": placeholder}
        )
    source, translated = _tags(msgid), _tags(msgstr)
    problems += translated.problems
    if source.starts != translated.starts:
        problems.append(_("the markup (tags and links) differs from the source"))
    return problems


def expected_strings(source_ids):
    """{TranslationSource id: {(msgctxt, msgid)}} for the segments wagtail-localize exports."""
    expected = {source_id: set() for source_id in source_ids}
    for source_id, path, data in StringSegment.objects.filter(source_id__in=source_ids).values_list(
        "source_id", "context__path", "string__data"
    ):
        expected[source_id].add((path, data))
    return expected


def translated_entries(po):
    """The entries that would be imported: translated, neither obsolete nor fuzzy."""
    return [
        entry for entry in po if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    ]


def entry_problems(po, expected, name=""):
    """Every reason to refuse `po` against the (msgctxt, msgid) pairs of its source."""
    label = f"{name}: " if name else ""
    reasons = []
    entries = translated_entries(po)
    if not entries:
        return [label + _("The file has no translated strings.")]
    for entry in entries:
        shown = entry.msgid if len(entry.msgid) <= 60 else entry.msgid[:57] + "…"
        where = _("line %(line)s (“%(msgid)s”)") % {"line": entry.linenum, "msgid": shown}
        if (entry.msgctxt, entry.msgid) not in expected:
            reasons.append(f"{label}{where}: " + _("unknown msgid: not a string of this source"))
            continue
        for problem in string_problems(entry.msgid, entry.msgstr):
            reasons.append(f"{label}{where}: {problem}")
    return reasons


def importable_po(po):
    """A copy of `po` with only the entries to import (what wagtail-localize's import reads)."""
    clean = polib.POFile(wrapwidth=200)
    clean.metadata = dict(po.metadata)
    for entry in translated_entries(po):
        clean.append(entry)
    return clean
