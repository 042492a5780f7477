"""Streaming readers for the two export forms (see FORMAT.md).

Both yield ``Record`` objects one at a time: the file is read line by line in binary, each line
decoded on its own (so one bad byte rejects one row, not the file) and capped in length (so a
runaway line cannot exhaust memory)."""

import csv
import json
from dataclasses import dataclass, field
from operator import itemgetter

MAX_LINE_BYTES = 1_000_000
JSON_FORMAT = "ims-bridge"
JSON_VERSIONS = {1}

STAR_COLUMNS = {
    "Country": "country",
    "Factory.Assessed.ID": "factory_id",
    "Factory.Assessed.Name": "factory_name",
    "Quest.ID": "assessment_id",
    "Assesment.Start.Date": "start_date",
    "Cycle": "cycle",
    "Question.ID": "question_id",
    "Q.Label": "label",
    "Question.type": "type",
    "Finding": "finding",
    "CP": "cp",
    "Cluster": "cluster",
    "Tags": "tags",
    "TQ.Name": "cat_version",
}
STAR_OPTIONAL = {
    "Global.Question.ID": "global_id",
    "Industry": "industry",
    "Workers": "workers",
    "OS.ID": "os_id",
}
PLAN_COLUMNS = {
    "Factory.Assessed.ID": "factory_id",
    "Quest.ID": "assessment_id",
    "CP": "cp",
    "Action": "action",
    "Status": "status",
    "Due.Date": "due_date",
}


class FormatError(Exception):
    """The file as a whole cannot be read (wrong columns, empty, unknown version)."""


@dataclass
class Record:
    line: int
    kind: str  # "finding" | "plan_item" | "invalid"
    raw: list | dict  # the CSV fields as read (under LineSource.header), or the JSON object
    values: dict = field(default_factory=dict)
    columns: dict = field(default_factory=dict)  # internal key -> name in the file
    date_format: str = "%d/%m/%Y"
    error: tuple | None = None  # (column, reason) when the row cannot be read at all


class LineSource:
    """Iterates a binary file as decoded text lines, remembering which lines were unreadable."""

    def __init__(self, fileobj, progress=None):
        self.fileobj = fileobj
        self.bad_lines = {}
        self.line_no = 0
        self.bytes_read = 0
        self.progress = progress
        self.header = []  # the CSV header as read; empty for JSON Lines

    def __iter__(self):
        return self

    def __next__(self):
        raw = self.fileobj.readline(MAX_LINE_BYTES)
        if not raw:
            raise StopIteration
        self.line_no += 1
        self.bytes_read += len(raw)
        if len(raw) >= MAX_LINE_BYTES and not raw.endswith(b"\n"):
            # Skip the rest of an over-long line without holding it in memory.
            while True:
                more = self.fileobj.readline(MAX_LINE_BYTES)
                self.bytes_read += len(more)
                if not more or more.endswith(b"\n"):
                    break
            self.bad_lines[self.line_no] = f"line longer than {MAX_LINE_BYTES:,} bytes"
            return "\n"
        if self.line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.bad_lines[self.line_no] = (
                f"not valid UTF-8 (byte {exc.start + 1}); save the export as UTF-8"
            )
            return raw.decode("utf-8", errors="replace")

    def take_bad(self, first, last):
        for line in range(first, last + 1):
            if line in self.bad_lines:
                return self.bad_lines.pop(line)
        return None


def sniff(fileobj):
    """'json' or 'csv' from the first non-blank bytes; FormatError when the file is empty."""
    start = fileobj.read(4096)
    fileobj.seek(0)
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text:
        raise FormatError("The file is empty.")
    return "json" if text.startswith(b"{") else "csv"


def read_records(fileobj, progress=None):
    kind = sniff(fileobj)
    source = LineSource(fileobj, progress)
    reader = read_json_lines if kind == "json" else read_csv
    return source, reader(source)


