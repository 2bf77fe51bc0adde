"""What an action's fields may hold: a due date written YYYY-MM-DD, and the order statuses cycle through.

Pure rules the console's action form and table use; no Textual here.
"""

from __future__ import annotations

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
