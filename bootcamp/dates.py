"""Dates typed by people (a workshop's date, an action's due date): YYYY-MM-DD and a real day, nothing else.

One check for the CLI, the forms and the store, so a date one of them takes the others take too.
``date.fromisoformat`` alone is not enough: since Python 3.11 it also reads ``20261205`` and
``2026-W49-6``, which the rest of the app would show as typed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bootcamp.errors import UserError

EXAMPLE = "2026-12-05"
_YYYY_MM_DD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: str, *, what: str) -> date:
    """The day ``text`` names (blanks around it ignored), or a UserError in one sentence.

    ``what`` names the field as the sentence begins, e.g. "the workshop date":
    ``the workshop date '12/5' is not a date: use YYYY-MM-DD, e.g. 2026-12-05``, and for a day
    the calendar does not have, shorter (it fits under a form's field, as the form's own check did):
    ``the workshop date '2026-02-30' is not a real date (YYYY-MM-DD)``.
    """
    written = text.strip()
    if not _YYYY_MM_DD.fullmatch(written):
        raise UserError(f"{what} {text!r} is not a date: use YYYY-MM-DD, e.g. {EXAMPLE}")
    try:
        return date.fromisoformat(written)
    except ValueError:
        raise UserError(f"{what} {text!r} is not a real date (YYYY-MM-DD)") from None


def spoken_day(day: date) -> str:
    """"Friday 11 December 2026": a day said in words turned into the date it means, shown before it is kept."""
    return f"{day:%A} {day.day} {day:%B %Y}"


DUE_AFTER = timedelta(weeks=2)


def due_example(workshop_date: str) -> str:
    """An example due date for an action: two weeks after the workshop (``EXAMPLE`` when its date is unreadable)."""
    try:
        day = parse_date(workshop_date, what="the workshop date")
    except UserError:
        return EXAMPLE
    return (day + DUE_AFTER).isoformat()


FAR_AHEAD_DAYS = 300  # the next run is often planned months ahead; a year ahead is most often a mistyped year


def far_date_warning(day: str, today: str) -> str | None:
    """A warning when ``day`` (YYYY-MM-DD) is months after ``today``: a run dated next year by mistake sorts as the
    newest, is compared with as the latest earlier run and judges every action's due date against the wrong day."""
    ahead = (date.fromisoformat(day) - date.fromisoformat(today)).days
    if ahead <= FAR_AHEAD_DAYS:
        return None
    return f"{day} is {ahead} days from today ({today}): check the year"


def days_span(first: str, days: tuple[str, ...] | list[str] = ()) -> str:
    """A workshop's date as a list shows it: ``first`` for one day; the first and last day it met on for more,
    sharing what they share: "2026-09-21–22", "2026-09-30–10-01", "2026-12-31–2027-01-01". ``days`` are ISO dates,
    oldest first (WorkshopState.days_met); the summary names each one ("2026-09-21 and 2026-09-22")."""
    if len(days) < 2:
        return first
    start, end = days[0], days[-1]
    if start[:7] == end[:7]:
        return f"{start}–{end[8:]}"
    if start[:4] == end[:4]:
        return f"{start}–{end[5:]}"
    return f"{start}–{end}"
