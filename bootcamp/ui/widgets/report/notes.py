"""Every note the room wrote, in one place: where, what kind, when and (in a named workshop) who, then the text
with its line breaks kept. The notes are the report's own (:attr:`CommitmentReport.notebook`), so the page shows
exactly what the Markdown, HTML and JSON exports carry."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from bootcamp.export.report_text import NOTE_KINDS, note_lines, note_place, note_who
from bootcamp.summary.model import CommitmentReport, Note
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.report.part import ReportPart, line

TEXT_INDENT = 2


class NotesView(ReportPart):
    DEFAULT_CSS = """
    NotesView {
        margin: 1 0 0 0;
    }
    """

    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        muted = self.themed("muted")
        notes = report.notebook
        if not notes:
            return [plain("The room wrote no notes, comments or Poker notes in this workshop.", muted)]
        count = "1 note" if len(notes) == 1 else f"{len(notes)} notes"
        pieces: list[RenderableType] = [line(plain(f"{count}, in the agenda's order", muted))]
        for note in notes:
            pieces += [Text(), self._head(note), *self._text(note)]
        return pieces

    def _head(self, note: Note) -> Text:
        muted = self.themed("muted")
        parts: list[tuple[object, object]] = [(note_place(note), "bold"), (f"  {NOTE_KINDS[note.kind]}", muted)]
        if note.when:
            parts.append((f" · {note.when}", muted))
        if who := note_who(note):
            parts.append((f" · {who}", muted))
        head = joined(*parts)
        head.no_wrap, head.overflow = False, "fold"
        return head

    def _text(self, note: Note) -> list[RenderableType]:
        # One row per typed line: a line break stays a break, and a long line wraps under the indent.
        grid = Table.grid()
        grid.add_column(width=TEXT_INDENT, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        for text in note_lines(note):
            grid.add_row("", plain(text))
        return [grid]
