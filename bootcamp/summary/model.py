"""The commitment report as frozen values: what every renderer (screen, Markdown, HTML, JSON, CSV) shows.

Nothing here is stored: a report is derived again from the content copy and the
stored answers whenever it is wanted (DESIGN.md, The summary). Scores are whole
numbers on 0..100 so that what a reader sees is exactly what decided the level.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from bootcamp.content.model import Leaning, Level
from bootcamp.summary.action_days import DatedStatus
from bootcamp.summary.rounding import SHOWN_PLACES, half_up

REPORT_VERSION = 1

# A dimension where at least this share of its answers is "don't know" is a finding of its own.
DONT_KNOW_FINDING = 0.30
# Disagreement: at least this share of the scored answers at *each* end of the scale ...
DISAGREEMENT_SHARE = 0.25
# ... and at least this many scored answers, so two people differing is not called a split room.
DISAGREEMENT_MIN_ANSWERS = 3
# A structure question scored below this (0..100) is a structural gap of the role.
STRUCTURE_GAP_BELOW = 50
# Self and team ratings of an aptitude that differ by at least this share of the scale are a gap.
SELF_TEAM_GAP = 0.25


class DimensionStatus(StrEnum):
    SCORED = "scored"
    NO_SCORED_ANSWERS = "no-scored-answers"  # asked, but every answer was "don't know" or none came
    SKIPPED = "skipped"  # every step asking it was skipped for time, and nobody answered
    JUMPED_PAST = "jumped-past"  # every step asking it was jumped past (reached past with g), nobody answered
    NOT_REACHED = "not-reached"  # every step asking it comes after where the room stopped
    NOT_RUN = "not-run"  # the workshop was not run on the console and no answer to it was imported
    NOT_ASKED = "not-asked"  # its steps were skipped, jumped past or not reached, a mix of these
    NOT_STARTED = "not-started"  # the workshop was never started
    NOT_ON_AGENDA = "not-on-agenda"  # the workshop's agenda has no question in this dimension


class StepReach(StrEnum):
    """How far the room got with one step of the agenda (rules: :mod:`bootcamp.summary.coverage`)."""

    ANSWERED = "answered"  # a step that asks: at least one scored answer
    NO_SCORED_ANSWER = "no-scored-answer"  # a step that asks: reached, but no answer or only "don't know"
    SHOWN = "shown"  # a step that asks nothing (a slide, a discussion, a break): reached
    JUMPED_PAST = "jumped-past"  # before where the room got to, neither reached nor skipped
    SKIPPED = "skipped"  # skipped for time, and nobody answered it
    NOT_REACHED = "not-reached"  # after where the room got to (every step, when it never started)
    NOT_RUN = "not-run"  # the workshop was not run on the console (answers imported), and none came for this step


@dataclass(frozen=True)
class OptionCount:
    """How many answers picked one option of a scale."""

    option_id: str
    label: str
    count: int
    dont_know: bool = False
    value: float | None = None  # its place on the scale, 0..1 (None for don't know): what a comparison re-scores


@dataclass(frozen=True)
class Comment:
    """A comment typed with an answer; ``participant`` is "" for a secret ballot (``secret``) and in an anonymous
    workshop, where no comment is tied to a seat."""

    participant: str
    value: str  # the label of the option it came with; "" for a comment given without an answer
    text: str
    secret: bool = False  # given by secret ballot


@dataclass(frozen=True)
class QuestionResult:
    id: str
    step_key: str
    item: str  # "" for a question step, the structure question id for a role check
    text: str
    dimension: str
    answered: int  # answers given, "don't know" included
    scored: int  # answers that count towards the score
    dont_know: int
    score: int | None  # 0..100; None when nothing was scored
    counts: tuple[OptionCount, ...]
    comments: tuple[Comment, ...]
    ask_next: str
    do_next: str
    skipped: bool = False  # its step was skipped for time
    reach: StepReach = StepReach.NOT_REACHED  # how far the room got with its step
    scale: str = ""  # the title of the scale it was asked on


@dataclass(frozen=True)
class DimensionResult:
    id: str
    title: str
    text: str
    status: DimensionStatus
    score: int | None  # None: not measured (never 0 by default)
    level: Level | None
    answered: int
    scored: int
    dont_know: int
    dont_know_share: float | None  # of the answers given; None when there were none
    nobody_knows: bool  # dont_know_share at or above DONT_KNOW_FINDING
    low_end: int  # scored answers at the low end of their scale
    high_end: int  # scored answers at the high end
    unclear: bool  # the room disagrees: the commitment is unclear
    questions: tuple[QuestionResult, ...]

    @property
    def measured(self) -> bool:
        return self.score is not None

    @property
    def one_voice(self) -> bool:
        """Measured, and no question of it has more than one scored answer: one person's view (or one person's per
        question), not the room's; it can be neither agreed nor split."""
        return self.measured and max(q.scored for q in self.questions) <= 1


