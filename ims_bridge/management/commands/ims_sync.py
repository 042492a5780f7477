"""Pull new compliance data from the IMS API (IMS_API_URL / IMS_API_TOKEN), page by page."""

from django.core.management.base import BaseCommand, CommandError

from ims_bridge.client import IMSClientError
from ims_bridge.importing import ImportFailed
from ims_bridge.sync import client_from_settings, run_sync


class Command(BaseCommand):
    help = "Incremental import from the IMS HTTP API, resuming from the last saved cursor."

    def add_arguments(self, parser):
        parser.add_argument("--max-pages", type=int, default=None)
        parser.add_argument("--timeout", type=float, default=30.0, help="Seconds per request.")
        parser.add_argument("--retries", type=int, default=3)
        parser.add_argument(
            "--backoff",
            type=float,
            default=1.0,
            help="First retry delay in seconds (doubles each retry).",
        )

    def handle(self, *args, max_pages, timeout, retries, backoff, **options):
        try:
            client = client_from_settings(timeout=timeout, retries=retries, backoff=backoff)
            batches = run_sync(client, max_pages=max_pages, log=self.stdout.write)
        except (IMSClientError, ImportFailed) as exc:
            raise CommandError(
                f"IMS sync stopped: {exc} Committed pages are kept; the next "
                "run resumes from the last saved cursor."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"IMS sync done: {len(batches)} page(s)."))
