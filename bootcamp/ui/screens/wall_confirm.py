"""Before a list shows every organisation's workshops while the room watches one: the facilitator is asked.

``app.push_screen(WallConfirmScreen(organisation), then)``: ``then(True)`` once the facilitator said yes
(the rule is lifted for this app session, until the wall is free: :func:`bootcamp.ui.wall.lift_wall`),
``then(False)`` otherwise. Esc or ``n`` keeps the wall to ``organisation``, so a stray key shows nobody else.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from bootcamp.ui.text import joined, plain
from bootcamp.ui.wall import lift_wall


class WallConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "wall_confirm.tcss"
    BINDINGS = [
        Binding("y", "show_every", "Show every organisation", tooltip="Show every organisation's workshops on the wall"),
        Binding("n,escape", "keep", "Keep", tooltip="Keep the wall to the organisation it shows"),
    ]

    def __init__(self, organisation: str) -> None:
        super().__init__()
        self.organisation = organisation

    def compose(self) -> ComposeResult:
        with Vertical(id="wall-dialog") as dialog:
            dialog.border_title = "Show every organisation's workshops on the wall?"
            yield Static(
                plain(
                    f"The room is watching a workshop of {self.organisation}: lists show only its workshops. "
                    "Showing every organisation puts other clients' names on the wall until it is free again."
                ),
                id="wall-why",
            )
            yield Static(
                joined(("y", "bold"), " shows every organisation · ", ("n", "bold"), " / ", ("Esc", "bold"), " keeps it to ", self.organisation),
                id="wall-keys",
            )

    def action_show_every(self) -> None:
        lift_wall(self.app, self.organisation)
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)
