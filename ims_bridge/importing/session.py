"""What an import path (row by row, set by set) gets from the importer: the counts it keeps,
the validator and writer it shares with the other path, and where it reports progress."""

from collections.abc import Callable
from dataclasses import dataclass, field

from .upserts import Writer
from .validation import Validator

MAX_STORED_ERRORS = 10_000  # rejected rows reported on a batch (all are counted)


@dataclass
class Counts:
    """A batch's counts and error report while it is imported."""

    rows_read: int = 0
    rows_imported: int = 0
    rows_rejected: int = 0
    errors: list = field(default_factory=list)

    def reject(self, line, column, reason):
        self.rows_rejected += 1
        self.errors.append({"line": line, "column": column, "reason": reason})

    def reset(self):
        self.rows_read = self.rows_imported = self.rows_rejected = 0
        self.errors = []

    def copy_to(self, batch, *, max_errors=None, imported=None):
        """Put the counts on ``batch`` (not saved); ``imported`` overrides rows imported (0 for
        a failed batch)."""
        batch.rows_read = self.rows_read
        batch.rows_imported = self.rows_imported if imported is None else imported
        batch.rows_rejected = self.rows_rejected
        batch.errors = self.errors if max_errors is None else self.errors[:max_errors]


@dataclass
class Session:
    batch_pk: int
    chunk_size: int
    counts: Counts
    validator: Validator
    writer: Writer
    report: Callable[[int], None]  # bytes of the file done so far: publishes the counts
    beat: Callable[[], None]  # a sign of life between steps (``lease.Heartbeat``)
