"""The set-by-set path's first step: the STAR CSV file streamed once into ``ims_stage`` with
``COPY``, each row hashed into its factory part and its question part as it arrives.

Only a file whose structure PostgreSQL reads exactly as Python's ``csv`` does is staged: one
row per line (no line breaks inside quotes, no blank lines), lines ending all in LF or all in
CR LF (no other carriage return), valid UTF-8, every row with the header's number of fields, no
line over ``MAX_LINE_BYTES``. Anything else raises ``NotBulk`` before anything is written."""

import csv

import psycopg
from django.db import connection

from ..readers import MAX_LINE_BYTES, PLAN_COLUMNS, STAR_COLUMNS, STAR_OPTIONAL
from .validation import FACTORY_KEYS, QUESTION_KEYS

BLOCK = 1 << 20
PROGRESS_EVERY = 8 * BLOCK
# What Python's str.strip() removes, for SQL's btrim(): the two must strip the same characters.
# (U+3000, the ideographic space, is the last of them.)
WHITESPACE = "".join(chr(c) for c in range(1, 0x3001) if chr(c).isspace())


class NotBulk(Exception):
    """This file needs the row-by-row path."""


class Stage:
    def __init__(self, session, fileobj):
        self.session = session
        self.counts = session.counts
        self.fileobj = fileobj

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
        self.factory_keys = self._keys(FACTORY_KEYS)
        self.question_keys = ["country", *self._keys(QUESTION_KEYS)]

    def _keys(self, keys):
        return [key for key in keys if key in self.column]

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
        self.counts.rows_read = rows

    def _hash(self, keys):
        """A part's columns hashed to one bigint, each column's hash seeding the next (cheaper
        than hashing them joined); ``distinct`` checks that no two distinct parts of the
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
                        self.counts.rows_read = lines
                        self.session.report(sent)
        except psycopg.Error as exc:
            raise NotBulk(str(exc)) from exc
        # Lines end in LF, or all in CR LF (the CR is not part of the line).
        if carriage_returns and not carriage_returns == crlf == lines:
            raise NotBulk("carriage returns other than line ends")
        self.crlf = bool(carriage_returns)
        lines += last != b"\n"
        self.counts.rows_read = lines
        self.session.report(sent)
        return lines

    def lines(self):
        """The file's data lines as bytes, without their line ends."""
        self.fileobj.seek(self.data_start)
        rest = b""
        for block in iter(lambda: self.fileobj.read(BLOCK), b""):
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            yield from lines
        if rest:
            yield rest
