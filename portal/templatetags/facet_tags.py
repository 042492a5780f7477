"""``{% facet_option facet option %}``: one checkbox of a facet (``portal/facets.py``). The
library shows some seventy of them a page; rendered in Python they cost a tenth of an included
template each."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from .. import formatting

register = template.Library()

OPTION = (
    '<li><label{}><input type="checkbox" name="{}" value="{}"{}> '
    '<span class="option-label"{}>{}</span> '
    '<span class="count" data-facet="{}" data-value="{}">({})</span></label></li>'
)


@register.simple_tag
def facet_option(facet, option):
    return format_html(
        OPTION,
        format_html(' lang="{}"', option.value) if facet.name == "language" else "",
        facet.name,
        option.value,
        mark_safe(" checked") if option.selected else "",  # a constant, no reader's text
        format_html(' lang="{}" dir="auto"', option.lang) if option.lang else "",
        capfirst(option.label),
        facet.name,
        option.value,
        formatting.format_number(option.count),
    )
