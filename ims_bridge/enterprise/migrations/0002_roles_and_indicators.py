"""The enterprise roles as groups, editors' rights on guidance and indicators, and the six
default indicators (the set can be changed in the admin)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Factory users", "Buyers", "Labour inspectors"]
EDITOR_CODENAMES = [
    "add_questionguidance", "change_questionguidance", "delete_questionguidance",
    "view_questionguidance", "add_indicator", "change_indicator", "view_indicator",
]
INDICATORS = [
    # code, name, unit, higher is better
    ("efficiency", "Production efficiency", "percent", True),
    ("defect-rate", "Defect and rework rate", "percent", False),
    ("absenteeism", "Absenteeism", "percent", False),
    ("turnover", "Staff turnover", "percent", False),
    ("overtime-hours", "Overtime hours per worker", "hours", False),
    ("lost-time-accidents", "Lost-time accidents", "count", False),
]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("enterprise")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="enterprise", codename__in=EDITOR_CODENAMES
            )
        )
    Indicator = apps.get_model("enterprise", "Indicator")
    for order, (code, name, unit, higher) in enumerate(INDICATORS):
        Indicator.objects.get_or_create(
            code=code,
            defaults={"name": name, "unit": unit, "higher_is_better": higher, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("enterprise", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
