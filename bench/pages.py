"""Benchmark: the public pages as an anonymous reader sees them, uncached, in-process.

Runs ``seed_demo --demo-accounts`` into the database of ``DATABASE_URL`` if it has no demo
yet, then requests each page ``-r`` times through the Django test client (URL routing, the
middleware stack, the page's view and templates; no network) with the whole-page cache off
(``PAGE_CACHE_SECONDS = 0``) and the fragment caches warm (one request first, not counted), and
prints p50/p95 server time and the SQL query count per request. ``--cold`` clears Django's
cache before every request instead (what the first reader after a publish pays);
``--queries`` prints each page's queries that run more than once, to find what to batch.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/pages.py -r 50
"""

import argparse
import collections
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.common import ensure_demo, percentile  # noqa: E402


def pages():
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Count
    from wagtail.models import Page

    from communities.models import Thread, Visibility
    from knowledge.models import ResourceLibraryPage, SelfGuidedToolPage

    library = ResourceLibraryPage.objects.live().filter(locale__language_code="en").first()
    # The public resource with the most materials: the heaviest detail page of the demo.
    resource = (
        Page.objects.live()
        .public()
        .filter(locale__language_code="en")
        .annotate(materials=Count("knowledge_materials"))
        .order_by("-materials", "pk")
        .first()
    )
    tool = SelfGuidedToolPage.objects.live().filter(locale__language_code="en").first()
    thread = (  # the public thread with the most replies, as bench/load.py
        Thread.objects.readable_by(AnonymousUser())
        .filter(community__visibility=Visibility.PUBLIC)
        .order_by("-reply_count")
        .first()
    )
    return [
        ("home", "/en/"),
        ("library", library.url),
        ("library, filtered", f"{library.url}?country=cambodia&topic=gender-equality"),
        ("resource", resource.url),
        ("search with facets", "/en/search/?q=overtime"),
        ("compliance", "/en/compliance/"),
        ("compliance: indicator", "/en/compliance/?indicator=point:overtime"),
        ("compliance: country", "/en/compliance/countries/cambodia/"),
        ("country portal", "/en/countries/cambodia/"),
        ("self-guided tool", tool.url),
        ("community", thread.community.get_absolute_url()),
        ("thread", thread.get_absolute_url()),
        ("home (French)", "/fr/"),
    ]


def measure(client, url, runs, cold=False):
    times, queries, last = [], [], None
    for _ in range(runs):
        if cold:
            cache.clear()
        connection.queries_log.clear()  # it keeps 9,000 queries: past that a count reads 0
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(ctx.captured_queries))
        last = ctx.captured_queries
    return percentile(times, 0.5), percentile(times, 0.95), statistics.median(queries), last


def repeated(captured):
    shapes = collections.Counter(re.sub(r"\b\d+\b|'[^']*'", "?", q["sql"])[:220] for q in captured)
    return [(n, sql) for sql, n in shapes.most_common() if n > 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-r", "--runs", type=int, default=30)
    parser.add_argument("--cold", action="store_true", help="clear the cache before each request")
    parser.add_argument("--queries", action="store_true", help="print repeated queries")
    args = parser.parse_args()
    ensure_demo()
    settings.PAGE_CACHE_SECONDS = 0  # the whole-page cache (portal/page_cache.py) off
    # Search statistics written as production writes them (once a second, not per search).
    settings.SEARCH_STATS_FLUSH_SECONDS = 1.0
    client = Client(HTTP_HOST="localhost")
    listed = pages()
    state = "cold caches" if args.cold else "fragment caches warm"
    print(f"{connection.vendor}, {args.runs} requests each, page cache off, {state}")
    print(f"{'page':26} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  url")
    for name, url in listed:
        measure(client, url, 1)
        p50, p95, q, last = measure(client, url, args.runs, cold=args.cold)
        print(f"{name:26} {p50:8.1f} {p95:8.1f} {q:8.0f}  {url}")
        if args.queries:
            for n, sql in repeated(last):
                print(f"    {n:3}x {sql}")


if __name__ == "__main__":
    main()
