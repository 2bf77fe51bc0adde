"""Fixtures shared by the store's and the library's tests: the fixture content, a fixed clock, a store on a
temporary folder, the facilitator's calendar in UTC (a plugin of tests/conftest.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import read_sources
from bootcamp.store import Store

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
