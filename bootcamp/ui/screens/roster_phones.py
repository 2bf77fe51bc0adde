"""People's phone keys: who waits is let in (y, Y) or turned away (n), and a seat a phone holds is freed (p).

Part of :class:`~bootcamp.ui.screens.roster.RosterScreen`, whose bindings name these actions and whose list
shows what they did (:class:`~bootcamp.ui.widgets.waiting_table.WaitingTable` shows who waits).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from bootcamp.errors import UserError
from bootcamp.ui.widgets.waiting_table import WaitingTable

if TYPE_CHECKING:
    from bootcamp.join.seats import Waiting

# The roster's bindings for these keys, among its own (y, Y, n and p, in the order its help lists them).
PHONE_KEYS = [
    Binding("y", "let_in", "Let in", tooltip="Let in who waits (highlighted, else first): their phone holds the seat"),
    Binding(
        "Y",
        "let_in_new",
        "Let in as new",
        show=False,
        tooltip="Let in who waits as a new person, named as typed, even if someone (removed) has that name",
    ),
    Binding("n", "turn_away", "Turn away", tooltip="Turn away who waits (the highlighted, else the first)"),
    Binding(
        "p",
        "free_seat",
        "Free phone seat",
        show=False,
        tooltip="Free the highlighted person's seat from their phone (another phone may take it)",
    ),
]


class LetsPhonesIn:
    """The roster's keys for phones while joining is on; they show only when they can act."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.second_of_a_name = ""  # the waiting id whose name is taken on the roster, once y warned of it

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        joining = self.bootcamp.joining
        if action in ("let_in", "let_in_new", "turn_away"):
            return joining is not None and bool(joining.waiting)  # the keys show while someone waits
        if action == "free_seat":
            return joining is not None
        return True

    def _waiting_one(self) -> Waiting | None:
        """Who ``y`` and ``n`` act on: the highlighted one in the waiting list, else the first to ask."""
        joining = self.bootcamp.joining
        waiting = joining.waiting if joining is not None else ()
        table = self.query_one(WaitingTable)
        chosen = table.current_id() if table.has_focus else None
        return next((w for w in waiting if w.id == chosen), waiting[0] if waiting else None)

    def action_let_in(self) -> None:
        joining, person = self.joining, self._waiting_one()
        if joining is None or person is None:
            return
        namesakes = joining.server.namesakes(person)
        taken = [p for p in namesakes if p.id in joining.server.joined]
        if namesakes and len(taken) == len(namesakes) and self.second_of_a_name != person.id:
            # One person's answers would split across two rows if this is the same person on a second phone.
            self.second_of_a_name = person.id
            seat = taken[0]
            self.notify(
                f"P{seat.number} {seat.display_name} is on the roster and their seat is on a phone already. "
                f"y again adds a second {person.name}; n turns this one away; "
                f"p on P{seat.number} frees the seat (then y gives it to this phone).",
                title="Same name",
                severity="warning",
                timeout=20,
                markup=False,
            )
            return
        self.second_of_a_name = ""
        before = {p.id for p in self.workshop.info.participants}
        restoring = not namesakes and bool(joining.server.namesakes(person, removed=True))
        try:
            added = joining.server.admit(person.id)
        except UserError as refused:
            self.notify(str(refused), title="Not let in", severity="error", markup=False)
            return
        self.bootcamp.show_joining()
        if added.id in before and restoring:
            said = f"{added.display_name} is back, with their answers: their phone holds P{added.number}'s seat."
            self.notify(said, markup=False)
        elif added.id in before:
            said = f"{person.name} is in: their phone holds P{added.number} {added.display_name}'s seat."
            self.notify(said, markup=False)
        else:
            self.notify(f"{added.display_name} is in: their phone holds the new seat.", markup=False)

    def action_let_in_new(self) -> None:
        """A new person whatever the roster says (a second Gina Rossi), named as typed; warned of any namesake."""
        joining, person = self.joining, self._waiting_one()
        if joining is None or person is None:
            return
        self.second_of_a_name = ""
        namesakes = [*joining.server.namesakes(person), *joining.server.namesakes(person, removed=True)]
        try:
            added = joining.server.admit(person.id, new=True)
        except UserError as refused:
            self.notify(str(refused), title="Not let in", severity="error", markup=False)
            return
        self.bootcamp.show_joining()
        said = f"{added.display_name} is in as a new person, P{added.number}"
        if not namesakes:
            self.notify(said + ": their phone holds the new seat.", markup=False)
            return
        other = namesakes[0]
        how = ", removed, has this name too (u restores them)." if other.removed else " has this name too."
        self.notify(said + f"; P{other.number} {other.display_name}{how}", severity="warning", markup=False, timeout=10)

    def action_turn_away(self) -> None:
        joining, person = self.joining, self._waiting_one()
        if joining is None or person is None:
            return
        try:
            joining.server.turn_away(person.id)
        except UserError:  # they went away meanwhile (asked again, or took a seat)
            return
        self.bootcamp.show_joining()
        who = person.name or "someone without a seat"
        self.notify(f"Turned away {who}: their phone says so, and may ask again.", markup=False)

    def action_free_seat(self) -> None:
        joining, person = self.joining, self.highlighted()
        if joining is None or person is None:
            return
        if joining.server.release(person.id):
            self.bootcamp.show_joining()
            if self.workshop.info.anonymous:  # no name to pick: the next phone to take a seat gets this one
                said = f"{person.display_name}'s seat is free: the next phone to take a seat gets it, with its answers."
            else:
                said = f"{person.display_name}'s seat is free: their phone picks again."
            self.notify(said, markup=False)
        else:
            self.notify(f"No phone holds {person.display_name}'s seat.", markup=False)
