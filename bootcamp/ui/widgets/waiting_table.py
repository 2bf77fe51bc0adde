"""The phones' waiting list on People: who asked from their phone to be let in, and any roster name they share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from bootcamp.ui.phones import PHONE
from bootcamp.ui.text import joined, one_line, plain
from bootcamp.ui.widgets.table import SteadyTable

if TYPE_CHECKING:
    from bootcamp.join.console import ConsoleJoining
    from bootcamp.join.seats import Waiting

WAITING_NAME_WIDTH = 40
# After a waiting name that is a roster name too: a phone holds that seat (y asks twice before adding a second
# person of that name), or the seat is free by now (y gives it to this phone).
SAME_NAME_TAKEN = "⚠ {seat} has this name"
SAME_NAME_FREE = "→ {seat}'s free seat"
# Nobody present has the name, someone removed does: y brings them back for this phone (Y: a new person anyway).
SAME_NAME_REMOVED = "↺ {seat} removed: y restores"


class WaitingTable(SteadyTable[Text]):
    """People who asked from their phones to be let in, first come first."""

    DEFAULT_CSS = """
    WaitingTable {
        height: auto;
        max-height: 8;
        margin: 0 0 1 0;
        border: round $warning;
        border-title-color: $text;
        &:focus { border: round $primary; }
    }
    """

    def __init__(self) -> None:
        super().__init__(id="waiting", cursor_type="row")

    def on_mount(self) -> None:
        self.add_column("", key="phone", width=2)
        self.add_column("Asked to be let in", key="name", width=WAITING_NAME_WIDTH)

    def show(self, waiting: tuple[Waiting, ...], same_names: dict[str, str]) -> None:
        """``same_names``: waiting id → what ``y`` would do to a roster name they share (shown after their name)."""
        keep = self.current_id()
        with self.app.batch_update():
            self.clear()
            for number, person in enumerate(waiting, start=1):
                note = same_names.get(person.id, "")
                width = WAITING_NAME_WIDTH - (len(note) + 2 if note else 0)
                if person.name:
                    name = plain(one_line(person.name, width))
                else:
                    name = plain(f"someone without a seat ({number})", "italic")
                if note:
                    name = joined(name, "  ", (note, "bold yellow"))
                self.add_row(PHONE, name, key=person.id)
            ids = [w.id for w in waiting]
            if keep in ids:
                self.move_cursor(row=ids.index(keep), animate=False)
        title = f"Waiting to be let in ({len(waiting)}) · y lets in · n turns away"
        if same_names:  # someone has their name: a new person anyway is one key away
            title += " · Y as a new person"
        self.border_title = title

    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key((self.cursor_row, 0))
        return row_key.value


def namesake_notes(joining: ConsoleJoining | None, waiting: tuple[Waiting, ...]) -> dict[str, str]:
    """Waiting id → what ``y`` would do to a roster name they share (:meth:`WaitingTable.show` says it)."""
    if joining is None:
        return {}
    said = {}
    for person in waiting:
        namesakes = joining.server.namesakes(person)
        removed = joining.server.namesakes(person, removed=True)
        if namesakes:
            free = [p for p in namesakes if p.id not in joining.server.joined]
            seat = f"P{(free or namesakes)[0].number}"
            said[person.id] = (SAME_NAME_FREE if free else SAME_NAME_TAKEN).format(seat=seat)
        elif removed:
            said[person.id] = SAME_NAME_REMOVED.format(seat=f"P{removed[0].number}")
    return said
