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

    def monotonic(self) -> float:
        """Seconds from some start, moving only while the machine runs: not while it sleeps (CLOCK_MONOTONIC on Linux
        and macOS) and not when the wall clock is set. Only differences between two readings mean anything."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


@dataclass
class FixedClock:
    """A clock that moves only when told: for tests and snapshots."""

    at: float = 1_790_000_000.0  # 2026-09-21, a Monday morning UTC
    jumped: float = 0.0  # wall seconds that monotonic time did not count (:meth:`jump`)

    def now(self) -> float:
        return self.at

    def monotonic(self) -> float:
        # Follows the wall clock (``at`` set or advanced) but for its jumps.
        return self.at - self.jumped

    def advance(self, seconds: float) -> None:
        self.at += seconds

    def jump(self, seconds: float) -> None:
        """The wall clock moves and monotonic time does not: a laptop asleep with its lid closed, or a clock set right
        by NTP (back, when ``seconds`` is negative)."""
        self.at += seconds
        self.jumped += seconds


# Wall time and monotonic time part by more than this between two ticks: the laptop slept, or its clock was set.
# A second or two is a tick late, or NTP slewing; a minute is time the room did not spend with a clock running.
CLOCK_JUMP_SECONDS = 60.0


@dataclass(frozen=True)
class Reading:
    """The wall clock and the monotonic clock read together (at a tick)."""

    wall: float
    steady: float

    @classmethod
    def of(cls, clock: Clock) -> Reading:
        return cls(clock.now(), clock.monotonic())

    def jumped_to(self, later: Reading) -> float:
        """Wall seconds from this reading to ``later`` that monotonic time did not count: ahead (the laptop slept, or
        its clock was set ahead) or back (below 0: set back); 0.0 when within ``CLOCK_JUMP_SECONDS``."""
        jumped = (later.wall - self.wall) - (later.steady - self.steady)
        return jumped if abs(jumped) > CLOCK_JUMP_SECONDS else 0.0


def local_today(clock: Clock) -> date:
    """The date where the app runs: actions due before it are overdue, and a status changed is dated with it."""
    return datetime.fromtimestamp(clock.now()).date()


def utc_offset_minutes(epoch: float) -> int:
    """How far this machine's clock is ahead of UTC at ``epoch``, in minutes (London in summer 60, New York in winter
    -300): kept with a day's start, so the room's dates and times read the same wherever the workshop is reread."""
    offset = datetime.fromtimestamp(epoch).astimezone().utcoffset()
    return round(offset.total_seconds() / 60) if offset is not None else 0


def iso(epoch: float) -> str:
    """An answer's timestamp: ISO 8601 in UTC, to the second."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).isoformat(timespec="seconds")
