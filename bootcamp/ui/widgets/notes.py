"""The facilitator's notes for the current step: on the console only, never projected."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from bootcamp.content.model import Program, Step
from bootcamp.content.step_notes import NO_NOTES, note_blocks, paragraphs
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.steady_static import SteadyStatic

__all__ = ["FacilitatorNotes", "notes_text", "paragraphs"]


def notes_text(step: Step, program: Program) -> Text:
    """The notes as :func:`note_blocks` reads them (the printed guide reads them the same), labels in bold."""
    parts: list[object] = []
    for block in note_blocks(step, program):
        for number, line in enumerate(block):
            if parts:
                parts.append("\n\n" if number == 0 else "\n")
            parts += [(line.label, "bold"), line.text] if line.label else [line.text]
    if not parts:
        parts.append((NO_NOTES, "dim italic"))
    return joined(*parts)


class FacilitatorNotes(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    FacilitatorNotes {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    def compose(self) -> ComposeResult:
        self.border_title = "Notes · not projected"
        yield SteadyStatic(id="notes-text")
        yield SteadyStatic(id="quick-notes")

    def show_quick_notes(self, notes: list[str]) -> None:
        """The facilitator's own quick notes on this step (ctrl+n), under the content's notes."""
        quick = self.query_one("#quick-notes", SteadyStatic)
        quick.display = bool(notes)
        lines: list[object] = [("\nQuick notes · ctrl+n", "bold")]
        for note in notes:
            lines += ["\n", ("• ", "dim"), note]
        quick.show_text(joined(*lines))

    def show_step(self, step: Step, program: Program) -> None:
        self.query_one("#notes-text", SteadyStatic).show_text(notes_text(step, program))
        self.scroll_home(animate=False)
