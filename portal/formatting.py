"""How numbers, percentages and dates are written for the reader's language: one place.

Separators, grouping and month names come from Django's format modules and catalogues, with the
portal's corrections in ``portal/formats/`` (settings.FORMAT_MODULE_PATH). Digits: Khmer and
Bengali text is written with their own digits (០-៩, ০-৯), as Cambodian and Bangladeshi
documents and news do; Arabic keeps Latin digits (0-9), as UN/ILO Arabic documents and most of
the Jordanian and Egyptian web do, so that the figures read the same as the codes, CSV files and
charts beside them (adding "ar" to NATIVE_DIGITS switches it to ٠-٩). Every other language uses
Latin digits.

Only text for people goes through here: values for machines (data attributes, CSV, JSON, the
``datetime`` of <time>, URLs) stay Latin and ISO.
"""

from contextlib import nullcontext
from decimal import Decimal, InvalidOperation

from django.template.defaultfilters import date as date_filter
from django.utils import formats
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, override

NATIVE_DIGITS = {
    "km": "០១២៣៤៥៦៧៨៩",
    "bn": "০১২৩৪৫৬৭৮৯",
}
# Their Unicode (CLDR) numbering systems, for the browser's Intl in charts.
NUMBERING_SYSTEMS = {"km": "khmr", "bn": "beng", "ar": "arab"}
# The sign's place and the space before it (CLDR): "42 %" in French (narrow no-break space),
# "42 %" in Spanish (no-break space), "42%" elsewhere.
PERCENT_PATTERNS = {"fr": "{}\u202f%", "es": "{}\u00a0%"}
# Spanish leaves four-digit numbers unseparated (2024, 1234), as CLDR and the RAE do.
MIN_GROUPED = {"es": 10_000}


def _language(language):
    return (language or get_language() or "en").split("-")[0]


def _in(language):
    """Django's formats in ``language``: the active one as it is (switching the translation
    costs more than most of what is formatted with it)."""
    return nullcontext() if language == _language(None) else override(language)


def digits(text, language=None):
    """`text` with its ASCII digits written in the language's own digits (if it has any)."""
    native = NATIVE_DIGITS.get(_language(language))
    text = str(text)
    return text.translate(str.maketrans("0123456789", native)) if native else text


def format_number(value, decimal_pos=None, language=None):
    """A count or a measure: grouped and with the language's separators and digits."""
    if value is None or value == "":
        return ""
    language = _language(language)
    if isinstance(value, str):
        try:
            value = Decimal(value)
        except InvalidOperation:  # a mark such as "—" or "<5"
            return digits(value, language)
    elif isinstance(value, float):
        value = Decimal(repr(value))
    grouping = abs(value) >= MIN_GROUPED.get(language, 0)
    with _in(language):
        text = formats.number_format(value, decimal_pos, use_l10n=True, force_grouping=grouping)
    return digits(text, language)


def format_percent(value, decimal_pos=None, language=None):
    """A percentage given on the 0-100 scale, with the decimals it has (42.5 → "42,5 %" in
    French, "៤២,៥%" in Khmer)."""
    if value is None or value == "":
        return ""
    language = _language(language)
    pattern = PERCENT_PATTERNS.get(language, "{}%")
    return pattern.format(format_number(value, decimal_pos, language))


def format_date(value, format_name="DATE_FORMAT", language=None):
    """A date or date-time in one of Django's named formats (DATE_FORMAT,
    SHORT_DATE_FORMAT, SHORT_DATETIME_FORMAT, YEAR_MONTH_FORMAT …), in the current time zone."""
    if value in (None, ""):
        return ""
    language = _language(language)
    with _in(language):
        text = date_filter(template_localtime(value), format_name)
    return digits(text, language)


class LocalCount(int):
    """An int that prints itself for the reader: ``{% blocktranslate count counter=n|local_count
    %}{{ counter }} result…`` chooses the plural form by the number and shows it localized."""

    def __str__(self):
        return format_number(int(self))

    def __html__(self):
        return str(self)


def intl_locale(language=None):
    """A BCP 47 tag for the browser's Intl that names the digits chosen here
    ("km-u-nu-khmr", "ar-u-nu-latn")."""
    language = _language(language)
    system = NUMBERING_SYSTEMS[language] if language in NATIVE_DIGITS else "latn"
    return f"{language}-u-nu-{system}"
