"""Measure the thread page and the thread API with many replies; changes nothing (rolled back).

python manage.py bench_communities --replies 200 --runs 20
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client

from communities import services
from communities.models import Community, Membership


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark the community thread page and API (in a transaction that is rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--replies", type=int, default=200)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, replies, runs, **options):
        try:
            with transaction.atomic():
                self._bench(replies, runs)
                raise _Rollback
        except _Rollback:
            pass

    def _bench(self, replies, runs):
        User = get_user_model()
        user = User.objects.create_user("bench-user", "bench@example.org", "x")
        community = Community.objects.create(name="Bench", slug="bench-community")
        Membership.objects.create(community=community, user=user)
        thread = services.create_thread(community, user, "Bench thread", "Opening **post**")
        for i in range(replies):
            services.create_reply(thread, user, f"Reply {i} with a [link](https://example.org)")
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        for label, url in (
            ("thread page", thread.get_absolute_url()),
            ("thread API", f"/api/v2/communities/threads/{thread.pk}/"),
        ):
            client.get(url)  # warm caches
            timings = []
            queries = []

            def count(execute, sql, params, many, context, queries=queries):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                client.get(url)
            for _ in range(runs):
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            self.stdout.write(
                f"{label}: {replies} replies, status {response.status_code}, "
                f"{len(queries)} queries, median {statistics.median(timings):.1f} ms, "
                f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1]:.1f} ms over {runs} runs"
            )
