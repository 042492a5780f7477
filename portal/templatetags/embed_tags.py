from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def url_host(url):
    """The host of a URL without "www.", for "View on youtube.com" links."""
    host = urlsplit(str(url)).hostname or ""
    return host.removeprefix("www.")
