"""``{% author_link user %}``: a member's name linking to their page, the way every community
page shows people (a thread page shows a hundred), in Python rather than an included template."""

from functools import lru_cache

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

register = template.Library()


def display_name(user):
    """The name a member chose for the communities, else their full name, else their username."""
    try:
        chosen = user.community_profile.display_name
    except ObjectDoesNotExist:
        chosen = ""
    return chosen or user.get_full_name() or user.get_username()


@lru_cache(maxsize=4096)
def _person_url(username, language, prefix):
    return reverse("communities:person", args=[username])


@register.simple_tag
def author_link(author):
    if author is None:
        return gettext("a former member")
    username = author.get_username()
    url = _person_url(username, get_language(), get_script_prefix())
    return format_html('<a href="{}">{}</a>', url, display_name(author))
