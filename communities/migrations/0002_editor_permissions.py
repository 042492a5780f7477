"""Let Wagtail's "Editors" group manage communities and memberships in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_community", "change_community", "delete_community", "view_community",
    "add_membership", "change_membership", "delete_membership", "view_membership",
    "view_moderationlog",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("communities")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(
            content_type__app_label="communities", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
