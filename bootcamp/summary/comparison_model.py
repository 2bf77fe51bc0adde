"""Progress between two runs of the commitment test, as frozen values (see :mod:`bootcamp.summary.comparison`).

Every figure keeps its two sides, ``before`` (the earlier run) and ``after`` (the later one),
and a side is ``None`` when that run did not measure it: a dimension measured only once
is said so, never compared with a made-up 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bootcamp.content.model import Level
from bootcamp.dates import days_span
from bootcamp.summary.action_days import DatedStatus
from bootcamp.summary.model import DimensionStatus, rated_for_words
from bootcamp.summary.rounding import SHOWN_PLACES, half_up

# 2: a rating's change is on its scale, as its averages are (it was on 0..1).
# 3: the overall change is the like-for-like one when the runs measured different dimensions (it was the
#    difference of the two overall scores, which a run could raise by not asking again what went badly); the
#    overall level move is null then.
# 5: a dimension is compared on the questions both runs asked on the same scale (``question_changes`` names the
#    others and the rewordings; ``run_score_*`` keep each run's own score when they differ). Fields added since,
#    in version 5: a heat map's or audit's ``scale_changed`` and the earlier run's scale (``scale_*_before``),
#    whose ratings then have no change.
COMPARISON_VERSION = 5


class Move(StrEnum):
    """Where a level went from one run to the next."""

    UP = "up"
    DOWN = "down"
    SAME = "same"


class Measured(StrEnum):
    """Which runs scored a dimension (or a rating)."""

    BOTH = "both"
    BEFORE_ONLY = "earlier-only"
    AFTER_ONLY = "later-only"
    NEITHER = "neither"


class ActionState(StrEnum):
    """An earlier action as the later run finds it."""

    DONE = "done"
    DROPPED = "dropped"
    OVERDUE = "overdue"  # open or under way, and due before the later run's date
    OPEN = "open"  # open or under way, not due yet, or with no due date


def measured(before: object | None, after: object | None) -> Measured:
    if before is not None and after is not None:
        return Measured.BOTH
    if before is not None:
        return Measured.BEFORE_ONLY
    return Measured.AFTER_ONLY if after is not None else Measured.NEITHER


def difference(before: int | None, after: int | None) -> int | None:
    return None if before is None or after is None else after - before


class QuestionChange(StrEnum):
    """How a commitment question differs between the two runs' contents (matched by step and item ids)."""

    EARLIER_ONLY = "earlier-only"  # removed since, or not on the later run's agenda
    LATER_ONLY = "later-only"  # new, or not on the earlier run's agenda
    SCALE_CHANGED = "scale-changed"  # asked both times, on scales that count differently: not compared
    REWORDED = "reworded"  # asked both times on the same scale, in other words: compared by its id


@dataclass(frozen=True)
class QuestionDifference:
    """A question of a dimension that the two runs did not ask alike."""

    step_key: str
    item: str  # "" for a question step, the structure question's id for a role check
    why: QuestionChange
    text_before: str  # "" when the earlier run did not ask it
    text_after: str  # "" when the later run does not ask it
    scale_before: str = ""  # the scale's title in each run
    scale_after: str = ""

    @property
    def text(self) -> str:
        return self.text_after or self.text_before


@dataclass(frozen=True)
class RunFacts:
    """One run of the test as the comparison names it."""

    workshop_id: str
    workshop: str
    organisation: str
    date: str
    agenda: str
    anonymous: bool
    program: str
    content_hash: str
    participants: int  # present at the end of the day
    left_during_the_day: int = 0  # removed after answering: their answers count, so every format counts them too
    days: tuple[str, ...] = ()  # the dates a run of more than one day met on (CommitmentReport.days), else none

    @property
    def held_on(self) -> str:
        """Its date, or its first and last day for a run of more than one: "2026-09-21–22"."""
        return days_span(self.date, self.days)


