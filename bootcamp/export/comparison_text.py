"""What every renderer of a comparison shares: its figures as words, and the phrases that explain them.

Phrases are plain text: a renderer escapes each one whole for its format (:func:`notes` names
the organisations as typed, so it is escaped as participant text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bootcamp.content.model import Level
from bootcamp.export.report_text import STATUS_PHRASES, number, percent
from bootcamp.summary.action_days import done_counted, done_late
from bootcamp.summary.comparison_model import (
    ActionProgress,
    ActionState,
    AuditChange,
    Comparison,
    DimensionChange,
    HeatMapChange,
    Measured,
    Move,
    OverallChange,
    QuestionChange,
    QuestionDifference,
    RoleChange,
)
from bootcamp.summary.model import STRUCTURE_GAP_BELOW

MINUS = "\u2212"
ARROW = "\u2192"
MOVE_MARKS = {Move.UP: "\u2191", Move.DOWN: "\u2193", Move.SAME: "="}
STATE_PHRASES = {
    ActionState.DONE: "done",
    ActionState.DROPPED: "dropped",
    ActionState.OVERDUE: "overdue",
    ActionState.OPEN: "still open, not due yet",
}


def state_phrase(action: ActionProgress) -> str:
    """Where an earlier action stands as of the later run: "overdue", "still open, not due yet", "open, no due date"."""
    if action.state is ActionState.OPEN and not action.due.strip():
        return "open, no due date"
    return STATE_PHRASES[action.state]


def run_named(action: ActionProgress) -> str:
    """The run an action was agreed in: "Spring boot camp (2026-03-01)"."""
    name = " ".join(action.run.split()) or action.run_id
    return f"{name} ({action.run_date})" if action.run_date else name


def signed(points: int | None) -> str:
    """A change in points of 100: "+12", "−5", "±0"; "–" when there is nothing to compare."""
    if points is None:
        return "–"
    return f"+{points}" if points > 0 else f"{MINUS}{-points}" if points < 0 else "\u00b10"


def signed_mean(change: float | None) -> str:
    """A rating's change on its own scale, as its averages are shown: "+0.4", "−1", "±0"; "–" when there is
    none."""
    if change is None:
        return "–"
    text = number(abs(change))
    return "\u00b10" if text == "0" else f"+{text}" if change > 0 else f"{MINUS}{text}"


def score_or_dash(score: int | None) -> str:
    return "–" if score is None else str(score)


def pair(before: str, after: str) -> str:
    return f"{before} {ARROW} {after}"


def share_pair(before: float | None, after: float | None) -> str:
    return pair(percent(before), percent(after))


def interval(before: str, after: str) -> str:
    """How far apart the two runs were: "same day", "12 days", "about 6 months"."""
    try:
        days = (date.fromisoformat(after[:10]) - date.fromisoformat(before[:10])).days
    except ValueError:
        return ""
    if days == 0:
        return "the same day"
    if abs(days) < 60:
        return f"{days} day{'s' if days != 1 else ''} apart"
    months = round(days / 30.44)
    return f"about {months} month{'s' if months != 1 else ''} apart"


def measured_once(dimension: DimensionChange) -> str:
    """Why a dimension has no change: which run measured it, and what the other one says."""
    if dimension.measured is not Measured.BOTH and both_scored(dimension):
        return "not compared: its questions changed"
    if dimension.measured is Measured.AFTER_ONLY:
        why = _why_not(dimension.status_before, "earlier")
        return f"measured only in the later run ({why})"
    if dimension.measured is Measured.BEFORE_ONLY:
        why = _why_not(dimension.status_after, "later")
        return f"measured only in the earlier run ({why})"
    if dimension.measured is Measured.NEITHER:
        return "measured in neither run"
    return ""


def both_scored(dimension: DimensionChange) -> bool:
    """Each run's own summary gave the dimension a score (even where the questions it asked differ)."""
    return dimension.run_score_before is not None and dimension.run_score_after is not None


def _why_not(status: object, run: str) -> str:
    if status is None:
        return f"the {run} run's content has no such dimension"
    return f"the {run} run: {STATUS_PHRASES[status]}"  # type: ignore[index]


def level_move(dimension_or_overall: object) -> str:
    """``Lip service → Good intentions ↑``; one title when it stayed; "" when a side has no level."""
    before = getattr(dimension_or_overall, "level_before", None)
    after = getattr(dimension_or_overall, "level_after", None)
    move = getattr(dimension_or_overall, "level_move", None)
    if before is None and after is None:
        return ""
    if before is None or after is None:
        return pair(before.title if before else "–", after.title if after else "–")
    if move is Move.SAME:
        return f"{after.title} (same)"
    return f"{pair(before.title, after.title)} {MOVE_MARKS[move] if move else ''}".rstrip()


