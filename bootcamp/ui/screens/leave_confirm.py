"""Leaving a workshop while the room watches asks first: presenting, a projector window following, phones joined.
Quitting asks too while phones are joined: it ends joining for the whole room, who must scan again.

Returns True to leave (or quit), False (or None) to stay. Enter or ``y`` goes ahead; Esc or ``n``
stays, so a stray Esc never takes the wall to the list of every client's workshops.
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
        Binding("y,enter", "leave", "Leave", tooltip="Leave the workshop (or quit, when asked to quit)"),
        Binding("n,escape", "stay", "Stay", tooltip="Stay in the workshop"),
    ]

    def __init__(self, workshop_name: str, reasons: list[str], *, quitting: bool = False) -> None:
        super().__init__()
        self.workshop_name = workshop_name
        self.reasons = reasons
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-dialog") as dialog:
            why = "; ".join(self.reasons)
            why = f"{why[:1].upper()}{why[1:]}."
            if self.quitting:
                dialog.border_title = "Quit bootcamp?"
                asked, after = "Quit now?", "The app would end."
            else:
                dialog.border_title = "Leave the workshop?"
                asked, after = f"Leave {self.workshop_name}?", "The list of every workshop would show next."
            yield Static(plain(f"{asked} {why}"), id="leave-why")
            yield Static(plain(f"{after} Answers are kept either way."), id="leave-what")
            yield Static(
                joined(
                    ("y", "bold"),
                    " / ",
                    ("Enter", "bold"),
                    " quits · " if self.quitting else " leaves · ",
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
