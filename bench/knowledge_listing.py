"""Benchmark: the knowledge library listing with facet counts, with no filter and with three.

Seeds the demo (``seed_demo --scale``) until the English library holds at least N resources,
then requests the listing in-process (Django test client: URL routing, Wagtail page serve,
filters, facet counts, pagination and template rendering; no network) and prints p50/p95
server time and the SQL query count.

Facet counts and the result count are cached per language and filter set until the index
changes (``knowledge.filters``). Each case is therefore measured twice: *cold*, the first
request after an index change (the token is replaced before every timed request, so every
request counts), and *warm*, a filter set that was already counted.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/knowledge_listing.py -n 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python \\
        bench/knowledge_listing.py -n 1000

``--synthetic`` fills the remainder with index-only resources (pages + index rows created in
bulk, no revisions or materials): the listing reads only the index, so this measures it at
100,000 resources without hours of page creation. Those pages have no detail view.
"""

import argparse
import io
import math
import os
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.common import base36, percentile  # noqa: E402

DEMO_PER_SCALE = 32  # non-programme resources added per extra --scale step (knowledge.demo)
DEMO_BASE = 42


def english_resources():
    from knowledge.models import ResourceEntry

    return ResourceEntry.objects.filter(language="en").count()


def seed(target, synthetic):
    call_command("migrate", verbosity=0)
    have = english_resources()
    if have >= target:
        return have
    scale = 1 if synthetic else max(1, math.ceil((target - DEMO_BASE) / DEMO_PER_SCALE) + 1)
    print(f"seeding: seed_demo --scale {scale} (have {have}, want {target}) …", flush=True)
    started = time.perf_counter()
    try:
        call_command("seed_demo", scale=scale, stdout=io.StringIO())
    except Exception as exc:  # another app's seed failing must not stop the benchmark
        print(f"  seed_demo stopped after the knowledge seed: {exc!r}", flush=True)
    print(f"  seeded in {time.perf_counter() - started:.0f} s", flush=True)
    have = english_resources()
    if synthetic and have < target:
        synthesise(target - have)
    return english_resources()


@transaction.atomic
def synthesise(count, batch=2000):
    """Bulk-create ``count`` index-only guide pages under the English library."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from knowledge.models import (
        GoodPracticeGuidePage,
        ResourceEntry,
        ResourceFacet,
        ResourceLibraryPage,
    )
    from portal import cache_versions
    from portal.models import Country, Industry, Topic

    started = time.perf_counter()
    locale = Locale.get_default()
    library = ResourceLibraryPage.objects.get(locale=locale)
    content_type = ContentType.objects.get_for_model(GoodPracticeGuidePage)
    countries = list(Country.objects.filter(locale=locale).values_list("slug", flat=True))
    industries = list(Industry.objects.filter(locale=locale).values_list("slug", flat=True))
    topics = list(Topic.objects.filter(locale=locale).values_list("slug", flat=True))
    last = Page.objects.child_of(library).order_by("-path").values_list("path", flat=True).first()
    step = int(last[-4:], 36) if last else 0
    now = timezone.now()
    done = 0
    minute = timezone.timedelta(minutes=1)
    while done < count:
        size = min(batch, count - done)
        pages = []
        for k in range(size):
            n = step + done + k + 1
            slug = f"synthetic-{n}"
            pages.append(
                Page(
                    path=library.path + base36(n),
                    depth=library.depth + 1,
                    numchild=0,
                    title=f"Synthetic resource {n}",
                    draft_title=f"Synthetic resource {n}",
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{library.url_path}{slug}/",
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    first_published_at=now - (step + done + k) * minute,
                    last_published_at=now - (step + done + k) * minute,
                )
            )
        Page.objects.bulk_create(pages)
        entries, facets = [], []
        published = {p.path: p.first_published_at for p in pages}
        created = Page.objects.filter(path__in=list(published)).values_list(
            "pk", "slug", "translation_key", "path"
        )
        for i, (pk, slug, key, path) in enumerate(created):
            entries.append(
                ResourceEntry(
                    page_id=pk,
                    translation_key=key,
                    language="en",
                    resource_type="good-practice-guide",
                    title=f"Synthetic {slug}",
                    summary="Index-only benchmark resource.",
                    url=f"/en/resources/{slug}/",
                    published_at=published[path],
                    is_public=True,
                    is_primary=True,
                    languages="|en|",
                    downloads=i % 50,
                )
            )
            n = pk
            facets += [
                ResourceFacet(entry_id=pk, facet="country", value=countries[n % len(countries)]),
                ResourceFacet(entry_id=pk, facet="industry", value=industries[n % len(industries)]),
                ResourceFacet(entry_id=pk, facet="topic", value=topics[n % len(topics)]),
                ResourceFacet(entry_id=pk, facet="topic", value=topics[(n + 3) % len(topics)]),
            ]
        ResourceEntry.objects.bulk_create(entries)
        ResourceFacet.objects.bulk_create(facets)
        done += size
        print(f"  synthetic: {done}/{count}", flush=True)
    Page.objects.filter(pk=library.pk).update(numchild=Page.objects.child_of(library).count())
    cache_versions.bump(cache_versions.RESOURCE_INDEX)
    with connection.cursor() as cursor:  # fresh planner statistics after a bulk load
        cursor.execute("ANALYZE")
    print(f"  synthesised in {time.perf_counter() - started:.0f} s", flush=True)


def three_filters():
    """The most common country, industry and topic: a realistic, non-empty combination."""
    from knowledge.models import ResourceFacet

    picks = []
    for facet in ("country", "industry", "topic"):
        row = (
            ResourceFacet.objects.filter(facet=facet)
            .exclude(value="global")
            .values("value")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        if row:
            picks.append(f"{facet}={row['value']}")
    return "&".join(picks)


def measure(client, url, runs, cold):
    """p50 and p95 server time, the queries of the last request, and the result count shown.
    ``cold``: the index token is replaced before each request (not timed), as a publish does."""
    from portal import cache_versions

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        if cold:
            cache_versions.bump(cache_versions.RESOURCE_INDEX)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = percentile(times, 0.95)
    found = re.search(r'class="result-count">(\d+)<', response.content.decode())
    if found:
        count = found.group(1)
    elif url.startswith("/api/"):
        count = response.json()["count"]
    else:
        count = "?"
    return statistics.median(times), p95, len(captured), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--resources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--synthetic", action="store_true")
    args = parser.parse_args()

    total = seed(args.resources, args.synthetic)
    client = Client(HTTP_HOST="localhost")
    filters = three_filters()
    vendor = connection.vendor
    print(f"\n{vendor}: {total} English resources, {args.runs} runs each")
    print(f"{'case':<50} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'results':>8}")
    for label, url in [
        ("listing, no filter", "/en/resources/"),
        ("listing, 3 filters", f"/en/resources/?{filters}"),
        (
            "listing, 3 filters, sort=downloads, page 2",
            f"/en/resources/?{filters}&sort=downloads&page=2",
        ),
        ("listing in Khmer, no filter", "/km/resources/"),
        ("API listing, 3 filters", f"/api/v2/resources/?{filters}"),
    ]:
        for state in ("cold", "warm"):
            p50, p95, queries, count = measure(client, url, args.runs, cold=state == "cold")
            name = f"{label} ({state})"
            print(f"{name:<50} {p50:>8.1f} {p95:>8.1f} {queries:>8} {count!s:>8}", flush=True)
    print(f"(3 filters: {filters})")


if __name__ == "__main__":
    main()
