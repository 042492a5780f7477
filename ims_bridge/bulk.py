"""The STAR CSV export imported set by set on PostgreSQL: the same result as the row-by-row
importer, several times as fast. ``bench/ims_import.py -n 1000000`` (896,520 findings, 2 cores,
freshly emptied tables): 8.0–8.4 s, 107,000–112,000 findings/s — COPY 2.4 s, distinct parts
0.9 s, rows resolved 0.9 s, upserts 0.6 s, findings 1.4 s, raw rows 1.1 s. Streaming the file
twice, joining rows to parts on nine text columns and a surrogate key on findings took
9.7–10.3 s on the same tables (87,000–92,000/s). Both are slower on a busy machine and on
tables full of deleted rows (with autovacuum off): 38,000/s was measured so.

The file is streamed once into a temporary table with ``COPY`` (``FORMAT csv``); as each row
arrives, PostgreSQL hashes its factory/assessment columns and its question columns into one
bigint each (generated columns). Validation works on *distinct* values: those columns repeat on
≈250 rows each, so their distinct combinations (a few thousand, numbered by their hash; two
that share one send the file row by row) are read back and checked by the importer's own Python
code (same rules, same messages), and its upserts write the factories, CAT versions, questions
and assessments. Findings and the per-row error report are then written by a handful of
INSERT … SELECT statements joining the rows (by their hashes, no text compared) to those
results. The raw rows are cut from the file again by position, a run of lines per record, and
copied in.

Only a file whose structure PostgreSQL reads exactly as Python's ``csv`` does takes this path:
one row per line (no line breaks inside quotes, no blank lines), lines ending all in LF or all in
CR LF (no other carriage return), valid UTF-8, every row with the header's number of fields, no
line over ``MAX_LINE_BYTES``. Anything else raises ``NotBulk`` before anything is written and
the importer reads the file row by row, which reports those rows one by one.
"""

import csv
import itertools
import json

import psycopg
from django.db import DatabaseError, connection, transaction

from .models import Finding, RawRows
from .readers import MAX_LINE_BYTES, PLAN_COLUMNS, STAR_COLUMNS, STAR_OPTIONAL

BLOCK = 1 << 20
PROGRESS_EVERY = 8 * BLOCK
# What Python's str.strip() removes, for SQL's btrim(): the two must strip the same characters.
# (U+3000, the ideographic space, is the last of them.)
WHITESPACE = "".join(chr(c) for c in range(1, 0x3001) if chr(c).isspace())
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


class NotBulk(Exception):
    """This file needs the row-by-row importer."""


class _Duplicates(Exception):
    """Two valid rows name the same assessment and question."""


class _Part:
    """The shape of a ``readers.Record`` that the importer's part cleaners read."""

    date_format = "%d/%m/%Y"

    def __init__(self, values):
        self.values = values


def _q(name):
    return connection.ops.quote_name(name)


