"""Which day a moment belongs to on the facilitator's calendar: the console's "Day 2" and the summary's dates count
days by the same rule, so they never disagree (a flow and a store both read it; it imports neither)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

# A facilitator's day turns at 04:00, not at midnight: an evening session run until 00:30 belongs to the evening
# before, so 00:30 to 08:30 is a night between though the calendar's date is the same.
DAY_TURNS_AT_HOURS = 4


def facilitators_date(epoch: float) -> date:
    """The day ``epoch`` belongs to on the facilitator's calendar (this machine's): the date, the small hours counted
    to the day before."""
    return (datetime.fromtimestamp(epoch) - timedelta(hours=DAY_TURNS_AT_HOURS)).date()
