"""Every open action of the library, in the order a CCO follows them up (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bootcamp.library.model import LibraryRow, OpenAction
from bootcamp.store.workshop_info import ActionStatus

STILL_OPEN = (ActionStatus.OPEN, ActionStatus.DOING)


def open_actions(rows: Iterable[LibraryRow], today: date) -> list[OpenAction]:
    """Actions still open or under way: overdue first (due before ``today``), then by due date, undated last.

    (An overdue date is always before a date still to come, so that is the order of the due dates.)
    Ties keep the rows' order (newest workshop first) and each workshop's own order.
    """
    found = [
        OpenAction(row.info.id, row.info.name, row.info.organisation, row.info.date, action, row.days)
        for row in rows
        for action in row.actions
        if action.status in STILL_OPEN
    ]
    day = today.isoformat()

    def order(item: OpenAction) -> tuple[int, str]:
        due = item.action.due
        if not due:
            return (2, "")
        return (0 if due < day else 1, due)

    return sorted(found, key=order)
