"""Which day a moment belongs to on the facilitator's calendar: the console's "Day 2" and the summary's dates count
days by the same rule, so they never disagree (a flow and a store both read it; it imports neither)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

# A facilitator's day turns at 04:00, not at midnight: an evening session run until 00:30 belongs to the evening
# before, so 00:30 to 08:30 is a night between though the calendar's date is the same.
DAY_TURNS_AT_HOURS = 4


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
