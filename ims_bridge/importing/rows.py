"""The row-by-row import path: any file the readers take (STAR CSV, improvement plans, JSON
Lines), on any database. Rows are read one by one and validated and written in chunks; every
row is kept as read (``RawRows``: one record per factory and chunk)."""

import json

from ..models import RawRows
from ..readers import FormatError, read_records
from .sql import fast_insert
from .validation import DUPLICATE, RowError

RAW_COLUMNS = [
    "batch_id",
    "factory_id",
    "columns",
    "lines",
    "text",
    "rejected",
    "first_line",
    "row_count",
]


class RowByRow:
    def __init__(self, session):
        self.session = session
        self.counts = session.counts
        self.validator = session.validator
        self.writer = session.writer

    def run(self, fileobj):
        source, records = read_records(fileobj)
        counts, chunk_size = self.counts, self.session.chunk_size
        chunk = []
        for record in records:
            counts.rows_read += 1
            chunk.append(record)
            if len(chunk) >= chunk_size:
                self.write_chunk(chunk, source.header)
                chunk = []
                self.session.report(source.bytes_read)
        if counts.rows_read == 0:
            raise FormatError("The file has a header but no rows.")
        if chunk:
            self.write_chunk(chunk, source.header)
        self.session.report(source.bytes_read)

    def reject(self, record, column, reason):
        record.accepted = False
        name = record.columns.get(column, column) if column else None
        self.counts.reject(record.line, name, reason)

    def write_chunk(self, chunk, header):
        findings, plans = [], []
        for record in chunk:
            record.accepted = True
            record.factory_key = None
            if record.kind == "invalid":
                self.reject(record, *record.error)
                continue
            try:
                if record.kind == "finding":
                    findings.append(self.validator.finding(record))
                else:
                    plans.append(self.validator.plan(record))
            except RowError as exc:
                self.reject(record, exc.column, exc.reason)
        if findings:
            self.save_findings(findings)
        if plans:
            self.counts.rows_imported += self.writer.save_plans(plans, self.reject)
        self.keep_raw_rows(chunk, header)

    def save_findings(self, rows):
        """Write the chunk's findings (``validation.FindingRow``). Parts are shared by the rows
        that repeat them, so factories, questions and assessments are resolved once per
        distinct part, not once per row."""
        parts_a, parts_q, cat_of = {}, {}, {}
        for row in rows:
            if row.part_a not in parts_a:
                parts_a[row.part_a] = row.part_a
                # An assessment's CAT version is the one of its first row in this chunk.
                cat_of[row.part_a] = row.part_q.cat
            parts_q.setdefault(row.part_q, row.part_q)
        resolved = self.writer.resolve_parts(parts_a, parts_q, cat_of)
        findings = {}
        for row in rows:
            if row.part_a in resolved.refused:
                self.reject(row.record, "assessment_id", resolved.refused[row.part_a])
                continue
            key = (resolved.assessment_pk[row.part_a], resolved.question_pk[row.part_q])
            if key in findings:
                self.reject(row.record, "question_id", DUPLICATE.format(findings[key][0]))
                continue
            findings[key] = (row.record.line, row.value, row.text)
        self.counts.rows_imported += len(findings)
        self.writer.write_findings(findings, resolved.new_assessments)

    def keep_raw_rows(self, chunk, header):
        """Every row as read, one RawRows record per factory the chunk's rows matched."""
        factories = self.writer.factories
        factory_pk = {
            key: factories[key].pk
            for key in {record.factory_key for record in chunk}
            if key in factories
        }
        groups = {}
        for record in chunk:
            groups.setdefault(factory_pk.get(record.factory_key), []).append(
                [record.line, record.accepted, record.raw]
            )
        columns = json.dumps(header, ensure_ascii=False)
        batch_pk = self.session.batch_pk
        fast_insert(
            RawRows,
            RAW_COLUMNS,
            [
                (
                    batch_pk,
                    factory_id,
                    columns,
                    json.dumps(lines, ensure_ascii=False),
                    "",
                    "[]",
                    lines[0][0],
                    len(lines),
                )
                for factory_id, lines in groups.items()
            ],
        )
