"""The overall score: big digits in the level's colour, the level's name, and where it sits among the levels."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from bootcamp.export.report_text import percent
from bootcamp.plurals import counted
from bootcamp.summary.model import CommitmentReport
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.report.charts import gauge, ink, score_colour
from bootcamp.ui.widgets.report.part import ReportPart, line


class LevelGauge(ReportPart):
    """The content's levels as named bands from 0 to 100, with a marker under the overall score."""

    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        overall = report.overall
        return [
            line(piece) for piece in gauge(overall.score, overall.level, report.levels, width, self.themed("muted"), self.drawn)
        ]


class OverallScore(Vertical):
    DEFAULT_CSS = """
    OverallScore {
        height: auto;
        & > #overall-head { height: auto; }
        & #overall-digits { width: auto; margin: 0 2 0 0; }
        & #overall-words { width: 1fr; height: 3; }
        & > #overall-level-text { color: $text-muted; text-style: italic; }
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="overall-head"):
            yield Digits("", id="overall-digits")
            yield Static(id="overall-words")
        yield LevelGauge(id="overall-gauge")
        yield Static(id="overall-level-text")

    def on_mount(self) -> None:
        self.score: int | None = None
        self.watch(self.app, "theme", self._colour_digits, init=False)  # presenter's p, or ctrl+p's Theme

    def _colour_digits(self) -> None:
        """The digits in the score's colour, as light or dark as the theme's page needs (4.5:1 on either)."""
        if self.score is not None:
            lightness = ink(self.app.current_theme.dark).lightness
            self.query_one(Digits).styles.color = Color.from_rich_color(score_colour(self.score / 100, lightness))

    def show(self, report: CommitmentReport) -> None:
        overall = report.overall
        digits = self.query_one(Digits)
        words = self.query_one("#overall-words", Static)
        digits.display = overall.score is not None
        facts = joined(
            (f"{overall.measured} of {counted(overall.dimensions, 'dimension')} measured", ""),
            ("  ·  ", "dim"),
            counted(overall.scored, "scored answer"),
            "\n",
            (f"\u201cdon\u2019t know\u201d {overall.dont_know} of {counted(overall.answered, 'answer')}", ""),
            f" ({percent(overall.dont_know / overall.answered if overall.answered else None)})",
        )
        if overall.score is None:
            words.update(joined(("Not measured yet", "bold"), "\n", facts))  # the console follows a live room
        else:
            digits.update(str(overall.score))
            self.score = overall.score
            self._colour_digits()
            level = overall.level.title if overall.level else ""
            if overall.level_withheld:  # a few dimensions' score named as the organisation's level misleads
                level = overall.withheld_text[0].upper() + overall.withheld_text[1:]
            words.update(joined((level, "bold"), ("  overall score out of 100", "dim"), "\n", facts))
        self.query_one(LevelGauge).show(report)
        level_text = self.query_one("#overall-level-text", Static)
        level_text.update(plain(overall.level.text if overall.level else ""))
        level_text.display = bool(overall.level and overall.level.text)