def dimensions_count(count: int) -> str:
    return f"{count} dimension{'s' if count != 1 else ''}"


def like_for_like_lead(overall: OverallChange) -> str:
    """What the headline says when the runs measured different dimensions, before its figures: "Like for like, on
    the 1 dimension measured both times"; "No dimension was measured in both runs: no change can be told"."""
    if not overall.shared and overall.questions_left_out:
        return "No dimension was asked alike in both runs: no change can be told"
    if not overall.shared:
        return "No dimension was measured in both runs: no change can be told"
    return f"Like for like, on the {dimensions_count(overall.shared)} measured both times"


def different_dimensions(overall: OverallChange) -> str:
    """Why the two overall scores are not compared: "the runs measured different dimensions (2 and 5, 1 in
    common)", or "the runs asked different questions (3 left out of the comparison)"."""
    count = overall.questions_left_out
    asked_differently = f"the runs asked different questions ({count} question{'s' if count != 1 else ''} left out)"
    if count and overall.measured_before == overall.measured_after == overall.shared + overall.asked_differently:
        return asked_differently
    if count:
        return (
            f"{asked_differently} and measured different dimensions ({overall.measured_before} and "
            f"{overall.measured_after}, {overall.shared} in common)"
        )
    return (
        f"the runs measured different dimensions ({overall.measured_before} and {overall.measured_after}, "
        f"{overall.shared} in common)"
    )


def not_compared(overall: OverallChange) -> str:
    """The two overall scores, kept in sight but not compared, when the runs measured different dimensions."""
    said = (
        f"Overall scores, not compared: {pair(score_or_dash(overall.score_before), score_or_dash(overall.score_after))}"
        f"/100. {different_dimensions(overall).capitalize()}, so the difference between them is not progress."
    )
    return f"{said} {level_sentence(overall)}".rstrip()


def level_sentence(overall: OverallChange) -> str:
    """The overall level in both runs as a sentence: "Level: Lip service → Hard-wired."; "" when neither names one."""
    level = overall_level(overall).removeprefix("level: ")
    return f"Level: {level}." if level else ""


def overall_level(overall: OverallChange) -> str:
    """The overall level in both runs: "Lip service → Hard-wired ↑"; when a run names none, "level: " and why:
    "level: not given for the earlier run (only 2 dimensions measured) → Hard-wired"; "" when neither names one."""
    if overall.level_before is not None and overall.level_after is not None:
        return level_move(overall)

    def side(level: Level | None, withheld: bool, why: str, run: str) -> str:
        if level is not None:
            return level.title
        if withheld:
            return f"not given for the {run} run ({why})" if why else f"not given for the {run} run"
        return f"none for the {run} run"

    if not (overall.level_before or overall.level_after or overall.level_withheld_before or overall.level_withheld_after):
        return ""
    before = side(overall.level_before, overall.level_withheld_before, overall.level_withheld_why_before, "earlier")
    after = side(overall.level_after, overall.level_withheld_after, overall.level_withheld_why_after, "later")
    return "level: " + pair(before, after)


def split_pair(dimension: DimensionChange) -> str:
    """Whether the room disagreed, before and after: only said when it did in either run, and only when both runs
    scored the dimension (a run with no scored answer agreed on nothing; :func:`measured_once` says why)."""
    if not dimension.unclear_before and not dimension.unclear_after:
        return ""
    if dimension.measured is not Measured.BOTH:
        return ""
    return pair("split" if dimension.unclear_before else "agreed", "split" if dimension.unclear_after else "agreed")


def tactical_pair(role: RoleChange) -> str:
    """``50% (3 of 6 decided lines) → 25% (2 of 8)``."""

    def side(tactical: int, decided: int, share: float | None, lines: int | None, long: bool) -> str:
        if lines is None:
            return "no role check"
        if not decided:
            return "no line decided"
        return f"{percent(share)} ({tactical} of {decided}{' decided lines' if long else ''})"

    return pair(
        side(role.tactical_before, role.decided_before, role.tactical_share_before, role.lines_before, True),
        side(role.tactical_after, role.decided_after, role.tactical_share_after, role.lines_after, False),
    )


def scale_span(heat_map: HeatMapChange) -> str:
    """The rating scale's ends, as the audit says them: " (0 to 2)"; "" for a scale without two scored points."""
    if heat_map.scale_low == heat_map.scale_high:
        return ""
    return f" ({number(heat_map.scale_low)} to {number(heat_map.scale_high)})"


