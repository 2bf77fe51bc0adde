"""Leaving a workshop while the room watches asks first: presenting, a projector window following, phones joined.

Returns True to leave, False (or None) to stay. Enter or ``y`` leaves; Esc or ``n`` stays, so a
stray Esc never takes the wall to the list of every client's workshops.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from bootcamp.ui.text import joined, plain


class LeaveConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "leave_confirm.tcss"
    BINDINGS = [
        Binding("y,enter", "leave", "Leave", tooltip="Leave the workshop: back to the workshops"),
        Binding("n,escape", "stay", "Stay", tooltip="Stay in the workshop"),
    ]

    def __init__(self, workshop_name: str, reasons: list[str]) -> None:
        super().__init__()
        self.workshop_name = workshop_name
        self.reasons = reasons

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-dialog") as dialog:
            dialog.border_title = "Leave the workshop?"
            why = "; ".join(self.reasons)
            yield Static(plain(f"Leave {self.workshop_name}? {why[:1].upper()}{why[1:]}."), id="leave-why")
            yield Static(
                plain("The list of every workshop would show next. Answers are kept either way."), id="leave-what"
            )
            yield Static(
                joined(
                    ("y", "bold"),
                    " / ",
                    ("Enter", "bold"),
                    " leaves · ",
                    ("n", "bold"),
                    " / ",
                    ("Esc", "bold"),
                    " stays",
                ),
                id="leave-keys",
            )

    def action_leave(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)
