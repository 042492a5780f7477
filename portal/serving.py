"""Wagtail's page view, without reading again what every request reads the same way.

Wagtail's ``serve`` finds the site for the host, the home page in the reader's language (the
locale, then the specific page) and, once the page is routed, the view restrictions of the
page and its ancestors: five queries before the page's own. Here the site and the localized
home page come from fragments (cached under the host, the language and the ``content`` version,
which sites, locales, pages and restrictions all bump), and a page outside every restriction is
marked so that its ``get_view_restrictions`` answers without a query. The rest is Wagtail's own
view, which uses what is set on the request.
"""

from django.http import Http404
from wagtail.models import Locale, Page, Site
from wagtail.views import serve as wagtail_serve

from . import fragments


def serve(request, path):
    if not getattr(request, "is_preview", False):
        _route(request, path)
    return wagtail_serve(request, path)


def _route(request, path):
    if hasattr(request, "_wagtail_route_for_request"):
        return
    # The fragment's key holds the host already; the port chooses between sites too.
    site = fragments.cached(
        request, "site", lambda: Site._find_for_request(request), request.get_port()
    )
    request._wagtail_site = site
    if site is None:
        return
    home = fragments.cached(request, "localized_home", lambda: _localized_home(site), site)
    try:
        route = home.route(request, [part for part in path.split("/") if part])
    except Http404:
        route = None
    request._wagtail_route_for_request = route
    if route is not None and _outside_every_restriction(request, route[0]):
        route[0]._portal_unrestricted = True


def _localized_home(site):
    home = site.root_page.localized.specific
    home.locale = Locale.objects.get(pk=home.locale_id)  # kept with the cached copy
    return home


def _outside_every_restriction(request, page):
    """An alias takes its restrictions from its source, which its tree path does not show:
    only a site without aliases is decided by path."""
    has_aliases = fragments.cached(
        request, "has_aliases", lambda: Page.objects.filter(alias_of__isnull=False).exists()
    )
    return not has_aliases and fragments.is_public(page.path, fragments.restricted_paths(request))
