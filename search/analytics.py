"""Count searches per day, language and normalised query; report top and zero-result queries."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import SearchQueryStat


def normalise(query):
    return " ".join(query.lower().split())[:200]


def record_search(query, language, hit_count):
    query = normalise(query)
    if not query:
        return
    key = {"day": timezone.localdate(), "language": language, "query": query}
    changes = {
        "searches": F("searches") + 1,
        "zero_result_searches": F("zero_result_searches") + (0 if hit_count else 1),
        "last_hit_count": hit_count,
    }
    if SearchQueryStat.objects.filter(**key).update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQueryStat.objects.create(
                **key,
                searches=1,
                zero_result_searches=0 if hit_count else 1,
                last_hit_count=hit_count,
            )
    except IntegrityError:  # another request created the row first
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
