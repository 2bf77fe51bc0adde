"""``discuss``: a prompt for the room's conversation, and the room's notes on it.

The console writes the notes (one field per note, saved as typed); the room sees the
notes written so far under the prompt. A discussion that ``shows`` an earlier rate step puts
that step's heat map under the prompt, on the console and the wall alike, once ``r`` reveals it; one that shows
the role check puts its tactical share there (decided in the open, so always) and, once revealed, its structure
answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
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

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._wall_notes: list[Text] = []  # the room's notes as the wall has them, oldest first
        self._wall_notes_said: tuple[int, int | None, tuple[str, ...]] | None = None  # (gave way, rows, notes) shown

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
        self._wall_notes = [plain(note.text.strip()) for note in notes if note.text.strip()]
        self._fit_wall_notes()
        self.call_after_refresh(self._fit_wall_notes)  # again once laid out: the rows above the notes are known then

    def on_resize(self) -> None:
        if self.live is None:
            self.call_after_refresh(self._fit_wall_notes)

    def _fit_wall_notes(self) -> None:
        """The room's notes that fit under the prompt, the newest kept: the wall does not scroll, and the note the
        room talks about is the last one typed. Those that give way are counted above the rest."""
        shown = self.query_one("#notes-shown", Static)
        notes = self._wall_notes
        earlier = 0
        rows = self._rows_for_notes(shown)
        if rows is not None:
            width = shown.content_size.width
            heights = [self._rows_of(bulleted([note]), width) for note in notes]
            counted = 1 if rows > 1 else 0  # the line that counts those given way, when a note fits beside it
            # The newest always stays, even alone too long to fit (then the wall cuts it): a wall with no note at all
            # hid the one the room was talking about.
            while earlier < len(notes) - 1 and sum(heights[earlier:]) + (counted if earlier else 0) > rows:
                earlier += 1
        said = (earlier, rows, tuple(note.plain for note in notes))
        if said == self._wall_notes_said:
            return
        self._wall_notes_said = said
        parts: list[RenderableType] = []
        if earlier and (rows or 0) > 1:
            parts.append(Text(f"… {earlier} earlier note{'s' if earlier != 1 else ''}, on the console", style="dim"))
        if notes[earlier:]:
            parts.append(bulleted(notes[earlier:]))
        shown.update(Group(*parts) if parts else "")

    def _rows_for_notes(self, shown: Static) -> int | None:
        """Rows the slide's body has below the notes' first row; None before the step is laid out."""
        body = self.parent
        if not isinstance(body, Widget) or not body.content_size.height or not shown.region.width:
            return None
        return max(1, body.content_region.bottom - shown.region.y)

    def _rows_of(self, renderable: RenderableType, width: int) -> int:
        console = self.app.console
        return len(console.render_lines(renderable, console.options.update_width(max(1, width)), pad=False))

    def focus_answers(self) -> bool:
        if self.live is None:
            return False
        self.query_one(RoomNotes).focus_new_note()
        return True

    def focus_on_tab(self) -> bool:
        return self.focus_answers()


VIEW = DiscussView
