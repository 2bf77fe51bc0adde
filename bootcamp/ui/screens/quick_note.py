"""A quick note from any screen of an open workshop: one line, kept on the current step with ``quick=True``.

A console screen (modal): it opens over presenter mode too, but a projector window, which
draws only from the stored state, never shows it. Presenter mode is the mirrored wall, so there what is typed
is masked: the room would read the note as it is written. Quick notes are the facilitator's: the
console's notes panel lists them; the room's notes on a discuss step leave them out.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from bootcamp.limits import NOTE
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.typed_text import SafeInput


class QuickNoteScreen(ModalScreen[None]):
    CSS_PATH = "quick_note.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without keeping the note")]

    def __init__(self, workshop: LiveWorkshop) -> None:
        super().__init__()
        self.workshop = workshop
        self.step = workshop.flow.current  # the step the note is about, fixed as the note is opened

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-dialog") as dialog:
            dialog.border_title = joined("Quick note on ", (self.step.title, "bold"))
            on_the_wall = self.workshop.state.presenter
            shown = "hidden: the room sees this screen" if on_the_wall else "not projected"
            dialog.border_subtitle = f"Enter keeps it · Esc cancels · {shown}"
            yield SafeInput(placeholder="What to remember…", max_length=NOTE.chars, password=on_the_wall, id="quick-text")
            yield Static(id="quick-problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _keep(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.query_one("#quick-problem", Static).update(plain("Type the note first (Esc closes)."))
            return
        self.workshop.records.put_note(self.step.key, event.value, quick=True)
        if failing := self.workshop.save_status.brief:  # held with the other changes, saved once the disk takes them
            self.notify(f"Quick note on {self.step.title} not saved yet ({failing}): retrying", markup=False)
        else:
            self.notify(f"Quick note kept on {self.step.title}", markup=False)
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