def two_scales(part: HeatMapChange | AuditChange, shown: Callable[[str], str] = str) -> str:
    """The two scales a rate step was rated on, "Strength or weakness (0 to 2) then, One to five (1 to 5) now", or
    under one title whose options changed; ``shown`` turns a scale's title (content text) into the format's."""
    if part.scale_title_before == part.scale_title:
        return f"{shown(part.scale_title)} both times, whose options changed"
    then = f"{shown(part.scale_title_before)}{_span(part.scale_low_before, part.scale_high_before)}"
    return f"{then} then, {shown(part.scale_title)}{_span(part.scale_low, part.scale_high)} now"


def _span(low: float, high: float) -> str:
    return "" if low == high else f" ({number(low)} to {number(high)})"


def rated_on_two_scales(step_title: str, scales: str) -> str:
    """A heat map or audit rated on another scale since, in one sentence (``two_scales``; ``step_title`` and
    ``scales`` as the format shows them)."""
    return f"{step_title} was rated on {scales}: its averages are on two scales, so they are not compared."


def neither_rated(step_title: str) -> str:
    """A heat map or audit with no average in either run, in one sentence; ``step_title`` as the format shows it."""
    return f"Neither run rated them ({step_title} has no rating in either run)."


def no_gap_listed(role: RoleChange) -> str:
    """What the role says when it lists no structural gap: that there was none only in a run that scored a
    structure question; a run that scored none cannot tell a gap (as the summary says)."""
    if role.structure_scored_before and role.structure_scored_after:
        return "No structural gap in either run."
    if role.structure_scored_after:
        return (
            "No structural gap in the later run; the earlier run has no scored structure question, so no change can "
            "be told."
        )
    if role.structure_scored_before:
        return "No structural gap in the earlier run; the later run has no scored structure question."
    return "Structure was not assessed in either run (no structure question has a scored answer): no gap can be told."


def action_counts(comparison: Comparison) -> str:
    """``8 actions from the earlier run: 3 done (1 of them late), 2 overdue, 2 still open, 1 dropped``; then, when runs
    before it left actions open, ``2 actions still open from runs before it: 1 overdue, 1 still open``."""
    total = len(comparison.actions)
    if not total:
        said = "The earlier run recorded no actions."
    else:
        said = f"{total} action{'s' if total != 1 else ''} from the earlier run: {_counts(comparison.actions_in)}."
    carried = len(comparison.carried_actions)
    if carried:
        said += (
            f" {carried} action{'s' if carried != 1 else ''} from runs before it {'are' if carried != 1 else 'is'} "
            f"still to do: {_counts(comparison.carried_in)}."
        )
    return said


def _counts(found_in: Callable[[ActionState], tuple[ActionProgress, ...]]) -> str:
    """``3 done (1 of them late), 2 overdue, 2 still open, 1 dropped``: done as of the later run, and how many of
    those after their due date."""
    return ", ".join(
        done_counted(len(found), done_late(found)) if state is ActionState.DONE else f"{len(found)} {phrase}"
        for state, phrase in (
            (ActionState.DONE, "done"),
            (ActionState.OVERDUE, "overdue"),
            (ActionState.OPEN, "still open"),
            (ActionState.DROPPED, "dropped"),
        )
        if (found := found_in(state))
    )


def heading(comparison: Comparison) -> str:
    """What the comparison is called before whose it is: two organisations' runs are compared, but the move from
    one organisation to another is not progress."""
    return "Comparison across organisations, not progress" if comparison.organisation_differs else "Progress"


def notes(comparison: Comparison) -> list[str]:
    """What a reader must know before trusting a change. They name organisations as typed: a renderer
    escapes each note whole, as participant text."""
    found = []
    before, after = comparison.before, comparison.after
    if comparison.organisation_differs:
        found.append(
            f"The two runs are for different organisations: {before.organisation or '–'} (earlier) and "
            f"{after.organisation or '–'} (later)."
        )
    if comparison.agenda_differs:
        found.append(
            f"The earlier run was a {_agenda(before.agenda)}, the later one a {_agenda(after.agenda)}: "
            "what only one agenda asks is measured once."
        )
    if comparison.content_differs:
        found.append(
            f"The boot camp content changed between the runs (version {before.content_hash[:12] or '–'} then, "
            f"{after.content_hash[:12] or '–'} now, as each summary names it): dimensions, steps and items are "
            "matched by their ids."
        )
    found += [question_note(dimension) for dimension in comparison.dimensions if dimension.left_out]
    found += [
        rated_on_two_scales(part.title, two_scales(part))
        for part in (*comparison.heat_maps, *comparison.audits)
        if part.scale_changed
    ]
    reworded = [question for dimension in comparison.dimensions for question in dimension.reworded]
    if reworded:
        found.append(
            "Reworded since the earlier run, and compared as the same question: "
            + "; ".join(f"\u201c{q.text_before}\u201d then, \u201c{q.text_after}\u201d now" for q in reworded)
            + "."
        )
    if comparison.levels_redefined:
        found.append(
            f"The levels were redefined between the runs ({_redefined(comparison)}): "
            "both runs' scores are named with the later run's levels."
        )
    once = comparison.measured_once
    if once:
        names = ", ".join(d.title for d in once)
        found.append(f"Measured in one run only, so not compared: {names}.")
    return found