@dataclass(frozen=True)
class DimensionChange:
    id: str
    title: str
    status_before: DimensionStatus | None  # None: the earlier run's content has no such dimension
    status_after: DimensionStatus | None
    score_before: int | None  # None: not measured in that run
    score_after: int | None
    level_before: Level | None
    level_after: Level | None
    level_move: Move | None  # None unless both runs reached a level
    answered_before: int
    answered_after: int
    scored_before: int
    scored_after: int
    dont_know_share_before: float | None  # of the answers given; None when none were given
    dont_know_share_after: float | None
    nobody_knows_before: bool
    nobody_knows_after: bool
    unclear_before: bool  # the room disagreed: the commitment was unclear
    unclear_after: bool
    # The questions the two runs did not ask alike. When one is left out (``left_out``), the scores above (and
    # the counts, levels and findings) are of the questions both runs asked on the same scale, and ``run_score_*``
    # are each run's own score, as its summary gives it.
    question_changes: tuple[QuestionDifference, ...] = ()
    run_score_before: int | None = None
    run_score_after: int | None = None

    @property
    def left_out(self) -> tuple[QuestionDifference, ...]:
        """The questions not compared: asked in one run only, or on another scale."""
        return tuple(q for q in self.question_changes if q.why is not QuestionChange.REWORDED)

    @property
    def reworded(self) -> tuple[QuestionDifference, ...]:
        return tuple(q for q in self.question_changes if q.why is QuestionChange.REWORDED)

    @property
    def measured(self) -> Measured:
        return measured(self.score_before, self.score_after)

    @property
    def change(self) -> int | None:
        """Points of 100 from the earlier score to the later one; None unless both runs measured it."""
        return difference(self.score_before, self.score_after)


@dataclass(frozen=True)
class OverallChange:
    """The two overall scores, each the mean of the dimensions its own run measured, and the change between them.

    When the runs measured different dimensions, the two scores are not compared: the change is the like-for-like
    one (the dimensions both runs measured), so a run cannot show progress by leaving out what went badly."""

    score_before: int | None
    score_after: int | None
    level_before: Level | None
    level_after: Level | None
    level_move: Move | None  # None unless both runs reached a level and measured the same dimensions
    measured_before: int  # dimensions with a score in that run
    measured_after: int
    shared: int  # dimensions measured in both runs
    like_for_like_before: int | None  # the mean of the shared dimensions only, as each run scored them
    like_for_like_after: int | None
    dont_know_share_before: float | None
    dont_know_share_after: float | None
    level_withheld_before: bool = False  # a score, but no level named (see OverallResult.level_withheld)
    level_withheld_after: bool = False
    level_withheld_why_before: str = ""  # why, in a few words: "only 2 dimensions measured"
    level_withheld_why_after: str = ""
    # Questions of the shared dimensions left out of the like-for-like scores (asked in one run only, or on another
    # scale): with any, each run's overall score counts questions the other did not ask, so the two are not compared.
    questions_left_out: int = 0
    # Dimensions both runs scored on their own, none of whose questions was asked alike: not compared, not "shared".
    asked_differently: int = 0

    @property
    def same_dimensions(self) -> bool:
        """Both runs measured the same dimensions (at least one) with the same questions: their overall scores can
        be compared."""
        return self.measured_before == self.measured_after == self.shared > 0 and not self.questions_left_out

    @property
    def change(self) -> int | None:
        """The progress the comparison reports: the later overall score minus the earlier one when both runs
        measured the same dimensions, else the like-for-like change (None when no dimension was measured twice)."""
        if self.same_dimensions:
            return difference(self.score_before, self.score_after)
        return self.like_for_like_change

    @property
    def like_for_like_change(self) -> int | None:
        return difference(self.like_for_like_before, self.like_for_like_after)


@dataclass(frozen=True)
class RatingChange:
    """The room's average on one item and perspective of a rate step, in both runs."""

    item: str
    title: str
    perspective: str  # "self", "team" or ""
    mean_before: float | None  # on the scale's own values
    mean_after: float | None
    normalised_before: float | None  # 0..1
    normalised_after: float | None
    answered_before: int
    answered_after: int
    # False when the two runs rated the step on different scales: each mean is on its own run's scale, and no
    # change is given (a share of one scale is not a share of the other).
    compared: bool = True

    @property
    def measured(self) -> Measured:
        return measured(self.normalised_before, self.normalised_after)

    @property
    def change(self) -> float | None:
        """The move on 0..1 (a share of the scale); None unless both runs have an average on the same scale. What a
        reader is shown is :attr:`mean_change`, on the scale of the averages beside it."""
        if not self.compared or self.normalised_before is None or self.normalised_after is None:
            return None
        return self.normalised_after - self.normalised_before

    @property
    def mean_change(self) -> float | None:
        """The later average minus the earlier one on the rating's own scale, from the two averages as shown (one
        decimal, halves up): 0.4 → 0.8 is +0.4. None unless both runs have an average."""
        if self.mean_before is None or self.mean_after is None or self.change is None:
            return None
        shown = half_up(self.mean_after, SHOWN_PLACES) - half_up(self.mean_before, SHOWN_PLACES)
        return half_up(shown, SHOWN_PLACES)


