"""The one notification a live workshop sends: what changed, its version and the save status.

Front ends redraw from it; none of them keeps its own copy of the save status.
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
    parts: frozenset[Part]
    version: int  # grows with every change to the workshop (a save result leaves it as it was)
    save_status: SaveStatus
    by: Actor | None = None  # None for a writer's result

    def touches(self, *parts: Part) -> bool:
        return not self.parts.isdisjoint(parts)


Listener = Callable[[Change], None]
