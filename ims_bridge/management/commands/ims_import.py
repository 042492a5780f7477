"""Import a STAR export (CSV) or an ims-bridge JSON Lines file as one atomic batch."""

from django.core.management.base import BaseCommand, CommandError

from ims_bridge.importing import CHUNK_SIZE, Importer, ImportFailed
from ims_bridge.models import BatchStatus

SHOW_ERRORS = 50


def print_report(stdout, style, batch):
    name = f"Batch #{batch.pk}" if batch.pk else "Batch"
    stdout.write(
        f"{name}: {batch.get_status_display()} — {batch.rows_read:,} rows read, "
        f"{batch.rows_imported:,} imported, {batch.rows_rejected:,} rejected."
    )
    if batch.message:
        stdout.write(batch.message)
    for error in batch.errors[:SHOW_ERRORS]:
        column = f", column {error['column']}" if error.get("column") else ""
        stdout.write(style.WARNING(f"  line {error['line']}{column}: {error['reason']}"))
    if len(batch.errors) > SHOW_ERRORS:
        stdout.write(
            f"  … and {batch.rows_rejected - SHOW_ERRORS:,} more; the full report is "
            f"saved on batch #{batch.pk}."
        )


class Command(BaseCommand):
    help = "Import a STAR compliance export (CSV) or the bridge's JSON Lines form (FORMAT.md)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--force", action="store_true", help="Import even if the same file was imported before."
        )
        parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)
        parser.add_argument(
            "--row-by-row",
            action="store_true",
            help="Validate and write row by row in Python, as on SQLite, instead of set by set "
            "(PostgreSQL, STAR CSV).",
        )
        parser.add_argument(
            "--no-recompute",
            action="store_true",
            help="Skip recomputing the public aggregates afterwards.",
        )

    def handle(self, *args, path, force, chunk_size, no_recompute, row_by_row, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size must be positive.")
        verbosity = options.get("verbosity", 1)

        def progress(batch, done, total):
            if verbosity < 1:
                return
            if total:
                share = min(done / total, 1)
                bar = "#" * int(share * 30)
                self.stdout.write(f"  [{bar:<30}] {share:4.0%}  {done:,} of {total:,} bytes")
            else:
                self.stdout.write(f"  {done:,} bytes read")

        importer = Importer(
            source=path,
            chunk_size=chunk_size,
            progress=progress,
            recompute=not no_recompute,
            bulk=not row_by_row,
        )
        try:
            batch = importer.import_path(path, force=force)
        except ImportFailed as exc:
            if exc.batch is not None:
                print_report(self.stdout, self.style, exc.batch)
            raise CommandError(str(exc)) from None
        print_report(self.stdout, self.style, batch)
        if batch.status == BatchStatus.FAILED:  # every row was rejected
            raise CommandError(batch.message)
        if batch.status == BatchStatus.DONE:
            self.stdout.write(self.style.SUCCESS("Import complete."))
        elif batch.status == BatchStatus.DONE_WITH_ERRORS:
            self.stdout.write(self.style.WARNING("Imported, with rejected rows (see above)."))
