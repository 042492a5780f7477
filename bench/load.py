"""Load test: the portal served the way a deployment serves it (gunicorn, sync workers,
production settings, PostgreSQL), beside a minimal Django view served the same way, on
loopback only and bounded in time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load .venv/bin/python bench/load.py

It seeds the demo (``seed_demo --demo-accounts``) into ``DATABASE_URL`` when it is not there,
collects the static files once, then measures with ``wrk`` (Debian: ``apt install wrk``):

1. the minimal view (same settings and middleware, a view that renders nothing);
2. each page type with the anonymous page cache off (every request renders);
3. each page type with the cache on (warmed first);
4. a mixed load: ``--users`` connections for ``--mixed-seconds``, 70 % pages and the library,
   20 % search, 10 % signed-in readers posting replies (their sessions are made in the
   database; the replies stay in the bench database).

and prints requests/s and p50/p95/p99 latency per case, then the issue's targets: cached pages
≥ 80 % of the minimal view's requests/s, uncached pages ≥ 200 requests/s, the mixed load with no
error and p95 < 300 ms. ``--redis`` puts the cache in Redis (127.0.0.1:6379, database 5)
instead of each worker's memory. The only change to the production settings is the community
posting limit (``bench/load/settings.py``).
"""

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from bench.common import ensure_demo  # noqa: E402

HERE = Path(__file__).resolve().parent / "load"
STATIC_ROOT = Path(tempfile.gettempdir()) / "bench-load-static"
BIN = Path(sys.executable).parent
TARGET_CACHED_SHARE = 0.8
TARGET_UNCACHED_RPS = 200
TARGET_MIXED_P95_MS = 300


def page_urls():
    """One URL per page type, read from the demo."""
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import Locale

    from communities.models import Thread, Visibility
    from knowledge.models import ResourceEntry, ResourceLibraryPage, SelfGuidedToolPage

    english = Locale.objects.get(language_code="en")
    library = ResourceLibraryPage.objects.live().filter(locale=english).first()
    entries = ResourceEntry.objects.filter(language="en").order_by("-page__first_published_at")
    tools = SelfGuidedToolPage.objects.live().filter(locale=english)
    resource = entries.exclude(page__in=tools).first()
    tool = tools.first()
    thread = (
        Thread.objects.readable_by(AnonymousUser())
        .filter(community__visibility=Visibility.PUBLIC)
        .order_by("-reply_count")
        .first()
    )
    return {
        "home": "/en/",
        "library": library.url,
        "resource": resource.page.url,
        # Its step forms post to knowledge.progress (checked by origin): no token, so cached.
        "self-guided tool": tool.url,
        "search": "/en/search/?q=overtime",
        "compliance": "/en/compliance/",
        "country report": "/en/compliance/countries/cambodia/",
        "community": thread.community.get_absolute_url(),
        "thread": thread.get_absolute_url(),
    }, thread


