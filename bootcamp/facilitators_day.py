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
