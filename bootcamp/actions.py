"""What an action's fields may hold: a due date written YYYY-MM-DD, and the order statuses cycle through.

Pure rules the console's action form and table use; no Textual here.
"""

from __future__ import annotations

from datetime import date

from bootcamp.store.model import ActionStatus

STATUS_ORDER = (ActionStatus.OPEN, ActionStatus.DOING, ActionStatus.DONE, ActionStatus.DROPPED)


def next_status(status: ActionStatus) -> ActionStatus:
    """open → doing → done → dropped → open again."""
    return STATUS_ORDER[(STATUS_ORDER.index(status) + 1) % len(STATUS_ORDER)]


def due_problem(text: str) -> str | None:
    """Why ``text`` is not a due date (one line, for the form), or None when it is one or is left empty."""
    text = text.strip()
    if not text:
        return None
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is None or len(text) != 10 or parsed.isoformat() != text:
        return f"Due date {text!r} is not YYYY-MM-DD (e.g. 2026-10-30)."
    return None


def what_problem(text: str) -> str | None:
    return None if text.strip() else "Say what will be done."
