"""Wagtail documents, original images and the multiple uploader's pending files now live in
private storage (STORAGES["default"], see portal/storage.py): move the existing files out of
public media. Renditions stay in public media. A missing file is logged and left alone."""

from django.db import migrations

import portal.storage

FILE_FIELDS = [
    ("wagtaildocs", "Document", "file", "Wagtail documents"),
    ("wagtailimages", "Image", "file", "original images"),
    ("wagtailcore", "UploadedFile", "file", "pending uploads"),
]


def move_files(apps, schema_editor, reverse=False):
    for app_label, model_name, field, label in FILE_FIELDS:
        model = apps.get_model(app_label, model_name)
        names = model.objects.exclude(**{field: ""}).values_list(field, flat=True).iterator()
        portal.storage.move_out_of_public_media(names, label, reverse=reverse)


def move_files_back(apps, schema_editor):
    move_files(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_body_compliance_blocks"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0093_uploadedfile"),
    ]

    operations = [migrations.RunPython(move_files, move_files_back, elidable=True)]
