"""The role-definition verdict: how much of the role description is tactical, line by line, and the structural gaps."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text

from bootcamp.content.model import Leaning
from bootcamp.export.report_text import structure_phrase, tactical_phrase
from bootcamp.summary.model import STRUCTURE_GAP_BELOW, CommitmentReport, RoleLineResult
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.report.charts import fit, on_score, stacked
from bootcamp.ui.widgets.report.next_steps import score_cell
from bootcamp.ui.widgets.report.part import ReportPart, line

TAG_WIDTH = 11  # "not decided"
STRATEGIC = on_score(1.0, bold=True)
TACTICAL = on_score(0.0, bold=True)


class RoleVerdictView(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        role = report.role
        muted, heading = self.themed("muted"), self.themed("heading")
        if role is None:
            return [plain("The role check was not on this agenda.", muted)]
        undecided = Style(color=self.themed("track").color, bgcolor=self.themed("track").bgcolor)
        pieces: list[RenderableType] = [
            line(plain(role.title, heading)),
            plain(tactical_phrase(report), "bold"),
            line(
                stacked(
                    [
                        ("strategic", role.strategic, STRATEGIC),
                        ("tactical", role.tactical, TACTICAL),
                        ("undecided", role.left_undecided, Style(color=self.themed("muted").color, reverse=True)),
                        ("not decided", role.undecided, undecided),
                    ],
                    width,
                    self.themed("track"),
                )
            ),
        ]
        if role.lines:
            pieces += [Text(), line(plain("The role description, as the room decided each line", muted))]
            pieces += [self._line(role_line, width) for role_line in role.lines]
        pieces += [Text(), line(plain(f"Structural gaps: structure questions below {STRUCTURE_GAP_BELOW}", muted))]
        if said := structure_phrase(role):
            pieces.append(plain(said, muted))
        for question in sorted(role.gaps, key=lambda q: q.score or 0):
            pieces.append(line(score_cell(question.score), " ", fit(plain(question.text), width - 5)))
        return pieces

    def _line(self, role_line: RoleLineResult, width: int) -> Text:
        muted = self.themed("muted")
        if role_line.decision == "strategic":
            tag = plain(fit("strategic", TAG_WIDTH, align="center").plain, STRATEGIC)
        elif role_line.decision == "tactical":
            tag = plain(fit("tactical", TAG_WIDTH, align="center").plain, TACTICAL)
        elif role_line.decision == "undecided":  # the room talked it over and could not say: apart from "not decided"
            tag = plain(fit("undecided", TAG_WIDTH, align="center").plain, Style(color=muted.color, reverse=True))
        else:
            track = self.themed("track")
            tag = plain(
                fit("not decided", TAG_WIDTH, align="center").plain, Style(color=track.color, bgcolor=track.bgcolor)
            )
        differs = role_line.agrees is False and role_line.suggestion is not Leaning.UNDECIDED
        note = plain(f"  suggested: {role_line.suggestion.value}", muted) if differs else Text()
        text_width = width - TAG_WIDTH - 1 - note.cell_len
        return line(tag, " ", fit(plain(role_line.text), text_width), note)
