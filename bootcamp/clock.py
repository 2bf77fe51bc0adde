"""Time as a dependency, so timers, the day clock and snapshots can be tested with a fixed clock."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.time()


@dataclass
class FixedClock:
    """A clock that moves only when told: for tests and snapshots."""

    at: float = 1_790_000_000.0  # 2026-09-21, a Monday morning UTC

    def now(self) -> float:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += seconds


def local_today(clock: Clock) -> date:
    """The date where the app runs: actions due before it are overdue, and a status changed is dated with it."""
    return datetime.fromtimestamp(clock.now()).date()


def iso(epoch: float) -> str:
    """An answer's timestamp: ISO 8601 in UTC, to the second."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).isoformat(timespec="seconds")
