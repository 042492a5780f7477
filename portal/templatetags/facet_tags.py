"""``{% facet_fieldset facet %}``: one facet of a filter panel (``portal/facets.py``) with its
checkboxes. The library shows some eighty options a page and search about forty; written with
the template engine they cost most of the panel's time (a tag, nine escapes and a number
format each), so the fieldset is put together here, every value escaped once."""

from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext

from .. import formatting

register = template.Library()


@lru_cache(maxsize=4096)
def _count(number, language):
    """A count in the language's digits and grouping (counts repeat: a facet's are small)."""
    return formatting.format_number(number, language=language)


def _option(name, option, language):
    lang_of_input = f' lang="{escape(option.value)}"' if name == "language" else ""
    lang_of_label = f' lang="{escape(option.lang)}" dir="auto"' if option.lang else ""
    value = escape(option.value)
    return (
        f'<li><label{lang_of_input}><input type="checkbox" name="{name}" value="{value}"'
        f"{' checked' if option.selected else ''}> "
        f'<span class="option-label"{lang_of_label}>{escape(capfirst(option.label))}</span> '
        f'<span class="count" data-facet="{name}" data-value="{value}">'
        f"({_count(option.count, language)})</span></label></li>"
    )


def _options(name, options, language):
    return "".join(_option(name, option, language) for option in options)


@register.simple_tag
def facet_fieldset(facet):
    language = (get_language() or "en").split("-")[0]
    name = escape(facet.name)
    parts = [
        f'<fieldset class="facet" id="facet-{name}">',
        f"<legend>{escape(facet.label)}</legend>",
        f'<ul class="facet-options">{_options(name, facet.shown, language)}</ul>',
    ]
    more = facet.more
    if more:
        summary = gettext("Show all (%(counter)s)") % {
            "counter": _count(len(facet.options), language)
        }
        parts.append(
            f'<details class="facet-more"><summary>{escape(summary)}</summary>'
            f'<ul class="facet-options">{_options(name, more, language)}</ul></details>'
        )
    parts.append("</fieldset>")
    # every reader's or editor's text above went through escape()
    return mark_safe("".join(parts))
