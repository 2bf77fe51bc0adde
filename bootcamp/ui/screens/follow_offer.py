"""A workshop open in another console: who has it, and an offer to follow it read-only.

Only one console changes a workshop (its owner lock); a second one that changed it too would
erase the first one's reveals and move its room. So the second is told who has it and may
follow it as the projector window does: reading the files, never writing them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from bootcamp.ui.text import joined, plain


class FollowOfferScreen(ModalScreen[bool]):
    CSS_PATH = "follow_offer.tcss"
    BINDINGS = [
        Binding("f", "follow", "Follow read-only", tooltip="Show this workshop as it moves, without changing it"),
        Binding("escape", "back", "Back", tooltip="Back to the workshops"),
    ]

    def __init__(self, why: str) -> None:
        super().__init__()
        self.why = why  # the store's one sentence: host, process, since when

    def compose(self) -> ComposeResult:
        with Vertical(id="follow-dialog") as dialog:
            dialog.border_title = "Open in another console"
            yield Static(plain(self.why), id="follow-why")
            yield Static(joined(("f", "bold"), " follows it here, read-only · ", ("Esc", "bold"), " goes back"), id="follow-keys")

    def action_follow(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
