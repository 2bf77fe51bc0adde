"""The save status a status bar shows: a failure in few words (the reason, then the file), gone once the save succeeds."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from bootcamp.live.saving import Mark, SaveStatus, SaveTracker, said_briefly
from bootcamp.store.errors import FileNotSavedError

FULL = os.strerror(errno.ENOSPC)
ANSWERS = Path("/home/someone/.local/share/bootcamp/workshops/w1/answers/p7k2m9qa.json")


def test_a_failed_save_is_said_with_the_reason_first_then_the_file_name() -> None:
    assert said_briefly(FileNotSavedError(ANSWERS, FULL)) == f"{FULL} · p7k2m9qa.json"
    assert said_briefly(OSError(errno.ENOSPC, FULL, str(ANSWERS))) == f"{FULL} · p7k2m9qa.json"
    assert said_briefly(OSError(errno.EROFS, "Read-only file system")) == "Read-only file system"
    assert said_briefly(RuntimeError("the writer stopped")) == "the writer stopped"
    assert said_briefly(RuntimeError()) == "RuntimeError"


def test_the_status_keeps_the_full_message_and_the_brief_one_until_the_retry_succeeds() -> None:
    tracker = SaveTracker("w-")
    job = tracker.new_job("answer:ana")
    failed = tracker.result(job, FileNotSavedError(ANSWERS, FULL))
    assert failed.label == "not saved"
    assert failed.error == f"cannot save {ANSWERS}: {FULL}" and failed.brief == f"{FULL} · p7k2m9qa.json"
    assert tracker.new_job("answer:ben")  # a save queued behind it keeps the failure shown
    assert tracker.status.brief == failed.brief
    assert tracker.mark("answer:ana") is Mark.FAILED
    tracker.result(job, None)
    assert tracker.status == SaveStatus(pending=1) and tracker.mark("answer:ana") is Mark.SAVED


def test_a_save_queued_behind_a_failing_one_is_marked_not_saved_until_the_failing_one_succeeds() -> None:
    """The writer saves in order and retries the failing save first: what waits behind it cannot reach the disk
    either, so it is marked as not saved (``!``), not as merely queued (``…``)."""
    tracker = SaveTracker("w-")
    state = tracker.new_job("state")
    ana = tracker.new_job("answer:ana")
    assert tracker.mark("answer:ana") is Mark.PENDING  # queued while nothing fails
    tracker.result(state, FileNotSavedError(ANSWERS.with_name("state.json"), FULL))
    assert tracker.mark("answer:ana") is Mark.FAILED
    assert tracker.new_job("answer:ben") and tracker.mark("answer:ben") is Mark.FAILED  # queued during the outage
    tracker.result(state, None)  # the disk takes the first save again: the rest is only queued
    assert tracker.mark("state") is Mark.SAVED
    assert tracker.mark("answer:ana") is Mark.PENDING and tracker.mark("answer:ben") is Mark.PENDING
    assert tracker.status == SaveStatus(pending=2)
    tracker.result(ana, None)
    assert tracker.mark("answer:ana") is Mark.SAVED


def test_a_retry_that_succeeds_clears_the_failure_though_the_record_has_another_save_queued() -> None:
    tracker = SaveTracker("w-")
    first = tracker.new_job("answer:ana")
    tracker.new_job("answer:ana")  # changed again while the first save was failing
    tracker.result(first, OSError(errno.ENOSPC, FULL))
    assert tracker.mark("answer:ana") is Mark.FAILED and tracker.status.label == "not saved"
    tracker.result(first, None)
    assert tracker.mark("answer:ana") is Mark.PENDING
    assert tracker.status == SaveStatus(pending=1)