@dataclass(frozen=True)
class OverallResult:
    score: int | None  # the mean of the measured dimensions' scores, each dimension weighing the same
    level: Level | None  # None when not measured, or when too few dimensions are (``level_withheld``)
    measured: int  # dimensions with a score
    dimensions: int
    answered: int
    scored: int
    dont_know: int
    unclear: int = 0  # measured dimensions that split the room
    one_voice: int = 0  # measured dimensions with no more than one scored answer to any question

    @property
    def level_needs(self) -> int:
        """How many dimensions an overall level needs measured: half of them, rounded up."""
        return (self.dimensions + 1) // 2

    @property
    def level_withheld(self) -> bool:
        """A score that names no level, shown with why: from fewer dimensions than a level needs (one dimension's
        "Taking hold" in large type read as the organisation's level); or where most measured dimensions rest on
        one answer to each question, or split the room. A mean of two camps, or one person's view, named as the
        organisation's level is a commitment nobody in the room described."""
        if self.score is None:
            return False
        return self.measured < self.level_needs or 2 * max(self.one_voice, self.unclear) > self.measured

    @property
    def _resting_on_one_answer(self) -> str:
        if self.measured == 1:
            return "the one measured dimension rests"
        return f"{self.one_voice} of {self.measured} measured dimensions {'rests' if self.one_voice == 1 else 'rest'}"

    @property
    def withheld_reason(self) -> str:
        """Why no level is named, in a few words for a comparison: "only 2 dimensions measured", "the room split on
        3 of 5 measured dimensions"; "" when one is."""
        if not self.level_withheld:
            return ""
        if self.measured < self.level_needs:
            return f"only {self.measured} dimension{'' if self.measured == 1 else 's'} measured"
        if 2 * self.one_voice > self.measured:
            return f"{self._resting_on_one_answer} on one answer to each question"
        return f"the room split on {self.unclear} of {self.measured} measured dimensions"

    @property
    def withheld_text(self) -> str:
        """Why no level is named: "no level: only 1 of 10 dimensions measured (a level needs 5)"; "" when one is."""
        if not self.level_withheld:
            return ""
        if self.measured < self.level_needs:
            return (
                f"no level: only {self.measured} of {self.dimensions} dimensions measured "
                f"(a level needs {self.level_needs})"
            )
        if 2 * self.one_voice > self.measured:
            return f"no level: {self._resting_on_one_answer} on one answer to each question"
        return f"no level: the room is split on {self.unclear} of {self.measured} measured dimensions"


@dataclass(frozen=True)
class ScalePoint:
    """One option of a scale as a legend shows it."""

    option_id: str
    label: str
    key: str  # the single key that picks it: a compact mark for a heat-map cell
    value: float | None
    normalised: float | None  # 0..1, None for "don't know"


@dataclass(frozen=True)
class RatingCell:
    option_id: str
    label: str
    key: str
    normalised: float | None  # None for "don't know"


@dataclass(frozen=True)
class RatingSummary:
    """The room on one item (and perspective) of a rate step."""

    item: str
    title: str
    perspective: str  # "self", "team" or "" when the step has no perspectives
    answered: int
    scored: int
    dont_know: int
    mean: float | None  # on the scale's own values
    normalised: float | None  # the mean on 0..1
    low: float | None  # the lowest value given
    high: float | None
    spread: float | None  # population standard deviation, on the scale's own values


