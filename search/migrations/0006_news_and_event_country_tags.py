"""News articles and events carry their countries as search-document tags (``country:<slug>``,
``country:global`` when they have none), as resources and country portals do
(``search.taxonomy.tags_sql``). Documents written before have none: their country tags are
written here, on PostgreSQL only (the table exists nowhere else), so a site that migrates counts
them without ``update_index``. Rerunning it gives the same tags; reversing leaves the tags (a
document rewritten by the older code would lose them anyway)."""

from django.db import migrations

RETAG = """
UPDATE search_document d SET tags = ARRAY(
    SELECT t FROM unnest(d.tags) AS t WHERE t NOT LIKE 'country:%%'
) || ARRAY(
    SELECT 'country:' || c.slug FROM knowledge_newsarticlepage_countries n
    JOIN portal_country c ON c.id = n.country_id WHERE n.newsarticlepage_id = d.page_id
    UNION ALL
    SELECT 'country:global' FROM knowledge_newsarticlepage a WHERE a.page_ptr_id = d.page_id
    AND NOT EXISTS (
        SELECT 1 FROM knowledge_newsarticlepage_countries n WHERE n.newsarticlepage_id = d.page_id
    )
    UNION ALL
    SELECT 'country:' || c.slug FROM communities_eventpage_countries e
    JOIN portal_country c ON c.id = e.country_id WHERE e.eventpage_id = d.page_id
    UNION ALL
    SELECT 'country:global' FROM communities_eventpage v WHERE v.page_ptr_id = d.page_id
    AND NOT EXISTS (
        SELECT 1 FROM communities_eventpage_countries e WHERE e.eventpage_id = d.page_id
    )
)
WHERE d.page_id IN (
    SELECT page_ptr_id FROM knowledge_newsarticlepage
    UNION ALL
    SELECT page_ptr_id FROM communities_eventpage
)
"""


def retag(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(RETAG)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_sqlite_fts_keeps_combining_marks"),
        ("knowledge", "0011_news"),
        ("communities", "0012_events"),
    ]

    operations = [migrations.RunPython(retag, migrations.RunPython.noop, elidable=True)]
