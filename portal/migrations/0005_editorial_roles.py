"""Editors, Moderators and one translator group per content language, with their rights, and the
review workflow on every language's home page (portal/roles.py; signals repeat it for locales and
home pages created later)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from portal import roles

APPS_WITH_PERMISSIONS = ["portal", "enterprise", "wagtailcore", "wagtailimages", "wagtaildocs"]


def forwards(apps, schema_editor):
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles.ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_move_documents_and_images_to_private_storage"),
        ("enterprise", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
