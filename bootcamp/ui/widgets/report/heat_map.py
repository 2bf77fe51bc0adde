"""The aptitude heat map: one row per aptitude, one column pair per participant (self and team).

Each cell is the participant's answer as its scale key on the report's colour scale, so the
room reads the pattern from the back and the letters still read without colour. The room's
averages and the self − team gap close each row. Aptitudes are rows (not columns) so that
eight participants, ten aptitudes and both perspectives fit the projector's 80 columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.color import Color
from rich.console import RenderableType
from rich.style import Style
from rich.text import Text

from bootcamp.export.report_text import number, percent, signed_number, unasked_phrase
from bootcamp.summary.model import SELF_TEAM_GAP, CommitmentReport, HeatMap, HeatMapRow, RatingCell
from bootcamp.ui.text import plain, safe
from bootcamp.ui.widgets.report.charts import fit, on_colour, on_score
from bootcamp.ui.widgets.report.part import ReportPart, line

DONT_KNOW = on_colour(Color.parse("#5f6670"))
ROOM_WIDTH = 5  # " 1.4 "
GAP_WIDTH = 5  # "+0.5!": on the scale of the averages beside it
WIDE = 110  # from here on the rows carry full titles


def initials(name: str) -> str:
    """``Maria Lindqvist`` → ``ML``; ``P3`` stays ``P3``."""
    words = [word for word in re.split(r"[\s\-]+", name.strip()) if word]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2]
    return (words[0][0] + words[-1][0]).upper()


def column_labels(rows: Sequence[HeatMapRow]) -> list[str]:
    """Each participant's initials; numbers 1, 2 … instead when two people share initials."""
    labels = [initials(row.participant) for row in rows]
    return labels if len(set(labels)) == len(labels) else [str(n) for n in range(1, len(rows) + 1)]