@dataclass(frozen=True)
class HeatMapChange:
    """The aptitude heat map's room averages, per aptitude and perspective, in both runs."""

    step_key: str
    title: str
    list_title: str
    scale_title: str
    perspectives: tuple[str, ...]
    rows: tuple[RatingChange, ...]  # item by item, each perspective in turn
    scale_low: float = 0.0  # the rating scale's ends, which the averages are on
    scale_high: float = 0.0
    # The earlier run's scale ("" and 0 when it did not rate the step), and whether it counts differently from the
    # later one's (other option ids or values): then the ratings are not compared.
    scale_title_before: str = ""
    scale_low_before: float = 0.0
    scale_high_before: float = 0.0
    scale_changed: bool = False

    @property
    def rated_in_neither(self) -> bool:
        return all(row.measured is Measured.NEITHER for row in self.rows)


@dataclass(frozen=True)
class AuditChange:
    """The competency audit's room averages in both runs."""

    step_key: str
    title: str
    list_title: str
    scale_title: str
    perspective: str
    scale_low: float
    scale_high: float
    rows: tuple[RatingChange, ...]
    rated_for: str = ""  # what the room rated, in the content's words ("the company"), as the later run has it
    scale_title_before: str = ""  # as HeatMapChange's
    scale_low_before: float = 0.0
    scale_high_before: float = 0.0
    scale_changed: bool = False

    @property
    def seen_as(self) -> str:
        """What the room rated for, as the summary says it ("the company", else "the team")."""
        return rated_for_words(self.rated_for, self.perspective)

    @property
    def rated_in_neither(self) -> bool:
        return all(row.measured is Measured.NEITHER for row in self.rows)


@dataclass(frozen=True)
class GapChange:
    """A structure question of the role check, in both runs (scores 0..100)."""

    id: str
    text: str
    score_before: int | None
    score_after: int | None


@dataclass(frozen=True)
class RoleChange:
    title: str
    lines_before: int | None  # None: that run had no role check
    lines_after: int | None
    tactical_before: int
    tactical_after: int
    decided_before: int
    decided_after: int
    closed: tuple[GapChange, ...]  # a structural gap in the earlier run, scored at or above the line now
    opened: tuple[GapChange, ...]  # a structural gap now that was not one before
    remaining: tuple[GapChange, ...]  # a gap in both runs
    unchecked: tuple[GapChange, ...]  # a gap in the earlier run, not measured in the later one
    # A gap now whose question had no scored answer in the earlier run: no change can be told, so not "opened".
    first_measured: tuple[GapChange, ...] = ()
    # Structure questions with a scored answer in that run: with none, no gap can be told for it.
    structure_scored_before: int = 0
    structure_scored_after: int = 0

    @property
    def gaps_listed(self) -> bool:
        return bool(self.closed or self.opened or self.remaining or self.unchecked or self.first_measured)

    @property
    def tactical_share_before(self) -> float | None:
        return self.tactical_before / self.decided_before if self.decided_before else None

    @property
    def tactical_share_after(self) -> float | None:
        return self.tactical_after / self.decided_after if self.decided_after else None


@dataclass(frozen=True)
class ActionProgress(DatedStatus):
    """An action agreed in an earlier run, with its status as recorded since (in the workshop it was agreed in)."""

    id: str
    what: str
    owner: str
    due: str
    status: str  # open, doing, done, dropped
    state: ActionState  # as of the later run's date
    source_title: str
    again: str  # the status of the same action on the later run's list, "" when it is not there
    run_id: str = ""  # the run it was agreed in: its workshop id, name and date
    run: str = ""
    run_date: str = ""
    status_at: str = ""  # the day it was marked done or dropped, "" if never or before that day was kept

    @property
    def closed_since(self) -> bool:
        """Marked done or dropped after the later run's date: still to do as of it, closed now."""
        return self.status in ("done", "dropped") and self.state in (ActionState.OPEN, ActionState.OVERDUE)


