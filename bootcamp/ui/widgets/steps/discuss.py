"""``discuss``: a prompt for the room's conversation, and the room's notes on it.

The console writes the notes (one field per note, saved as typed); the room sees the
notes written so far under the prompt. A discussion that ``shows`` an earlier rate step puts
that step's heat map under the prompt, on the console and the wall alike, once ``r`` reveals it; one that shows
the role check puts its tactical share there (decided in the open, so always) and, once revealed, its structure
answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Static

from bootcamp.content.model import RoleCheck, StepKind
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.answers.role_lines import tactical_share
from bootcamp.ui.widgets.answers.room_heat import RoomHeat, show_heat
from bootcamp.ui.widgets.room_notes import RoomNotes, step_notes
from bootcamp.ui.widgets.steps.base import Prompt, StepView, body, bulleted
from bootcamp.ui.widgets.steps.check import show_structure

if TYPE_CHECKING:
    from bootcamp.content.model import Step
    from bootcamp.live.snapshot import WorkshopSnapshot
    from bootcamp.store.model import WorkshopState


class DiscussView(StepView):
    DEFAULT_CSS = """
    DiscussView > #notes-heading { color: $text-muted; margin: 1 0 0 0; }
    DiscussView > #notes-shown { height: auto; }
    DiscussView > #shown-results { margin: 0 0 1 0; }
    DiscussView > #shown-share { margin: 1 0 0 0; }
    """

    @property
    def shown(self) -> Step | None:
        """The rate or check step whose results this discussion shows (``shows``), if it names one."""
        return self.program.shown_step(self.step)

    @property
    def shown_check(self) -> RoleCheck | None:
        """The role check whose results this discussion shows, if it shows a check step."""
        shown = self.shown
        if shown is None or shown.kind is not StepKind.CHECK:
            return None
        exercise = self.program.exercise(shown.exercise)
        return exercise if isinstance(exercise, RoleCheck) else None

    def compose(self) -> ComposeResult:
        if self.step.body.strip():
            yield from body(self.step.body, presenter=self.presenter)
        else:
            yield Prompt(self.step.title, classes="-question")
        if self.shown_check is not None:
            yield Static(id="shown-share")
        if self.shown is not None:
            yield RoomHeat(id="shown-results")
        if self.live is not None:
            yield Static("The room's notes · Tab to write", id="notes-heading")
            yield RoomNotes(self.live, self.step.key)
        else:
            yield Static(id="notes-shown")

    def show_room(self, data: WorkshopSnapshot, state: WorkshopState) -> None:
        shown, check = self.shown, self.shown_check
        if shown is not None and check is not None:
            self.query_one("#shown-share", Static).update(tactical_share(data.room.role_lines))
            heat = self.query_one("#shown-results", RoomHeat)
            show_structure(heat, self.program, shown, check, data, state, hint="r reveals")
        elif shown is not None:
            show_heat(self.query_one("#shown-results", RoomHeat), self.program, shown, data, state, hint="r reveals")
        if self.live is not None:
            self.query_one(RoomNotes).show(data.room.notes)
            return
        notes = step_notes(data.room.notes, self.step.key)
        shown = [plain(note.text.strip()) for note in notes if note.text.strip()]
        self.query_one("#notes-shown", Static).update(bulleted(shown) if shown else "")

    def focus_answers(self) -> bool:
        if self.live is None:
            return False
        self.query_one(RoomNotes).focus_new_note()
        return True

    def focus_on_tab(self) -> bool:
        return self.focus_answers()


VIEW = DiscussView
