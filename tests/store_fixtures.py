"""Fixtures shared by the store's and the library's tests: the fixture content, a fixed clock, a store on a
temporary folder, the facilitator's calendar in UTC (a plugin of tests/conftest.py); a workshop made to have met on
two days; a disk that fills and empties on cue."""

from __future__ import annotations

import dataclasses
import errno
import os
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.store import Store
from bootcamp.store.model import WorkshopDay

FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"


@pytest.fixture(scope="session")
def sources() -> dict[str, str]:
    return read_sources(FIXTURE_CONTENT)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Store:
    return Store(tmp_path / "data", clock)


@pytest.fixture
def utc_calendar(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The facilitator's calendar is UTC, so "the next morning" and a note's local time are the same on every
    machine; a test may set another zone inside it (tzset again), undone after."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def met_on_two_days(store: Store, workshop_id: str) -> None:
    """The workshop's state as after a day on 2026-09-21 from 9 o'clock and a second started the next morning (read
    with ``utc_calendar``: its days are then "2026-09-21" and "2026-09-22")."""
    first = datetime(2026, 9, 21, 9).timestamp()
    with store.owned(workshop_id, purpose="test") as files:
        files.update_state(
            lambda s: dataclasses.replace(s, earlier_days=(WorkshopDay(first, 240, 250),), day_started_at=first + 86400)
        )


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Set: every file the store writes is refused as by a full disk; cleared: the disk has room again. The store's
    own error, with the real file's path, reaches the console and the phones as it would from a full disk."""
    from bootcamp.store import jsonfile

    full = threading.Event()
    write = jsonfile.replace_durably

    def refused_while_full(path: Path, data: bytes) -> None:
        if full.is_set():
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write(path, data)

    monkeypatch.setattr(jsonfile, "replace_durably", refused_while_full)
    return full