EVERY_RUN_FROM = 3  # runs in a line from which every run is listed: two are the comparison itself


@dataclass(frozen=True)
class RunScore:
    """One run of the line, for the trend across every run: its overall score (None: nothing measured) and level."""

    workshop_id: str
    workshop: str
    date: str
    score: int | None
    level: str  # the title of the level its own summary names, "" when it names none (withheld, or no score)
    measured: int  # dimensions with a score
    dimensions: int
    days: tuple[str, ...] = ()  # as RunFacts.days

    @property
    def held_on(self) -> str:
        return days_span(self.date, self.days)


@dataclass(frozen=True)
class Comparison:
    before: RunFacts
    after: RunFacts
    as_of: str  # the later run's date: earlier actions due before it and not done are overdue
    levels: tuple[Level, ...]  # the later run's, lowest first; both runs' scores are named with them
    overall: OverallChange
    dimensions: tuple[DimensionChange, ...]  # the later content's order, then those only the earlier one had
    heat_maps: tuple[HeatMapChange, ...]
    audits: tuple[AuditChange, ...]
    role: RoleChange | None
    actions: tuple[ActionProgress, ...]  # the earlier run's actions
    new_actions: int  # actions on the later run's list that were not on the earlier one
    organisation_differs: bool
    content_differs: bool
    agenda_differs: bool
    version: int = COMPARISON_VERSION
    # Actions of the runs before the earlier one in its line, still open or under way (oldest run first): no run
    # since agreed them again, so nothing else would say they are still to do.
    carried_actions: tuple[ActionProgress, ...] = ()
    # The earlier run's own levels, lowest first: its summary names its scores with them, so they are told apart
    # when a newer content redefined them (``levels_redefined``).
    levels_before: tuple[Level, ...] = ()
    # Every run of the line up to the later one, oldest first: the runs before the earlier one, then the two compared.
    runs: tuple[RunScore, ...] = ()

    @property
    def runs_listed(self) -> tuple[RunScore, ...]:
        """Every run of the line, to list with its score, from ``EVERY_RUN_FROM`` runs; none for two, which the
        comparison's headline says already."""
        return self.runs if len(self.runs) >= EVERY_RUN_FROM else ()

    @property
    def levels_redefined(self) -> bool:
        """The two runs' contents band the scores differently (a level's id or lowest score)."""
        return bool(self.levels_before) and not same_bands(self.levels_before, self.levels)

    @property
    def biggest_moves_first(self) -> tuple[DimensionChange, ...]:
        """Dimensions measured in both runs by the size of their move, largest first (ties: the content's
        order), then those measured in one run only, then those measured in neither."""
        rank = {Measured.BOTH: 0, Measured.AFTER_ONLY: 1, Measured.BEFORE_ONLY: 2, Measured.NEITHER: 3}
        return tuple(sorted(self.dimensions, key=lambda d: (rank[d.measured], -abs(d.change or 0))))

    @property
    def measured_once(self) -> tuple[DimensionChange, ...]:
        """Dimensions only one run's summary scored (not those both scored on questions asked differently)."""
        return tuple(
            d
            for d in self.dimensions
            if d.measured in (Measured.BEFORE_ONLY, Measured.AFTER_ONLY)
            and (d.run_score_before is None or d.run_score_after is None)
        )

    def actions_in(self, state: ActionState) -> tuple[ActionProgress, ...]:
        return tuple(action for action in self.actions if action.state is state)

    def carried_in(self, state: ActionState) -> tuple[ActionProgress, ...]:
        return tuple(action for action in self.carried_actions if action.state is state)


def same_bands(first: Sequence[Level], second: Sequence[Level]) -> bool:
    """Two contents' levels band scores alike: the same ids from the same lowest scores."""
    return [(level.id, level.min_score) for level in first] == [(level.id, level.min_score) for level in second]
