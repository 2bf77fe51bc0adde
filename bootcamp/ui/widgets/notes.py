"""The facilitator's notes for the current step: on the console only, never projected."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from bootcamp.content.model import Program, Step
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.steady_static import SteadyStatic

# "Say:", "Ask:", "Watch for:" … at the start of a line begin a new paragraph, shown bold.
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z' ]{0,20}:)\s")
_LIST_ITEM = re.compile(r"^([-*•]|\d+[.)])\s")


def paragraphs(notes: str) -> list[str]:
    """Notes as written in YAML are wrapped by hand: join wrapped lines, keep labels and list items apart."""
    found: list[str] = []
    joining = False
    for line in notes.splitlines():
        line = line.strip()
        if not line:
            joining = False
            continue
        if joining and not _LABEL.match(line) and not _LIST_ITEM.match(line):
            found[-1] += " " + line
        else:
            found.append(line)
        joining = True
    return found


def notes_text(step: Step, program: Program) -> Text:
    parts: list[object] = []
    for paragraph in paragraphs(step.notes):
        if parts:
            parts.append("\n")
        match = _LABEL.match(paragraph)
        if match:
            parts += [(match["label"], "bold"), paragraph[match.end("label") :]]
        else:
            parts.append(paragraph)
    question = step.question
    if question is not None:
        dimension = program.dimension(question.dimension)
        if parts:
            parts.append("\n\n")
        parts += [("Dimension: ", "bold"), dimension.title if dimension else question.dimension]
        parts += ["\n", ("Ask next: ", "bold"), question.ask_next]
        parts += ["\n", ("If it scores low: ", "bold"), question.do_next]
    if not parts:
        parts.append(("No notes for this step.", "dim italic"))
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
