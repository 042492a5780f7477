"""The portal's own words in a given language, for selectors that work in every language.

The test process has the same catalogues as the server (locale/, compiled with
`manage.py compile_translations`), so `tr("km", "Improvement plan")` is what a Khmer reader
sees; a string without a translation comes back in English, as the server shows it."""

import re

from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext


def tr(lang, msgid, context=None, **values):
    """The translation of `msgid` (with `context`, for `{% translate … context … %}`), with
    `%(name)s` placeholders filled from `values`."""
    with translation.override(lang):
        text = pgettext(context, msgid) if context else gettext(msgid)
    return text % values if values else text


def tr_count(lang, singular, plural, n, **values):
    """A `{% blocktranslate count counter=n %}` message."""
    with translation.override(lang):
        text = ngettext(singular, plural, n)
    return text % {"counter": n, **values}


def tr_pattern(lang, msgid, context=None, **groups):
    """A regular expression for a translated message with placeholders: each `%(name)s` in
    the translation becomes `groups[name]` (a regex, default `(.+?)`); the rest is literal."""
    text = tr(lang, msgid, context)
    parts = re.split(r"(%\(\w+\)s)", text)
    out = []
    for part in parts:
        match = re.fullmatch(r"%\((\w+)\)s", part)
        out.append(groups.get(match.group(1), "(.+?)") if match else re.escape(part))
    return re.compile("".join(out))
