"""Load the demo content, idempotently. Each installed project app may contribute a
``<app>.demo`` module with ``seed(context)``; they run in INSTALLED_APPS order, portal first."""

import importlib
import importlib.util
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

PROJECT_APPS = (
    "portal",
    "knowledge",
    "communities",
    "ims_bridge",
    "ims_bridge.enterprise",
    "search",
)


@dataclass
class SeedContext:
    stdout: object
    scale: int
    with_accounts: bool


class Command(BaseCommand):
    help = "Create (or complete) the demo site: languages, taxonomy, pages, accounts and data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply generated content by N (for benchmarks). Default 1.",
        )
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Create the demo accounts even when DEBUG is off (they have a public password).",
        )

    def handle(self, *args, scale, demo_accounts, **options):
        if scale < 1 or scale > 10_000:
            raise CommandError("--scale must be between 1 and 10000.")
        context = SeedContext(
            stdout=self.stdout, scale=scale, with_accounts=settings.DEBUG or demo_accounts
        )
        for label in PROJECT_APPS:
            if not apps.is_installed(label):
                continue
            module_name = f"{label}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            self.stdout.write(f"Seeding {label}…")
            with transaction.atomic():
                module.seed(context)
        # wagtail-localize leaves some translated parents with a stale treebeard child count
        # when many pages are translated in one run, which hides their children from routing.
        Page.fix_tree(fix_paths=False)
        if not context.with_accounts:
            self.stdout.write("Demo accounts skipped (DEBUG is off; pass --demo-accounts).")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
