"""The language versions of what a request shows: for the language switcher and for the
``<link rel="alternate" hreflang>`` tags in every page's head.

A Wagtail page's versions are its live translations (their slugs may differ); a sub-route of a
routable page keeps its tail (``…/countries/kh/``). Any other view under ``i18n_patterns`` has
the same path under each language prefix (Django's ``translate_url``).
"""

from functools import lru_cache

from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from wagtail.models import Page

from .fragments import cached, is_public, restricted_paths

_CACHE_ATTRIBUTE = "_portal_language_versions"


def _order(code):
    codes = [code for code, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


def _page_versions(page, request):
    """[(language code, URL, tree path)] of the page's live versions, in LANGUAGES order. One
    query, cached until the content changes."""

    def build():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return sorted(
            ((t.locale.language_code, t.get_url(request), t.path) for t in translations),
            key=lambda item: _order(item[0]),
        )

    return cached(request, "page_versions", build, page)


@lru_cache(maxsize=4096)
def _view_paths(path):
    """((language code, path), …): a view's path under each language prefix (Django's
    ``translate_url``, which resolves and reverses the path once per language). The URL
    configuration does not change while a process runs, so each path is worked out once."""
    return tuple((code, translate_url(path, code)) for code, _name in settings.LANGUAGES)


def language_versions(request, page=None):
    """[{"code", "url", "path"}] for the request: relative URLs, in LANGUAGES order; "path" is
    the tree path of that language's page (None for app views). Computed once per request."""
    cached_versions = getattr(request, _CACHE_ATTRIBUTE, None)
    key = page.pk if isinstance(page, Page) else None
    if cached_versions is not None and cached_versions[0] == key:
        return cached_versions[1]
    versions = []
    own_url = page.get_url(request) if isinstance(page, Page) and page.pk else None
    if own_url and request.path.startswith(own_url):
        tail = request.path[len(own_url) :]
        for code, url, path in _page_versions(page, request):
            if url:
                versions.append({"code": code, "url": url + tail, "path": path})
    else:
        path, query = escape_uri_path(request.path), request.META.get("QUERY_STRING", "")
        for code, url in _view_paths(path):
            if url != path or code == getattr(request, "LANGUAGE_CODE", None):
                url = f"{url}?{iri_to_uri(query)}" if query else url
                versions.append({"code": code, "url": url, "path": None})
    setattr(request, _CACHE_ATTRIBUTE, (key, versions))
    return versions


def hreflang_alternates(request, page=None):
    """[(hreflang, absolute URL)] for the head: each language version a reader without an account
    can open, then ``x-default`` (the default language's version, else the first). Versions
    behind a view restriction are left out (pages only)."""
    versions = language_versions(request, page)
    if any(v["path"] is not None for v in versions):
        restricted = restricted_paths(request)
        versions = [v for v in versions if v["path"] is None or is_public(v["path"], restricted)]
    if not versions:
        return []
    links = [(v["code"], request.build_absolute_uri(v["url"])) for v in versions]
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), links[0][1])
    return [*links, ("x-default", default)]
