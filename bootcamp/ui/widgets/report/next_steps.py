"""What to do next, weakest dimension first: a list of the dimensions beside the one chosen in full.

The chosen dimension shows its score, level and findings, then each of its questions
(weakest first) with the room's answers, what to ask inside the organisation next and
what to do, and the comments that came with the answers: every figure traceable to them.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bootcamp.export.report_text import IN_PLACE, STATUS_PHRASES, comment_by, findings, percent, tally, unasked_phrase
from bootcamp.summary.model import CommitmentReport, DimensionResult, QuestionResult
from bootcamp.ui.text import joined, plain
from bootcamp.ui.widgets.report.charts import bar, fit, on_score
from bootcamp.ui.widgets.report.dimensions import weakest_then_unmeasured
from bootcamp.ui.widgets.report.part import ReportPart, line

LABEL_WIDTH = 8  # "Ask next"


def score_cell(score: int | None) -> Text:
    """A score as a small coloured cell (a dash when not measured); only the figure is coloured."""
    cell = Text(end="")
    if score is None:
        cell.append("  – ", "dim")
    else:
        cell.append(f"{score:>3} ", on_score(score / 100, bold=True))
    return cell


def weakest_question(question: QuestionResult) -> int:
    return 101 if question.score is None else question.score


class DimensionDetail(ReportPart):
    """One dimension in full."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.dimension_id = ""

    def choose(self, dimension_id: str) -> None:
        self.dimension_id = dimension_id
        self.refresh(layout=True)

    def draw(self, report: CommitmentReport, width: int) -> Sequence[RenderableType]:
        dimension = next((d for d in report.dimensions if d.id == self.dimension_id), None)
        if dimension is None:
            return [plain("This boot camp's content names no commitment dimensions.", self.themed("muted"))]
        muted = self.themed("muted")
        if dimension.score is None:
            verdict = plain(f"not measured: {STATUS_PHRASES[dimension.status]}", muted)
        else:
            level = f" · {dimension.level.title}" if dimension.level else ""
            verdict = plain(f"{dimension.score}/100{level}", "bold")
        heading = plain(dimension.title, self.themed("heading"))
        if heading.cell_len + 1 + verdict.cell_len <= width:
            head: list[RenderableType] = [line(heading, " ", verdict)]
        else:  # the title stays whole; the verdict gives way, to lines of its own
            head = [line(fit(heading, width)), verdict]
        if report.is_real(dimension):
            head.append(
                joined(("\u2713 ", self.themed("heading")), ("Looks real: keep it going, and ask for the evidence.", ""))
            )
        pieces: list[RenderableType] = [
            *head,
            line(bar(None if dimension.score is None else dimension.score / 100, width, self.themed("track"), drawn=self.drawn)),
            line(
                plain(
                    f"{dimension.answered} answered · {dimension.scored} scored · {dimension.dont_know} "
                    f"\u201cdon\u2019t know\u201d ({percent(dimension.dont_know_share)})",
                    muted,
                )
            ),
        ]
        if dimension.text:
            pieces.append(plain(dimension.text, muted + Style(italic=True)))
        for finding in findings(dimension):
            if dimension.measured:
                pieces.append(joined(("! ", self.themed("flag")), (finding[0].upper() + finding[1:] + ".", "")))
        for question in sorted(dimension.questions, key=weakest_question):
            pieces += [Text(), self._question(question, report.in_place(question))]
        return pieces

    def _question(self, question: QuestionResult, in_place: bool = False) -> Table:
        muted = self.themed("muted")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=LABEL_WIDTH, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(score_cell(question.score), plain(question.text, "bold"))
        counts = tally(question) if question.counts else "no answers yet"
        said = unasked_phrase(question.reach, question.skipped)
        grid.add_row("", plain(counts + (f" · {said}" if said else ""), muted))
        heading = self.themed("heading")
        grid.add_row(plain("Ask next", heading), plain(question.ask_next))
        if in_place:
            grid.add_row(plain("In place", heading), plain(IN_PLACE[0].upper() + IN_PLACE[1:] + "."))
        else:
            grid.add_row(plain("Do next", heading), plain(question.do_next))
        for comment in question.comments:
            said = ", ".join(part for part in (comment_by(comment), comment.value) if part)
            grid.add_row(
                "",
                joined(("\u201c", muted), (comment.text.strip(), "italic"), ("\u201d" + (f" — {said}" if said else ""), muted)),
            )
        return grid


class NextSteps(Horizontal):
    """The dimensions weakest first (↑ ↓ choose) beside the chosen one in full."""

    DEFAULT_CSS = """
    NextSteps {
        height: 1fr;
        & > OptionList { width: 28; height: 1fr; padding: 0; background: $background; }
        & > VerticalScroll { width: 1fr; height: 1fr; padding: 0 0 0 2; scrollbar-size-vertical: 1; }
    }
    """

    def compose(self) -> ComposeResult:
        yield OptionList(id="dimension-list")
        with VerticalScroll(id="dimension-scroll", can_focus=False):
            yield DimensionDetail(id="dimension-detail")

    def show(self, report: CommitmentReport) -> None:
        options = self.query_one(OptionList)
        detail = self.query_one(DimensionDetail)
        chosen = detail.dimension_id
        dimensions = weakest_then_unmeasured(report)
        options.set_options(self._option(d) for d in dimensions)
        ids = [d.id for d in dimensions]
        if ids:
            options.highlighted = ids.index(chosen) if chosen in ids else 0
            detail.dimension_id = ids[options.highlighted]
        detail.show(report)

    def _option(self, dimension: DimensionResult) -> Option:
        prompt = Text(no_wrap=True, overflow="ellipsis", end="")
        prompt.append_text(score_cell(dimension.score))
        prompt.append(" ")
        prompt.append_text(plain(dimension.title, "" if dimension.measured else "dim"))
        return Option(prompt, id=dimension.id)

    @on(OptionList.OptionHighlighted)
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        detail = self.query_one(DimensionDetail)
        if event.option.id and event.option.id != detail.dimension_id:
            detail.choose(event.option.id)
            self.query_one(VerticalScroll).scroll_home(animate=False)
