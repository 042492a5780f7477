"""Template filters for numbers, percentages and dates written for the reader (built in: no
``{% load %}`` needed). See portal/formatting.py."""

from django import template

from .. import formatting

register = template.Library()


@register.filter
def local_number(value, decimal_pos=None):
    return formatting.format_number(value, decimal_pos)


@register.filter
def local_percent(value, decimal_pos=None):
    """``{{ 42.5|local_percent }}`` → "42,5 %" (fr), "៤២,៥%" (km); the value is 0-100."""
    return formatting.format_percent(value, decimal_pos)


@register.filter(expects_localtime=True)
def local_date(value, format_name="DATE_FORMAT"):
    return formatting.format_date(value, format_name)


@register.filter
def local_count(value):
    """For ``{% blocktranslate count counter=n|local_count %}``: still a number for the plural
    choice, shown localized."""
    if value in (None, ""):
        return value
    return formatting.LocalCount(value)


@register.filter
def local_digits(value):
    """Text with numbers already in it (a year, "cycle 3") in the reader's digits."""
    return formatting.digits(value)


@register.simple_tag
def number_locale():
    """The BCP 47 tag for the browser's Intl (charts): "km-u-nu-khmr"."""
    return formatting.intl_locale()