class HeatMapChart(ReportPart):
    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        if not report.heat_maps:
            return [plain("No rating of the aptitudes is on this agenda.", self.themed("muted"))]
        pieces: list[RenderableType] = []
        for heat_map in report.heat_maps:
            if pieces:
                pieces.append(Text())
            pieces += self._heat_map(heat_map, width)
        return pieces

    def _heat_map(self, heat_map: HeatMap, width: int) -> list[RenderableType]:
        muted, flag = self.themed("muted"), self.themed("flag")
        perspectives = list(dict.fromkeys(column.perspective for column in heat_map.columns))
        where = {(column.item, column.perspective): n for n, column in enumerate(heat_map.columns)}
        items = list(dict.fromkeys((column.item, column.title, column.short) for column in heat_map.columns))
        gaps = {gap.item: gap for gap in heat_map.gaps}
        rows = () if heat_map.secret else heat_map.rows
        titles_fit = width >= WIDE
        name_width = min(
            30 if titles_fit else 14, max(len(title if titles_fit else short) for _, title, short in items)
        )
        room_width = len(perspectives) * (ROOM_WIDTH + 1)
        gap_width = GAP_WIDTH + 1 if gaps or len(perspectives) == 2 else 0
        fixed = name_width + 2 + room_width + gap_width
        cell = next((size for size in (3, 2, 1) if fixed + len(rows) * (size * len(perspectives) + 1) <= width), 1)
        group = cell * len(perspectives)
        # A room too big for the width shows the people who fit; the printed summary has everyone.
        fits = max(1, (width - fixed) // (group + 1))
        left_out = rows[fits:]
        rows = rows[:fits]

        whose = " and ".join(f"{p} ({p[:1].upper()})" for p in perspectives if p)
        pieces: list[RenderableType] = [
            line(plain(heat_map.list_title, self.themed("heading")), plain(f" · {whose}" if whose else "", muted)),
            self._legend(heat_map),
        ]
        if said := unasked_phrase(heat_map.reach, heat_map.skipped):
            pieces.append(plain(f"This step was {said}.", flag))
        if heat_map.secret:
            pieces.append(plain("Answered by secret ballot: only the room's figures are shown.", muted))

        labels = column_labels(rows)
        head = [fit("", name_width + 1)]
        marks = [fit("", name_width + 1)]
        for row, label in zip(rows, labels, strict=True):
            head += [fit(plain(label, muted if row.removed else "bold"), group, align="center"), " "]
            marks += [*(fit(plain(p[:1].upper(), muted), cell, align="center") for p in perspectives), " "]
        head += [" ", fit(plain("room", "bold"), room_width - 1, align="center")]
        marks += [" ", *(fit(plain(p[:1].upper() or "·", muted), ROOM_WIDTH + 1, align="center") for p in perspectives)]
        if gap_width:
            head += [" ", fit(plain("gap", "bold"), GAP_WIDTH, align="right")]
            marks += [fit(plain("S−T", muted), GAP_WIDTH, align="right")]
        pieces += [Text(), line(*head), line(*marks)]

        for item, title, short in items:
            pieces.append(
                line(
                    fit(plain(title if titles_fit else short, "bold"), name_width),
                    " ",
                    *self._cells(rows, item, perspectives, where, cell),
                    " ",
                    *self._room(heat_map, item, perspectives, where),
                    self._gap(gaps.get(item), flag, muted) if gap_width else "",
                )
            )
        pieces += self._notes(heat_map, rows, labels)
        if left_out:
            more = "1 more participant does" if len(left_out) == 1 else f"{len(left_out)} more participants do"
            pieces.append(plain(f"{more} not fit this width: the room figures count them; e writes them all.", muted))
        return pieces

    def _legend(self, heat_map: HeatMap) -> Text:
        legend = Text(end="\n", no_wrap=True, overflow="ellipsis")
        for point in heat_map.legend:
            style = DONT_KNOW if point.normalised is None else on_score(point.normalised)
            legend.append_text(plain(f" {point.key or '?'} ", style))
            legend.append_text(plain(f" {point.label}   "))
        legend.append_text(plain(" · ", self.themed("muted")))
        legend.append_text(plain(" not answered", self.themed("muted")))
        return legend

    def _cells(
        self, rows: Sequence[HeatMapRow], item: str, perspectives: list[str], where: dict, cell: int
    ) -> list[Text | str]:
        found: list[Text | str] = []
        for row in rows:
            for perspective in perspectives:
                found.append(self._cell(row.cells[where[(item, perspective)]], cell))
            found.append(" ")
        return found

    def _cell(self, answer: RatingCell | None, width: int) -> Text:
        if answer is None:
            return fit(plain("·", self.themed("muted")), width, align="center")
        style = DONT_KNOW if answer.normalised is None else on_score(answer.normalised)
        return plain(fit(answer.key or "?", width, align="center").plain, style)

    def _room(self, heat_map: HeatMap, item: str, perspectives: list[str], where: dict) -> list[Text | str]:
        found: list[Text | str] = []
        for perspective in perspectives:
            average = heat_map.averages[where[(item, perspective)]]
            if average.normalised is None:
                found.append(fit(plain("–", self.themed("muted")), ROOM_WIDTH, align="center"))
            else:
                found.append(
                    plain(fit(number(average.mean), ROOM_WIDTH, align="center").plain, on_score(average.normalised))
                )
            found.append(" ")
        return found

    def _gap(self, gap, flag: Style, muted: Style) -> Text:
        if gap is None:
            return fit(plain("–", muted), GAP_WIDTH, align="right")
        mark = "!" if gap.flagged else " "
        return fit(plain(signed_number(gap.shown_gap) + mark, flag if gap.flagged else ""), GAP_WIDTH, align="right")

    def _notes(self, heat_map: HeatMap, rows: Sequence[HeatMapRow], labels: list[str]) -> list[RenderableType]:
        muted, flag = self.themed("muted"), self.themed("flag")
        notes: list[RenderableType] = [Text()]
        if rows:
            names = Text(style=muted)
            for n, (row, label) in enumerate(zip(rows, labels, strict=True)):
                names.append(" · " if n else "")
                names.append(safe(label), "bold")
                names.append(" " + safe(row.participant) + (" (left)" if row.removed else ""))
            notes.append(names)
        above = [gap.title for gap in heat_map.gaps if gap.flagged and gap.shown_gap > 0]
        below = [gap.title for gap in heat_map.gaps if gap.flagged and gap.shown_gap < 0]
        share = percent(SELF_TEAM_GAP)
        if above:
            notes.append(
                plain(f"! The room rates itself {share}+ of the scale above its team on: " + ", ".join(above), flag)
            )
        if below:
            notes.append(
                plain(f"! The room rates its team {share}+ of the scale above itself on: " + ", ".join(below), flag)
            )
        return notes
