"""Benchmark: the API's main reads (and one write), in-process, on the demo content.

Runs ``seed_demo --demo-accounts`` into the database of ``DATABASE_URL`` if it has no demo
yet, then requests each operation ``-r`` times through the Django test client (URL routing,
the middleware stack with the bearer-token check, the operation, JSON rendering; no network)
and prints p50/p95 server time and the SQL query count per request, anonymously and with a
personal token. The reply case writes one post per request (in a transaction rolled back).

    DATABASE_URL=sqlite:////tmp/bench-api.sqlite3 .venv/bin/python bench/api.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/api.py -r 50
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.common import ensure_demo, percentile  # noqa: E402


def cases(client):
    from communities.models import Thread
    from knowledge.models import ResourceEntry

    found = client.get("/api/v2/pages/find/", {"html_path": "/fr/"})["Location"]
    fr_home = urlsplit(found).path  # /api/v2/pages/<id>/
    home_id = fr_home.rstrip("/").rsplit("/", 1)[1]
    resource = ResourceEntry.objects.filter(is_public=True, language="fr").first()
    thread = Thread.objects.filter(community__slug="trainers-network").first()  # public
    return [
        ("index", "/api/"),
        (
            "pages: French home's children",
            f"/api/v2/pages/?locale=fr&child_of={home_id}",
        ),
        ("pages: one page, all fields", fr_home),
        ("resources: listing + facets", "/api/v2/resources/?lang=fr&country=cambodia"),
        ("resources: one, full content", f"/api/v2/resources/{resource.page_id}/?lang=fr"),
        ("search: facets", "/api/v2/search/?q=overtime&lang=fr"),
        ("communities: list", "/api/v2/communities/?lang=fr"),
        ("communities: thread + posts", f"/api/v2/communities/threads/{thread.pk}/"),
        ("taxonomy", "/api/v2/taxonomy/?lang=km"),
    ], thread


def measure(client, url, runs, headers, method="get", body=None):
    times, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            if method == "post":
                response = client.post(
                    url, json.dumps(body), content_type="application/json", **headers
                )
            else:
                response = client.get(url, **headers)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 201), (
            url,
            response.status_code,
            response.content[:300],
        )
        queries.append(len(ctx.captured_queries))
    return percentile(times, 0.5), percentile(times, 0.95), statistics.median(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-r", "--runs", type=int, default=30)
    args = parser.parse_args()
    ensure_demo()
    from django.contrib.auth import get_user_model

    from communities.models import ApiToken

    client = Client(HTTP_HOST="localhost")
    listed, thread = cases(client)
    trainer = get_user_model().objects.get(username="trainer")
    print(f"{connection.vendor}, {args.runs} requests each (first one warms caches, not counted)")
    print(f"{'operation':36} {'caller':10} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    with transaction.atomic():
        _token, key = ApiToken.issue(trainer, "bench", ApiToken.WRITE)
        token = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
        for name, url in listed:
            for caller, headers in (("anonymous", {}), ("token", token)):
                measure(client, url, 1, headers)
                p50, p95, q = measure(client, url, args.runs, headers)
                print(f"{name:36} {caller:10} {p50:8.1f} {p95:8.1f} {q:8.0f}")
        url = f"/api/v2/communities/threads/{thread.pk}/replies/"
        p50, p95, q = measure(client, url, args.runs, token, "post", {"body": "Merci !"})
        print(f"{'communities: reply':36} {'token':10} {p50:8.1f} {p95:8.1f} {q:8.0f}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
