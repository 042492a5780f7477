"""Importing IMS exports (STAR CSV, improvement plans, the bridge's JSON Lines) as batches.

- ``importer``: the entry points (``Importer``, ``ImportFailed``) and the batch's transaction;
- ``batches``: the batch lifecycle (skipped, running, done, failed);
- ``session``: the counts and the narrow interface both paths get (``Session``);
- ``validation``: the rules and messages, returning dataclasses;
- ``upserts``: the writes both paths share (factories, CAT versions, questions, assessments);
- ``rows``: the row-by-row path (any file, any database);
- ``sets``, ``staging``, ``raw_runs``: the set-by-set path (STAR CSV on PostgreSQL);
- ``sql``: SQL helpers.
"""

from .importer import CHUNK_SIZE, Importer, ImportFailed
from .session import MAX_STORED_ERRORS

__all__ = ["CHUNK_SIZE", "MAX_STORED_ERRORS", "ImportFailed", "Importer"]
