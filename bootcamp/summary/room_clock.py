"""A stored moment on the room's clock: a note written at 18:42 in the London room reads 18:42 wherever the summary is
read (not 13:42 in New York, nor "the next day 07:42" in Auckland), as its days keep the room's dates.

Moments are stored in UTC; each day of the workshop keeps the room's offset from UTC with its start
(:attr:`WorkshopState.day_utc_offset`). A moment is read at the offset of the day it falls in. A reader whose own
clock had that offset then is taken to be in the room's zone and reads their own clock, which also knows a change
of the clocks within the day; so does a day kept without its offset (by a bootcamp from before it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bootcamp.facilitators_day import RoomDay, on_room_clock
from bootcamp.store.model import WorkshopState

__all__ = ["RoomDay", "room_days", "room_moment", "room_when"]


def room_days(state: WorkshopState) -> tuple[RoomDay, ...]:
    """The workshop's days, oldest first, each with the room's offset when it started; none before it started."""
    days = [(day.started_at, day.utc_offset) for day in state.earlier_days]
    if state.day_started_at is not None:
        days.append((state.day_started_at, state.day_utc_offset))
    return tuple(days)


def room_moment(moment: datetime, days: Sequence[RoomDay]) -> datetime:
    """``moment`` (aware) on the room's clock of the day it falls in (the first day's, before it started): the rule
    the console's day clock reads by too (:func:`bootcamp.facilitators_day.on_room_clock`)."""
    return on_room_clock(moment.timestamp(), days)


def room_when(at: str, workshop_date: str, days: Sequence[RoomDay] = ()) -> str:
    """A stored UTC time on the room's clock: "14:05" on the workshop's date, else with the date; "" if none.

    A day without a time (a paper answer imported without one is dated with the workshop's date) is no moment to
    move to another clock: its date alone, and nothing on the workshop's date."""
    if len(at) == 10 and at[4:5] == "-" and at[7:8] == "-":
        return "" if at == workshop_date else at
    try:
        moment = room_moment(datetime.fromisoformat(at), days)
    except (TypeError, ValueError):
        return ""
    day, clock = moment.date().isoformat(), f"{moment.hour:02d}:{moment.minute:02d}"  # strftime: 3× the time
    return clock if day == workshop_date else f"{day} {clock}"
