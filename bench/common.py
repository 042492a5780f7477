"""Helpers shared by the benchmarks (not part of the portal)."""

import math
import os


def percentile(values, fraction):
    """The nearest-rank percentile (``fraction`` 0.95 for p95)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def base36(n, width=4):
    """A treebeard path step (Wagtail's page tree: base 36, four characters a level)."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = alphabet[r] + out
    return out.rjust(width, "0")


def ensure_demo():
    """Migrate the database of ``DATABASE_URL`` and seed the demo (with its accounts) when it
    is not there yet (a few minutes). Call after ``django.setup()``."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not get_user_model().objects.filter(username="trainer").exists():
        print("seeding the demo (a few minutes)…", flush=True)
        with open(os.devnull, "w") as quiet:
            call_command("seed_demo", "--demo-accounts", stdout=quiet)
    ensure_search_index()


def ensure_search_index():
    """Index the demo for search when nothing is indexed: the test settings the in-process
    benchmarks run under do not index as pages are published (``AUTO_UPDATE`` is off), so a
    demo seeded under them has an empty index, and a search benchmark would measure searches
    that match nothing."""
    from django.core.management import call_command
    from wagtail.search.models import IndexEntry

    if not IndexEntry.objects.exists():
        print("indexing the demo for search…", flush=True)
        with open(os.devnull, "w") as quiet:
            call_command("update_index", stdout=quiet)
