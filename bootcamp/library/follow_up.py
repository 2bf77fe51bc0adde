"""Following up actions across workshops: marking one done or dropped, and when one is overdue (no Textual).

Marking is done as a short-lived owner: the workshop is taken with its owner lock for the moment of the
change (``Store.owned``), the action changed as the console changes it (checked by
:class:`~bootcamp.checks.RecordChecks`, saved as an id-keyed edit of ``room.json``), and let go. While a
console holds the workshop it is refused with :class:`~bootcamp.store.owner_lock.WorkshopBusy`, whose
text says in one sentence who holds it; nothing is written.

The list of open actions comes from the library index (:meth:`bootcamp.library.Library.open_actions`).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from bootcamp.checks import RecordChecks, refuse
from bootcamp.errors import UserError
from bootcamp.library.model import OpenAction
from bootcamp.store import edits
from bootcamp.store.model import Action, ActionStatus
from bootcamp.store.store import Store

CLOSING_STATUSES = (ActionStatus.DONE, ActionStatus.DROPPED)
PURPOSE = "bootcamp actions view"


def overdue(item: OpenAction, today: date) -> bool:
    """Due before ``today`` and still open."""
    return bool(item.action.due) and item.action.due < today.isoformat()


def mark_action(store: Store, workshop_id: str, action_id: str, status: ActionStatus, day: date) -> Action:
    """Mark one action done or dropped on ``day``, as the workshop's owner for the moment of the change.

    WorkshopBusy while a console (or a command) holds the workshop; UserError, in one sentence, when the
    action is no longer there or the status is not one that closes an action. Nothing is written then.
    """
    if status not in CLOSING_STATUSES:
        raise UserError(f"an action is marked done or dropped here, not {status.value}")
    with store.owned(workshop_id, purpose=PURPOSE) as files:
        info = files.info()
        action = next((a for a in files.room().actions if a.id == action_id), None)
        if action is None:
            raise UserError(f"action {action_id!r} is no longer in workshop {info.name!r} ({workshop_id})")
        marked = dataclasses.replace(action, status=status, status_at=day.isoformat())
        refuse("the action was not marked", RecordChecks(files.program(), info).action(marked))
        files.update_room(edits.put_action(marked))
        return marked