@dataclass(frozen=True)
class HeatColumn:
    item: str
    title: str
    short: str  # a label that fits a narrow column
    perspective: str


@dataclass(frozen=True)
class HeatMapRow:
    participant_id: str
    participant: str
    removed: bool
    cells: tuple[RatingCell | None, ...]  # aligned with HeatMap.columns; None: not answered


@dataclass(frozen=True)
class SelfTeamGap:
    """Self against team on one item. Shown on the item's own scale, as the room averages beside it are: the gap
    is the difference of the two averages as shown (rounded half up), so the figures on a line always add up, and
    that shown gap decides the flag (what a reader sees decides, as with scores)."""

    item: str
    title: str
    self_normalised: float
    team_normalised: float
    self_mean: float = 0.0  # the room's averages on the item's scale
    team_mean: float = 0.0
    scale_low: float = 0.0
    scale_high: float = 1.0

    @property
    def gap(self) -> float:
        """Self minus team on 0..1: positive when people rate themselves above their team."""
        return self.self_normalised - self.team_normalised

    @property
    def shown_gap(self) -> float:
        """Self minus team on the item's scale, from the two averages as shown: 0.8 − 1.3 = −0.5."""
        return half_up(half_up(self.self_mean, SHOWN_PLACES) - half_up(self.team_mean, SHOWN_PLACES), SHOWN_PLACES)

    @property
    def flagged(self) -> bool:
        return abs(self.shown_gap) >= SELF_TEAM_GAP * (self.scale_high - self.scale_low) - 1e-9


@dataclass(frozen=True)
class HeatMap:
    """Participants × items × perspectives of a rate step seen from two perspectives (the aptitudes)."""

    step_key: str
    title: str
    list_title: str
    scale_title: str
    legend: tuple[ScalePoint, ...]
    columns: tuple[HeatColumn, ...]
    rows: tuple[HeatMapRow, ...]  # empty for a secret ballot: only room figures are shown
    averages: tuple[RatingSummary, ...]  # aligned with columns
    gaps: tuple[SelfTeamGap, ...]  # items with both perspectives scored
    secret: bool = False
    skipped: bool = False
    reach: StepReach = StepReach.NOT_REACHED  # how far the room got with its step


@dataclass(frozen=True)
class Audit:
    """A rate step seen from one perspective or none (the competencies): the room's average and spread per item."""

    step_key: str
    title: str
    list_title: str
    scale_title: str
    legend: tuple[ScalePoint, ...]
    perspective: str  # whose view the room rated ("team"), "" when the step names none
    scale_low: float
    scale_high: float
    rows: tuple[RatingSummary, ...]
    skipped: bool = False
    reach: StepReach = StepReach.NOT_REACHED  # how far the room got with its step
    rated_for: str = ""  # what the room rated, in the content's words ("the company"); "" when it names none

    @property
    def seen_as(self) -> str:
        """What the room rated for, as every format says it: "the company" where the content names it, else "the
        team" for the perspective; "" for neither."""
        return rated_for_words(self.rated_for, self.perspective)


def rated_for_words(rated_for: str, perspective: str) -> str:
    """The content's own words for what a rate step is rated for, else its perspective's ("the team")."""
    return rated_for or (f"the {perspective}" if perspective else "")


def decision_label(decision: str) -> str:
    """A role line's decision as the summary says it: a line the room left undecided apart from one not decided."""
    if decision == Leaning.UNDECIDED:
        return "undecided by the room"
    return decision or "not decided"


@dataclass(frozen=True)
class RoleLineResult:
    id: str
    text: str
    decision: str  # "strategic", "tactical", "undecided" (the room could not say) or "" (the room has not decided)
    suggestion: Leaning
    reason: str
    markers: tuple[str, ...]  # titles of the markers that matched

    @property
    def agrees(self) -> bool | None:
        """Whether the room decided as the content suggested; None while not decided, or left undecided."""
        if self.decision not in (Leaning.STRATEGIC, Leaning.TACTICAL) or self.suggestion is Leaning.UNDECIDED:
            return None
        return self.decision == self.suggestion.value