_LEFT_OUT_WHY = {
    QuestionChange.EARLIER_ONLY: "asked only in the earlier run",
    QuestionChange.LATER_ONLY: "asked only in the later run",
}


def _left_out_why(question: QuestionDifference) -> str:
    if question.why is QuestionChange.SCALE_CHANGED:
        if question.scale_before == question.scale_after:  # the same title over other option ids or values
            return f"asked on {question.scale_after} both times, whose options changed"
        return f"asked on {question.scale_before} then, {question.scale_after} now"
    return _LEFT_OUT_WHY[question.why]


def question_note(dimension: DimensionChange) -> str:
    """How a dimension whose questions changed is compared, and which were left out: "Mandate is compared on the
    questions both runs asked on the same scale (its own scores: 50 then, 100 now); left out: “…” (asked only in
    the earlier run)."."""
    left_out = "; ".join(f"\u201c{q.text}\u201d ({_left_out_why(q)})" for q in dimension.left_out)
    then, now = score_or_dash(dimension.run_score_before), score_or_dash(dimension.run_score_after)
    own = f"its own scores: {then} then, {now} now"
    if dimension.measured is Measured.BOTH:
        how = f"{dimension.title} is compared on the questions both runs asked on the same scale ({own})"
    else:
        how = f"{dimension.title} is not compared: no question with a score in both runs was asked alike ({own})"
    return f"{how}; left out: {left_out}."


def _redefined(comparison: Comparison) -> str:
    """Each level whose lowest score changed, "Hard-wired from 75 then, from 90 now", and those only one run has."""
    then = {level.id: level for level in comparison.levels_before}
    now = {level.id: level for level in comparison.levels}
    changes = [
        f"{level.title} from {then[level.id].min_score:g} then, from {level.min_score:g} now"
        for level in comparison.levels
        if level.id in then and then[level.id].min_score != level.min_score
    ]
    changes += [f"{level.title} only now" for level in comparison.levels if level.id not in then]
    changes += [f"{level.title} only then" for level in comparison.levels_before if level.id not in now]
    return "; ".join(changes)


def _agenda(agenda: str) -> str:
    return "half day" if agenda == "half" else "full day"


def method_notes(comparison: Comparison) -> list[str]:
    overall = comparison.overall
    carried = (
        [
            "Actions of the runs before the earlier one in its line that are still open or under way are listed with "
            "the run they were agreed in, unless a run since agreed the same action again."
        ]
        if comparison.carried_actions
        else []
    )
    closed_since = (
        [f"An action marked done or dropped after {comparison.as_of} was still to do as of that date."]
        if any(action.closed_since for action in (*comparison.actions, *comparison.carried_actions))
        else []
    )
    return [
        "Each run is scored by its own rules (the commitment report's): a change is the later score minus the "
        "earlier one, in points of 100.",
        f"The overall score is the mean of the dimensions each run measured; like for like is the mean of the "
        f"{overall.shared} dimension{'s' if overall.shared != 1 else ''} both runs measured.",
        "The overall change is the later overall score minus the earlier one when both runs measured the same "
        "dimensions; otherwise it is the like-for-like change, and the two overall scores are shown but not compared.",
        "A dimension measured in one run only is said so and never compared with 0.",
        "A rating's change is on its own scale, as its averages are: the later average minus the earlier one, each "
        "as shown (one decimal, halves rounded up).",
        f"A structural gap is a structure question scored below {STRUCTURE_GAP_BELOW}.",
        f"The earlier run's actions carry the status recorded in that workshop; one still open or under way "
        f"and due before {comparison.as_of or 'the later run'} is overdue.",
        *closed_since,
        *carried,
    ]