def writers(thread, count=10):
    """``count`` members of the thread's community, each with a session and a CSRF secret
    (made in the database, as a login would)."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from communities.models import Membership

    sessions = []
    for n in range(count):
        user, _new = get_user_model().objects.get_or_create(
            username=f"load-writer-{n}", defaults={"email": f"load-writer-{n}@example.org"}
        )
        Membership.objects.get_or_create(community=thread.community, user=user)
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.create()
        sessions.append({"sessionid": store.session_key, "csrftoken": secrets.token_hex(16)})
    return sessions


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(settings_module, page_cache, redis):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        SECRET_KEY=env.get("SECRET_KEY", "bench-load-not-secret"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL="0",
        DEBUG="0",
        STATIC_ROOT=str(STATIC_ROOT),
        PAGE_CACHE_SECONDS="600" if page_cache else "0",
        REDIS_URL="redis://127.0.0.1:6379/5" if redis else "",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def collect_static():
    if (STATIC_ROOT / "staticfiles.json").exists():
        return
    env = server_env("portal.settings.production", False, False)
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


class Server:
    def __init__(self, settings_module, *, page_cache, redis, workers, probe):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--worker-class",
                "sync",
            ],
            cwd=ROOT,
            env=server_env(settings_module, page_cache, redis),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait(probe)

    def _wait(self, probe):
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + probe, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise SystemExit(f"gunicorn did not answer {probe}: see {self.log.name}")

    def warm(self, path, times=20):
        for _ in range(times):
            with urllib.request.urlopen(self.base + path, timeout=30) as response:  # noqa: S310
                response.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(url, *, seconds, connections, threads, script="report.lua", env=None):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(HERE / script),
        url,
    ]
    out = subprocess.run(
        command, capture_output=True, text=True, check=True, env={**os.environ, **(env or {})}
    ).stdout
    line = next(row for row in out.splitlines() if row.startswith("RESULT "))
    requests, duration_us, socket_errors, http_errors, p50, p95, p99 = map(int, line.split()[1:])
    return {
        "rps": requests / (duration_us / 1e6),
        "requests": requests,
        "errors": socket_errors + http_errors,
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
    }


def row(name, figures, extra=""):
    print(
        f"{name:<28} {figures['rps']:>9.0f} {figures['p50']:>8.1f} {figures['p95']:>8.1f} "
        f"{figures['p99']:>8.1f} {figures['errors']:>7d}  {extra}",
        flush=True,
    )


def header(title):
    print(f"\n{title}")
    print(f"{'case':<28} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")


def mixed_data(urls, thread, sessions, base):
    pages = [urls[name] for name in ("home", "library", "resource", "compliance", "community")]
    pages += [urls["thread"], urls["country report"]]
    searches = [f"/en/search/?q={q}" for q in ("overtime", "wages", "fire+safety", "training")]

    def lua_list(items):
        return "{" + ", ".join(f'"{item}"' for item in items) + "}"

    session_rows = ", ".join(
        f'{{sessionid = "{s["sessionid"]}", csrftoken = "{s["csrftoken"]}"}}' for s in sessions
    )
    path = Path(tempfile.gettempdir()) / "bench-load-mixed-data.lua"
    path.write_text(
        "return {\n"
        f"  pages = {lua_list(pages)},\n"
        f"  searches = {lua_list(searches)},\n"
        f'  reply = "{thread.get_absolute_url()}reply/",\n'
        f'  origin = "{base}",\n'
        f"  sessions = {{{session_rows}}},\n"
        "}\n"
    )
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="per URL (default 10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", type=int, default=50, help="mixed load connections")
    parser.add_argument("--mixed-seconds", type=int, default=60)
    parser.add_argument("--redis", action="store_true", help="cache in Redis, not per worker")
    parser.add_argument("--only", help="comma-separated page types to measure")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt install wrk")

    ensure_demo()
    collect_static()
    urls, thread = page_urls()
    if args.only:
        urls = {k: v for k, v in urls.items() if k in args.only.split(",")}
    load = {"seconds": args.seconds, "connections": args.connections, "threads": args.threads}
    print(
        f"{os.cpu_count()} cores; gunicorn {args.workers} sync workers; wrk -t{args.threads} "
        f"-c{args.connections} -d{args.seconds}s; cache: {'Redis' if args.redis else 'locmem'}"
    )

    server = Server(
        "bench.load.minimal_settings",
        page_cache=False,
        redis=False,
        workers=args.workers,
        probe="/en/minimal/",
    )
    try:
        header("Minimal Django view (same settings and middleware)")
        minimal = wrk(server.base + "/en/minimal/", **load)
        row("minimal view", minimal)
    finally:
        server.stop()

    results = {}
    for cached in (False, True):
        server = Server(
            "bench.load.settings",
            page_cache=cached,
            redis=args.redis,
            workers=args.workers,
            probe="/en/",
        )
        try:
            header(f"Pages, anonymous, page cache {'on (warm)' if cached else 'off'}")
            for name, path in urls.items():
                server.warm(path)
                figures = wrk(server.base + path, **load)
                results[name, cached] = figures
                if cached:
                    share = figures["rps"] / minimal["rps"]
                    mark = "met" if share >= TARGET_CACHED_SHARE else "NOT met"
                    extra = f"{share:.0%} of minimal ({mark})"
                else:
                    mark = "met" if figures["rps"] >= TARGET_UNCACHED_RPS else "NOT met"
                    extra = f"target {TARGET_UNCACHED_RPS} req/s ({mark})"
                row(name, figures, extra)
        finally:
            server.stop()

    if args.mixed_seconds:
        sessions = writers(thread)
        server = Server(
            "bench.load.settings",
            page_cache=True,
            redis=args.redis,
            workers=args.workers,
            probe="/en/",
        )
        try:
            data = mixed_data(urls | page_urls()[0], thread, sessions, server.base)
            header(
                f"Mixed load: {args.users} connections for {args.mixed_seconds} s "
                "(70 % pages, 20 % search, 10 % signed-in replies)"
            )
            mixed = wrk(
                server.base + "/en/",
                seconds=args.mixed_seconds,
                connections=args.users,
                threads=args.threads,
                script="mixed.lua",
                env={"MIXED_DATA": str(data), "REPORT_LUA": str(HERE / "report.lua")},
            )
            ok = mixed["errors"] == 0 and mixed["p95"] < TARGET_MIXED_P95_MS
            row(
                "mixed",
                mixed,
                f"target: no error, p95 < {TARGET_MIXED_P95_MS} ms ({'met' if ok else 'NOT met'})",
            )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
