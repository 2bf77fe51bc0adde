"""The role-definition verdict: how much of the role description is tactical, line by line, and the structural gaps."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from bootcamp.content.model import Leaning
from bootcamp.export.report_text import structure_phrase, tactical_phrase
from bootcamp.plurals import counted
from bootcamp.summary.model import STRUCTURE_GAP_BELOW, CommitmentReport, RoleLineResult
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.report.charts import fit, legend, on_score, stacked, stacked_labelled
from bootcamp.ui.widgets.report.next_steps import score_cell
from bootcamp.ui.widgets.report.part import ReportPart, line

TAG_WIDTH = len(" not decided ")  # every tag's label starts one cell in, so the three line up
STRATEGIC = on_score(1.0, bold=True)
TACTICAL = on_score(0.0, bold=True)


class RoleVerdictView(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        role = report.role
        muted, heading = self.themed("muted"), self.themed("heading")
        if role is None:
            return [plain("The role check was not on this agenda.", muted)]
        parts = [
            ("strategic", role.strategic, STRATEGIC),
            ("tactical", role.tactical, TACTICAL),
            ("undecided", role.left_undecided, self._left_undecided()),
            ("not decided", role.undecided, self._undecided()),
        ]
        pieces: list[RenderableType] = [
            line(plain(role.title, heading)),
            plain(tactical_phrase(report), "bold"),
            line(stacked(parts, width, self.themed("track"))),
        ]
        if not stacked_labelled(parts, width):
            pieces.append(legend(parts))  # a part too narrow for its label shows only its count
        if role.lines:
            pieces += [Text(), line(plain("The role description, as the room decided each line", muted))]
            pieces.append(self._lines(role.lines, width - TAG_WIDTH - 1))
        pieces += [Text(), line(plain(f"Structural gaps: structure questions below {STRUCTURE_GAP_BELOW}", muted))]
        if said := structure_phrase(role):
            pieces.append(plain(said, muted))
        gaps = sorted(role.gaps, key=lambda q: q.score or 0)
        if gaps:
            # with how many answers each score rests on: "0" from one person read as the room's verdict
            table = Table.grid(padding=(0, 1, 0, 0), expand=True)
            table.add_column(no_wrap=True)
            table.add_column(ratio=1, overflow="fold")
            table.add_column(no_wrap=True, justify="right")
            for q in gaps:
                table.add_row(score_cell(q.score), plain(q.text), plain(counted(q.scored, "answer"), muted))
            pieces.append(table)
        return pieces

    def _left_undecided(self) -> Style:
        return Style(color=self.themed("muted").color, reverse=True)

    def _undecided(self) -> Style:
        # The track's own colour on it was 2.6:1 (2.1:1 in the light theme), the muted text's 4.2:1 there: the words
        # are the page's, the track's grey says nothing was decided.
        return Style(bgcolor=self.themed("track").bgcolor)

    def _lines(self, lines: Sequence[RoleLineResult], text_width: int) -> Table:
        """Each line in full, wrapped beside its tag: the one place the room's lines are read to the end."""
        muted = self.themed("muted")
        rows = []
        for role_line in lines:
            label, style = {
                "strategic": ("strategic", STRATEGIC),
                "tactical": ("tactical", TACTICAL),
                # the room talked it over and could not say: apart from "not decided"
                "undecided": ("undecided", self._left_undecided()),
            }.get(role_line.decision, ("not decided", self._undecided()))
            text = plain(role_line.text)
            if role_line.agrees is False and role_line.suggestion is not Leaning.UNDECIDED:
                # After the line's last row where it fits, else on a row of its own: never broken in two.
                note = plain(f"suggested: {role_line.suggestion.value}", muted)
                last = text.wrap(self.app.console, max(1, text_width))[-1]
                text.append("  " if last.cell_len + 2 + note.cell_len <= text_width else "\n")
                text.append_text(note)
            rows.append((fit(f" {label}", TAG_WIDTH, style=style), text))
        return _beside(rows)


def _beside(rows: Sequence[tuple[Text, Text]]) -> Table:
    """A narrow cell (a tag, a score) and beside it text that wraps under itself, never under the cell."""
    table = Table.grid(padding=(0, 1, 0, 0), expand=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for cell, text in rows:
        table.add_row(cell, text)
    return table
