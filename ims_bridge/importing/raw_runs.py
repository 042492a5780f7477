"""The set-by-set path's raw rows: the file's lines as runs of consecutive lines of one
factory within one chunk, one ``RawRows`` (text form) each, cut from the file again and copied
in."""

import itertools
import json

from django.db import connection

from ..models import RawRows
from . import sql


def keep_raw_rows(load, batch_pk, chunk):
    """``load``: the ``StarCsvLoad`` whose rows are resolved (``ims_rejected``, ``ims_pa``,
    ``ims_pa_map`` and its ``factory_pk`` by part)."""
    chunk = int(chunk)
    starts = _run_starts(load, chunk)
    with connection.cursor() as cursor:
        cursor.execute("SELECT ord FROM ims_rejected ORDER BY ord")
        rejected = [ord_ for (ord_,) in cursor.fetchall()]
    firsts = [first for first, _factory in starts]
    ends = [*firsts[1:], load.counts.rows_read + 1]
    # The rejected lines of each run (both lists are in file order).
    refused, position = [], 0
    for end in ends:
        lines = []
        while position < len(rejected) and rejected[position] < end:
            lines.append(rejected[position] + 1)
            position += 1
        refused.append(json.dumps(lines))
    columns = json.dumps(load.header_names, ensure_ascii=False)
    with connection.cursor() as cursor:
        sql.copy_rows(
            cursor,
            f"COPY {sql.table(RawRows)} (batch_id, factory_id, columns, lines, text, rejected, "
            "first_line, row_count) FROM STDIN",
            _records(load, batch_pk, columns, starts, ends, refused),
        )


def _records(load, batch_pk, columns, starts, ends, refused):
    """One RawRows tuple per run, its text cut from the file as it is sent (not all held)."""
    lines = load.lines()
    for (first, factory_pk), end, rejected_lines in zip(starts, ends, refused, strict=True):
        text = b"\n".join(itertools.islice(lines, end - first))
        if load.crlf:
            text = text.replace(b"\r", b"")
        yield (
            batch_pk,
            factory_pk,
            columns,
            "[]",
            text.decode("utf-8"),
            rejected_lines,
            first + 1,
            end - first,
        )


def _run_starts(load, chunk):
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
        factory = load.factory_pk[part_id]
        chunk_starts = range(first + (1 - first) % chunk, last + 1, chunk)
        if factory != previous and first not in chunk_starts:
            starts.append((first, factory))
        starts.extend((ord_, factory) for ord_ in chunk_starts)
        previous = factory
    return starts
