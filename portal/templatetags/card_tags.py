"""``{% language_links card.versions %}``: the "Languages: English, Khmer…" links of a card
(``portal.components.LanguageLink``). A library page shows up to seven for each of its twelve
cards; through the template engine they were two thirds of the card list's time."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


def _link(version):
    code = escape(version.code)
    current = ' aria-current="true"' if version.current else ""
    return (
        f'<a href="{escape(version.url)}" hreflang="{code}" lang="{code}"{current}>'
        f"{escape(version.name)}</a>"
    )


@register.simple_tag
def language_links(versions):
    # the URL, code and name are each escaped above
    return mark_safe(", ".join(_link(version) for version in versions))
