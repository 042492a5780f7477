"""Let Wagtail's "Editors" group see who registered for an event (the list and its CSV)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_eventregistration"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("communities")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="communities", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0012_events"),
        ("communities", "0002_editor_permissions"),
        ("portal", "0005_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
