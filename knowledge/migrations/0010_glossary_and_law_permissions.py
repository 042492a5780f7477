"""Editors manage the glossary and the labour-law references; every translator group may add,
change and view them (to translate them: portal/translation_access.py keeps each translator to
their languages)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("glossaryterm", "lawreference")
EDITORS = "Editors"
TRANSLATORS_PREFIX = "Translators: "


def _codenames(actions):
    return [f"{action}_{model}" for model in MODELS for action in actions]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("knowledge")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(actions):
        return Permission.objects.filter(
            content_type__app_label="knowledge", codename__in=_codenames(actions)
        )

    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(*permissions(["add", "change", "delete", "view"]))
    for group in Group.objects.filter(name__startswith=TRANSLATORS_PREFIX):
        group.permissions.add(*permissions(["add", "change", "view"]))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="knowledge",
        codename__in=_codenames(["add", "change", "delete", "view"]),
    ):
        permission.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0009_glossary_and_labour_law"),
        ("portal", "0005_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
