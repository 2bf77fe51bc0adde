"""The one notification a live workshop sends: what changed, its version and the save status.

Front ends redraw from it; none of them keeps its own copy of the save status. A room answering from
their phones at once sends dozens a second: :class:`RedrawBatch` lets a front end draw those a few
times a second instead, and the console's own changes at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bootcamp.live.actors import Actor
from bootcamp.live.saving import SaveStatus


class Part(StrEnum):
    """Which part of the workshop a change touched, so a view redraws only what it shows."""

    POSITION = "position"  # where the room is: the step, timers, reveals, blank, private entry
    RECORDS = "records"  # answers, notes, role lines, the Poker deal and notes, actions
    ROSTER = "roster"  # who is in the room
    SAVING = "saving"  # only how the saves stand


@dataclass(frozen=True)
class Change:
    """What one change to the live workshop touched, its version, the saves as they stand, and who made it."""

    parts: frozenset[Part]
    version: int  # grows with every change to the workshop (a save result leaves it as it was)
    save_status: SaveStatus
    by: Actor | None = None  # None for a writer's result

    def touches(self, *parts: Part) -> bool:
        return not self.parts.isdisjoint(parts)

    def then(self, later: Change) -> Change:
        """This change and a later one as one: what either touched, as things stand after the later one."""
        return Change(self.parts | later.parts, later.version, later.save_status, later.by)


Listener = Callable[[Change], None]


class RedrawBatch:
    """Phones' changes held for the next redraw, merged into one.

    A phone's change is held; so is a save's result that comes soon after one (it belongs to the same
    burst). Anything else (the console's own change) is drawn at once, with whatever was held.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds  # how long a change may wait for its redraw
        self._held: Change | None = None
        self._until = 0.0  # until when a save's result joins the held changes

    def hold(self, change: Change, now: float) -> bool:
        """Hold ``change`` if it is a phone's (or its save's result): True then, and it waits for :meth:`take`."""
        by_phone = change.by is not None and change.by.kind == "phone"
        if not (by_phone or (change.by is None and now < self._until)):
            return False
        self._held = change if self._held is None else self._held.then(change)
        if by_phone:
            self._until = now + 2 * self.seconds
        return True

    @property
    def holding(self) -> bool:
        return self._held is not None

    def take(self, then: Change | None = None) -> Change | None:
        """What was held (and ``then`` after it) as one change; nothing is held afterwards."""
        held, self._held = self._held, None
        if held is None:
            return then
        return held if then is None else held.then(then)
