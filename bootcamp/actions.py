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
