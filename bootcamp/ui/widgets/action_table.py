"""The room's actions as a table: what, owner, due date, status and where each came from.

On the console the table takes the keys: ``a`` adds, Enter edits, space moves the status
on (open → doing → done → dropped), Delete removes (ctrl+z takes it back). Each row shows
its save mark. The room's version (presenter mode, a projector window) is a plain table
that fits the 76×18 slide body.
"""

from __future__ import annotations

import dataclasses

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.binding import Binding

from bootcamp.actions import next_status
from bootcamp.content.model import Program
from bootcamp.live.records import LiveRecords
from bootcamp.live.requests import DropAction, PutAction
from bootcamp.live.saving import Mark
from bootcamp.store.model import Action, ActionStatus
from bootcamp.ui.messages import request
from bootcamp.ui.text import one_line, plain
from bootcamp.ui.widgets.save_mark import mark_text
from bootcamp.ui.widgets.table import SteadyTable

STATUS_STYLE = {
    ActionStatus.OPEN: "bold",
    ActionStatus.DOING: "bold italic",
    ActionStatus.DONE: "dim",
    ActionStatus.DROPPED: "dim strike",
}
ROOM_ROWS = 14  # rows of actions the slide shows; the rest are counted
# The console's step column at 120×40 leaves 44 cells inside the table's border, 31 for What and Owner (below
# 100 columns the step column is wider). The owner column is as wide as the longest owner (a due date is 10),
# up to OWNER_MAX, while What keeps WHAT_MIN (at 120×40: names up to 13, "Sofia Álvarez"); What takes the rest.
# The form shows all of either.
WHAT_MIN, OWNER_MIN, OWNER_MAX, STATUS_WIDTH = 18, 10, 15, 7


def two_lines(first: str, first_style: str, second: str, second_style: str, width: int) -> Text:
    """A two-row cell: each line cut to the column with an ellipsis (a line break typed in it shown as ⏎)."""
    lines = [plain(one_line(text, width), style) for text, style in ((first, first_style), (second, second_style))]
    return Text("\n", end="").join(lines)


def source_title(program: Program, source: str) -> str:
    """Where an action came from, in the room's words: a step's title, or the Poker card's."""
    if source.startswith("poker:"):
        card_id = source.removeprefix("poker:")
        for item_list in program.lists:
            item = next((i for i in item_list.items if i.id == card_id), None)
            if item is not None:
                return f"Poker: {item.short or item.title}"
        return f"Poker: {card_id}"
    step = program.step(source) if "/" in source else None
    return step.title if step is not None else source


