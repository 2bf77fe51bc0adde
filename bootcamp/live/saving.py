"""Saving as a front end sees it: each record pending, saved or failed, and the total for the status bar.

Pure Python: the writer's thread reports results, and the live workshop hands them to
:meth:`SaveTracker.result` on its own loop.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum


class Mark(StrEnum):
    """How one answer, note or action stands on disk."""

    NONE = ""  # nothing was saved this session: it was on disk already
    PENDING = "pending"
    SAVED = "saved"
    FAILED = "failed"  # the writer keeps retrying; shown until it succeeds


@dataclass(frozen=True)
class SaveStatus:
    pending: int = 0
    error: str = ""  # the last failure, until the writer's retry succeeds

    @property
    def label(self) -> str:
        if self.error:
            return "not saved"
        return "saving…" if self.pending else "saved"


class SaveTracker:
    """Job ids for the ordered writer, and what their results mean for each record."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._numbers = itertools.count(1)
        self._record_of: dict[str, str] = {}  # job id → record key
        self._pending: Counter[str] = Counter()  # record key → saves not yet done
        self._failed: dict[str, str] = {}  # record key → the last error
        self._saved: set[str] = set()
        self.status = SaveStatus()

    def new_job(self, record: str) -> str:
        job_id = f"{self._prefix}{next(self._numbers)}"
        self._record_of[job_id] = record
        self._pending[record] += 1
        self._saved.discard(record)
        self.status = SaveStatus(self.status.pending + 1, self.status.error)
        return job_id

    def owns(self, job_id: str) -> bool:
        return job_id in self._record_of

    def result(self, job_id: str, error: BaseException | None) -> SaveStatus:
        """A writer result; a failure keeps the save pending (the writer retries) and marks its record."""
        record = self._record_of.get(job_id)
        if record is None:
            return self.status
        if error is not None:
            message = str(error) or type(error).__name__
            self._failed[record] = message
            self.status = SaveStatus(self.status.pending, message)
            return self.status
        del self._record_of[job_id]
        self._pending[record] -= 1
        if self._pending[record] <= 0:
            del self._pending[record]
            self._failed.pop(record, None)
            self._saved.add(record)
        pending = max(0, self.status.pending - 1)
        error_left = next(iter(self._failed.values()), "") if self._failed else ""
        self.status = SaveStatus(pending, error_left)
        return self.status

    def mark(self, record: str) -> Mark:
        if record in self._failed:
            return Mark.FAILED
        if record in self._pending:
            return Mark.PENDING
        if record in self._saved:
            return Mark.SAVED
        return Mark.NONE
