"""ImportBatch.heartbeat_at: renewed by the importing process; a running batch without progress
for IMS_IMPORT_LEASE_SECONDS has stopped (ims_bridge/importing/lease.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ims_bridge", "0008_aggregate_publication"),
    ]

    operations = [
        migrations.AddField(
            model_name="importbatch",
            name="heartbeat_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "Renewed by the importing process while it runs; a running batch without "
                    "progress for IMS_IMPORT_LEASE_SECONDS has stopped and counts as failed."
                ),
                null=True,
                verbose_name="last progress",
            ),
        ),
    ]
