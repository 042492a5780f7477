"""Signals other apps listen to."""

import django.dispatch

# Sent once an import batch has committed (done, possibly with rejected rows), with
# ``batch`` (the ImportBatch) and ``factory_ids`` (the factories its rows matched).
batch_imported = django.dispatch.Signal()
