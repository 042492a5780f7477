"""Background work (django-tasks): schedule `sync_ims` (e.g. hourly from cron or a worker)."""

from django_tasks import task


@task()
def sync_ims():
    from .sync import client_from_settings, run_sync

    return len(run_sync(client_from_settings()))


@task()
def import_uploaded_batch(batch_id):
    from .importers import Importer, ImportFailed
    from .models import ImportBatch

    batch = ImportBatch.objects.get(pk=batch_id)
    try:
        with batch.upload.open("rb") as fileobj:
            Importer(source=batch.source, user=batch.created_by, kind="upload").import_file(
                fileobj, batch=batch, total=batch.upload.size
            )
    except ImportFailed:
        pass  # the batch carries the message and the error report
