"""Whole pages cached for readers without a session, and the Cache-Control that lets a CDN do
the same.

A page is served from the cache only to a GET or HEAD in a language (``/fr/…``) from a reader
with no session, no pending messages and no ``Authorization`` header. It is stored only when
the answer is a plain 200 that set no cookie, embedded no CSRF token (a form's token belongs to
one reader), was not a preview, is not marked private by its view, and was rendered for an
anonymous user. So a signed-in reader never gets a cached page, and a cached page never holds
anything one reader may see and another may not: what an anonymous reader gets is what every
anonymous reader gets.

Each copy is stored with the tokens of the kinds of content it was built from
(``portal/cache_versions.py``: ``CONTENT`` always, plus what its views named), read before the
rendering read the data; it is served while those tokens are unchanged, so a publish, an import
or a post shows on the next request in the process that made it, and within
``CACHE_VERSIONS_LOCAL_SECONDS`` in every other, whatever the cache backend: a hit compares the
copy's tokens with this process's copy of them, read again from the database (or Redis, when
``CACHE_VERSIONS_SHARED``) once that is older. A view whose
response has side effects a cached copy would skip (the search statistics) names them with
``on_hit``; they run again on each hit.

Settings: ``PAGE_CACHE_SECONDS`` (how long a copy may live at most; 0 turns the cache off),
``PAGE_CACHE_MAX_AGE`` (browsers) and ``PAGE_CACHE_CDN_MAX_AGE`` (``s-maxage``, shared caches).
"""

import hashlib
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import cache_versions

HIT_HEADER = "X-Page-Cache"
# Longer URLs (made-up query strings) are served but not stored: they would only crowd out
# the pages people read.
MAX_STORED_URL = 1000
# Headers a cached copy must not replay: set per response or by the middleware above.
NOT_STORED = {"set-cookie", "content-security-policy", "x-page-cache", "date"}
# What a page's content may vary on: the path holds the language; Cookie is why anonymous
# and signed-in readers get different answers.
KNOWN_VARY = {"cookie", "accept-language", "accept-encoding"}
BYPASS_COOKIES = ("messages",)


def on_hit(request, function, *args):
    """Run ``function(*args)`` on every later hit of the copy this response becomes (a
    module-level function, with arguments the cache can store)."""
    hooks = getattr(request, "_page_cache_hooks", None)
    if hooks is None:
        hooks = request._page_cache_hooks = []
    hooks.append((f"{function.__module__}.{function.__qualname__}", args))
    return function(*args)


_required = {}
_key_parts = []


def vary_on(function):
    """Key every copy by ``function()`` too: a setting that changes what pages may show (the
    compliance suppression threshold) must not find copies made under its old value."""
    _key_parts.append(function)


def require_dependency(namespace, *prefixes):
    """Pages of URL ``namespace`` are stored only when their views named a dependency starting
    with one of ``prefixes``: a view that forgot would otherwise be cached past a change."""
    _required[namespace] = prefixes


def _dependencies_named(request):
    match = getattr(request, "resolver_match", None)
    prefixes = _required.get(match.namespace) if match else None
    names = cache_versions.request_tokens(request)
    return not prefixes or any(name.startswith(prefixes) for name in names)


def _languages():
    return {code for code, _name in settings.LANGUAGES}


def _in_a_language(path):
    prefix = path.split("/", 2)[1] if path.count("/") >= 2 else ""
    return prefix in _languages()


def _anonymous_request(request):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and not any(name in cookies for name in BYPASS_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        # Wagtail's previews run the middleware on a dummy request for the page's own URL.
        and not getattr(request, "is_dummy", False)
        and request.method in ("GET", "HEAD")
        and _in_a_language(request.path_info)
        and _anonymous_request(request)
        and len(request.get_full_path()) <= MAX_STORED_URL
    )


def _key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    parts = repr([url, *(part() for part in _key_parts)])
    return "page:" + hashlib.sha256(parts.encode()).hexdigest()


def _storable(request, response):
    control = response.get("Cache-Control", "").lower()
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and "Content-Encoding" not in response
        and vary <= KNOWN_VARY
        and _dependencies_named(request)
    )


def _public(response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE,
    )
    patch_vary_headers(response, ("Cookie",))


def _private(response):
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)


def _replay(request, entry):
    response = HttpResponse(
        b"" if request.method == "HEAD" else entry["content"], status=entry["status"]
    )
    for name, value in entry["headers"]:
        response[name] = value
    response[HIT_HEADER] = "hit"
    for path, args in entry["hooks"]:
        module, _dot, name = path.rpartition(".")
        getattr(import_module(module), name)(*args)
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _in_a_language(request.path_info):
            return self.get_response(request)
        if not cacheable_request(request):
            response = self.get_response(request)
            _private(response)
            return response
        key = _key(request)
        entry = cache.get(key)
        if entry is not None:
            tokens = cache_versions.current_shared(entry["versions"])
            if tokens == entry["versions"]:
                return _replay(request, entry)
            # Read before rendering: the fresh copy is stored under these tokens.
            cache_versions.request_tokens(request).update(tokens)
        cache_versions.depend_on(request, cache_versions.CONTENT)
        handle = cache_versions.tracking(request)
        try:
            response = self.get_response(request)
        finally:
            cache_versions.stop(handle)
        if _storable(request, response):
            _public(response)
            self._store(request, response, key)
            response[HIT_HEADER] = "miss"
        else:
            _private(response)
        return response

    def _store(self, request, response, key):
        entry = {
            "status": response.status_code,
            "content": response.content,
            "headers": [
                (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
            ],
            "versions": dict(cache_versions.request_tokens(request)),
            "hooks": list(getattr(request, "_page_cache_hooks", [])),
        }
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
