"""Background work (django-tasks): schedule `sync_ims` (e.g. hourly from cron or a worker)."""

from django.conf import settings
from django_tasks import task

from . import progress
from .importing import Importer, ImportFailed
from .models import ImportBatch
from .sync import client_from_settings, run_sync


@task()
def sync_ims():
    return len(run_sync(client_from_settings()))


@task()
def import_uploaded_batch(batch_id):
    """Import an export uploaded in the admin, publishing its progress for the batch page."""
    batch = ImportBatch.objects.get(pk=batch_id)
    options = {}
    if getattr(settings, "IMS_IMPORT_CHUNK_SIZE", None):
        options["chunk_size"] = settings.IMS_IMPORT_CHUNK_SIZE
    options["bulk"] = getattr(settings, "IMS_IMPORT_BULK", True)
    importer = Importer(
        source=batch.source,
        user=batch.created_by,
        kind="upload",
        progress=progress.publish,
        **options,
    )
    try:
        with batch.upload.open("rb") as fileobj:
            importer.import_file(fileobj, batch=batch, total=batch.upload.size)
    except ImportFailed:
        pass  # the batch carries the message and the error report
    finally:
        progress.clear(batch_id)
