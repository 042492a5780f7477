"""Site search's per-page documents (``search.SearchDocument``), on PostgreSQL only.

The table is created here by hand (the model is unmanaged): the page id as primary key (no
foreign key constraint, so Django's flush, which truncates only the tables it manages, still
works; ``search.documents`` deletes a page's row with the page), and ``vector``, the
expression the backend matches (``title || body``) stored when the row is written (matching a
stored vector costs half of concatenating two for every row) with a GIN index, and a GIN index
on ``tags`` (with facets chosen, counting reads only the matches that carry the selections). It is then filled from the index entries
of the live, public pages, so a site that migrates searches as before without ``update_index``
(later changes go through ``search.documents``).
"""

import django.contrib.postgres.fields
import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

CREATE = """
CREATE TABLE search_document (
    page_id integer PRIMARY KEY,
    content_type_id integer NOT NULL,
    locale_id integer NOT NULL,
    tags varchar(150)[] NOT NULL DEFAULT '{}',
    title tsvector NOT NULL,
    body tsvector NOT NULL,
    title_norm double precision NOT NULL DEFAULT 1.0,
    vector tsvector GENERATED ALWAYS AS (title || body) STORED
);
CREATE INDEX search_document_vector ON search_document USING gin (vector);
CREATE INDEX search_document_tags ON search_document USING gin (tags);
"""

FILL = """
INSERT INTO search_document (page_id, content_type_id, locale_id, tags, title, body, title_norm)
SELECT p.id, p.content_type_id, p.locale_id,
    ARRAY(SELECT f.facet || ':' || f.value FROM knowledge_resourcefacet f
          WHERE f.entry_id = p.id AND f.facet IN ('country', 'industry', 'topic'))
    || ARRAY(SELECT 'country:' || c.slug FROM portal_countrypage cp
             JOIN portal_country c ON c.id = cp.country_id WHERE cp.page_ptr_id = p.id),
    e.title, e.body, e.title_norm
FROM wagtailcore_page p
JOIN wagtailsearch_indexentry e
    ON e.content_type_id = p.content_type_id AND e.object_id = p.id::varchar(50)
WHERE p.live AND p.depth > 1 AND NOT EXISTS (
    SELECT 1 FROM wagtailcore_pageviewrestriction r
    JOIN wagtailcore_page rp ON rp.id = r.page_id
    WHERE p.path LIKE rp.path || '%%'
)
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)
        schema_editor.execute(FILL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS search_document")


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_page_id_text_index'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailsearch', '0010_add_text_fields'),
        ('knowledge', '0001_initial'),
        ('portal', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('page', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('content_type_id', models.IntegerField()),
                ('locale_id', models.IntegerField()),
                ('tags', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=150), default=list, size=None)),
                ('title', django.contrib.postgres.search.SearchVectorField()),
                ('body', django.contrib.postgres.search.SearchVectorField()),
                ('title_norm', models.FloatField(default=1.0)),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False)),
            ],
            options={
                'verbose_name': 'search document',
                'db_table': 'search_document',
                'managed': False,
            },
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
