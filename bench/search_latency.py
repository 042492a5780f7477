"""Search benchmark: indexing throughput and faceted search latency.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \
        .venv/bin/python bench/search_latency.py --documents 10000

Run it against a scratch database: it migrates, seeds the portal baseline if missing, adds
N generated pages in four languages, indexes them and times searches with three facet filters
(type, two languages) and without filters. Prints p50/p95 server-side time and query counts.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DEBUG", "0")

WORDS = (  # noqa: SIM905 - a readable word list
    "safety wages overtime fire exit chemical union dialogue contract leave training supervisor "
    "garment factory worker health first aid ventilation harassment productivity gender "
    "sécurité salaire formation seguridad salario capacitación an toàn lương đào tạo"
).split()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from wagtail.search.backends import get_search_backend

    from portal.demo.seed import ensure_locales, seed_pages, seed_taxonomy
    from portal.models import StandardPage
    from search.query import faceted_search

    call_command("migrate", verbosity=0)
    if not StandardPage.objects.filter(slug="about").exists():
        ensure_locales()
        seed_taxonomy(sys.stdout)
        seed_pages(sys.stdout)
    existing = StandardPage.objects.filter(slug__startswith="bench-").count()
    rng = random.Random(42)
    parents = {
        code: StandardPage.objects.get(slug="about", locale__language_code=code)
        for code in ("en", "fr", "es", "vi")
    }
    backend = get_search_backend()
    start = time.perf_counter()
    created = []
    with transaction.atomic():
        for number in range(existing, args.documents):
            code = ("en", "fr", "es", "vi")[number % 4]
            words = " ".join(rng.choice(WORDS) for _ in range(40))
            page = StandardPage(
                title=f"{rng.choice(WORDS).title()} guide {number}",
                slug=f"bench-{number}",
                intro=words,
            )
            parents[code].add_child(instance=page)
            created.append(page)
    create_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for offset in range(0, len(created), 500):
        backend.add_bulk(StandardPage, created[offset : offset + 500])
    index_seconds = time.perf_counter() - start
    total = StandardPage.objects.filter(slug__startswith="bench-").count()
    print(f"backend: {type(backend).__module__}; database: {connection.vendor}")
    print(f"documents: {total} bench pages ({len(created)} new)")
    if created:
        print(f"page creation: {len(created) / create_seconds:,.0f} pages/s")
        print(f"indexing: {len(created) / index_seconds:,.0f} documents/s")

    scenarios = {
        "no filters": {"types": (), "languages": ()},
        "3 facet filters": {"types": ("standardpage",), "languages": ("fr", "es")},
    }
    for name, filters in scenarios.items():
        timings, queries = [], []
        for _ in range(args.repeats):
            query = rng.choice(WORDS)
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                results, facets = faceted_search(query, "en", **filters)
                list(results[:10])
                timings.append((time.perf_counter() - began) * 1000)
            queries.append(len(captured))
        print(
            f"{name}: p50 {statistics.median(timings):.1f} ms, "
            f"p95 {percentile(timings, 0.95):.1f} ms, queries {max(queries)}"
        )


if __name__ == "__main__":
    main()
