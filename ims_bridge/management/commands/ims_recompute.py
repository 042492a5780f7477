"""Recompute the public aggregates (normally done after each import)."""

import time

from django.core.management.base import BaseCommand

from ims_bridge.aggregation import mark_windows, refresh


class Command(BaseCommand):
    help = "Re-flag latest assessments and recompute every aggregate cell."

    def handle(self, *args, **options):
        started = time.perf_counter()
        mark_windows()
        cells = refresh()
        self.stdout.write(
            self.style.SUCCESS(f"{cells:,} cells in {time.perf_counter() - started:.1f} s.")
        )
