"""What an action's fields may hold: a due date written YYYY-MM-DD (or said in words the form turns into one), and the
order statuses cycle through.

Pure rules the console's action form and table use; no Textual here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bootcamp.dates import parse_date
from bootcamp.errors import UserError
from bootcamp.store.model import ActionStatus

STATUS_ORDER = (ActionStatus.OPEN, ActionStatus.DOING, ActionStatus.DONE, ActionStatus.DROPPED)


def next_status(status: ActionStatus) -> ActionStatus:
    """open → doing → done → dropped → open again."""
    return STATUS_ORDER[(STATUS_ORDER.index(status) + 1) % len(STATUS_ORDER)]


def due_problem(text: str) -> str | None:
    """Why ``text`` is not a due date (one line, for the form), or None when it is one or is left empty."""
    if not text.strip():
        return None
    try:
        parse_date(text.strip(), what="Due date")
    except UserError as error:
        return f"{error}."
    return None


def what_problem(text: str) -> str | None:
    return None if text.strip() else "Say what will be done."


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_IN_SO_MANY = re.compile(r"^(?:in\s+)?\+?\s*(\d{1,3})\s*(d|days?|w|wks?|weeks?)$")


def due_from_words(text: str, today: date) -> date | None:
    """The day a due date said in words names, as a room says them: "today", "tomorrow", "friday" or "next friday"
    (the coming one, never today), "in 2 weeks", "3 days", "+10d"; None for anything else. The form shows the day
    before it saves it, so "next friday" read the other way is seen, not stored."""
    words = " ".join(text.lower().replace(".", " ").split())
    if words == "today":
        return today
    if words == "tomorrow":
        return today + timedelta(days=1)
    day = words.removeprefix("next ").removeprefix("this ")
    for number, name in enumerate(_WEEKDAYS):
        if day in (name, name[:3]):
            return today + timedelta(days=(number - today.weekday() - 1) % 7 + 1)
    if match := _IN_SO_MANY.match(words):
        count = int(match[1])
        return today + timedelta(days=count * (7 if match[2].startswith("w") else 1))
    return None


_SO_MANY_AGO = re.compile(r"^(\d{1,3}|a|an|one)\s*(d|days?|w|wks?|weeks?)\s+ago$")
_DATE_SHAPED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def closed_day(text: str, today: date, *, agreed_on: str = "") -> date:
    """The day an action was really done or dropped, as a CCO catching up says it: "today", "yesterday", "friday"
    or "last friday" (the one before today), "3 days ago", "2 weeks ago", or YYYY-MM-DD; empty is today.

    A UserError in one sentence for anything else, for a day after ``today`` and for one before ``agreed_on``
    (the workshop's date, YYYY-MM-DD): an action is not closed before the room agreed it."""
    words = " ".join(text.lower().replace(".", " ").split())
    day: date | None = None
    if words in ("", "today"):
        day = today
    elif words in ("yesterday", "tomorrow"):  # tomorrow is read to be refused as a day that has not come
        day = today + timedelta(days=1 if words == "tomorrow" else -1)
    elif match := _SO_MANY_AGO.match(words):
        count = 1 if match[1] in ("a", "an", "one") else int(match[1])
        day = today - timedelta(days=count * (7 if match[2].startswith("w") else 1))
    else:
        weekday = words.removeprefix("last ").removeprefix("on ")
        for number, name in enumerate(_WEEKDAYS):
            if weekday in (name, name[:3]):
                day = today - timedelta(days=(today.weekday() - number - 1) % 7 + 1)
    if day is None and not _DATE_SHAPED.fullmatch(words):
        raise UserError(f"{text.strip()!r} is not a day: write YYYY-MM-DD, yesterday, a weekday or \"3 days ago\"")
    if day is None:
        day = parse_date(words, what="the day")
    if day > today:
        raise UserError(f"{day.isoformat()} has not come yet (today is {today.isoformat()})")
    try:
        agreed = date.fromisoformat(agreed_on) if agreed_on else None
    except ValueError:
        agreed = None
    if agreed is not None and day < agreed:
        raise UserError(f"{day.isoformat()} is before the workshop that agreed the action ({agreed.isoformat()})")
    return day
