"""SQLite: the full-text table keeps combining marks inside words.

FTS5's default ``unicode61`` tokenizer treats every combining mark as a separator, and Khmer,
Bengali and other Indic scripts write most vowels and every subscript consonant as combining
marks: "អគ្គិភ័យ" was indexed as its bare consonants, so a misspelling (another vowel) matched
it and a single consonant matched every word that held it. Words are now letters, marks and
digits (``categories 'L* M* N* Co'``); Latin diacritics are still folded (``remove_diacritics``
is unchanged). The table is recreated and refilled from the index entries; its triggers name it
and are kept. PostgreSQL (and SQLite without FTS5) is left as it is.
"""

from django.db import migrations

TOKENIZE = {
    "marks": "tokenize = \"unicode61 categories 'L* M* N* Co'\"",
    "default": "",
}


def _recreate(tokenizer):
    def run(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        fts = f"{entries}_fts"
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
            if fts not in tables:
                return
            options = f", {TOKENIZE[tokenizer]}" if TOKENIZE[tokenizer] else ""
            cursor.execute(f"DROP TABLE {fts}")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {fts} USING fts5(autocomplete, body, title{options})"
            )
            cursor.execute(
                f"INSERT INTO {fts} (rowid, title, body, autocomplete) "  # noqa: S608 - table names
                f"SELECT id, title, body, autocomplete FROM {entries}"
            )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_document"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(_recreate("marks"), _recreate("default"), elidable=False),
    ]
