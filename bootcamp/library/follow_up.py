"""Following up actions across workshops: every open action, in the order to chase them, and marking one
done or dropped (no Textual).

Marking is done as a short-lived owner: the workshop is taken with its owner lock for the moment of the
change (``Store.owned``), the action changed as the console changes it (checked by
:class:`~bootcamp.checks.RecordChecks`, saved as an id-keyed edit of ``room.json``), and let go. While a
console holds the workshop it is refused with :class:`~bootcamp.store.owner_lock.WorkshopBusy`, whose
text says in one sentence who holds it; nothing is written.

:func:`open_actions` reads the workshop folders directly until the library index serves the same list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from bootcamp.checks import RecordChecks, refuse
from bootcamp.clock import Clock
from bootcamp.errors import UserError
from bootcamp.store import edits
from bootcamp.store.model import Action, ActionStatus
from bootcamp.store.store import Store

OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.DOING)
CLOSING_STATUSES = (ActionStatus.DONE, ActionStatus.DROPPED)
PURPOSE = "bootcamp actions view"


@dataclass(frozen=True)
class OpenAction:
    """An action still to do (open or doing) and the workshop that agreed it."""

    workshop_id: str
    workshop_name: str
    organisation: str
    workshop_date: str
    action: Action


def overdue(item: OpenAction, today: date) -> bool:
    """Due before ``today`` and still open."""
    return bool(item.action.due) and item.action.due < today.isoformat()


def open_actions(
    store: Store, clock: Clock | None = None, organisation: str | None = None, *, problems: list[str] | None = None
) -> list[OpenAction]:
    """Every open or doing action of every readable workshop (of ``organisation`` only, when given), newest
    workshop first. A workshop whose room cannot be read is left out and said in ``problems``."""
    del clock  # the library index's signature; reading the folders needs no time
    listing = store.scan_workshops()
    if problems is not None:
        problems.extend(str(problem) for problem in listing.problems)
    found: list[OpenAction] = []
    for info in listing.workshops:
        if organisation is not None and info.organisation != organisation:
            continue
        try:
            room = store.open(info.id, sweep=False).room()
        except UserError as error:
            if problems is not None:
                problems.append(str(error))
            continue
        found.extend(
            OpenAction(info.id, info.name, info.organisation, info.date, action)
            for action in room.actions
            if action.status in OPEN_STATUSES
        )
    return found


def follow_up_order(actions: Iterable[OpenAction], today: date) -> list[OpenAction]:
    """Overdue first (due before ``today``), then by due date, undated last; ties by workshop date, newest first."""
    by_workshop = sorted(actions, key=lambda item: (item.workshop_date, item.workshop_id), reverse=True)
    return sorted(by_workshop, key=lambda item: (not overdue(item, today), not item.action.due, item.action.due))


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


def local_today(clock: Clock) -> date:
    """The local date: actions due before it are overdue."""
    return datetime.fromtimestamp(clock.now()).date()
