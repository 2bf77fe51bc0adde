"""The competency audit: per competency, the room's answers from lowest to highest, the spread and the average."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text

from bootcamp.export.report_text import number, unasked_phrase
from bootcamp.summary.model import Audit, CommitmentReport, RatingSummary
from bootcamp.ui.text import plain
from bootcamp.ui.widgets.report.charts import axis, fit, range_bar, score_colour
from bootcamp.ui.widgets.report.part import ReportPart, line

MARGIN = 2  # cells left of the bars, so the axis labels at the ends have room
WIDE = 100  # from here on the figures are spelled out


class AuditChart(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        if not report.audits:
            return [plain("No audit of the competencies is on this agenda.", self.themed("muted"))]
        pieces: list[RenderableType] = []
        for audit in report.audits:
            if pieces:
                pieces.append(Text())
            pieces += self._audit(audit, width)
        return pieces

    def _audit(self, audit: Audit, width: int) -> list[RenderableType]:
        muted, track = self.themed("muted"), self.themed("track")
        scale = (audit.scale_low, audit.scale_high)
        bar_width = max(10, width - MARGIN)
        seen_as = f", rated for {audit.seen_as}" if audit.seen_as else ""
        pieces: list[RenderableType] = [
            line(plain(audit.list_title, self.themed("heading"))),
            plain(f"{audit.scale_title}{seen_as}.", muted),
        ]
        if said := unasked_phrase(audit.reach, audit.skipped):
            pieces.append(plain(f"This step was {said}.", self.themed("flag")))
        # The scale's number beside its word, as on the slide: "1 Absent" … "5 Embedded".
        marks = [(point.value, f"{point.key} {point.label}") for point in audit.legend if point.value is not None]
        pieces += [Text(), line(" " * MARGIN, axis(marks, scale, bar_width, muted))]
        for n, row in enumerate(audit.rows):
            if n:
                pieces.append(Text())
            pieces.append(line(*self._title(row, width)))
            pieces.append(
                line(" " * MARGIN, range_bar(row.mean, row.low, row.high, row.spread, scale, bar_width, track, self.drawn))
            )
        middle = score_colour(0.5, self.drawn.lightness)
        band = Style(color=middle, bgcolor=track.bgcolor)
        pieces += [
            Text(),
            line(
                plain("●", "bold"),
                plain(" average   ", muted),
                plain("━", Style(color=middle)),
                plain(" lowest to highest answer   ", muted),
                plain("━━", band),
                plain(" average ± one standard deviation", muted),
            ),
        ]
        return pieces

    def _title(self, row: RatingSummary, width: int) -> list[Text | str]:
        muted = self.themed("muted")
        wide = width >= WIDE
        figures = Text(end="")
        if row.mean is None:
            figures.append("no scored answer", muted)
        else:
            figures.append(f"{'average' if wide else 'avg'} {number(row.mean)}", "bold")
            spread = number(row.spread)  # "–" when none; one decimal, half up, as every format
            figures.append(f" · {'range ' if wide else ''}{number(row.low)}–{number(row.high)} · sd {spread}", muted)
        if wide:
            dont_know = f", {row.dont_know} don\u2019t know" if row.dont_know else ""
            figures.append(f" · {row.answered} answered{dont_know}", muted)
        else:
            figures.append(f" · n={row.answered}", muted)
        return [fit(plain(row.title, "bold"), width - figures.cell_len - 1), " ", figures]
