"""Every note the room wrote, in one place: where, what kind, when and (in a named workshop) who, then the text
with its line breaks kept. The notes are the report's own (:attr:`CommitmentReport.notebook`), so the page shows
exactly what the Markdown, HTML and JSON exports carry."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from bootcamp.export.report_text import NOTE_KINDS, note_lines, note_place, note_who
from bootcamp.summary.model import CommitmentReport, Note
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.report.part import ReportPart, line

TEXT_INDENT = 2
# Only lends Text.wrap its console: the width is the page's, given to each wrap.
_WRAPPING = Console(file=io.StringIO(), width=80, color_system=None)


class Wrapped:
    """Lines already cut to the page's width, rendered the first time they are asked for and kept as segments."""

    def __init__(self, lines: Sequence[Text]) -> None:
        self.lines = lines
        self._segments: list[Segment] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self._segments is None:
            self._segments = []
            for each in self.lines:
                self._segments += [*each.render(console), Segment.line()]
        yield from self._segments


class NotesView(ReportPart):
    DEFAULT_CSS = """
    NotesView {
        margin: 1 0 0 0;
    }
    """

    _drawn: tuple[CommitmentReport, int, Style, Sequence[RenderableType]] | None = None

    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        muted = self.themed("muted")
        drawn = self._drawn
        if drawn is not None and drawn[0] is report and drawn[1:3] == (width, muted):
            return drawn[3]  # Textual asks again for the same width on each layout pass (five times to turn to it)
        notes = report.notebook
        if not notes:
            return [plain("The room wrote no notes, comments or Poker notes in this workshop.", muted)]
        count = "1 note" if len(notes) == 1 else f"{len(notes)} notes"
        # Wrapped here once, and rendered once (Wrapped): Textual renders the page on every layout pass, and a room of
        # 200 wrote 1,200 comments, drawn as a heading and a table each: the page took 3 s to turn to.
        lines: list[Text] = []
        for note in notes:
            lines += [Text(), *_wrap(self._head(note), width), *self._text(note, width)]
        pieces = [line(plain(f"{count}, in the agenda's order", muted)), Wrapped(lines)]
        self._drawn = (report, width, muted, pieces)
        return pieces

    def _head(self, note: Note) -> Text:
        muted = self.themed("muted")
        parts: list[tuple[object, object]] = [(note_place(note), "bold"), (f"  {NOTE_KINDS[note.kind]}", muted)]
        if note.when:
            parts.append((f" · {note.when}", muted))
        if who := note_who(note):
            parts.append((f" · {who}", muted))
        return joined(*parts)

    def _text(self, note: Note, width: int) -> list[Text]:
        # One line per typed line: a line break stays a break, and a long line wraps under the indent.
        indent = " " * TEXT_INDENT
        return [Text(indent) + part for typed in note_lines(note) for part in _wrap(plain(typed), width - TEXT_INDENT)]


def _wrap(text: Text, width: int) -> list[Text]:
    """At word breaks, a word longer than the line folded onto the next."""
    return list(text.wrap(_WRAPPING, max(1, width), overflow="fold"))
