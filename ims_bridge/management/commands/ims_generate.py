"""Write a synthetic STAR export (CSV) for demos and benchmarks."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ims_bridge.generator import COUNTRY_PROFILES, DEFAULT_COUNTRIES, generate, generate_plans


class Command(BaseCommand):
    help = "Generate a synthetic STAR export: N factories × cycles × ~questions."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Output CSV path, or - for standard output.")
        parser.add_argument("--factories", type=int, default=50)
        parser.add_argument("--cycles", type=int, default=3)
        parser.add_argument("--questions", type=int, default=250)
        parser.add_argument(
            "--countries",
            default=",".join(DEFAULT_COUNTRIES),
            help="Comma-separated country slugs.",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--plans", help="Also write an improvement-plan export here.")

    def handle(self, *args, path, factories, cycles, questions, countries, seed, plans, **options):
        slugs = [s.strip() for s in countries.split(",") if s.strip()]
        unknown = [s for s in slugs if s not in COUNTRY_PROFILES]
        if unknown:
            raise CommandError(
                f"Unknown country: {', '.join(unknown)}. Known: {', '.join(COUNTRY_PROFILES)}."
            )
        if factories < 1 or cycles < 1 or questions < 10:
            raise CommandError("Need at least 1 factory, 1 cycle and 10 questions.")
        kwargs = {
            "factories": factories,
            "cycles": cycles,
            "questions": questions,
            "countries": slugs,
            "seed": seed,
        }
        if path == "-":
            rows = generate(sys.stdout, **kwargs)
            return
        with Path(path).open("w", newline="", encoding="utf-8") as out:
            rows = generate(out, **kwargs)
        self.stderr.write(f"Wrote {rows:,} rows to {path}.")
        if plans:
            with Path(plans).open("w", newline="", encoding="utf-8") as out:
                count = generate_plans(out, path, seed=seed)
            self.stderr.write(f"Wrote {count:,} improvement-plan items to {plans}.")
