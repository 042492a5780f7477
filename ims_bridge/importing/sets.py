"""The STAR CSV export imported set by set on PostgreSQL: the same result as the row-by-row
path, several times as fast. ``bench/ims_import.py -n 1000000`` (896,520 findings, 2 cores,
freshly emptied tables): 8.0–8.4 s, 107,000–112,000 findings/s — COPY 2.4 s, distinct parts
0.9 s, rows resolved 0.9 s, upserts 0.6 s, findings 1.4 s, raw rows 1.1 s. Streaming the file
twice, joining rows to parts on nine text columns and a surrogate key on findings took
9.7–10.3 s on the same tables (87,000–92,000/s). Both are slower on a busy machine and on
tables full of deleted rows (with autovacuum off): 38,000/s was measured so.

The file is streamed once into a temporary table with ``COPY`` (``FORMAT csv``, see
``staging.py``); as each row arrives, PostgreSQL hashes its factory/assessment columns and its
question columns into one bigint each (generated columns). Validation works on *distinct*
values: those columns repeat on ≈250 rows each, so their distinct combinations (a few thousand,
numbered by their hash; two that share one send the file row by row) are read back and checked
by the shared ``Validator`` (same rules, same messages), and the shared ``Writer`` upserts the
factories, CAT versions, questions and assessments. Findings and the per-row error report are
then written by a handful of INSERT … SELECT statements joining the rows (by their hashes, no
text compared) to those results. The raw rows are cut from the file again by position, a run of
lines per record, and copied in.

Only a file whose structure PostgreSQL reads exactly as Python's ``csv`` does takes this path
(see ``staging.py``). Anything else raises ``NotBulk`` before anything is written and the
importer reads the file row by row, which reports those rows one by one.
"""

from django.db import DatabaseError, connection, transaction

from ..models import Finding
from . import sql
from .raw_runs import keep_raw_rows
from .session import MAX_STORED_ERRORS
from .staging import WHITESPACE, NotBulk, Stage
from .validation import DUPLICATE, RowError, not_0_or_1

# The joins on many text columns are badly estimated: nested loops or merge joins (sorting
# a million rows on nine text columns) would take minutes, and JIT compiling for the inflated
# costs took longer than the statements.
BULK_SETTINGS = (
    "enable_nestloop = off",
    "enable_mergejoin = off",
    "jit = off",
    "work_mem = '64MB'",
)
TEMP_BUFFERS = "512MB"
UNIQUE_VIOLATION = "23505"
TEMP_TABLES = (
    "ims_stage, ims_pa, ims_pq, ims_pq_ok, ims_part_error, ims_rows, ims_bad_finding, "
    "ims_pa_map, ims_pq_map, ims_ranked, ims_duplicate, ims_rejected, ims_bad_pa, ims_bad_pq"
)


class _Duplicates(Exception):
    """Two valid rows name the same assessment and question."""


