"""The findings under the overview's chart, in words: nobody knows, a split room, what was not measured."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from bootcamp.export.report_text import ONE_VOICE, agreement_phrase, findings, percent
from bootcamp.summary.model import DONT_KNOW_FINDING, CommitmentReport
from bootcamp.ui.widgets.report.part import ReportPart


class Findings(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        flag, muted = self.themed("flag"), self.themed("muted")
        found: list[RenderableType] = []
        for dimension in report.dimensions:
            for finding in findings(dimension):
                if finding == ONE_VOICE:  # the overall's level says how many rest on one answer
                    continue
                sentence = Text()
                sentence.append("! " if dimension.measured else "· ", flag if dimension.measured else muted)
                sentence.append(dimension.title, "bold")
                sentence.append(f": {finding}.", "" if dimension.measured else muted)
                found.append(sentence)
        agreement = agreement_phrase(report)
        if not any(d.unclear for d in report.dimensions) and not agreement.startswith("No dimension splits"):
            found.insert(0, Text(agreement, style=muted))  # nothing to compare: no claim of agreement
        elif not any(d.unclear or d.nobody_knows for d in report.dimensions):
            found.insert(
                0,
                Text(
                    f"No dimension splits the room, and none has {percent(DONT_KNOW_FINDING)} or more "
                    "\u201cdon\u2019t know\u201d.",
                    style=muted,
                ),
            )
        return found
