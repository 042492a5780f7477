"""Parts of pages that are the same for every reader of a language, cached until the content
they come from changes (``portal/cache_versions.py``): the navigation, the footer, a page's
language versions, taxonomy labels, the lists the home and country blocks show.

A fragment's key holds its name, the active language, the site's host, the tokens of the kinds
of content it is built from (read once per request) and its own arguments. Nothing here may
depend on who is reading. A preview (a draft) neither reads nor fills the cache.
"""

import functools
import hashlib

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale, PageViewRestriction

from .cache_versions import CONTENT, depend_on

FRAGMENT_CACHE_SECONDS = 24 * 60 * 60  # only bounds memory: a new token changes every key
_MISSING = object()


def _key_part(value):
    meta = getattr(value, "_meta", None)
    return f"{meta.label}:{value.pk}" if meta is not None else repr(value)


def _key(request, name, parts, kinds, tokens=None):
    tokens = tokens or depend_on(request, *kinds)
    raw = repr(
        (
            name,
            get_language() or "",
            # Unvalidated, as Wagtail's routing reads it: the host only keys the copy, and a
            # request made in code (communities' link cards) may name the site's own host.
            request._get_raw_host(),
            [tokens[kind] for kind in kinds],
            [_key_part(part) for part in parts],
        )
    )
    return f"portal:fragment:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _uncached(request):
    return request is None or getattr(request, "is_preview", False)


def cached(request, name, build, *parts, kinds=(CONTENT,)):
    """``build()``, or its value cached under ``name``, the language, the host, the tokens of
    ``kinds`` and ``parts``. Without a request (a command, the shell) or in a preview it is
    built each time."""
    if _uncached(request):
        return build()
    key = _key(request, name, parts, kinds)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, FRAGMENT_CACHE_SECONDS)
    return value


def cached_each(request, name, items, build_missing, *parts, kinds=(CONTENT,)):
    """One value per item of ``items``, each cached as ``cached`` would under ``name``, the item
    and ``parts``: read with one ``get_many``; those missing are built together by
    ``build_missing(missing items)`` (a list of values in their order, so it can fetch what
    they need at once) and stored with one ``set_many``."""
    items = list(items)
    if _uncached(request):
        return build_missing(items) if items else []
    tokens = depend_on(request, *kinds)
    keys = [_key(request, name, (item, *parts), kinds, tokens) for item in items]
    found = cache.get_many(keys)
    missing = [(key, item) for key, item in zip(keys, items, strict=True) if key not in found]
    if missing:
        built = dict(
            zip(
                [key for key, _item in missing],
                build_missing([item for _key, item in missing]),
                strict=True,
            )
        )
        cache.set_many(built, FRAGMENT_CACHE_SECONDS)
        found.update(built)
    return [found[key] for key in keys]


def cached_items(function=None, *, kinds=(CONTENT,), extra=None):
    """Decorates a provider (``portal/providers.py``) whose items are the same for every reader:
    called with the block's ``request``, its items are cached by its arguments and ``kinds``
    (and ``extra()``, when given); called without one, it runs as before."""

    def decorate(provider):
        @functools.wraps(provider)
        def wrapper(*args, request=None, **kwargs):
            parts = [(name, _key_part(value)) for name, value in sorted(kwargs.items())]
            if extra is not None:
                parts.append(extra())
            return cached(
                request,
                f"{provider.__module__}.{provider.__name__}",
                lambda: provider(*args, **kwargs),
                *args,
                *parts,
                kinds=kinds,
            )

        return wrapper

    return decorate(function) if function is not None else decorate


def per_request(request, name, build):
    """``build()`` once per request (``name`` is an attribute-safe identifier)."""
    if request is None:
        return build()
    attribute = f"_portal_memo_{name}"
    if not hasattr(request, attribute):
        setattr(request, attribute, build())
    return getattr(request, attribute)


def restricted_paths(request):
    """Tree paths of the pages with a view restriction (any kind): a page is public when no
    path here starts its own. Cached until the content changes (restrictions bump it)."""
    return per_request(
        request,
        "restricted_paths",
        lambda: cached(
            request,
            "restricted_paths",
            lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
        ),
    )


def is_public(path, restricted):
    """Whether the page at tree ``path`` is outside every restriction in ``restricted``."""
    return not any(path.startswith(prefix) for prefix in restricted)


def locale_codes(request):
    """{locale id: language code} of every locale, cached until the content changes."""
    return per_request(
        request,
        "locale_codes",
        lambda: cached(
            request,
            "locale_codes",
            lambda: dict(Locale.objects.values_list("pk", "language_code")),
        ),
    )
