"""A GIN index on ``title || body`` of the search index table, on PostgreSQL only.

The database backend matches ``(title || body) @@ query``; the backend creates GIN indexes on
``title`` and ``body`` separately, which that expression cannot use, so every search read the
whole table. Built CONCURRENTLY so a live site keeps writing while it is created.
"""

from django.db import migrations


def table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS search_indexentry_text_gin "
        f"ON {schema_editor.quote_name(table(apps))} USING gin ((title || body))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX CONCURRENTLY IF EXISTS search_indexentry_text_gin")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
