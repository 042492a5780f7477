"""Editors keep the publication series (add, change, delete); translators translate them
(add, change, view in their languages: portal/translation_access.py reads
``portal.roles.TRANSLATABLE_SNIPPETS``)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRANSLATORS_PREFIX = "Translators: "  # portal.roles.TRANSLATORS_PREFIX at the time of writing


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("knowledge")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def rights(*actions):
        codenames = [f"{action}_publicationseries" for action in actions]
        return Permission.objects.filter(
            content_type__app_label="knowledge", codename__in=codenames
        )

    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.add(*rights("add", "change", "delete", "view"))
    for translators in Group.objects.filter(name__startswith=TRANSLATORS_PREFIX):
        translators.permissions.add(*rights("add", "change", "view"))


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0007_publications_and_tool_inventory"),
        ("portal", "0005_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
