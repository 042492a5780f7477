"""SQL helpers shared by both import paths: quoting, plain-tuple inserts, temporary tables,
planner settings and statistics."""

from django.db import DatabaseError, connection, transaction


def quote(name):
    return connection.ops.quote_name(name)


def table(model):
    return quote(model._meta.db_table)


def fast_insert(model, columns, rows):
    """Insert plain tuples: COPY on PostgreSQL, executemany elsewhere. No signals, no models:
    only for append-only tables the importer owns (findings, raw rows)."""
    if not rows:
        return
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            copy_rows(cursor, f"COPY {table(model)} ({names}) FROM STDIN", rows)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table(model)} ({names}) VALUES ({marks})", rows)  # noqa: S608


def copy_rows(cursor, sql, rows):
    """Send ``rows`` (tuples) to a ``COPY … FROM STDIN`` statement (PostgreSQL)."""
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def temp_table(name, columns, rows):
    """A temporary table (dropped at commit) filled with ``rows`` (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE {name} ({columns}) ON COMMIT DROP")
        copy_rows(cursor, f"COPY {name} FROM STDIN", rows)


def lock_for_transaction(key):
    """Serialise transactions on ``key`` (a 60-bit int) across processes: PostgreSQL's advisory
    lock, held to the end of the transaction; nothing elsewhere (SQLite has one writer)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def set_local(settings):
    """Planner settings for the rest of the transaction (or savepoint): ``["jit = off", …]``."""
    with connection.cursor() as cursor:
        for setting in settings:
            cursor.execute(f"SET LOCAL {setting}")


def reset(settings):
    with connection.cursor() as cursor:
        for setting in settings:
            cursor.execute(f"RESET {setting.split()[0]}")


def try_session_setting(setting):
    """A session setting that may only be set at some moments (e.g. ``temp_buffers`` before the
    session's first temporary table): an error is ignored (a savepoint)."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET {setting}")
    except DatabaseError:
        pass


def analyze(models):
    """Fresh planner statistics for ``models``' tables (PostgreSQL)."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {table(model)}")
