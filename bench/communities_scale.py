"""Benchmark: communities at scale (issue 17).

On its own PostgreSQL database (``bench_communities`` unless ``DATABASE_URL`` names another;
created if missing) this builds, once and with ``bulk_create``, a public community with
100,000 threads (each with its opening post; a few pinned, a few hidden), one of them with
5,000 replies (a few hidden), and 10,000 members who follow the community and that thread
(one in ten e-mailed at once, the others a daily digest). Running it again adds only what is
missing.

It then requests, in-process (Django test client: routing, middleware, view, template or
JSON; no network), the community page's first, middle and last page, the big thread's first,
middle and last page, and their API equivalents, as an anonymous reader and as a signed-in
member, and prints p50/p95 server time and the SQL query count. Last, it posts replies to the
big thread (site form and API) with a task backend that only records what is enqueued (the
request's own time), then runs what was enqueued (the notification fan-out and its e-mails)
and prints that time separately; each reply is deleted afterwards.

    nice -n 19 .venv/bin/python bench/communities_scale.py
    nice -n 19 .venv/bin/python bench/communities_scale.py --runs 30 --post-runs 5
"""

import argparse
import math
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_communities")


def ensure_database(url):
    """CREATE DATABASE for a PostgreSQL URL whose database does not exist yet."""
    import psycopg

    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}", flush=True)


