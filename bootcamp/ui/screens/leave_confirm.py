"""Leaving a workshop while the room watches asks first: presenting, a projector window following, phones joined.
Quitting from an open workshop always asks: text typed on the console by mistake ("…queue") must not close the
app in front of the room; while phones are joined it also ends joining for the whole room, who must scan again.

Quitting while a save is failing says so before anything is confirmed: what is not on disk, why, and what y does
(waits for the saves; asked again after a refused quit, quits anyway and loses them).

Returns True to leave (or quit), False (or None) to stay. Enter or ``y`` goes ahead; any other key stays
(Esc or ``n`` as well as a stray letter), so a stray Esc never takes the wall to the list of every client's
workshops. A key that stays takes with it the rest of the burst it came in: typed before the dialog was seen,
those keys were meant for no console.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from bootcamp.live.saving import SaveStatus
from bootcamp.plurals import counted
from bootcamp.ui.key_order import KeysInOrderApp
from bootcamp.ui.text import joined, plain

SAVED_ON_QUIT = "Every answer and note is saved before the app ends; reopened, the workshop is at this step."


def not_saved_on_quit(saving: SaveStatus | None, *, anyway: bool) -> str:
    """What quitting does with the saves: all saved first; while saves fail, y waits for them first, or (asked
    again after a refused quit) loses them."""
    if saving is None or not (saving.error or (anyway and saving.pending)):
        return SAVED_ON_QUIT
    what = counted(saving.pending, "change") if saving.pending else "A change"
    why = f"saves are failing ({saving.brief or saving.error}; retrying)" if saving.error else "the disk is slow"
    said = f"Not saved: {what} not on disk, as {why}."
    if anyway:
        return f"{said} y quits anyway: what is not on disk is lost."
    return f"{said} y waits a few seconds for them and quits only if they are saved."


def kept_on_leaving(saving: SaveStatus | None) -> str:
    """What leaving does with the saves: finished in the background; while they fail, said so, not "kept"."""
    if saving is None or not saving.error:
        return "Answers are kept either way."
    what = counted(saving.pending, "change") if saving.pending else "What is not on disk"
    return f"{what} not on disk yet: the saves go on being tried in the background after you leave."


class LeaveConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "leave_confirm.tcss"
    BINDINGS = [
        Binding("y,enter", "leave", "Leave", tooltip="Leave the workshop (or quit, when asked to quit)"),
        Binding("n,escape", "stay", "Stay", tooltip="Stay in the workshop (so does any other key)"),
    ]

    def __init__(
        self,
        workshop_name: str,
        reasons: list[str],
        *,
        quitting: bool = False,
        saving: SaveStatus | None = None,
        anyway: bool = False,
    ) -> None:
        """``saving``: how the workshop's saves stand (a failure is said); ``anyway``: a quit was
        refused already for a save that failed, so y now quits without waiting."""
        super().__init__()
        self.workshop_name = workshop_name
        self.reasons = reasons
        self.quitting = quitting
        self.saving = saving
        self.anyway = anyway

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-dialog") as dialog:
            why = "; ".join(self.reasons)
            why = f" {why[:1].upper()}{why[1:]}." if why else ""
            if self.quitting:
                dialog.border_title = "Quit bootcamp?"
                asked = "Quit now?"
                after = not_saved_on_quit(self.saving, anyway=self.anyway)
            else:
                dialog.border_title = "Leave the workshop?"
                asked, after = f"Leave {self.workshop_name}?", "The list of every workshop would show next."
                after += " " + kept_on_leaving(self.saving)
            yield Static(plain(f"{asked}{why}"), id="leave-why")
            yield Static(plain(after), id="leave-what")
            yield Static(
                joined(
                    ("y", "bold"),
                    " / ",
                    ("Enter", "bold"),
                    " quits · " if self.quitting else " leaves · ",
                    ("any other key", "bold"),
                    " stays",
                ),
                id="leave-keys",
            )

    def on_key(self, event: events.Key) -> None:
        """Only y and Enter go ahead; every other key stays (before any binding, the app's q included)."""
        event.stop()
        event.prevent_default()
        if event.key in ("y", "enter"):
            self.action_leave()
        else:
            self.action_stay()

    def action_leave(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        if isinstance(self.app, KeysInOrderApp):
            self.app.drop_waiting_keys()  # the rest of a burst typed by mistake goes nowhere either
        self.dismiss(False)
