"""Every commitment dimension as a bar, weakest first: score, level, answers, "don't know" and a split room.

A dimension without a scored answer is drawn as *not measured* (with why), never as an
empty bar that would read as 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text

from bootcamp.export.report_text import STATUS_PHRASES, percent
from bootcamp.summary.model import DONT_KNOW_FINDING, CommitmentReport, DimensionResult
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.report.charts import bar, fit, on_score
from bootcamp.ui.widgets.report.part import ReportPart, line

NAME_WIDTH = (14, 24)  # narrowest and widest name column
SPLIT = "split"


def weakest_then_unmeasured(report: CommitmentReport) -> tuple[DimensionResult, ...]:
    """The weakest first, then those that look real (highest scores, the room agreed), then the unmeasured."""
    real = tuple(sorted(report.looks_real, key=lambda d: d.score or 0))
    return report.weakest_first + real + report.not_measured


class DimensionBars(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        dimensions = weakest_then_unmeasured(report)
        if not dimensions:
            return [plain("This boot camp's content names no commitment dimensions.", self.themed("muted"))]
        wide = width >= 100
        level_width = max((len(level.title) for level in report.levels), default=5)
        answered_head, dont_know_head = ("answers", "don\u2019t know") if wide else ("ans", "d/k")
        answered_width, dont_know_width = max(3, len(answered_head)), max(4, len(dont_know_head))
        fixed = 3 + level_width + answered_width + dont_know_width + len(SPLIT) + 6  # six one-cell gaps
        name_width = max(NAME_WIDTH[0], min(NAME_WIDTH[1], max(len(d.title) for d in dimensions)))
        bar_width = max(8, min(60, width - fixed - name_width))
        muted, track = self.themed("muted"), self.themed("track")
        lines: list[RenderableType] = [
            line(
                fit(plain("Weakest first", muted), name_width + 1),
                fit(plain("score 0–100", muted), bar_width + 5),
                fit(plain("level", muted), level_width + 1),
                fit(plain(answered_head, muted), answered_width, align="right"),
                " ",
                fit(plain(dont_know_head, muted), dont_know_width, align="right"),
            )
        ]
        for dimension in dimensions:
            lines.append(
                line(
                    fit(plain(dimension.title, "bold"), name_width),
                    " ",
                    *self._measure(dimension, bar_width, level_width, track),
                    " ",
                    fit(str(dimension.answered), answered_width, align="right"),
                    " ",
                    self._dont_know(dimension, dont_know_width),
                    " ",
                    plain(SPLIT, self.themed("flag")) if dimension.unclear else "",
                )
            )
        legend = (
            f"{dont_know_head}: share of answers that were \u201cdon\u2019t know\u201d, ! from "
            f"{percent(DONT_KNOW_FINDING)}: nobody knows  ·  {SPLIT}: the room disagrees, the commitment is unclear"
        )
        lines.append(plain(legend, muted))
        return lines

    def _measure(self, dimension: DimensionResult, bar_width: int, level_width: int, track: Style) -> list[Text | str]:
        if dimension.score is None:
            why = f"not measured: {STATUS_PHRASES[dimension.status]}"
            return [fit(plain(why, self.themed("muted") + Style(italic=True)), bar_width + 5 + level_width)]
        return [
            bar(dimension.score / 100, bar_width, track, drawn=self.drawn),
            " ",
            plain(f"{dimension.score:>3}", on_score(dimension.score / 100, bold=True)),
            " ",
            fit(plain(dimension.level.title if dimension.level else "–"), level_width),
        ]

    def _dont_know(self, dimension: DimensionResult, width: int) -> Text:
        if dimension.dont_know_share is None:
            return fit("–", width, align="right")
        if dimension.nobody_knows:
            return fit(plain(f"!{percent(dimension.dont_know_share)}", self.themed("flag")), width, align="right")
        return fit(percent(dimension.dont_know_share), width, align="right")
