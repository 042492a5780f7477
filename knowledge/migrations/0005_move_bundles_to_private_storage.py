"""Ready-made "download all" bundles now live in private storage: move those already built
out of public media (they have no rows; the folder is moved)."""

from django.db import migrations

import portal.storage


def move_bundles(apps, schema_editor, reverse=False):
    portal.storage.move_folder_out_of_public_media("knowledge/bundles", "bundles", reverse=reverse)


def move_bundles_back(apps, schema_editor):
    move_bundles(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_resource_body_compliance_blocks")]

    operations = [migrations.RunPython(move_bundles, move_bundles_back, elidable=True)]
