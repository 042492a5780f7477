"""``{% glossary_marked [language] %}…{% endglossary_marked %}``: the enclosed HTML with the
first occurrence of each glossary term of the page's language marked
(``knowledge.glossary_marking``). ``language`` is the language the text is in when it differs
from the page's (an untranslated body)."""

import functools

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.fragments import locale_codes

from ..glossary import entries_for, glossary_url
from ..glossary_marking import Marker

register = template.Library()


@functools.lru_cache(maxsize=32)
def _marker(entries, language, base_url):
    return Marker(entries, language, base_url)


def marked_html(html, language, request=None):
    """``html`` (already rendered, safe) with the language's glossary terms marked."""
    base_url = glossary_url(language, request)
    if not base_url:
        return html
    entries = tuple(e for e in entries_for(language, request) if not e.fallback)
    if not entries:
        return html
    # The input is the rendered template output (already escaped); the marker re-escapes
    # every text node it touches, so the result is as safe as what came in.
    return mark_safe(_marker(entries, language, base_url).mark(str(html)))  # noqa: S308


class GlossaryMarkedNode(template.Node):
    def __init__(self, nodelist, language):
        self.nodelist = nodelist
        self.language = language

    def render(self, context):
        rendered = self.nodelist.render(context)
        request = context.get("request")
        language = self.language.resolve(context) if self.language else ""
        if not language:
            page = context.get("page")
            language = (
                locale_codes(request).get(page.locale_id)
                if page is not None and request is not None
                else None
            ) or get_language()
        return marked_html(rendered, language, request)


@register.tag
def glossary_marked(parser, token):
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("glossary_marked takes at most one argument")
    language = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endglossary_marked",))
    parser.delete_first_token()
    return GlossaryMarkedNode(nodelist, language)