class StarCsvLoad:
    def __init__(self, importer, fileobj):
        self.importer = importer
        self.fileobj = fileobj

    # -- reading ------------------------------------------------------------------------------

    def header(self):
        first = self.fileobj.readline(MAX_LINE_BYTES)
        try:
            text = first.decode("utf-8-sig")
            header = [name.strip() for name in next(csv.reader([text]))]
        except (UnicodeDecodeError, csv.Error, StopIteration):
            raise NotBulk("unreadable header") from None
        if set(PLAN_COLUMNS) <= set(header) and "Question.ID" not in header:
            raise NotBulk("an improvement plan export")
        if any(name not in header for name in STAR_COLUMNS):
            raise NotBulk("not a STAR export")
        mapping = {**STAR_COLUMNS, **{k: v for k, v in STAR_OPTIONAL.items() if k in header}}
        self.header_names = header
        self.column = {key: f"c{header.index(name)}" for name, key in mapping.items()}
        self.names = {key: name for name, key in mapping.items()}
        self.stage_columns = [f"c{i}" for i in range(len(header))]
        from .importers import Importer

        self.factory_keys = self._keys(Importer.FACTORY_KEYS)
        self.question_keys = ["country", *self._keys(Importer.QUESTION_KEYS)]

    def copy(self):
        """Stream the rows into ``ims_stage`` (parsed), each with a hash of its factory part and
        of its question part (``ha``, ``hq``: generated columns, computed as the row arrives).
        The number of rows must equal the number of lines, so that a row's line is its position
        plus one, and the raw rows can be cut from the file by position later."""
        columns = ", ".join(self.stage_columns)
        self.data_start = self.fileobj.tell()
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE ims_stage (ord bigint GENERATED ALWAYS AS IDENTITY, "
                + ", ".join(f"{c} text" for c in self.stage_columns)
                + f", ha bigint GENERATED ALWAYS AS ({self._hash(self.factory_keys)}) STORED"
                + f", hq bigint GENERATED ALWAYS AS ({self._hash(self.question_keys)}) STORED"
                + ") ON COMMIT DROP"
            )
            lines = self._copy(
                cursor,
                f"COPY ims_stage ({columns}) FROM STDIN "
                f"WITH (FORMAT csv, FORCE_NOT_NULL ({columns}))",
            )
            rows = cursor.cursor.rowcount
            if rows != lines or rows == 0:
                raise NotBulk("rows and lines differ")
        self.importer.rows_read = rows

    def _hash(self, keys):
        """A part's columns hashed to one bigint, each column's hash seeding the next (cheaper
        than hashing them joined); ``clean_parts`` checks that no two distinct parts of the
        file share one."""
        expression = "0"
        for key in reversed(keys):
            expression = f"hashtextextended({self.column[key]}, {expression})"
        return expression

    def _copy(self, cursor, sql):
        """Send the rest of the file to ``sql``; the number of lines sent. NotBulk when a line is
        longer than the row-by-row reader accepts, PostgreSQL refuses the data, or the lines
        end in a way the raw rows could not be cut by (a carriage return anywhere but before
        every line feed)."""
        lines = run = carriage_returns = crlf = 0
        last = b"\n"
        sent = reported = self.fileobj.tell()
        try:
            with cursor.cursor.copy(sql) as copy:
                for block in iter(lambda: self.fileobj.read(BLOCK), b""):
                    newlines = block.count(b"\n")
                    if newlines:
                        if run + block.find(b"\n") >= MAX_LINE_BYTES:
                            raise NotBulk("a line is too long")
                        run = len(block) - block.rfind(b"\n") - 1
                    else:
                        run += len(block)
                    if run >= MAX_LINE_BYTES:
                        raise NotBulk("a line is too long")
                    returns = block.count(b"\r")
                    if returns or last == b"\r":
                        carriage_returns += returns
                        crlf += block.count(b"\r\n") + (last == b"\r" and block[:1] == b"\n")
                    lines += newlines
                    last = block[-1:]
                    copy.write(block)
                    sent += len(block)
                    if sent - reported >= PROGRESS_EVERY:
                        reported = sent
                        self.importer.rows_read = lines
                        self.importer._report_bytes(sent)
        except psycopg.Error as exc:
            raise NotBulk(str(exc)) from exc
        # Lines end in LF, or all in CR LF (the CR is not part of the line).
        if carriage_returns and not carriage_returns == crlf == lines:
            raise NotBulk("carriage returns other than line ends")
        self.crlf = bool(carriage_returns)
        lines += last != b"\n"
        self.importer.rows_read = lines
        self.importer._report_bytes(sent)
        return lines

    # -- validating distinct parts ------------------------------------------------------------

    def _keys(self, keys):
        return [key for key in keys if key in self.column]

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
        from .importers import RowError, _key

        importer = self.importer
        self.parts_a, self.parts_q, errors_a, errors_q = {}, {}, [], []
        self.factory_key = {}
        # Each factory part's rows: where they start and end, and how many (``keep_raw_rows``).
        spans = ", min(ord) AS first, max(ord) AS last, count(*) AS count"
        for part_id, raw in self.distinct("ims_pa", self.factory_keys, "ha", spans).items():
            values = {k: v.strip() for k, v in raw.items()}
            self.factory_key[part_id] = values.get("factory_id") or None
            try:
                self.parts_a[part_id] = importer._clean_factory_part(_Part(values))
            except RowError as exc:
                errors_a.append((part_id, exc.column, exc.reason))
        for part_id, raw in self.distinct("ims_pq", self.question_keys, "hq").items():
            values = {k: v.strip() for k, v in raw.items()}
            country = importer.lookups.countries.get(_key(values["country"]))
            if country is None:
                continue  # its rows are rejected for their country first
            try:
                self.parts_q[part_id] = importer._clean_question_part(_Part(values), country.pk)
            except RowError as exc:
                errors_q.append((part_id, exc.column, exc.reason))
        self._load(
            "ims_part_error",
            "kind text, id bigint, col text, reason text",
            [("a", *e) for e in errors_a] + [("q", *e) for e in errors_q],
        )
        self._load(
            "ims_pq_ok",
            "id bigint, ncq boolean",
            [(pid, part["question"]["type"] == "NCQ") for pid, part in self.parts_q.items()],
        )

    def _load(self, table, columns, rows):
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TEMP TABLE {table} ({columns}) ON COMMIT DROP")
            with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

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
            bad = [(f, f"{f!r} is not 0 or 1 (NCQ)") for (f,) in cursor.fetchall()]
        self._load("ims_bad_finding", "f text, reason text", bad)
        return used_a, used_q

    # -- writing ------------------------------------------------------------------------------

    def write_parts(self, used_a, used_q):
        importer = self.importer
        parts_a = {pid: self.parts_a[pid] for pid in used_a}
        parts_q = {pid: self.parts_q[pid] for pid in used_q}
        cat_of = {pid: self.parts_q[first]["cat"] for pid, first in used_a.items()}
        assessment_pk, refused, question_pk = importer.resolve_parts(parts_a, parts_q, cat_of)
        new = importer.chunk_new_assessments
        factories = importer.factories
        rows, self.factory_pk = [], {}
        for pid, key in self.factory_key.items():
            factory = factories.get(key)
            pk = assessment_pk.get(pid)
            self.factory_pk[pid] = factory.pk if factory else None
            rows.append((pid, pk, pk in new, self.factory_pk[pid], refused.get(pid)))
        self._load(
            "ims_pa_map",
            "id bigint, assessment_pk bigint, new boolean, factory_pk bigint, refused text",
            rows,
        )
        self._load(
            "ims_pq_map",
            "id bigint, question_pk bigint, ncq boolean",
            [
                (pid, pk, parts_q[pid]["question"]["type"] == "NCQ")
                for pid, pk in question_pk.items()
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
            self._load("ims_duplicate", "ord bigint, first_ord bigint", [])
            return
        except _Duplicates:
            pass
        except DatabaseError as exc:
            if getattr(exc.__cause__, "sqlstate", None) != UNIQUE_VIOLATION:
                raise
        chunk = int(self.importer.chunk_size)
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
        table = _q(Finding._meta.db_table)
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
                "  'duplicate of line ' || (d.first_ord + 1) "
                "  || ' (same assessment and question)', 'cannot be read') AS reason "
                "FROM (SELECT * FROM ims_rows WHERE pa IN (SELECT id FROM ims_bad_pa) "
                "  OR pq IN (SELECT id FROM ims_bad_pq) OR ord IN (SELECT ord FROM ims_duplicate) "
                "  OR (f NOT IN ('0', '1') AND f IN (SELECT f FROM ims_bad_finding) "
                "      AND pq IN (SELECT id FROM ims_pq_ok WHERE ncq))) r "
                "LEFT JOIN ims_part_error ea ON ea.kind = 'a' AND ea.id = r.pa "
                "LEFT JOIN ims_part_error eq ON eq.kind = 'q' AND eq.id = r.pq "
                "LEFT JOIN ims_pq_ok n ON n.id = r.pq AND n.ncq "
                "LEFT JOIN ims_bad_finding b ON n.id IS NOT NULL AND b.f = r.f "
                "LEFT JOIN ims_pa_map m ON m.id = r.pa "
                "LEFT JOIN ims_duplicate d ON d.ord = r.ord"
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
        """The lines as runs of consecutive lines of one factory within one chunk: one
        ``RawRows`` (text form) each, cut from the file again and copied in."""
        chunk = int(chunk)
        starts = self._run_starts(chunk)
        with connection.cursor() as cursor:
            cursor.execute("SELECT ord FROM ims_rejected ORDER BY ord")
            rejected = [ord_ for (ord_,) in cursor.fetchall()]
        firsts = [first for first, _factory in starts]
        ends = [*firsts[1:], self.importer.rows_read + 1]
        # The rejected lines of each run (both lists are in file order).
        refused, position = [], 0
        for end in ends:
            lines = []
            while position < len(rejected) and rejected[position] < end:
                lines.append(rejected[position] + 1)
                position += 1
            refused.append(json.dumps(lines))
        columns = json.dumps(self.header_names, ensure_ascii=False)
        lines = self._lines()
        table = _q(RawRows._meta.db_table)
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(
                f"COPY {table} (batch_id, factory_id, columns, lines, text, rejected, first_line, "
                "row_count) FROM STDIN"
            ) as copy,
        ):
            for (first, factory_pk), end, rejected_lines in zip(starts, ends, refused, strict=True):
                text = b"\n".join(itertools.islice(lines, end - first))
                if self.crlf:
                    text = text.replace(b"\r", b"")
                copy.write_row(
                    (
                        batch_pk,
                        factory_pk,
                        columns,
                        "[]",
                        text.decode("utf-8"),
                        rejected_lines,
                        first + 1,
                        end - first,
                    )
                )

    def _run_starts(self, chunk):
        """[(first ord, factory pk)] of each run: a run starts with each chunk and wherever
        the factory changes from the line before."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, first, last, count FROM ims_pa ORDER BY first")
            spans = cursor.fetchall()
            if any(last - first + 1 != count for _id, first, last, count in spans):
                # A part's rows are not all together: the factory of every line, in order.
                cursor.execute(
                    "SELECT ord, factory_pk FROM (SELECT r.ord, m.factory_pk, "  # noqa: S608
                    "lag(m.factory_pk) OVER (ORDER BY r.ord) AS previous FROM ims_rows r "
                    "JOIN ims_pa_map m ON m.id = r.pa) runs "
                    f"WHERE (ord - 1) % {chunk} = 0 "
                    "OR factory_pk IS DISTINCT FROM previous ORDER BY ord"
                )
                return cursor.fetchall()
        # Each part's rows are together (the usual export: an assessment's rows in a block).
        starts, previous = [], None
        for part_id, first, last, _count in spans:
            factory = self.factory_pk[part_id]
            chunk_starts = range(first + (1 - first) % chunk, last + 1, chunk)
            if factory != previous and first not in chunk_starts:
                starts.append((first, factory))
            starts.extend((ord_, factory) for ord_ in chunk_starts)
            previous = factory
        return starts

    def _lines(self):
        """The file's data lines as bytes, without their line ends."""
        self.fileobj.seek(self.data_start)
        rest = b""
        for block in iter(lambda: self.fileobj.read(BLOCK), b""):
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            yield from lines
        if rest:
            yield rest

    def drop(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TABLE IF EXISTS ims_stage, ims_pa, ims_pq, ims_pq_ok, ims_part_error, "
                "ims_rows, ims_bad_finding, ims_pa_map, ims_pq_map, ims_ranked, "
                "ims_duplicate, ims_rejected, ims_bad_pa, ims_bad_pq"
            )

    # -- the whole --------------------------------------------------------------------------

    def run(self, max_errors):
        """Import the file; (number of rejected rows, the first ``max_errors`` errors). Run in
        a savepoint: the settings below end with it, or are reset here."""
        self.header()
        self._use_temp_buffers()
        self.copy()
        with connection.cursor() as cursor:
            for setting in BULK_SETTINGS:
                cursor.execute(f"SET LOCAL {setting}")
        self.clean_parts()
        used_a, used_q = self.resolve_rows()
        self.write_parts(used_a, used_q)
        self.write_findings()
        rejected, errors = self.report_errors(max_errors)
        self.keep_raw_rows(self.importer.batch.pk, self.importer.chunk_size)
        self.drop()
        with connection.cursor() as cursor:
            for setting in BULK_SETTINGS:
                cursor.execute(f"RESET {setting.split()[0]}")
        return rejected, errors

    def _use_temp_buffers(self):
        """Temporary tables live in the session's own buffers (8 MB by default), which a
        million rows overflow many times over. The size can only be set before the session's
        first temporary table; later it is an error, ignored here (a savepoint)."""
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"SET temp_buffers = '{TEMP_BUFFERS}'")
        except DatabaseError:
            pass


__all__ = ["NotBulk", "StarCsvLoad"]
