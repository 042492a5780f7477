"""Count searches per day, language and normalised query; report top and zero-result queries.

A search is counted in this process first and written with the others made in the same
``SEARCH_STATS_FLUSH_SECONDS`` (one write per query, not per search: a popular query answered
from the page cache would otherwise lock and write its row for every reader). A timer writes
what is waiting even if no other search comes, and so does the process's exit; a crash loses
at most that many seconds of counts. 0 writes each search at once.
"""

import atexit
import threading
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import SearchQueryStat


def normalise(query):
    return " ".join(query.lower().split())[:200]


class _Waiting:
    """Counts not yet written: {(day, language, query): [searches, zero-result, last hits]}."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.timer = None

    def add(self, key, hit_count):
        with self.lock:
            counts = self.counts.setdefault(key, [0, 0, 0])
            counts[0] += 1
            counts[1] += 0 if hit_count else 1
            counts[2] = hit_count
            if self.timer is None:
                self.timer = threading.Timer(settings.SEARCH_STATS_FLUSH_SECONDS, _flush_in_thread)
                self.timer.daemon = True
                self.timer.start()

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, {}
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
        return counts


_waiting = _Waiting()


def record_search(query, language, hit_count):
    query = normalise(query)
    if not query:
        return
    key = (timezone.localdate(), language, query)
    if settings.SEARCH_STATS_FLUSH_SECONDS <= 0:
        _write(key, 1, 0 if hit_count else 1, hit_count)
    else:
        _waiting.add(key, hit_count)


def flush():
    """Write the counts waiting in this process."""
    for key, (searches, zero, last) in sorted(_waiting.take().items()):
        _write(key, searches, zero, last)


def _flush_in_thread():
    try:
        flush()
    finally:
        connections.close_all()  # this thread's own connections


atexit.register(flush)


def _write(key, searches, zero, last_hit_count):
    day, language, query = key
    key = {"day": day, "language": language, "query": query}
    changes = {
        "searches": F("searches") + searches,
        "zero_result_searches": F("zero_result_searches") + zero,
        "last_hit_count": last_hit_count,
    }
    if SearchQueryStat.objects.filter(**key).update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQueryStat.objects.create(
                **key,
                searches=searches,
                zero_result_searches=zero,
                last_hit_count=last_hit_count,
            )
    except IntegrityError:  # another process created the row first
        SearchQueryStat.objects.filter(**key).update(**changes)


def report(language=None, days=30, limit=20):
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = SearchQueryStat.objects.filter(day__gte=since)
    if language:
        rows = rows.filter(language=language)
    grouped = rows.values("query", "language").annotate(
        total=Sum("searches"), zero=Sum("zero_result_searches")
    )
    return {
        "top": list(grouped.order_by("-total", "query")[:limit]),
        "zero_results": list(grouped.filter(zero__gt=0).order_by("-zero", "query")[:limit]),
    }
