"""Saving as a front end sees it: each record pending, saved or failed, and the total for the status bar.

Pure Python: the writer's thread reports results, and the live workshop hands them to
:meth:`SaveTracker.result` on its own loop.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath


class Mark(StrEnum):
    """How one answer, note or action stands on disk."""

    NONE = ""  # nothing was saved this session: it was on disk already
    PENDING = "pending"
    SAVED = "saved"
    FAILED = "failed"  # not on disk while a save fails: its own, or one before it that the writer retries first


@dataclass(frozen=True)
class SaveStatus:
    """How the workshop's saves stand: how many are waiting, and the last failure until a retry succeeds."""

    pending: int = 0
    error: str = ""  # the last failure, until the writer's retry succeeds
    brief: str = ""  # the same, short enough for a status bar: the reason first, then the file's name

    @property
    def label(self) -> str:
        if self.error:
            return "not saved"
        return "saving…" if self.pending else "saved"


class SaveTracker:
    """Job ids for the ordered writer, and what their results mean for each record.

    The writer saves in order and retries a failing save before any other, so while one fails nothing queued
    after it reaches the disk either: every record with a save not done is marked failed until that save
    succeeds (a full disk refusing state.json leaves the answers given since as unsaved as the state).
    """

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._numbers = itertools.count(1)
        self._record_of: dict[str, tuple[str, ...]] = {}  # job id → the record keys it saves
        self._pending: Counter[str] = Counter()  # record key → saves not yet done
        self._failing: dict[str, tuple[str, str]] = {}  # job id → its last error, in full and briefly, till it succeeds
        self._saved: set[str] = set()
        self.status = SaveStatus()

    def new_job(self, record: str | tuple[str, ...]) -> str:
        """A save of one record, or of several at once (a paste's lines, in one write): each is marked by it."""
        job_id = f"{self._prefix}{next(self._numbers)}"
        records = (record,) if isinstance(record, str) else record
        self._record_of[job_id] = records
        for each in records:
            self._pending[each] += 1
            self._saved.discard(each)
        self.status = SaveStatus(self.status.pending + 1, self.status.error, self.status.brief)
        return job_id

    def owns(self, job_id: str) -> bool:
        return job_id in self._record_of

    def result(self, job_id: str, error: BaseException | None) -> SaveStatus:
        """A writer result; a failure keeps the save pending (the writer retries) and marks every record not saved."""
        records = self._record_of.get(job_id)
        if records is None:
            return self.status
        if error is not None:
            said = (str(error) or type(error).__name__, said_briefly(error))
            self._failing[job_id] = said
            self.status = SaveStatus(self.status.pending, *said)
            return self.status
        del self._record_of[job_id]
        self._failing.pop(job_id, None)
        for record in records:
            self._pending[record] -= 1
            if self._pending[record] <= 0:
                del self._pending[record]
                self._saved.add(record)
        pending = max(0, self.status.pending - 1)
        error_left, brief_left = next(iter(self._failing.values()), ("", ""))
        self.status = SaveStatus(pending, error_left, brief_left)
        return self.status

    def mark(self, record: str) -> Mark:
        if record in self._pending:
            return Mark.FAILED if self._failing else Mark.PENDING
        if record in self._saved:
            return Mark.SAVED
        return Mark.NONE


def said_briefly(error: BaseException) -> str:
    """A failed save in a few words: the reason first, then the file's name (its folder is in the full message).

    ``No space left on device · p7k2m9qa.json`` rather than ``cannot save /home/…/answers/p7k2m9qa.json: No
    space left on device``, whose start is all a status bar at 120 columns had room for.
    """
    reason = getattr(error, "reason", None) or getattr(error, "strerror", None)
    path = getattr(error, "path", None) or getattr(error, "filename", None)
    if not reason:
        return str(error) or type(error).__name__
    name = PurePath(str(path)).name if path else ""
    return f"{reason} · {name}" if name else str(reason)
