"""Benchmark: IMS import throughput, aggregate recompute, and public compliance page reads.

Generates a synthetic STAR export with about N findings (250 questions × 3 cycles per factory),
imports it (findings/s, recompute excluded; set by set on PostgreSQL, with the time of each of
its steps, or ``--row-by-row``), recomputes the aggregates, then requests the public compliance
pages and API in-process (Django test client) and prints p50/p95 server time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ims_bench .venv/bin/python \\
        bench/ims_import.py -n 1000000

Each run starts from empty IMS tables, vacuumed on PostgreSQL (--keep to add to what is there;
--pages-only to time the pages over the data a previous run left, without generating, importing
or recomputing).
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def prepare():
    call_command("migrate", verbosity=0)
    from wagtail.models import Page

    from ims_bridge.demo import seed_page
    from portal.demo.seed import ensure_locales, seed_pages, seed_taxonomy

    out = io.StringIO()
    ensure_locales()
    seed_taxonomy(out)
    seed_pages(out)
    Page.fix_tree(fix_paths=False)
    seed_page(out)


def clear():
    from ims_bridge.models import (
        AggregateCell,
        Assessment,
        CatVersion,
        Factory,
        ImportBatch,
    )

    ImportBatch.objects.all().delete()
    AggregateCell.objects.all().delete()
    Assessment.objects.all().delete()
    Factory.objects.all().delete()
    CatVersion.objects.all().delete()
    if connection.vendor == "postgresql":
        # The deleted rows stay in the tables and their indexes until vacuumed (a server with
        # autovacuum off never does): each run would find more of them and measure them too,
        # e.g. on every lookup of a factory, question or assessment by its STAR id.
        from django.apps import apps

        with connection.cursor() as cursor:
            for model in apps.get_app_config("ims_bridge").get_models():
                if not model._meta.proxy and model._meta.managed:
                    cursor.execute(f"VACUUM {connection.ops.quote_name(model._meta.db_table)}")


def time_phases():
    """{phase: seconds} filled in as the set-by-set import runs (its steps, wrapped)."""
    import functools

    from ims_bridge import aggregation
    from ims_bridge.importing import sets

    phases = {}

    def timed(owner, name, label):
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                phases[label] = phases.get(label, 0) + time.perf_counter() - started

        setattr(owner, name, wrapper)

    for name, label in [
        ("copy", "COPY into the staged rows (part hashes)"),
        ("clean_parts", "distinct parts, validated in Python"),
        ("resolve_rows", "rows resolved to their parts"),
        ("write_parts", "factories, questions, assessments upserted"),
        ("write_findings", "findings inserted"),
        ("report_errors", "error report"),
        ("keep_raw_rows", "raw rows"),
    ]:
        timed(sets.StarCsvLoad, name, label)
    timed(aggregation, "mark_windows", "latest assessments marked")
    return phases


def timed_get(client, url, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--findings", type=int, default=200_000)
    parser.add_argument("--questions", type=int, default=250)
    parser.add_argument("--cycles", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="Do not clear IMS tables first.")
    parser.add_argument(
        "--row-by-row", action="store_true", help="Import row by row (as on SQLite)."
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="Only time the pages, over the aggregates a previous run left.",
    )
    args = parser.parse_args()

    from ims_bridge.aggregation import refresh
    from ims_bridge.generator import generate
    from ims_bridge.importing import Importer
    from ims_bridge.models import AggregateCell, Finding

    prepare()
    if args.pages_only:
        print(f"pages over {Finding.objects.count():,} findings", flush=True)
        time_pages(args.repeat)
        return
    if not args.keep:
        clear()
    per_factory = args.questions * args.cycles
    factories = max(5, round(args.findings / per_factory))
    countries = [
        "bangladesh",
        "cambodia",
        "indonesia",
        "jordan",
        "vietnam",
        "haiti",
        "egypt",
        "ethiopia",
        "nicaragua",
        "pakistan",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.csv"
        started = time.perf_counter()
        with path.open("w", newline="", encoding="utf-8") as out:
            rows = generate(
                out,
                factories=factories,
                cycles=args.cycles,
                questions=args.questions,
                countries=countries,
                seed=7,
            )
        print(
            f"generated {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in "
            f"{time.perf_counter() - started:.1f} s",
            flush=True,
        )
        bulk = not args.row_by_row and connection.vendor == "postgresql"
        phases = time_phases() if bulk else {}
        started = time.perf_counter()
        importer = Importer(source=str(path), recompute=False, bulk=bulk)
        batch = importer.import_path(path, force=True)
        elapsed = time.perf_counter() - started
    print(
        f"import: {batch.rows_imported:,} findings in {elapsed:.1f} s = "
        f"{batch.rows_imported / elapsed:,.0f} findings/s (incl. raw rows, windows; "
        f"{'set by set' if bulk else 'row by row'})",
        flush=True,
    )
    for label, seconds in phases.items():
        print(f"  {label:<48} {seconds:5.1f} s")
    rest = elapsed - sum(phases.values())
    print(f"  {'the rest (hashing the file, statistics, …)':<48} {rest:5.1f} s", flush=True)
    started = time.perf_counter()
    cells = refresh()
    print(
        f"recompute aggregates: {cells:,} cells over {Finding.objects.count():,} findings "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    assert AggregateCell.objects.exists()
    time_pages(args.repeat)


def time_pages(repeat):
    client = Client(HTTP_HOST="localhost")
    urls = [
        "/en/compliance/",
        "/en/compliance/?indicator=point:overtime",
        "/en/compliance/countries/cambodia/",
        "/fr/compliance/countries/vietnam/",
        "/en/compliance/countries/cambodia/points/csv/",
        "/en/compliance/transparency/",
        "/ar/compliance/transparency/?country=cambodia",
        "/api/v2/compliance/aggregates?level=point&country=cambodia",
        "/en/countries/cambodia/",
    ]
    print(f"{'url':<60} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for url in urls:
        p50, p95, queries = timed_get(client, url, repeat)
        print(f"{url:<60} {p50:8.1f} {p95:8.1f} {queries:8d}", flush=True)


if __name__ == "__main__":
    main()
