"""What cached pages and fragments depend on, and how a change invalidates them.

Every cached copy (a whole anonymous page in ``portal/page_cache.py``, the navigation, the
taxonomy labels) is stored with the tokens of the kinds of content it was built from. A copy is
good while those tokens are unchanged; any change to the content bumps its token (a new random
value in ``CacheVersion``, after the transaction commits), so every process sees the change at
once, whatever cache backend it uses.

The kinds:
- ``CONTENT``: pages (publish, unpublish, move, delete, view restrictions), taxonomy,
  navigation and footer, documents, images and their collections' restrictions. Every page
  depends on it.
- ``COMPLIANCE``: the IMS aggregates and transparency list (every recompute).
- ``COMMUNITIES``: the list of communities and the "latest discussions" blocks (any post).
- ``community(pk)``: one community's pages and threads (its posts, threads, settings).
- ``RESOURCE_INDEX``: the knowledge library's index (its cached facet counts).
- ``SEARCH_INDEX``: site search's documents (``search.documents``), written when a page is
  indexed, which a background task may do after the publish that bumped ``CONTENT``: search
  results and their counts depend on both.

A view, block or provider names what it reads with ``depend(...)`` before reading it (the
page cache middleware makes the request current); the tokens are read at that moment, so a copy
is never stored as newer than the data it holds.
"""

import contextvars
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from portal.models import CacheVersion

_pending = threading.local()
_current_tokens = contextvars.ContextVar("cache_version_tokens", default=None)

CONTENT = "content"
COMPLIANCE = "compliance"
COMMUNITIES = "communities"
RESOURCE_INDEX = "resource-index"
SEARCH_INDEX = "search-index"


def community(pk):
    return f"community:{pk}"


def current(names):
    """{name: token} for ``names`` in one query ("" for a kind never bumped)."""
    names = set(names)
    if not names:
        return {}
    found = dict(CacheVersion.objects.filter(name__in=names).values_list("name", "token"))
    return {name: found.get(name, "") for name in names}


def _shared_key(name):
    return f"cache-version:{name}"


# {name: (token, monotonic time it was read)}: this process's copy of the tokens it read last.
_local = {}


def current_shared(names):
    """``current_read(names)``, kept in this process for ``CACHE_VERSIONS_LOCAL_SECONDS``: a
    cached page's hit then reads nothing but the page. A bump made in this process replaces its
    copy at once; one made in another process is seen here once the copy is older than that
    (1 s by default; 0 reads every time)."""
    seconds = settings.CACHE_VERSIONS_LOCAL_SECONDS
    if seconds <= 0:
        return current_read(names)
    now = time.monotonic()
    found, stale = {}, []
    for name in names:
        kept = _local.get(name)
        if kept is not None and now - kept[1] < seconds:
            found[name] = kept[0]
        else:
            stale.append(name)
    if stale:
        read = current_read(stale)
        _keep(read, now)
        found.update(read)
    return found


def _keep(tokens, when):
    for name, token in tokens.items():
        _local[name] = (token, when)


def forget_local():
    """Drop this process's copy of the tokens (tests whose database rolls back)."""
    _local.clear()


def current_read(names):
    """``current(names)``, read from the shared cache (Redis) where ``CACHE_VERSIONS_SHARED``
    is on: a bump writes there too, after the database. A token missing there (never read,
    evicted, or expired after ``CACHE_VERSIONS_SHARED_SECONDS``) is read from the database,
    which stays the truth; the expiry bounds how long a bump whose write to the cache failed
    can go unseen. Without a shared cache, the database every time."""
    if not settings.CACHE_VERSIONS_SHARED:
        return current(names)
    names = set(names)
    found = {
        key.removeprefix("cache-version:"): token
        for key, token in cache.get_many([_shared_key(n) for n in names]).items()
    }
    missing = names - found.keys()
    if missing:
        read = current(missing)
        _share(read)
        found.update(read)
    return found


def _share(tokens):
    cache.set_many(
        {_shared_key(name): token for name, token in tokens.items()},
        settings.CACHE_VERSIONS_SHARED_SECONDS,
    )


def bump(*names):
    """Give each kind a new token once the current transaction commits (at once outside one),
    so a reader never caches the old data under the new token. The names wait in a set that
    the first commit writes once, however many rows changed (deleting a thread deletes its
    posts one signal each); names left by a rolled-back transaction are written with the next
    commit, which only costs an early refresh."""
    waiting = getattr(_pending, "names", None)
    if waiting is None:
        waiting = _pending.names = set()
    waiting.update(names)
    transaction.on_commit(_write_pending)


def _write_pending():
    names, _pending.names = getattr(_pending, "names", set()), set()
    written = {}
    for name in sorted(names):
        row, _new = CacheVersion.objects.update_or_create(
            name=name, defaults={"token": CacheVersion.new_token()}
        )
        written[name] = row.token
    _keep(written, time.monotonic())
    if written and settings.CACHE_VERSIONS_SHARED:
        _share(written)


def depend(*names):
    """Record that the response being built reads ``names``: their tokens are read now, once
    per request. Outside a request the page cache tracks, nothing (and no query)."""
    tokens = _current_tokens.get()
    if tokens is not None:
        _read_missing(tokens, names)


def tracking(request):
    """Make ``request``'s tokens the ones ``depend`` records into; returns what ``stop``
    takes."""
    return _current_tokens.set(request_tokens(request))


def stop(handle):
    _current_tokens.reset(handle)


def _read_missing(tokens, names):
    missing = [name for name in names if name not in tokens]
    if missing:
        tokens.update(current_shared(missing))


def depend_on(request, *names):
    """Record that the response to ``request`` is built from ``names`` and return their tokens
    (read once per request and name)."""
    tokens = request_tokens(request)
    _read_missing(tokens, names)
    return {name: tokens[name] for name in names}


def request_tokens(request):
    """{name: token} of what ``request``'s response has read so far."""
    if request is None:
        return {}
    tokens = getattr(request, "_cache_version_tokens", None)
    if tokens is None:
        tokens = request._cache_version_tokens = {}
    return tokens