@dataclass(frozen=True)
class RoleVerdict:
    check_id: str
    title: str
    lines: tuple[RoleLineResult, ...]
    strategic: int  # decided lines
    tactical: int
    undecided: int  # not decided yet
    structure: tuple[QuestionResult, ...]
    gaps: tuple[QuestionResult, ...]  # structure questions scored below STRUCTURE_GAP_BELOW
    left_undecided: int = 0  # lines the room talked over and left undecided: neither decided nor still to decide

    @property
    def decided(self) -> int:
        return self.strategic + self.tactical

    @property
    def tactical_share(self) -> float | None:
        return self.tactical / self.decided if self.decided else None


@dataclass(frozen=True)
class ActionResult(DatedStatus):
    id: str
    what: str
    owner: str
    due: str
    status: str
    source: str
    source_title: str
    overdue: bool
    status_at: str = ""  # the day it was marked done or dropped (YYYY-MM-DD), "" if never or before it was kept


@dataclass(frozen=True)
class SkippedStep:
    key: str
    title: str
    session: str
    minutes: float


@dataclass(frozen=True)
class StepCoverage:
    key: str
    title: str
    session: str
    minutes: float
    asks: bool  # the step takes answers (a question, a rating, a role check)
    reach: StepReach


@dataclass(frozen=True)
class ParticipantResult:
    id: str
    name: str  # display name: P1 … in an anonymous workshop
    role: str  # "" in an anonymous workshop: its roles are said apart (``CommitmentReport.roles``)
    removed: bool
    answers: int


@dataclass(frozen=True)
class RoleCount:
    """A role of an anonymous workshop's room and how many people in it have it: said apart from the seats."""

    role: str
    count: int


@dataclass(frozen=True)
class PokerNote:
    card: str
    title: str
    holder: str
    notes: tuple[tuple[str, str], ...]  # (prompt label, text)


@dataclass(frozen=True)
class RoomNoteResult:
    step_key: str
    step_title: str
    text: str
    quick: bool


class NoteKind(StrEnum):
    ROOM = "room"  # a note of the room, written at a step that is not a discussion
    DISCUSS = "discuss"  # the room's notes on a discussion's prompt
    QUICK = "quick"  # a quick note the facilitator typed in passing
    POKER = "poker"  # a note on an Aptitude Poker card, under one of its prompts
    ROLE = "role"  # a line of the role description, under the room's decision (the Role page cuts long ones)
    COMMENT = "comment"  # a comment typed with an answer


@dataclass(frozen=True)
class Note:
    """One thing the room wrote, as the Notes page and every export show it. Text is kept as typed, line breaks too.

    ``who`` is "" in an anonymous workshop, for a secret ballot, and where nothing records a writer;
    ``at`` is the stored UTC time ("" where none is stored, as for a secret ballot) and ``when`` the
    same moment in the workshop's local time ("14:05", or "2026-09-22 09:10" on another day than
    the workshop's date).
    """

    kind: NoteKind
    step_key: str  # where it was written; "poker:<card-id>" for a Poker card
    where: str  # the step's title, or the card's title
    label: str  # the Poker prompt, the role line's decision, or the option a comment came with; "" otherwise
    text: str
    at: str
    when: str
    who: str


