"""The "Trainer coordinators" group: they open the Wagtail admin, keep trainer profiles and
programme records, and issue and revoke certificates (none deletes a certificate)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Trainer coordinators"  # communities.trainers.records.COORDINATORS
CODENAMES = [
    "add_trainerprofile", "change_trainerprofile", "view_trainerprofile",
    "add_programmerecord", "change_programmerecord", "delete_programmerecord",
    "view_programmerecord",
    "add_certificate", "change_certificate", "view_certificate",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("communities")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="communities", codename__in=CODENAMES),
        *Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0010_trainers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