ensure_database(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.common import percentile  # noqa: E402

SLUG = "bench-scale"
BIG_TITLE = "The big thread"
BATCH = 5000
BODY = (
    "We rotate the committee every six months and keep minutes in both languages; the "
    "factory's HR team reads them before each meeting. What do you do about overtime "
    "records when the buyer's audit is close? Reply {n}."
)
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _batches(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def seed(threads, replies, followers):
    import io

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from communities.models import (
        Community,
        EmailMode,
        Membership,
        Post,
        Profile,
        Role,
        Subscription,
        Thread,
        Visibility,
    )
    from portal.demo.seed import ensure_locales, seed_pages, seed_taxonomy

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    out = io.StringIO()
    ensure_locales()
    seed_taxonomy(out)
    seed_pages(out)
    User = get_user_model()
    community, _ = Community.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name": "Scale test",
            "language": "en",
            "visibility": Visibility.PUBLIC,
            "description": "A community with very many threads.",
        },
    )
    author, _ = User.objects.get_or_create(
        username="bench-author", defaults={"email": "bench-author@example.org"}
    )
    Membership.objects.get_or_create(community=community, user=author)
    Profile.objects.get_or_create(user=author, defaults={"email_mode": EmailMode.OFF})
    password = make_password(None)
    have = User.objects.filter(username__startswith="bench-f").count()
    if have < followers:
        users = [
            User(username=f"bench-f{n:05d}", email=f"bench-f{n:05d}@example.org", password=password)
            for n in range(have, followers)
        ]
        for batch in _batches(users):
            User.objects.bulk_create(batch, ignore_conflicts=True)
        print(f"  {followers - have} users", flush=True)
    follower_ids = list(
        User.objects.filter(username__startswith="bench-f")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if Membership.objects.filter(community=community).count() < len(follower_ids) + 1:
        for batch in _batches(follower_ids):
            Profile.objects.bulk_create(
                [
                    Profile(
                        user_id=pk,
                        email_mode=EmailMode.IMMEDIATE if pk % 10 == 0 else EmailMode.DAILY,
                    )
                    for pk in batch
                ],
                ignore_conflicts=True,
            )
            Membership.objects.bulk_create(
                [Membership(community=community, user_id=pk, role=Role.MEMBER) for pk in batch],
                ignore_conflicts=True,
            )
            Subscription.objects.bulk_create(
                [Subscription(community=community, user_id=pk) for pk in batch],
                ignore_conflicts=True,
            )
        print("  memberships, profiles and follows", flush=True)

    now = timezone.now()
    big = Thread.objects.filter(community=community, title=BIG_TITLE).first()
    if big is None:
        big = Thread.objects.create(
            community=community,
            title=BIG_TITLE,
            author=author,
            created_at=now,
            last_activity_at=now,
        )
        Post.objects.create(
            thread=big, author=author, body="Start", html="<p>Start</p>", is_opening=True
        )
    have = Thread.objects.filter(community=community).count()
    made = 0
    while have < threads:
        size = min(BATCH, threads - have)
        rows = [
            Thread(
                community=community,
                title=f"Thread {n}: overtime records and committee minutes",
                author=author,
                created_at=now - timezone.timedelta(minutes=n),
                last_activity_at=now - timezone.timedelta(minutes=n),
                pinned=n in (10, 20_000, 60_000),
                reply_count=n % 7,
            )
            for n in range(have, have + size)
        ]
        with transaction.atomic():
            Thread.objects.bulk_create(rows)
            Post.objects.bulk_create(
                [
                    Post(
                        thread=t,
                        author=author,
                        body=BODY.format(n=t.pk),
                        html=f"<p>{BODY.format(n=t.pk)}</p>",
                        is_opening=True,
                        created_at=t.created_at,
                        hidden=t.pk % 997 == 0,
                    )
                    for t in rows
                ]
            )
        have += size
        made += size
        print(f"  threads: {have}/{threads}", flush=True)
    have = Post.objects.filter(thread=big, is_opening=False).count()
    if have < replies:
        posts = [
            Post(
                thread=big,
                author_id=follower_ids[n % len(follower_ids)] if follower_ids else author.pk,
                body=BODY.format(n=n),
                html=f"<p>{BODY.format(n=n)}</p>",
                created_at=now - timezone.timedelta(seconds=replies - n),
                hidden=n % 100 == 99,
            )
            for n in range(have, replies)
        ]
        for batch in _batches(posts):
            Post.objects.bulk_create(batch)
        Thread.objects.filter(pk=big.pk).update(reply_count=replies, last_activity_at=now)
        print(f"  replies: {replies}", flush=True)
    if Subscription.objects.filter(thread=big).count() < len(follower_ids):
        for batch in _batches(follower_ids):
            Subscription.objects.bulk_create(
                [Subscription(thread=big, user_id=pk) for pk in batch], ignore_conflicts=True
            )
        print("  thread follows", flush=True)
    with connection.cursor() as cursor:  # statistics and visibility map after a bulk load
        cursor.execute("VACUUM ANALYZE")
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
    return community, Thread.objects.get(pk=big.pk), author, follower_ids


def measure(client, url, runs):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return percentile(times, 0.5), percentile(times, 0.95), len(captured)


def reading_cases(community, big):
    from django.contrib.auth.models import AnonymousUser

    from communities.models import Thread
    from communities.views.browse import POSTS_PER_PAGE, THREADS_PER_PAGE

    visible = Thread.objects.readable_by(AnonymousUser()).filter(community=community).count()
    posts = big.posts.filter(hidden=False).count()
    base = f"/en/communities/{SLUG}/"
    thread_url = f"{base}t/{big.pk}/"
    api = "/api/v2/communities/"
    cases = []
    for label, url, per_page, total in (
        ("community page", base, THREADS_PER_PAGE, visible),
        ("thread page", thread_url, POSTS_PER_PAGE, posts),
        ("API threads", f"{api}{SLUG}/threads/", 20, visible),
        ("API thread posts", f"{api}threads/{big.pk}/posts/", 20, posts),
    ):
        last = math.ceil(total / per_page)
        for name, number in (("first", 1), ("middle", last // 2), ("last", last)):
            cases.append((f"{label}, {name} ({number}/{last})", f"{url}?page={number}"))
    cases.append(("API thread + first posts", f"{api}threads/{big.pk}/"))
    return cases


def run_enqueued(results):
    """Run what the request enqueued (recorded by the dummy backend), inline."""
    with override_settings(TASKS=IMMEDIATE_TASKS):
        for result in results:
            result.task.call(*result.args, **result.kwargs)


class QueryCounter:
    """Counts the queries run through the connection (CaptureQueriesContext keeps 9,000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


def measure_reply(client, big, runs, how, headers):
    from django_tasks import default_task_backend

    from communities.models import Notification, Post, Thread

    before = Thread.objects.filter(pk=big.pk).values("reply_count", "last_activity_at").get()
    request_times, task_times, queries, task_queries, made, mails = [], [], [], [], [], []
    for n in range(runs):
        since = timezone.now()
        with override_settings(TASKS=DUMMY_TASKS, COMMUNITIES_POST_RATE="100000/h"):
            backend = default_task_backend
            backend.clear()
            with QueryCounter() as captured:
                started = time.perf_counter()
                if how == "api":
                    response = client.post(
                        f"/api/v2/communities/threads/{big.pk}/replies/",
                        {"body": f"A reply, run {n}"},
                        content_type="application/json",
                        **headers,
                    )
                else:
                    response = client.post(
                        f"/en/communities/{SLUG}/t/{big.pk}/reply/", {"body": f"A reply, run {n}"}
                    )
                request_times.append((time.perf_counter() - started) * 1000)
            assert response.status_code in (201, 302), (how, response.status_code)
            queries.append(captured.count)
            enqueued = list(backend.results)
        mail.outbox = []
        with QueryCounter() as captured:
            started = time.perf_counter()
            run_enqueued(enqueued)
            task_times.append((time.perf_counter() - started) * 1000)
        task_queries.append(captured.count)
        post = Post.objects.filter(thread=big, created_at__gte=since).order_by("-pk").first()
        made.append(Notification.objects.filter(post=post).count())
        mails.append(len(mail.outbox))
        mail.outbox = []
        post.delete()
        Thread.objects.filter(pk=big.pk).update(**before)
    return request_times, queries, task_times, task_queries, made, mails


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=100_000)
    parser.add_argument("--replies", type=int, default=5_000)
    parser.add_argument("--followers", type=int, default=10_000)
    parser.add_argument("-r", "--runs", type=int, default=20)
    parser.add_argument("--post-runs", type=int, default=5)
    parser.add_argument("--only-posts", action="store_true", help="skip the reading cases")
    parser.add_argument("--post-via", choices=["site", "api", "both"], default="both")
    args = parser.parse_args()

    from django.contrib.auth import get_user_model

    from communities.models import ApiToken

    community, big, author, follower_ids = seed(args.threads, args.replies, args.followers)
    anonymous = Client(HTTP_HOST="localhost")
    member = Client(HTTP_HOST="localhost")
    member.force_login(get_user_model().objects.get(pk=follower_ids[1]))
    print(
        f"\n{connection.vendor}: {community.threads.count()} threads, "
        f"{big.posts.count()} posts in the big thread, {len(follower_ids)} followers; "
        f"{args.runs} requests each (after 2 not counted)"
    )
    print(f"{'case':44} {'reader':10} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    with override_settings(PAGE_CACHE_SECONDS=0):
        for label, url in [] if args.only_posts else reading_cases(community, big):
            for reader, client in (("anonymous", anonymous), ("member", member)):
                p50, p95, q = measure(client, url, args.runs)
                print(f"{label:44} {reader:10} {p50:8.1f} {p95:8.1f} {q:8}", flush=True)

        if args.post_runs < 1:
            return
        _token, key = ApiToken.issue(author, "bench", ApiToken.WRITE)
        poster = Client(HTTP_HOST="localhost")
        poster.force_login(author)
        print(
            f"\nreply to the big thread ({args.post_runs} runs; the request with a task backend "
            "that only records, then what it enqueued run inline)"
        )
        print(
            f"{'case':24} {'req p50':>8} {'req p95':>8} {'req q':>6} "
            f"{'task p50':>9} {'task p95':>9} {'task q':>7} {'notified':>9} {'mails':>6}"
        )
        for how, client, headers in (
            ("site form", poster, {}),
            ("api", anonymous, {"HTTP_AUTHORIZATION": f"Bearer {key}"}),
        ):
            if args.post_via != "both" and not how.startswith(args.post_via):
                continue
            req, q, task, tq, made, mails = measure_reply(client, big, args.post_runs, how, headers)
            print(
                f"{'reply: ' + how:24} {percentile(req, 0.5):8.1f} {percentile(req, 0.95):8.1f} "
                f"{max(q):6} {percentile(task, 0.5):9.1f} {percentile(task, 0.95):9.1f} "
                f"{max(tq):7} {max(made):9} {max(mails):6}",
                flush=True,
            )
        ApiToken.objects.filter(pk=_token.pk).delete()


if __name__ == "__main__":
    main()
