"""Which day a moment belongs to on the facilitator's calendar: the console's "Day 2" and the summary's dates count
days by the same rule, so they never disagree (a flow and a store both read it; it imports neither)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from bootcamp.clock import utc_offset_minutes

# A facilitator's day turns at 04:00, not at midnight: an evening session run until 00:30 belongs to the evening
# before, so 00:30 to 08:30 is a night between though the calendar's date is the same.
DAY_TURNS_AT_HOURS = 4

RoomDay = tuple[float, int | None]  # a day's start (epoch seconds) and the room's offset from UTC then, in minutes


def facilitators_date(epoch: float, utc_offset: int | None = None) -> date:
    """The day ``epoch`` belongs to on the facilitator's calendar: the date, the small hours counted to the day before.
    The room's calendar when ``utc_offset`` (minutes ahead of UTC, as its clock was then) is known, so a day run in
    London keeps its date when it is reread in New York; else this machine's."""
    if utc_offset is None:
        moment = datetime.fromtimestamp(epoch)
    else:
        moment = datetime.fromtimestamp(epoch, tz=timezone(timedelta(minutes=utc_offset)))
    return (moment - timedelta(hours=DAY_TURNS_AT_HOURS)).date()


def wall_seconds(since: float, now: float) -> float:
    """Seconds from ``since`` to ``now`` as this machine's wall clock reads them: the night the clocks go back, a pause
    from 01:30 to 06:30 is five hours, as the room sees it, though six went by (the night they go forward, four)."""
    return (datetime.fromtimestamp(now) - datetime.fromtimestamp(since)).total_seconds()


def on_room_clock(epoch: float, days: Sequence[RoomDay]) -> datetime:
    """``epoch`` on the room's clock of the day it falls in (the first day's, before it started), as the summary reads
    a note (summary/room_clock.py): this machine's clock when its offset was the room's then, or the day kept none."""
    started_before = [day for day in days if day[0] <= epoch]
    start, offset = started_before[-1] if started_before else days[0] if days else (epoch, None)
    if offset is None or offset == utc_offset_minutes(start):
        return datetime.fromtimestamp(epoch).astimezone()
    return datetime.fromtimestamp(epoch, tz=timezone(timedelta(minutes=offset)))


def zone_said(moment: datetime) -> str:
    """The zone of ``moment`` (on the room's clock) when this machine's clock read otherwise then, "UTC+1", "UTC-5",
    "UTC+5:30" or "UTC"; "" when they agree, as on a laptop that stayed in the room."""
    offset = moment.utcoffset()
    if offset is None or offset == datetime.fromtimestamp(moment.timestamp()).astimezone().utcoffset():
        return ""
    minutes = round(offset.total_seconds() / 60)
    hours, rest = divmod(abs(minutes), 60)
    return "UTC" if not minutes else f"UTC{'+' if minutes > 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")


def room_clock_time(epoch: float, days: Sequence[RoomDay]) -> str:
    """``epoch`` as "08:30" on the room's clock, its zone said when this machine's clock reads otherwise: a day run in
    London reads "08:30 UTC" on a laptop that flew to New York, not "03:30"."""
    moment = on_room_clock(epoch, days)
    zone = zone_said(moment)
    return f"{moment:%H:%M} {zone}" if zone else f"{moment:%H:%M}"