class StarCsvLoad(Stage):
    def __init__(self, session, fileobj):
        super().__init__(session, fileobj)
        self.validator = session.validator
        self.writer = session.writer

    # -- validating distinct parts ------------------------------------------------------------

    def distinct(self, table, keys, hash_column, extra=""):
        """The distinct combinations of ``keys``' columns, each numbered by its hash; return
        {id: {key: value}}. NotBulk (nothing written yet) if two combinations share a hash."""
        cols = ", ".join(self.column[k] for k in keys)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE {table} ON COMMIT DROP AS SELECT "  # noqa: S608
                f"{hash_column} AS id, {cols}{extra} FROM ims_stage GROUP BY {hash_column}, {cols}"
            )
            cursor.execute(f"SELECT id, {cols} FROM {table}")  # noqa: S608
            parts = {row[0]: dict(zip(keys, row[1:], strict=True)) for row in cursor.fetchall()}
            if cursor.cursor.rowcount != len(parts):
                raise NotBulk("two parts with the same hash")
            return parts

    def clean_parts(self):
        validator = self.validator
        self.parts_a, self.parts_q, errors_a, errors_q = {}, {}, [], []
        self.factory_key = {}
        # Each factory part's rows: where they start and end, and how many (``raw_runs``).
        spans = ", min(ord) AS first, max(ord) AS last, count(*) AS count"
        for part_id, raw in self.distinct("ims_pa", self.factory_keys, "ha", spans).items():
            values = {k: v.strip() for k, v in raw.items()}
            self.factory_key[part_id] = values.get("factory_id") or None
            try:
                self.parts_a[part_id] = validator.factory_part(values)
            except RowError as exc:
                errors_a.append((part_id, exc.column, exc.reason))
        for part_id, raw in self.distinct("ims_pq", self.question_keys, "hq").items():
            values = {k: v.strip() for k, v in raw.items()}
            country = validator.country(values["country"])
            if country is None:
                continue  # its rows are rejected for their country first
            try:
                self.parts_q[part_id] = validator.question_part(values, country.pk)
            except RowError as exc:
                errors_q.append((part_id, exc.column, exc.reason))
        sql.temp_table(
            "ims_part_error",
            "kind text, id bigint, col text, reason text",
            [("a", *e) for e in errors_a] + [("q", *e) for e in errors_q],
        )
        sql.temp_table(
            "ims_pq_ok",
            "id bigint, ncq boolean",
            [(pid, part.question.type == "NCQ") for pid, part in self.parts_q.items()],
        )

    def resolve_rows(self):
        """``ims_rows``: each row's parts and its stripped finding. The staged rows are not
        needed after this: dropped, which frees the session's temporary buffers."""
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE ims_rows ON COMMIT DROP AS "  # noqa: S608
                f"SELECT ord, ha AS pa, hq AS pq, btrim({self.column['finding']}, %s) AS f "
                "FROM ims_stage",
                [WHITESPACE],
            )
            cursor.execute("DROP TABLE ims_stage")
            # Rows whose parts are valid and whose finding suits the question's type: the parts
            # to write, each factory part's first such row (its CAT version), the bad findings.
            cursor.execute(
                "SELECT r.pa, r.pq, min(ARRAY[r.ord, r.pq]) FROM ims_rows r "
                "LEFT JOIN ims_part_error ea ON ea.kind = 'a' AND ea.id = r.pa "
                "JOIN ims_pq_ok n ON n.id = r.pq "  # a question part that passed its checks
                "WHERE ea.id IS NULL AND (NOT n.ncq OR r.f IN ('0', '1')) "
                "GROUP BY GROUPING SETS ((r.pa), (r.pq))"
            )
            first_a, first_q = {}, {}
            for pa, pq, (first_ord, first_pq) in cursor.fetchall():
                if pa is not None:
                    first_a[pa] = (first_ord, first_pq)
                else:
                    first_q[pq] = first_ord
            # In file order, as row by row: the first factory to claim an assessment id keeps
            # it, and of two spellings of one question the later one is written.
            used_a = {pa: pq for pa, (_o, pq) in sorted(first_a.items(), key=lambda i: i[1])}
            used_q = sorted(first_q, key=first_q.get)
            cursor.execute(
                "SELECT DISTINCT r.f FROM ims_rows r JOIN ims_pq_ok n ON n.id = r.pq AND n.ncq "
                "WHERE r.f NOT IN ('0', '1')"
            )
            bad = [(f, not_0_or_1(f)) for (f,) in cursor.fetchall()]
        sql.temp_table("ims_bad_finding", "f text, reason text", bad)
        return used_a, used_q

    # -- writing ------------------------------------------------------------------------------

    def write_parts(self, used_a, used_q):
        parts_a = {pid: self.parts_a[pid] for pid in used_a}
        parts_q = {pid: self.parts_q[pid] for pid in used_q}
        cat_of = {pid: self.parts_q[first].cat for pid, first in used_a.items()}
        resolved = self.writer.resolve_parts(parts_a, parts_q, cat_of)
        factories = self.writer.factories
        rows, self.factory_pk = [], {}
        for pid, key in self.factory_key.items():
            factory = factories.get(key)
            pk = resolved.assessment_pk.get(pid)
            self.factory_pk[pid] = factory.pk if factory else None
            new = pk in resolved.new_assessments
            rows.append((pid, pk, new, self.factory_pk[pid], resolved.refused.get(pid)))
        sql.temp_table(
            "ims_pa_map",
            "id bigint, assessment_pk bigint, new boolean, factory_pk bigint, refused text",
            rows,
        )
        sql.temp_table(
            "ims_pq_map",
            "id bigint, question_pk bigint, ncq boolean",
            [
                (pid, pk, parts_q[pid].question.type == "NCQ")
                for pid, pk in resolved.question_pk.items()
            ],
        )

    VALID = (
        "FROM ims_rows r JOIN ims_pa_map m ON m.id = r.pa AND m.assessment_pk IS NOT NULL "
        "JOIN ims_pq_map qm ON qm.id = r.pq "
        "WHERE (NOT qm.ncq OR r.f IN ('0', '1'))"
    )
    FINDING = (
        "m.assessment_pk AS a, qm.question_pk AS q, "
        "CASE WHEN qm.ncq THEN r.f::smallint END AS value, "
        "CASE WHEN qm.ncq THEN '' ELSE r.f END AS text"
    )

    def write_findings(self):
        """Insert the valid rows' findings; a second row for the same assessment and question
        in one chunk is a duplicate (rejected), in a later chunk it wins, as row by row."""
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                self._insert_findings(cursor, f"SELECT {self.FINDING} {self.VALID}")
            sql.temp_table("ims_duplicate", "ord bigint, first_ord bigint", [])
            return
        except _Duplicates:
            pass
        except DatabaseError as exc:
            if getattr(exc.__cause__, "sqlstate", None) != UNIQUE_VIOLATION:
                raise
        chunk = int(self.session.chunk_size)
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE ims_ranked ON COMMIT DROP AS "  # noqa: S608
                f"SELECT r.ord, {self.FINDING}, min(r.ord) OVER same_chunk AS first_ord, "
                f"(r.ord - 1) / {chunk} AS chunk, "
                f"max((r.ord - 1) / {chunk}) OVER same_key AS last_chunk {self.VALID} "
                "WINDOW same_key AS (PARTITION BY m.assessment_pk, qm.question_pk), "
                "same_chunk AS (PARTITION BY m.assessment_pk, qm.question_pk, "
                f"(r.ord - 1) / {chunk})"
            )
            cursor.execute(
                "CREATE TEMP TABLE ims_duplicate ON COMMIT DROP AS "
                "SELECT ord, first_ord FROM ims_ranked WHERE ord <> first_ord"
            )
            self._insert_findings(
                cursor,
                "SELECT a, q, value, text FROM ims_ranked "
                "WHERE ord = first_ord AND chunk = last_chunk",
                new_column=False,
            )

    def _insert_findings(self, cursor, select, new_column=True):
        table = sql.table(Finding)
        into = f"INSERT INTO {table} (assessment_id, question_id, value, text) "
        if new_column:
            # Findings of assessments created by this import cannot conflict with stored ones: a
            # plain insert, whose unique index refuses a duplicate. The upsert of the others
            # would let a later duplicate overwrite an unchanged first one: look for them first.
            cursor.execute(into + select + " AND m.new")
            cursor.execute(
                f"SELECT 1 {self.VALID} AND NOT m.new "
                "GROUP BY m.assessment_pk, qm.question_pk HAVING count(*) > 1 LIMIT 1"
            )
            if cursor.fetchone():
                raise _Duplicates
            cursor.execute(into + select + " AND NOT m.new" + self._ON_CONFLICT.format(t=table))
        else:
            cursor.execute(into + select + self._ON_CONFLICT.format(t=table))

    _ON_CONFLICT = (
        " ON CONFLICT (assessment_id, question_id) DO UPDATE "
        "SET value = EXCLUDED.value, text = EXCLUDED.text "
        "WHERE ({t}.value, {t}.text) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.text)"
    )

    def report_errors(self, limit):
        """Every rejected row in ``ims_rejected``; the first ``limit`` as the batch's report."""
        with connection.cursor() as cursor:
            # The few parts and findings that reject rows, then only those rows are explained.
            cursor.execute(
                "CREATE TEMP TABLE ims_bad_pa ON COMMIT DROP AS "
                "SELECT id FROM ims_part_error WHERE kind = 'a' "
                "UNION SELECT id FROM ims_pa_map WHERE refused IS NOT NULL"
            )
            cursor.execute(
                "CREATE TEMP TABLE ims_bad_pq ON COMMIT DROP AS "
                "SELECT id FROM ims_pq WHERE id NOT IN (SELECT id FROM ims_pq_ok)"
            )
            cursor.execute(
                "CREATE TEMP TABLE ims_rejected ON COMMIT DROP AS "
                "SELECT r.ord, COALESCE(ea.col, eq.col, "
                "  CASE WHEN b.f IS NOT NULL THEN 'finding' END, "
                "  CASE WHEN m.refused IS NOT NULL THEN 'assessment_id' END, "
                "  CASE WHEN d.ord IS NOT NULL THEN 'question_id' END) AS col, "
                "COALESCE(ea.reason, eq.reason, b.reason, m.refused, "
                "  replace(%s, '{}', (d.first_ord + 1)::text), 'cannot be read') AS reason "
                "FROM (SELECT * FROM ims_rows WHERE pa IN (SELECT id FROM ims_bad_pa) "
                "  OR pq IN (SELECT id FROM ims_bad_pq) OR ord IN (SELECT ord FROM ims_duplicate) "
                "  OR (f NOT IN ('0', '1') AND f IN (SELECT f FROM ims_bad_finding) "
                "      AND pq IN (SELECT id FROM ims_pq_ok WHERE ncq))) r "
                "LEFT JOIN ims_part_error ea ON ea.kind = 'a' AND ea.id = r.pa "
                "LEFT JOIN ims_part_error eq ON eq.kind = 'q' AND eq.id = r.pq "
                "LEFT JOIN ims_pq_ok n ON n.id = r.pq AND n.ncq "
                "LEFT JOIN ims_bad_finding b ON n.id IS NOT NULL AND b.f = r.f "
                "LEFT JOIN ims_pa_map m ON m.id = r.pa "
                "LEFT JOIN ims_duplicate d ON d.ord = r.ord",
                [DUPLICATE],
            )
            cursor.execute("SELECT count(*) FROM ims_rejected")
            rejected = cursor.fetchone()[0]
            cursor.execute(
                "SELECT ord + 1, col, reason FROM ims_rejected ORDER BY ord LIMIT %s", [limit]
            )
            errors = [
                {"line": line, "column": self.names.get(col, col), "reason": reason}
                for line, col, reason in cursor.fetchall()
            ]
        return rejected, errors

    def keep_raw_rows(self, batch_pk, chunk):
        keep_raw_rows(self, batch_pk, chunk)

    def drop(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {TEMP_TABLES}")

    # -- the whole --------------------------------------------------------------------------

    def run(self):
        """Import the file into the session's counts. Run in a savepoint: the settings below
        end with it, or are reset here."""
        self.header()
        # Temporary tables live in the session's own buffers (8 MB by default), which a
        # million rows overflow many times over; settable before the first temporary table.
        sql.try_session_setting(f"temp_buffers = '{TEMP_BUFFERS}'")
        self.copy()
        sql.set_local(BULK_SETTINGS)
        beat = self.session.beat
        self.clean_parts()
        beat()
        used_a, used_q = self.resolve_rows()
        beat()
        self.write_parts(used_a, used_q)
        beat()
        self.write_findings()
        beat()
        rejected, errors = self.report_errors(MAX_STORED_ERRORS + 1)
        beat()
        self.keep_raw_rows(self.session.batch_pk, self.session.chunk_size)
        self.drop()
        sql.reset(BULK_SETTINGS)
        counts = self.counts
        counts.rows_rejected = rejected
        counts.rows_imported = counts.rows_read - rejected
        counts.errors = errors
        self.session.report(self.fileobj.tell())


__all__ = ["NotBulk", "StarCsvLoad"]