class ActionTable(SteadyTable[Text]):
    DEFAULT_CSS = """
    ActionTable {
        overflow-x: hidden;  /* the What column is fitted to the width: never a scrollbar sideways */
        height: auto;
        max-height: 24;
        margin: 0 0 1 0;
        border: round $panel-lighten-2;
        &:focus { border: round $primary; }
    }
    """

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add an action: what, owner, due date"),
        Binding("enter", "edit", "Edit", tooltip="Edit the action under the cursor"),
        Binding("space", "cycle_status", "Status", tooltip="Move its status on: open → doing → done → dropped"),
        Binding("delete,x", "remove", "Remove", tooltip="Remove the action (ctrl+z takes it back)"),
    ]

    def __init__(self, live: LiveRecords, program: Program, step_key: str) -> None:
        super().__init__(id="action-table", cursor_type="row", zebra_stripes=True)
        self.live = live
        self.program = program
        self.step_key = step_key
        self._what_width, self._owner_width = WHAT_MIN, OWNER_MIN

    def on_mount(self) -> None:
        self._add_columns()
        self.watch(self.app, "live_change", lambda _change: self.show(), init=False)

    def _add_columns(self) -> None:
        self.add_column("What · from", key="what", width=self._what_width)
        self.add_column("Owner, due", key="owner", width=self._owner_width)
        self.add_column("Status", key="status", width=STATUS_WIDTH)

    def column_widths(self, actions: tuple[Action, ...]) -> tuple[int, int]:
        """(What, Owner): the owner's names in full where the What column keeps WHAT_MIN, What the rest."""
        room = self.scrollable_content_region.width - STATUS_WIDTH - 3 * 2 * self.cell_padding
        longest = max((cell_len(action.owner or "—") for action in actions), default=0)
        owner = max(OWNER_MIN, min(longest, OWNER_MAX, room - WHAT_MIN))
        return max(WHAT_MIN, room - owner), owner

    def on_resize(self) -> None:
        self.show()

    def show(self) -> None:
        """Every action of the room, with the cursor kept on the same action."""
        actions = self.live.room.actions
        keep = self.current_id()
        with self.app.batch_update():
            widths = self.column_widths(actions)
            if self.size.width and widths != (self._what_width, self._owner_width):
                self._what_width, self._owner_width = widths
                self.clear(columns=True)
                self._add_columns()
            self.clear()
            for action in actions:
                mark = self.live.mark(f"action:{action.id}")
                self.add_row(*self._cells(action, mark), key=action.id, height=2)
            ids = [a.id for a in actions]
            if keep in ids:
                self.move_cursor(row=ids.index(keep), animate=False)

    def _cells(self, action: Action, mark: Mark) -> tuple[Text, Text, Text]:
        what = two_lines(action.what, "", source_title(self.program, action.source), "dim", self._what_width)
        owner = two_lines(action.owner or "—", "", action.due or "no date", "dim", self._owner_width)
        saved = mark_text(mark) if mark is not Mark.SAVED else Text("✓", style="dim")
        status = two_lines(action.status.value, STATUS_STYLE[action.status], saved.plain, saved.style, STATUS_WIDTH)
        return what, owner, status

    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key((self.cursor_row, 0))
        return row_key.value

    def current(self) -> Action | None:
        found = self.current_id()
        return next((a for a in self.live.room.actions if a.id == found), None)

    # -- what the facilitator does ---------------------------------------------------------------------------

    def action_add(self) -> None:
        self._open_form(Action("", "", source=self.step_key), "A new action")

    def action_edit(self) -> None:
        action = self.current()
        if action is not None:
            self._open_form(action, "Edit the action")

    def _open_form(self, action: Action, title: str) -> None:
        from bootcamp.ui.screens.action_form import ActionFormScreen

        def saved(result: Action | None) -> None:
            if result is not None and result != action:
                asked = PutAction(result)
                request(self, asked)
                self.show()
                ids = [a.id for a in self.live.room.actions]
                kept = result.id or asked.action_id
                if kept in ids:
                    self.move_cursor(row=ids.index(kept), animate=False)

        owners = [p.display_name for p in self.live.info.present]
        self.app.push_screen(ActionFormScreen(action, title=title, owners=owners, workshop_date=self.live.info.date), saved)

    def action_cycle_status(self) -> None:
        action = self.current()
        if action is not None:
            request(self, PutAction(dataclasses.replace(action, status=next_status(action.status))))

    def action_remove(self) -> None:
        action = self.current()
        if action is not None:
            request(self, DropAction(action.id))
            self.notify(f"Removed “{action.what[:40]}” · ctrl+z takes it back", markup=False)


def room_actions(program: Program, actions: tuple[Action, ...]) -> Table | Text:
    """The actions as the room reads them at 80×24: what, owner, due, status; the rest counted."""
    if not actions:
        return Text("No actions yet.", style="dim italic", end="")
    table = Table(box=None, expand=True, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("What", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("Owner", max_width=16, no_wrap=True, overflow="ellipsis")
    table.add_column("Due", width=10, no_wrap=True)
    table.add_column("Status", width=8, no_wrap=True, justify="left")
    shown = actions[:ROOM_ROWS]
    for action in shown:
        table.add_row(
            plain(action.what.splitlines()[0] if action.what else ""),
            plain(action.owner),
            plain(action.due),
            plain(action.status.value, STATUS_STYLE[action.status]),
        )
    if len(actions) > len(shown):
        table.add_row(plain(f"… and {len(actions) - len(shown)} more", "dim italic"), "", "", "")
    return table
