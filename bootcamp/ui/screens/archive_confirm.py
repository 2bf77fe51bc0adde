"""Before a workshop is put away (archived) or brought back: the facilitator is asked, the workshop named.

``app.push_screen(ArchiveConfirmScreen(info, held_on, archiving=True), then)``: ``then(True)`` once the facilitator
said yes, ``then(False)`` otherwise. Esc or ``n`` changes nothing, so a stray key puts nothing away.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from bootcamp.store.model import WorkshopInfo
from bootcamp.ui.text import joined, plain


class ArchiveConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "archive_confirm.tcss"
    BINDINGS = [
        Binding("y", "yes", "Yes", tooltip="Archive the workshop (or bring it back)"),
        Binding("n,escape", "no", "No", tooltip="Leave the workshop as it is"),
    ]

    def __init__(self, info: WorkshopInfo, held_on: str, *, archiving: bool) -> None:
        super().__init__()
        self.info = info
        self.held_on = held_on
        self.archiving = archiving

    def compose(self) -> ComposeResult:
        info = self.info
        with Vertical(id="archive-dialog") as dialog:
            dialog.border_title = "Archive this workshop?" if self.archiving else "Bring back this workshop?"
            yield Static(joined((info.name, "bold"), "\n", (f"{info.organisation} · {self.held_on}", "dim")), id="archive-what")
            yield Static(
                plain(
                    "It leaves home's list; nothing is deleted: its answers, notes and summary stay as they are, "
                    "search and Progress still find it, and v on home shows the archived ones."
                    if self.archiving
                    else "It is listed on home again, as it was."
                ),
                id="archive-why",
            )
            yield Static(
                joined(
                    ("y", "bold"),
                    " archives it · " if self.archiving else " brings it back · ",
                    ("n", "bold"),
                    " / ",
                    ("Esc", "bold"),
                    " leaves it as it is",
                ),
                id="archive-keys",
            )

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