def read_csv(source):
    reader = csv.reader(source)
    try:
        header = next(reader)
    except StopIteration:
        raise FormatError("The file is empty.") from None
    except csv.Error as exc:
        raise FormatError(f"The header line cannot be read as CSV: {exc}.") from None
    bad = source.take_bad(1, reader.line_num)
    if bad:
        raise FormatError(f"The header line is unreadable: {bad}.")
    header = [name.strip() for name in header]
    source.header = header
    if set(PLAN_COLUMNS) <= set(header) and "Question.ID" not in header:
        mapping, kind = PLAN_COLUMNS, "plan_item"
    else:
        missing = [name for name in STAR_COLUMNS if name not in header]
        if missing:
            hint = ""
            if "Assessment.Start.Date" in missing or "Assessment.Start.Date" in header:
                hint = " (STAR spells it 'Assesment.Start.Date')"
            raise FormatError(
                "Not a STAR export: missing column(s) " + ", ".join(missing) + hint + ". "
                "Expected: " + ", ".join(STAR_COLUMNS) + "."
            )
        mapping = {**STAR_COLUMNS, **{k: v for k, v in STAR_OPTIONAL.items() if k in header}}
        kind = "finding"
    positions = {key: header.index(name) for name, key in mapping.items()}
    keys = tuple(positions)
    pick = itemgetter(*positions.values())
    strip = str.strip
    columns = {key: name for name, key in mapping.items()}
    last = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            first, last = last + 1, reader.line_num
            source.take_bad(first, last)
            yield Record(first, "invalid", [], error=(None, f"unreadable CSV: {exc}"))
            continue
        first, last = last + 1, reader.line_num
        bad = source.take_bad(first, last)
        raw = row
        if bad:
            yield Record(first, "invalid", raw, error=(None, bad))
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        if len(row) != len(header):
            yield Record(
                first,
                "invalid",
                raw,
                error=(None, f"{len(row)} fields where the header has {len(header)}"),
            )
            continue
        values = dict(zip(keys, map(strip, pick(row)), strict=True))
        yield Record(first, kind, raw, values, columns)


JSON_FIELDS = {
    "finding": set(STAR_COLUMNS.values()) | set(STAR_OPTIONAL.values()),
    "plan_item": set(PLAN_COLUMNS.values()),
}
JSON_REQUIRED = {
    "finding": set(STAR_COLUMNS.values()) - {"tags", "label"},
    "plan_item": set(PLAN_COLUMNS.values()) - {"due_date"},
}


def read_json_lines(source):
    header_line = next(source, "")
    try:
        header = json.loads(header_line)
    except ValueError:
        raise FormatError("Line 1 is not a JSON object.") from None
    if not isinstance(header, dict) or header.get("format") != JSON_FORMAT:
        raise FormatError(f'Line 1 must be {{"format": "{JSON_FORMAT}", "version": 1}}.')
    if header.get("version") not in JSON_VERSIONS:
        raise FormatError(
            f"Unsupported {JSON_FORMAT} version {header.get('version')!r}; "
            f"this portal reads version(s) {sorted(JSON_VERSIONS)}."
        )
    for text in source:
        line = source.line_no
        bad = source.take_bad(line, line)
        if not text.strip():
            continue
        if bad:
            yield Record(line, "invalid", {}, error=(None, bad))
            continue
        try:
            obj = json.loads(text)
        except ValueError as exc:
            yield Record(line, "invalid", {}, error=(None, f"not JSON: {exc}"))
            continue
        if not isinstance(obj, dict):
            yield Record(line, "invalid", {}, error=(None, "not a JSON object"))
            continue
        kind = obj.get("kind")
        if kind not in JSON_FIELDS:
            yield Record(line, "invalid", obj, error=("kind", f"unknown kind {kind!r}"))
            continue
        missing = sorted(JSON_REQUIRED[kind] - obj.keys())
        if missing:
            yield Record(
                line, "invalid", obj, error=(missing[0], "missing field(s) " + ", ".join(missing))
            )
            continue
        values = {
            key: ("" if obj.get(key) is None else str(obj.get(key))).strip()
            for key in JSON_FIELDS[kind]
            if key in obj
        }
        columns = {key: key for key in values}
        yield Record(line, kind, obj, values, columns, date_format="%Y-%m-%d")
