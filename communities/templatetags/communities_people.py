"""``{% author_link user %}``: a member's name linking to their page, the way every community
page shows people (a thread page shows a hundred), in Python rather than an included template."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from ..models import member_name

register = template.Library()


@lru_cache(maxsize=4096)
def _person_url(username, language, prefix):
    return reverse("communities:person", args=[username])


@register.simple_tag
def author_link(author):
    if author is None:
        return gettext("a former member")
    username = author.get_username()
    url = _person_url(username, get_language(), get_script_prefix())
    return format_html('<a href="{}">{}</a>', url, member_name(author))


register.filter("member_name", member_name)