@dataclass(frozen=True)
class CommitmentReport:
    workshop_id: str
    workshop: str
    organisation: str
    date: str
    agenda: str
    anonymous: bool
    program: str
    content_hash: str
    as_of: str  # ISO date that decides which actions are overdue
    levels: tuple[Level, ...]  # lowest first
    overall: OverallResult
    dimensions: tuple[DimensionResult, ...]  # in the content's order
    heat_maps: tuple[HeatMap, ...]
    audits: tuple[Audit, ...]
    role: RoleVerdict | None
    actions: tuple[ActionResult, ...]
    skipped: tuple[SkippedStep, ...]
    participants: tuple[ParticipantResult, ...]
    poker: tuple[PokerNote, ...]
    notes: tuple[RoomNoteResult, ...]
    unmatched_answers: int  # answers that name no step, item or option of the content copy
    started: bool  # a step was done or skipped, a timer ran or an answer was given
    steps: tuple[StepCoverage, ...]  # every step of the agenda, in order, with how far the room got
    notebook: tuple[Note, ...]  # everything the room wrote, in the agenda's order: the Notes page
    version: int = REPORT_VERSION
    private_notes_left_out: int = 0  # quick notes taken out of a summary to share (:func:`without_private_notes`)
    # The roles in an anonymous workshop's room, sorted: said apart from the seats (P1 …), which then carry no
    # role, so no seat's ratings can be read as a role's. Empty in a named workshop, whose participants carry theirs.
    roles: tuple[str, ...] = ()
    # The dates the room met on (ISO, the facilitator's calendar), when the workshop ran over more than one day (its
    # day clock started again the next morning); empty for a workshop of one day, dated with ``date``.
    days: tuple[str, ...] = ()
    # When the workshop was put away (``bootcamp archive``), ISO 8601, "" when that cannot be read; None: it is not.
    archived_at: str | None = None

    @property
    def held_on(self) -> str:
        """The workshop's date, or every day it ran on: "2026-09-21 and 2026-09-22"."""
        if not self.days:
            return self.date
        return self.days[0] if len(self.days) == 1 else f"{', '.join(self.days[:-1])} and {self.days[-1]}"

    @property
    def real_from(self) -> float | None:
        """The score from which a dimension or question can look real: the top level's; None without levels."""
        return self.levels[-1].min_score if self.levels else None

    def is_real(self, dimension: DimensionResult) -> bool:
        """Scored at the top level, the room agreed (not split, not one voice) and knowing (not "nobody knows"):
        the room says it exists; a fix meant for a low score would prescribe for a problem it says it has not."""
        top = self.real_from
        return (
            top is not None
            and dimension.score is not None
            and dimension.score >= top
            and not (dimension.unclear or dimension.one_voice or dimension.nobody_knows)
        )

    def in_place(self, question: QuestionResult) -> bool:
        """A question more than one person scored at the top level: what to do about it is to keep it going."""
        top = self.real_from
        return top is not None and question.score is not None and question.score >= top and question.scored > 1

    @property
    def looks_real(self) -> tuple[DimensionResult, ...]:
        """The dimensions that look real (:meth:`is_real`), in the content's order."""
        return tuple(d for d in self.dimensions if self.is_real(d))

    @property
    def weakest_first(self) -> tuple[DimensionResult, ...]:
        """Measured dimensions that do not look real, from the lowest score up; ties keep the content's order."""
        return tuple(
            sorted((d for d in self.dimensions if d.measured and not self.is_real(d)), key=lambda d: d.score or 0)
        )

    @property
    def not_measured(self) -> tuple[DimensionResult, ...]:
        return tuple(d for d in self.dimensions if not d.measured)

    def steps_reached(self, reach: StepReach) -> tuple[StepCoverage, ...]:
        return tuple(step for step in self.steps if step.reach is reach)

    @property
    def present(self) -> tuple[ParticipantResult, ...]:
        return tuple(p for p in self.participants if not p.removed)

    @property
    def removed(self) -> tuple[ParticipantResult, ...]:
        return tuple(p for p in self.participants if p.removed)

    @property
    def roles_counted(self) -> tuple[RoleCount, ...]:
        """Each role of :attr:`roles` once, with how many have it, sorted as ``roles`` is: "CEO" three times is
        CEO (3). Roles that differ in case or spaces alone are one, shown as most of the room typed it."""
        spellings: dict[str, Counter[str]] = {}
        for role in self.roles:
            shown = " ".join(role.split())
            spellings.setdefault(shown.casefold(), Counter())[shown] += 1
        counted = (
            RoleCount(min(typed, key=lambda s: (-typed[s], s)), typed.total()) for typed in spellings.values() if typed
        )
        return tuple(sorted(counted, key=lambda r: (r.role.casefold(), r.role)))

    @property
    def participants_left(self) -> int:
        """Participants removed after answering: they left during the day, and their answers still count."""
        return sum(1 for p in self.removed if p.answers)

    @property
    def participants_counted(self) -> int:
        """The people the answers come from: those present, and those who left after answering (a seat removed
        before it answered, added by mistake, is neither)."""
        return len(self.present) + self.participants_left
