"""``actions``: what will be done, by whom, by when — the room's whole action list.

The console's table adds, edits, moves the status on and removes actions (from any step:
Aptitude Poker's too); the room sees the list, readable at 80×24.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Static

from bootcamp.ui.widgets.action_table import ActionTable, room_actions
from bootcamp.ui.widgets.steps.base import Prompt, StepView, body

if TYPE_CHECKING:
    from bootcamp.live.snapshot import WorkshopSnapshot
    from bootcamp.store.model import WorkshopState


class ActionsView(StepView):
    DEFAULT_CSS = """
    ActionsView > #actions-hint { color: $text-muted; }
    ActionsView > #actions-shown { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield from body(self.step.body, presenter=self.presenter)
        if self.live is None:
            if not self.step.body.strip():
                yield Prompt("What, who owns it, and by when.", classes="-question")
            yield Static(id="actions-shown")
            return
        if not self.step.body.strip():
            yield Prompt("For each action: what, who owns it, and by when.", classes="-question")
        hint = "a adds an action · Tab to the table: Enter edits · space status · Del removes"
        yield Static(hint, id="actions-hint")
        yield ActionTable(self.live, self.program, self.step.key)

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        if self.live is not None:
            self.query_one(ActionTable).show()
            return
        self.query_one("#actions-shown", Static).update(room_actions(self.program, data.room.actions))

    def focus_answers(self) -> bool:
        """a on this step adds an action, from the table, where Enter then edits it and a adds the next."""
        if self.live is None:
            return False
        table = self.query_one(ActionTable)
        table.focus()
        table.action_add()
        return True


VIEW = ActionsView
