"""Search benchmark: indexing throughput and faceted site-search latency at scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python bench/search_latency.py --documents 10000
    DATABASE_URL=sqlite:////tmp/search_bench.sqlite3 \\
        .venv/bin/python bench/search_latency.py --documents 100000

Run it against a scratch database: it migrates, seeds the portal baseline if missing, then
tops the corpus up to N *index-only* resource pages in four languages (Page rows, their
resource-type rows and knowledge's ResourceEntry/ResourceFacet rows are bulk-inserted: no
revisions, materials or signals, so 100,000 documents take minutes, not hours), plus one
community thread per 50 documents (public, members-only and private communities). The new
documents are then indexed with the configured search backend's own ``add_bulk`` (the same code
``update_index`` runs), which gives the indexing throughput. A second run with the same N only
measures.

Latency is ``search.query.site_search`` plus building the first page of hits and the
discussions aside, as the HTML view does (no template rendering), for an anonymous reader in
English; each scenario runs ``--repeats`` queries drawn from a fixed word list whose words
match from about 2 % to about 60 % of the documents. Printed: p50/p95 in ms, SQL queries per
search, the median number of matching pages, and p50/p95 of the queries whose word is in at
most 5 % of the documents (most real queries; the very common words cost a scan of the
index). ``--explain`` prints EXPLAIN ANALYZE of the slowest query of the slowest search
(PostgreSQL).
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.common import base36, percentile  # noqa: E402

LANGUAGES = ("en", "fr", "es", "vi")
SLUG_PREFIX = "bench-search-"
# Query words, most frequent first: a document draws 4 of them with Zipf weights (1/rank), so
# the first matches about 60 % of documents and the last about 2 %.
WORDS = (  # noqa: SIM905 - a readable word list
    "safety wages overtime fire exit chemical union dialogue contract leave training supervisor "
    "garment factory worker health aid ventilation harassment productivity gender grievance "
    "committee maternity childcare canteen dormitory transport payroll bonus piece rate "
    "sécurité salaire formation seguridad salario capacitación an toàn lương đào tạo"
).split()
FILLER = [f"w{n:04d}" for n in range(3000)]  # the rest of a document's vocabulary
COUNTRIES = [
    "bangladesh",
    "cambodia",
    "egypt",
    "ethiopia",
    "haiti",
    "indonesia",
    "jordan",
    "nicaragua",
    "vietnam",
]
INDUSTRIES = ["apparel", "footwear", "travel-goods", "agribusiness", "electronics"]
TOPICS = [
    "occupational-safety-and-health",
    "wages-and-working-time",
    "gender-equality",
    "social-dialogue",
    "productivity",
    "worker-wellbeing",
]
THREE_FACETS = {
    "country": ("cambodia",),
    "industry": ("apparel",),
    "topic": ("occupational-safety-and-health",),
}


def document_share(word):
    """Expected share of documents containing ``word`` (4 Zipf draws per document)."""
    weights = [1 / rank for rank in range(1, len(WORDS) + 1)]
    weight = weights[WORDS.index(word)] / sum(weights)
    return 1 - (1 - weight) ** 4


def baseline():
    from portal.demo.seed import ensure_locales, seed_pages, seed_taxonomy
    from portal.models import StandardPage

    call_command("migrate", verbosity=0)
    if not StandardPage.objects.filter(slug="about").exists():
        ensure_locales()
        seed_taxonomy(sys.stdout)
        seed_pages(sys.stdout)


def libraries():
    from knowledge.models import ResourceLibraryPage
    from portal.models import HomePage

    made = {}
    for code in LANGUAGES:
        library = ResourceLibraryPage.objects.filter(locale__language_code=code).first()
        if library is None:
            home = HomePage.objects.get(locale__language_code=code)
            library = ResourceLibraryPage(title="Resources", slug="resources")
            home.add_child(instance=library)
            library.save_revision().publish()
        made[code] = library
    return made


def _document_words(rng, weights):
    chosen = rng.choices(WORDS, weights=weights, k=4)
    return " ".join(chosen + rng.choices(FILLER, k=26))


def synthesise(target, rng, batch=2000):
    """Bulk-insert index-only resource pages until there are ``target``; returns them by
    model, unindexed."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from knowledge.models import (
        AwarenessMaterialPage,
        GoodPracticeGuidePage,
        ModelPolicyPage,
        ResourceEntry,
        ResourceFacet,
        WorkbookPage,
    )

    have = Page.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if have >= target:
        return {}, 0
    models = [GoodPracticeGuidePage, ModelPolicyPage, WorkbookPage, AwarenessMaterialPage]
    content_types = ContentType.objects.get_for_models(*models)
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    parents = libraries()
    steps = {}
    for code, library in parents.items():
        last = Page.objects.child_of(library).order_by("-path").values_list("path", flat=True)
        last = last.first()
        steps[code] = int(last[-4:], 36) if last else 0
    weights = [1 / rank for rank in range(1, len(WORDS) + 1)]
    now = timezone.now()
    created = {model: [] for model in models}
    started = time.perf_counter()
    done = have
    while done < target:
        size = min(batch, target - done)
        pages, meta = [], []
        for k in range(size):
            n = done + k
            code = LANGUAGES[n % len(LANGUAGES)]
            model = models[(n // len(LANGUAGES)) % len(models)]
            library = parents[code]
            steps[code] += 1
            slug = f"{SLUG_PREFIX}{n}"
            # Titles of 3 to 8 words: the backend's title norm (average / own length) varies.
            extra = " ".join(rng.choices(FILLER, k=rng.randint(0, 5)))
            title = f"{rng.choice(WORDS[:20]).title()} {extra} guide {n}".replace("  ", " ")
            pages.append(
                Page(
                    path=library.path + base36(steps[code]),
                    depth=library.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_types[model],
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{library.url_path}{slug}/",
                    locale=locales[code],
                    translation_key=uuid.uuid4(),
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            meta.append((model, code, title, _document_words(rng, weights)))
        Page.objects.bulk_create(pages)
        ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
        entries, facets = [], []
        by_model = {model: [] for model in models}
        for page, (model, code, title, summary) in zip(pages, meta, strict=True):
            pk = ids[page.path]
            specific = model(page_ptr_id=pk, summary=summary)
            by_model[model].append(specific)
            created[model].append(pk)
            entries.append(
                ResourceEntry(
                    page_id=pk,
                    translation_key=page.translation_key,
                    language=code,
                    resource_type=model.resource_type,
                    title=title,
                    summary=summary,
                    url=f"/{code}/resources/{page.slug}/",
                    published_at=now,
                    is_public=True,
                    is_primary=True,
                    languages=f"|{code}|",
                )
            )
            countries = {COUNTRIES[pk % len(COUNTRIES)], COUNTRIES[(pk * 7) % len(COUNTRIES)]}
            if pk % 10 == 0:
                countries = {"global"}
            topics = {TOPICS[pk % len(TOPICS)], TOPICS[(pk // 3) % len(TOPICS)]}
            values = [("country", c) for c in countries] + [("topic", t) for t in topics]
            values.append(("industry", INDUSTRIES[(pk // 2) % len(INDUSTRIES)]))
            facets += [ResourceFacet(entry_id=pk, facet=f, value=v) for f, v in values]
        for model, rows in by_model.items():
            if rows:  # the type's own table, without Model.save (no multi-table bulk_create)
                model._base_manager._insert(rows, fields=model._meta.local_concrete_fields)
        ResourceEntry.objects.bulk_create(entries)
        ResourceFacet.objects.bulk_create(facets)
        done += size
        print(f"  pages: {done}/{target}", flush=True)
    for library in parents.values():
        Page.objects.filter(pk=library.pk).update(numchild=Page.objects.child_of(library).count())
    seconds = time.perf_counter() - started
    print(f"  bulk-inserted {done - have} pages in {seconds:.0f} s", flush=True)
    return created, done - have


def synthesise_threads(target, rng):
    """One thread per 50 documents, in a public, a members-only and a private community."""
    from django.utils.html import escape

    from communities.models import Community, Post, Thread, Visibility

    communities = []
    for visibility in (Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE):
        community, _created = Community.objects.get_or_create(
            slug=f"bench-{visibility}",
            defaults={"name": f"Bench {visibility}", "visibility": visibility},
        )
        communities.append(community)
    have = Thread.objects.filter(community__in=communities).count()
    weights = [1 / rank for rank in range(1, len(WORDS) + 1)]
    threads = [
        Thread(community=communities[n % 3], title=f"{rng.choice(WORDS).title()} question {n}")
        for n in range(have, target)
    ]
    Thread.objects.bulk_create(threads, batch_size=2000)
    threads = list(Thread.objects.filter(community__in=communities).order_by("pk")[have:])
    posts = []
    for thread in threads:
        body = _document_words(rng, weights)
        posts.append(Post(thread=thread, body=body, html=f"<p>{escape(body)}</p>", is_opening=True))
    Post.objects.bulk_create(posts, batch_size=2000)
    return threads


def index_documents(created, threads):
    """Index with the backend's own bulk path; returns documents per second."""
    from wagtail.search.backends import get_search_backend

    from communities.models import Thread

    backend = get_search_backend()
    total = sum(len(ids) for ids in created.values()) + len(threads)
    if not total:
        return None
    started = time.perf_counter()
    for model, ids in created.items():
        for offset in range(0, len(ids), 1000):
            chunk = ids[offset : offset + 1000]
            backend.add_bulk(model, list(model.objects.filter(pk__in=chunk)))
    for offset in range(0, len(threads), 1000):
        backend.add_bulk(Thread, threads[offset : offset + 1000])
    seconds = time.perf_counter() - started
    return total, seconds


def analyse():
    """Fresh planner statistics after a bulk load (and, on PostgreSQL, a visibility map)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def run_search(word, filters):
    from search.hits import hits
    from search.query import site_search

    outcome = site_search(word, "en", filters)
    main = outcome.main
    first = hits(main, main[0:10], word)
    aside = outcome.aside
    if aside:
        hits(aside, aside[0:5], word)
    return outcome, first


def measure(name, filters, repeats, rng, explain):
    timings, queries, matches, slowest, rare = [], [], [], (0, None), []
    for _ in range(3):  # warm caches (content types, site root paths)
        run_search(rng.choice(WORDS), filters)
    for _ in range(repeats):
        word = rng.choice(WORDS)
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            outcome, _first = run_search(word, filters)
            elapsed = (time.perf_counter() - began) * 1000
        timings.append(elapsed)
        if document_share(word) <= 0.05:
            rare.append(elapsed)
        queries.append(len(captured))
        matches.append(outcome.pages.count() if outcome.pages is not None else 0)
        if elapsed > slowest[0]:
            slowest = (elapsed, list(captured.captured_queries), word)
    print(
        f"{name:<38} p50 {statistics.median(timings):7.1f} ms   "
        f"p95 {percentile(timings, 0.95):7.1f} ms   queries {max(queries):>3}   "
        f"matching pages (median) {statistics.median(matches):>7.0f}",
        flush=True,
    )
    if rare:
        print(
            f"{'':<38} words in <=5 % of documents ({len(rare)} of {len(timings)}): "
            f"p50 {statistics.median(rare):.1f} ms, p95 {percentile(rare, 0.95):.1f} ms",
            flush=True,
        )
    if explain and connection.vendor == "postgresql" and slowest[1]:
        worst = max(slowest[1], key=lambda q: float(q["time"]))
        print(f"  slowest query of the slowest search ({slowest[2]!r}, {worst['time']} s):")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {worst['sql']}")
            for (line,) in cursor.fetchall():
                print(f"    {line}")
        by_time = sorted(slowest[1], key=lambda q: -float(q["time"]))[:8]
        print("  time per query of that search (s): " + ", ".join(q["time"] for q in by_time))
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()

    from wagtail.search.backends import get_search_backend

    from search.query import Filters

    rng = random.Random(42)
    baseline()
    with transaction.atomic():
        created, new_pages = synthesise(args.documents, rng)
        threads = synthesise_threads(args.documents // 50, rng) if new_pages else []
    indexed = index_documents(created, threads)
    analyse()
    backend = get_search_backend()
    from wagtail.models import Page

    total = Page.objects.filter(slug__startswith=SLUG_PREFIX).count()
    print(f"\nbackend: {type(backend).__module__}; database: {connection.vendor}")
    print(f"documents: {total} synthetic pages + {total // 50} threads ({new_pages} new pages)")
    if indexed:
        count, seconds = indexed
        print(f"indexing: {count} documents in {seconds:.1f} s = {count / seconds:,.0f} docs/s")

    english = ("en",)
    scenarios = [
        ("no filters (reader's language)", Filters(language=english)),
        ("3 facets: country+industry+topic", Filters(language=english, **THREE_FACETS)),
        (
            "3 facets: type+2 languages+country",
            Filters(type=("goodpracticeguidepage",), language=("en", "fr"), country=("vietnam",)),
        ),
        ("all languages, no filters", Filters()),
    ]
    for name, filters in scenarios:
        measure(name, filters, args.repeats, rng, args.explain and "3 facets" in name)


if __name__ == "__main__":
    main()
