"""Progress since the earlier run: the overall move, each dimension's earlier and later score (biggest moves
first), the earlier run's actions as they stand, the role and the ratings.

Each dimension is two lines: the earlier score as a grey bar, the later one under it in the score's colour, each
the top half of its cells so the track shows between them. Drawn in one line, the earlier as the top half and the
later as the bottom half of the same cells, the two touched: grey on the score's colour, 1.4:1 to 1.8:1 on the dark
console and 1.3:1 on the light one, where no grey is 3:1 from both the track and every score colour. A dimension
measured in one run only has only that bar, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.color import Color
from rich.console import RenderableType
from rich.style import Style
from rich.text import Text

from bootcamp.export.comparison_text import (
    ARROW,
    MOVE_MARKS,
    action_counts,
    different_dimensions,
    dimensions_count,
    heading,
    interval,
    level_sentence,
    neither_rated,
    no_gap_listed,
    notes,
    pair,
    rated_on_two_scales,
    scale_span,
    score_or_dash,
    share_pair,
    signed,
    signed_mean,
    tactical_pair,
    two_scales,
)
from bootcamp.export.report_text import number
from bootcamp.summary.action_days import closed_on
from bootcamp.summary.action_progress import action_order
from bootcamp.summary.comparison_model import (
    ActionProgress,
    ActionState,
    Comparison,
    DimensionChange,
    Measured,
    RatingChange,
)
from bootcamp.summary.lineage import EarlierChoice, base_name
from bootcamp.summary.rounding import whole
from bootcamp.ui.text import one_line, plain
from bootcamp.ui.widgets.report.charts import bar, fit, score_colour
from bootcamp.ui.widgets.report.part import Drawn, ReportPart, line

NAME_WIDTH = (12, 22)
SCORES_WIDTH = 9  # "100 → 100"
CHANGE_WIDTH = 4  # "+100" fits in the column's width of four
TAG_WIDTH = 9  # "overdue" with a cell either side
RATING_WIDTH = 19  # "team 1.3 → 1.3 −0.3"
DATE_WIDTH = 10
RUN_NAME_WIDTH = 12  # at least: "Spring… — run 12" keeps its number, the part that tells the runs apart


def change_style(points: int | None, up: Style, down: Style, muted: Style) -> Style:
    return muted if not points else up if points > 0 else down


def half_bar(score: int | None, width: int, colour: Color, track: Style) -> Text:
    """A score on 0..100 as the top half of its cells (``▀``) from the left, on the track: the bottom half of each
    cell is the track, so the bar on the next line stands apart from this one."""
    if width <= 0:
        return Text(end="")
    filled = 0 if score is None else round(score / 100 * width)
    cells = Text("▀" * filled, Style(color=colour, bgcolor=track.bgcolor), end="")
    cells.append(" " * (width - filled), Style(bgcolor=track.bgcolor))
    return cells


class ProgressView(ReportPart):
    DEFAULT_CSS = """
    ProgressView {
        & > .progress--up { color: $text-success; text-style: bold; }
        & > .progress--down { color: $text-error; text-style: bold; }
        & > .progress--earlier { color: $foreground 62%; }
    }
    """
    COMPONENT_CLASSES = {"progress--up", "progress--down", "progress--earlier"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.problem = ""  # why there is no comparison, in one sentence
        self.chosen: EarlierChoice | None = None  # which run it is compared with, and why

    def show_comparison(
        self, comparison: Comparison | None, problem: str = "", chosen: EarlierChoice | None = None
    ) -> None:
        self.comparison = comparison
        self.problem = problem
        self.chosen = chosen
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        comparison = self.comparison
        if comparison is None:
            return plain(self.problem or "Reading the earlier run…", self.themed("muted"))
        return Drawn(lambda width: self.draw_comparison(comparison, width))

    def draw_comparison(self, comparison: Comparison, width: int) -> Sequence[RenderableType]:
        return [
            *self._overall(comparison, width),
            Text(),
            *self._every_run(comparison, width),
            *self._dimensions(comparison, width),
            Text(),
            *self._actions(comparison, width),
            Text(),
            *self._role(comparison, width),
            *self._ratings(comparison, width),
        ]

    # -- the parts ---------------------------------------------------------------------------------------------

    def _change(self, points: int | None, width: int = CHANGE_WIDTH) -> Text:
        style = change_style(points, self.themed("up"), self.themed("down"), self.themed("muted"))
        return fit(plain(signed(points), style), width, align="right")

    def themed(self, name: str) -> Style:
        if name in ("up", "down", "earlier"):
            return self.get_component_rich_style(f"progress--{name}")
        return super().themed(name)

    def _overall(self, comparison: Comparison, width: int) -> list[RenderableType]:
        before, overall = comparison.before, comparison.overall
        muted = self.themed("muted")
        apart = interval(before.date, comparison.after.date)
        since = plain(f"Since {before.held_on}" + (f" ({apart})" if apart else "") + ": ", muted)
        since.append_text(plain(before.workshop))
        compared = overall.same_dimensions or overall.score_before is None or overall.score_after is None
        change_width = 0 if overall.change is None else len(signed(overall.change))
        head = Text(end="")
        like = overall.like_for_like_change
        if compared:
            head.append("Overall ", "bold")
            head.append(self._scores(overall.score_before, overall.score_after), "bold")
            head.append(" ")
            head.append_text(self._change(overall.change, change_width))
            if overall.level_after is not None:
                mark = MOVE_MARKS[overall.level_move] if overall.level_move else ""
                head.append(f"   {mark} {overall.level_after.title}".rstrip())
            like_text = (
                f"{self._scores(overall.like_for_like_before, overall.like_for_like_after)} ({signed(like)})"
                if like is not None
                else "nothing to compare"
            )
            said = f"Like for like, on the {dimensions_count(overall.shared)} measured both times: {like_text}"
        else:  # as `bootcamp compare` says it: the like-for-like change is the progress, the overall scores are not
            if overall.shared:
                head.append(f"Like for like, {dimensions_count(overall.shared)}: ", "bold")
                head.append(self._scores(overall.like_for_like_before, overall.like_for_like_after), "bold")
                head.append(" ")
                head.append_text(self._change(like, change_width))
            else:
                head.append("No dimension measured both times", "bold")
            said = (
                f"Overall {self._scores(overall.score_before, overall.score_after)}, not compared: "
                f"{different_dimensions(overall)}. {level_sentence(overall)}"
            ).rstrip()
        dont_know = share_pair(overall.dont_know_share_before, overall.dont_know_share_after)
        head.append(f"   \u201cdon\u2019t know\u201d {dont_know}", muted)
        pieces: list[RenderableType] = [line(fit(since, width)), line(fit(head, width)), plain(said, muted)]
        if comparison.organisation_differs:  # as `bootcamp compare` titles it: not this organisation's progress
            organisations = pair(before.organisation or "–", comparison.after.organisation or "–")
            pieces.insert(0, plain(f"{heading(comparison)}: {organisations}", self.themed("flag") + Style(bold=True)))
        pieces += [plain(said, muted) for said in (self.chosen.notes(before) if self.chosen else ())]
        pieces += [plain(f"! {note}", self.themed("flag")) for note in notes(comparison)]
        return pieces

    def _every_run(self, comparison: Comparison, width: int) -> list[RenderableType]:
        """One line per run of the line, oldest first, with its overall score: the trend over years of runs, where the
        rest of the page compares the last two. Nothing for two runs, which the headline says already."""
        runs = comparison.runs_listed
        if not runs:
            return []
        muted, track = self.themed("muted"), self.themed("track")
        # Widths in cells: a name or level in Chinese or Japanese takes two a character.
        level_width = max(max((cell_len(run.level) for run in runs), default=0), len("nothing measured"))
        names = [run_name(run.workshop) for run in runs]
        date_width = max(DATE_WIDTH, *(len(run.held_on) for run in runs))  # a run of two days: "2026-09-21–22"
        fixed = date_width + 1 + 1 + 3 + 2 + level_width + 2
        name_width = max(RUN_NAME_WIDTH, min(max(cell_len(name) for name in names), width - fixed - 20))  # bars first
        bar_width = max(8, min(40, width - fixed - name_width))
        compared = {comparison.before.workshop_id, comparison.after.workshop_id}
        heading = f"Every run, {len(runs)} since {runs[0].date}: overall score 0–100"
        rows: list[RenderableType] = [line(fit(plain(heading, self.themed("heading")), width))]
        for run, name in zip(runs, names, strict=True):
            style = "bold" if run.workshop_id in compared else ""
            fraction = None if run.score is None else run.score / 100
            unnamed = "nothing measured" if run.score is None else "–"
            level = plain(run.level, style) if run.level else plain(unnamed, muted)
            rows.append(
                line(
                    fit(plain(run.held_on, style), date_width),
                    " ",
                    bar(fraction, bar_width, track),
                    " ",
                    fit(plain(score_or_dash(run.score), style), 3, align="right"),
                    "  ",
                    fit(level, level_width),
                    "  ",
                    fit(plain(shortened_run_name(name, name_width), muted), name_width),
                )
            )
        rows.append(Text())
        return rows

    def _dimensions(self, comparison: Comparison, width: int) -> list[RenderableType]:
        muted, track = self.themed("muted"), self.themed("track")
        dimensions = comparison.biggest_moves_first
        if not dimensions:
            return [plain("The content names no commitment dimensions.", muted)]
        level_width = max((len(level.title) for level in comparison.levels), default=5) + 2
        name_width = max(NAME_WIDTH[0], min(NAME_WIDTH[1], max(len(d.title) for d in dimensions)))
        fixed = name_width + SCORES_WIDTH + CHANGE_WIDTH + level_width + 4  # four one-cell gaps
        bar_width = max(8, min(50, width - fixed))
        earlier = self.themed("earlier").color or Color.parse("grey50")
        legend = Text(end="")
        legend.append("▀", Style(color=earlier))
        legend.append(" earlier  ", muted)
        legend.append("▀", Style(color=score_colour(0.8, self.drawn.lightness)))
        legend.append(" later", muted)
        rows: list[RenderableType] = [
            line(
                fit(plain("Biggest moves first", muted), name_width + 1),
                fit(legend, bar_width + 1),
                fit(plain("scores", muted), SCORES_WIDTH, align="right"),
                " ",
                fit(plain("move", muted), CHANGE_WIDTH, align="right"),
                " ",
                fit(plain("level now", muted), level_width),
            )
        ]
        for dimension in dimensions:
            # The later score's colour as drawn on this theme's page: 3:1 on the track in each theme.
            later = score_colour((dimension.score_after or 0) / 100, self.drawn.lightness)
            rows.append(
                line(
                    fit(plain(dimension.title, "bold"), name_width),
                    " ",
                    half_bar(dimension.score_before, bar_width, earlier, track),
                    " ",
                    fit(self._scores(dimension.score_before, dimension.score_after), SCORES_WIDTH, align="right"),
                    " ",
                    self._change(dimension.change),
                    " ",
                    self._level(dimension, level_width),
                )
            )
            rows.append(line(" " * (name_width + 1), half_bar(dimension.score_after, bar_width, later, track)))
        return rows

    @staticmethod
    def _scores(before: int | None, after: int | None) -> str:
        return pair(score_or_dash(before), score_or_dash(after))

    def _level(self, dimension: DimensionChange, width: int) -> Text:
        muted = self.themed("muted")
        if dimension.measured is Measured.AFTER_ONLY:
            return fit(plain("later only", muted + Style(italic=True)), width)
        if dimension.measured is Measured.BEFORE_ONLY:
            return fit(plain("earlier only", muted + Style(italic=True)), width)
        if dimension.measured is Measured.NEITHER:
            return fit(plain("not measured", muted + Style(italic=True)), width)
        level = dimension.level_after
        if level is None:
            return fit("–", width)
        style = change_style(
            {"up": 1, "down": -1}.get(dimension.level_move or "", 0), self.themed("up"), self.themed("down"), Style()
        )
        mark = MOVE_MARKS[dimension.level_move] if dimension.level_move else " "
        return fit(plain(f"{mark} {level.title}", style), width)

    def _actions(self, comparison: Comparison, width: int) -> list[RenderableType]:
        muted, heading = self.themed("muted"), self.themed("heading")
        rows: list[RenderableType] = [
            line(fit(plain(f"Actions from {comparison.before.date}, as of {comparison.as_of}", heading), width)),
            plain(action_counts(comparison), muted),
        ]
        for action in sorted(comparison.actions, key=action_order):
            rows.append(self._action(action, width))
        if comparison.carried_actions:
            # As `bootcamp compare` lists them: an action still open from a run before the earlier one is not
            # forgotten because a run came between.
            rows.append(line(fit(plain("Still to do from runs before it", heading), width)))
            rows += [self._action(action, width, carried=True) for action in comparison.carried_actions]
        if comparison.actions or comparison.carried_actions:
            rows.append(plain("The status is the one recorded in the workshop that agreed the action.", muted))
        return rows

    def _action(self, action: ActionProgress, width: int, *, carried: bool = False) -> Text:
        muted = self.themed("muted")
        if action.state is ActionState.OVERDUE:
            tag = plain(fit("overdue", TAG_WIDTH - 2, align="center").plain, self.themed("bad") + Style(reverse=True))
        elif action.state is ActionState.DONE:
            tag = plain(fit("done", TAG_WIDTH - 2, align="center").plain, self.themed("up"))
        else:
            tag = plain(fit(action.state.value, TAG_WIDTH - 2, align="center").plain, muted)
        who = f"{action.owner or '–'}, {action.due or 'no date'}"
        if carried:  # from a run before the earlier one: which
            who += f" · from {action.run_date or action.run_id}"
        # The day it was done or dropped (after the date this page is as of, when closed since), and how late.
        again = f" · {action.status_said}" if closed_on(action.status, action.status_at) else ""
        again += f" · again: {action.again}" if action.again else ""
        side = plain(f"  {who}{again}", muted)
        done = action.state in (ActionState.DONE, ActionState.DROPPED)
        what = plain(action.what, "dim" if done else "")
        # Half the row at most, or what a short action's text leaves: the day it was done and how late stay whole.
        side_width = min(side.cell_len, max(0, width // 2 - 4, width - TAG_WIDTH - what.cell_len))
        text_width = max(4, width - TAG_WIDTH - side_width)
        return line(
            fit(tag, TAG_WIDTH),
            fit(what, text_width),
            fit(side, side_width),
        )

    def _role(self, comparison: Comparison, width: int) -> list[RenderableType]:
        role = comparison.role
        if role is None:
            return []
        heading, muted = self.themed("heading"), self.themed("muted")
        tactical = Text(end="")
        tactical.append(f"Tactical duties: {tactical_pair(role)}")
        if role.tactical_share_before is not None and role.tactical_share_after is not None:
            points = whole(role.tactical_share_after * 100) - whole(role.tactical_share_before * 100)  # as shown
            # Fewer tactical duties is the progress: the sign's colour says which way is better.
            style = change_style(-points, self.themed("up"), self.themed("down"), muted)
            tactical.append(f"  {signed(points)} points", style)
        rows: list[RenderableType] = [line(fit(plain(role.title, heading), width)), tactical]
        gaps = (("closed", role.closed), ("opened", role.opened), ("still open", role.remaining))
        gaps += (("not asked again", role.unchecked), ("now, not scored in the earlier run", role.first_measured))
        if not role.gaps_listed:
            rows.append(plain(no_gap_listed(role), muted))
        for what, found in gaps:
            if found:
                rows.append(plain(f"Structural gaps {what}, scores then {ARROW} now:", muted))
            for gap in found:
                rows.append(
                    line(
                        fit(self._scores(gap.score_before, gap.score_after), SCORES_WIDTH, align="right"),
                        " ",
                        fit(plain(gap.text), width - SCORES_WIDTH - 1),
                    )
                )
        return [*rows, Text()]

    def _ratings(self, comparison: Comparison, width: int) -> list[RenderableType]:
        heading = self.themed("heading")
        rows: list[RenderableType] = []
        for heat_map in comparison.heat_maps:
            title = f"{heat_map.list_title}: room averages, earlier {ARROW} later"
            rows.append(line(fit(plain(title, heading), width)))
            if heat_map.rated_in_neither:  # one sentence, not a row of dashes per item
                rows += [plain(neither_rated(heat_map.title), self.themed("muted")), Text()]
                continue
            if heat_map.scale_changed:  # one sentence: averages on two scales side by side would read as a change
                rows += [plain(rated_on_two_scales(heat_map.title, two_scales(heat_map)), self.themed("muted")), Text()]
                continue
            # the scale the averages are on, as `bootcamp compare` says it
            said = f"From {heat_map.title}, on {heat_map.scale_title}{scale_span(heat_map)}"
            rows.append(plain(f"{said}: the change on the same scale.", self.themed("muted")))
            items = list(dict.fromkeys((row.item, row.title) for row in heat_map.rows))
            by_key = {(row.item, row.perspective): row for row in heat_map.rows}
            cells_width = len(heat_map.perspectives) * (RATING_WIDTH + 2)
            name_width = max(10, min(width - cells_width, max(len(title) for _, title in items)))
            for item, title in items:
                cells: list[Text | str] = [fit(plain(title), name_width)]
                for perspective in heat_map.perspectives:
                    cells += ["  ", self._rating(by_key.get((item, perspective)), perspective, RATING_WIDTH)]
                rows.append(line(*cells))
            rows.append(Text())
        for audit in comparison.audits:
            rows.append(line(fit(plain(f"{audit.list_title}: audit, earlier {ARROW} later", heading), width)))
            if audit.rated_in_neither:
                rows += [plain(neither_rated(audit.title), self.themed("muted")), Text()]
                continue
            if audit.scale_changed:
                rows += [plain(rated_on_two_scales(audit.title, two_scales(audit)), self.themed("muted")), Text()]
                continue
            seen_as = f", rated for {audit.seen_as}" if audit.seen_as else ""
            span = f"({number(audit.scale_low)} to {number(audit.scale_high)})"
            said = f"From {audit.title}, on {audit.scale_title} {span}"
            rows.append(plain(said + seen_as + ".", self.themed("muted")))
            name_width = max(10, min(width - RATING_WIDTH - 2, max((len(r.title) for r in audit.rows), default=10)))
            for row in audit.rows:
                rows.append(line(fit(plain(row.title), name_width), "  ", self._rating(row, "", RATING_WIDTH)))
            rows.append(Text())
        return rows

    def _rating(self, row: RatingChange | None, perspective: str, width: int) -> Text:
        muted = self.themed("muted")
        cell = Text(end="")
        if perspective:
            cell.append(f"{perspective} ", muted)
        if row is None:
            cell.append("–", muted)
            return fit(cell, width, align="right")
        cell.append(pair(number(row.mean_before), number(row.mean_after)))
        if row.mean_change is not None:
            # on the averages' own scale beside it, as `bootcamp compare` says it: 1.3 → 1 is −0.3, not −17 points
            said = signed_mean(row.mean_change)
            moved = 0 if said == "\u00b10" else (1 if row.mean_change > 0 else -1)
            style = change_style(moved, self.themed("up"), self.themed("down"), self.themed("muted"))
            cell.append(" ")
            cell.append(said, style)
        return fit(cell, width, align="right")


def run_name(name: str) -> str:
    return " ".join(name.split())


def shortened_run_name(name: str, width: int) -> str:
    """``name`` in ``width`` cells, its "— run N" kept when there is one: it is what tells twelve runs apart."""
    if cell_len(name) <= width:
        return name
    base = base_name(name)
    suffix = name[len(base) :].strip()
    if base == name or not suffix:
        return one_line(name, width)
    suffix = f" {suffix}"
    room = width - cell_len(suffix)
    return one_line(base, room) + suffix if room > 1 else one_line(suffix.strip(), width)
