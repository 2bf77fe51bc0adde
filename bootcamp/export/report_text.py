"""What every report renderer shares: the report's figures and phrases.

Participant text reaches them already made safe by :mod:`bootcamp.export.safe_text`; each format adds its own
escaping on top (Markdown backslashes, HTML entities, CSV formula guards).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bootcamp.export.safe_text import CARRIAGE_RETURNS, plain
from bootcamp.plurals import counted
from bootcamp.summary.action_days import done_late, late_among_done
from bootcamp.summary.model import (
    DISAGREEMENT_MIN_ANSWERS,
    DISAGREEMENT_SHARE,
    DONT_KNOW_FINDING,
    SELF_TEAM_GAP,
    STRUCTURE_GAP_BELOW,
    Comment,
    CommitmentReport,
    DimensionResult,
    DimensionStatus,
    Note,
    NoteKind,
    QuestionResult,
    RoleVerdict,
    ScalePoint,
    StepCoverage,
    StepReach,
)
from bootcamp.summary.rounding import SHOWN_PLACES, half_up, whole

# -- figures ---------------------------------------------------------------------------------------------------


def percent(share: float | None) -> str:
    return "–" if share is None else f"{whole(share * 100)}%"


def number(value: float | None, places: int = SHOWN_PLACES) -> str:
    """A figure on a scale, rounded half up: "1.5", "2" (no trailing zeros), "–" when there is none."""
    if value is None:
        return "–"
    text = f"{half_up(value, places):.{places}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


def signed_number(value: float) -> str:
    """A difference on a scale with its sign, as :func:`number` shows it: "+0.5", "−0.2", "0"."""
    text = number(abs(value))
    return "0" if text == "0" else (f"+{text}" if value > 0 else f"\u2212{text}")


def scale_range(legend: Iterable[ScalePoint]) -> str:
    """The span of a rating scale as its figures are shown: "0–2"."""
    values = [point.value for point in legend if point.value is not None]
    return f"{number(min(values))}\u2013{number(max(values))}" if values else ""


def signed_points(fraction: float) -> str:
    """A change on 0..1 as points of 100 with its sign, rounded half up: "+25", "−50", "0"."""
    points = whole(fraction * 100)
    return f"+{points}" if points > 0 else (f"\u2212{-points}" if points < 0 else "0")


def score_text(score: int | None) -> str:
    return "not measured" if score is None else f"{score}/100"


def text_bar(fraction: float | None, width: int = 10) -> str:
    """A bar of block characters for plain text: ``███████░░░``."""
    if fraction is None:
        return "·" * width
    filled = max(0, min(width, round(fraction * width)))
    return "█" * filled + "░" * (width - filled)


# -- phrases ---------------------------------------------------------------------------------------------------

STATUS_PHRASES = {
    DimensionStatus.SCORED: "scored",
    DimensionStatus.NO_SCORED_ANSWERS: "asked, but no scored answer",
    DimensionStatus.SKIPPED: "skipped for time",
    DimensionStatus.JUMPED_PAST: "jumped past",
    DimensionStatus.NOT_REACHED: "not reached",
    DimensionStatus.NOT_RUN: "not run on the console; no answers came for it",
    DimensionStatus.NOT_ASKED: "not asked: skipped, jumped past or not reached",
    DimensionStatus.NOT_STARTED: "the workshop was never started",
    DimensionStatus.NOT_ON_AGENDA: "not on this agenda",
}

# How far the room got with a step, in the words every renderer uses (the rules: bootcamp.summary.coverage).
REACH_PHRASES = {
    StepReach.ANSWERED: "answered",
    StepReach.NO_SCORED_ANSWER: "asked, no scored answer",
    StepReach.SHOWN: "shown",
    StepReach.JUMPED_PAST: "jumped past",
    StepReach.SKIPPED: "skipped for time",
    StepReach.NOT_REACHED: "not reached",
    StepReach.NOT_RUN: "not run on the console",
}
REACH_MEANINGS = {
    StepReach.ANSWERED: "at least one scored answer",
    StepReach.NO_SCORED_ANSWER: "reached, but no answer or only \u201cdon\u2019t know\u201d",
    StepReach.SHOWN: "reached; it asks nothing",
    StepReach.JUMPED_PAST: "before where the room got to, never done: gone past with a jump",
    StepReach.SKIPPED: "skipped for time",
    StepReach.NOT_REACHED: "after where the room got to",
    StepReach.NOT_RUN: "the workshop was not run on the console (its answers were imported), and none came for it",
}


def steps_phrase(count: int) -> str:
    return counted(count, "step")


def coverage_phrase(report: CommitmentReport) -> str:
    """One sentence on how far the room got: "Of 75 steps: 2 answered, 50 jumped past, 23 not reached."."""
    if not report.steps:
        return "This agenda has no steps."
    if not report.started:
        return f"This workshop was never started: none of its {steps_phrase(len(report.steps))} was reached."
    counts = [
        f"{len(found)} {REACH_PHRASES[reach]}" for reach in StepReach if (found := report.steps_reached(reach))
    ]
    said = f"Of {steps_phrase(len(report.steps))}: {', '.join(counts)}."
    if report.steps_reached(StepReach.NOT_RUN):
        said += (
            " The day was not run on the console (no timer ran and nothing was skipped there):"
            " its answers came another way, imported or typed in from paper."
        )
    return said


def missed_steps(report: CommitmentReport) -> list[tuple[str, tuple[StepCoverage, ...]]]:
    """The steps the room did not get through, as (heading, steps): skipped for time, jumped past, not reached.

    Empty only when every step was reached: then, and only then, may a renderer say nothing was missed.
    A workshop never started lists nothing here (:func:`coverage_phrase` says it whole).
    """
    if not report.started:
        return []
    found = []
    for reach, heading in (
        (StepReach.SKIPPED, "skipped for time"),
        (StepReach.JUMPED_PAST, "jumped past (gone beyond without doing them)"),
        (StepReach.NOT_REACHED, "not reached (after where the room got to)"),
        (StepReach.NOT_RUN, "not run on the console, with no answers"),
    ):
        steps = report.steps_reached(reach)
        if steps:
            minutes = number(sum(step.minutes for step in steps), 0)
            found.append((f"{steps_phrase(len(steps))} {heading}, {minutes} minutes planned:", steps))
    return found


def unasked_phrase(reach: StepReach, skipped: bool) -> str:
    """Why a step's figures are empty though it asks: "skipped for time", "jumped past", "not reached"; "" when asked.

    A step with answers is never said to be skipped for time, though it was skipped (``skipped`` is False for it:
    :func:`bootcamp.summary.report.build_report`): its figures are the room's answers.
    """
    if reach in (StepReach.SKIPPED, StepReach.JUMPED_PAST, StepReach.NOT_REACHED, StepReach.NOT_RUN):
        return REACH_PHRASES[reach]
    return REACH_PHRASES[StepReach.SKIPPED] if skipped else ""


NOTHING_MISSED = "Every step was reached: nothing was skipped, jumped past or left."


NOTE_KINDS = {
    NoteKind.ROOM: "room note",
    NoteKind.DISCUSS: "discussion",
    NoteKind.QUICK: "quick note",
    NoteKind.POKER: "Poker card",
    NoteKind.ROLE: "role line",
    NoteKind.COMMENT: "comment",
}


def comment_by(comment: Comment) -> str:
    """Who a comment is by, as every summary says it: the name, "secret ballot", or "" in an anonymous workshop
    (where no comment is tied to a seat)."""
    return comment.participant or ("secret ballot" if comment.secret else "")


def participants_phrase(counted_: int, left: int, anonymous: bool = False) -> str:
    """How many people answered, as a cover says it: "40 participants (1 left during the day)", "3 participants
    (anonymous)". Those who left count: their answers do."""
    said = [part for part in ("anonymous" if anonymous else "", f"{left} left during the day" if left else "") if part]
    return counted(counted_, "participant") + (f" ({'; '.join(said)})" if said else "")


def agenda_said(report: CommitmentReport) -> str:
    """Which agenda the room went through, and over how many days when more than one: "full-day agenda over two
    days" (beside two dates, "full day" alone read as a contradiction)."""
    agenda = "half day" if report.agenda == "half" else "full day"
    if len(report.days) < 2:
        return agenda
    return f"{agenda.replace(' ', '-')} agenda over {_NUMBER_WORDS.get(len(report.days), str(len(report.days)))} days"


_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def archived_said(report: CommitmentReport) -> str:
    """For an archived workshop, the line under a summary's head that says so (a client's earlier run is still
    summarised): "Archived on 2026-10-03"; "" for one in the lists. No command: the summary goes to the client."""
    if report.archived_at is None:
        return ""
    return f"Archived on {_local_day(report.archived_at)}" if report.archived_at else "Archived"


def _local_day(moment: str) -> str:
    """The day of a stored UTC time where the summary is read (archived at 22:30 in New York is that day, not the
    next); the stored text's own day if it is not a time."""
    try:
        return datetime.fromisoformat(moment).astimezone().date().isoformat()
    except ValueError:
        return moment[:10]


def people_said(report: CommitmentReport) -> str:
    """The summary's count of participants: the people its answers come from (:func:`participants_phrase`)."""
    return participants_phrase(report.participants_counted, report.participants_left, report.anonymous)


# An anonymous workshop's roles are said apart from its seats, under this, one a line or a list item, each with how
# many have it ("CEO (3)"): a role holding a comma ("Head of Product, EMEA") stays one role.
ROLES_IN_THE_ROOM = "Roles in the room (not tied to a seat):"


def note_place(note: Note) -> str:
    """Where a note was written and under what: "Talk", "Persist — Lived today", "Mandate — No"."""
    return f"{note.where} — {note.label}" if note.label else note.where


def note_who(note: Note) -> str:
    """Who, as the note's kind says it ("held by Ben" for a Poker card); "" when not said."""
    if not note.who:
        return ""
    return f"held by {note.who}" if note.kind is NoteKind.POKER else note.who


def note_lines(note: Note) -> list[str]:
    """The note's text as its lines, each made safe with :func:`plain` (so right-to-left text in one line cannot
    reorder the next), line breaks kept, blank lines and spaces at its ends dropped (as Markdown drops them: every
    format shows the same text)."""
    text = note.text
    if "\n" not in text and "\r" not in text:  # most notes are one line: as the passes below would give it
        return [plain(text.strip())]
    return [plain(line.rstrip()) for line in CARRIAGE_RETURNS.sub("\n", text).strip().split("\n")]


def structure_phrase(role: RoleVerdict) -> str:
    """What the structural gaps section says when it lists no gap; "" when it lists some."""
    if not role.structure:
        return "The structure questions were not on this agenda."
    if role.gaps:
        return ""
    if all(q.score is None for q in role.structure):
        reaches = {q.reach for q in role.structure}
        why = REACH_PHRASES[next(iter(reaches))] if len(reaches) == 1 else "not asked or not answered"
        return f"None of the structure questions has a scored answer ({why}): no gap can be told."
    return "No structure question scored low."


IN_PLACE = "the room says this is in place: keep it going, and ask for the evidence (Ask next)"


def looks_real_lead(report: CommitmentReport) -> str:
    """What the list of real dimensions is: "Scored Hard-wired (90 or more), the room agreed …"."""
    top = report.levels[-1] if report.levels else None
    level = f"{top.title} ({number(top.min_score, 0)} or more)" if top else "the top level"
    return (
        f"Scored {level}, with the room agreed and knowing: the room says these are real. Keep them going, "
        "and ask for the evidence."
    )


def weakest_empty(report: CommitmentReport) -> str:
    """What the weakest-first list says when it lists nothing."""
    if report.looks_real:
        return "Every measured dimension looks real: there is no low score to fix."
    return "No dimension has a score."


ONE_VOICE = "one voice: no question has more than one scored answer"


def findings(dimension: DimensionResult) -> list[str]:
    """Short findings about one dimension, in the order a reader should see them."""
    found: list[str] = []
    if not dimension.measured:
        found.append(f"not measured: {STATUS_PHRASES[dimension.status]}")
    if dimension.one_voice:
        found.append(ONE_VOICE)
    if dimension.unclear:
        found.append(
            f"the commitment is unclear: {dimension.low_end} of {dimension.scored} at the low end, "
            f"{dimension.high_end} at the high end"
        )
    if dimension.nobody_knows:
        found.append(f"nobody knows: {percent(dimension.dont_know_share)} answered \u201cdon\u2019t know\u201d")
    return found


def overall_findings(report: CommitmentReport) -> list[tuple[DimensionResult, str]]:
    """The findings the overall names: a measured dimension's (but "one voice", which its level says in sum), and
    "nobody knows" wherever it is, a dimension with no scored answer too: it is a finding in itself."""
    return [
        (d, finding)
        for d in report.dimensions
        for finding in findings(d)
        if (d.measured and finding != ONE_VOICE) or (not d.measured and d.nobody_knows and finding.startswith("nobody"))
    ]


def unmeasured_overall(report: CommitmentReport) -> str:
    """Why the overall has no score: "no commitment question has a scored answer", or every answer "don't know"."""
    overall = report.overall
    if overall.answered and overall.dont_know == overall.answered:
        every = "the 1 answer" if overall.answered == 1 else f"all {overall.answered} answers"
        were = "was" if overall.answered == 1 else "were"
        return f"{every} to the commitment questions {were} \u201cdon\u2019t know\u201d"
    return "no commitment question has a scored answer"


def agreement_phrase(report: CommitmentReport) -> str:
    """What is said of the room's agreement when no dimension splits it: only what the answers can tell."""
    measured = [d for d in report.dimensions if d.measured]
    if not measured:
        return "No commitment question has a scored answer, so whether the room agrees cannot be told."
    if all(d.one_voice for d in measured):
        return "No question has more than one scored answer, so whether the room agrees cannot be told."
    return "No dimension splits the room: where there is a score, the room broadly agrees on it."


def action_statuses(report: CommitmentReport) -> list[tuple[str, str]]:
    """``[("2 open", ""), ("5 done", "(2 of them late)"), ("1 dropped", "")]``: the actions counted by status, each
    count with how many of those were done late (only done ones can be), apart so a screen can mark it."""
    said = []
    for status in ("open", "doing", "done", "dropped"):
        if of_status := [action for action in report.actions if action.status == status]:
            said.append((f"{len(of_status)} {status}", late_among_done(len(of_status), done_late(of_status))))
    return said


def actions_counted(report: CommitmentReport) -> str:
    """``6 actions · 1 overdue as of 2026-12-01 · 2 open · 3 done (1 of them late) · 1 dropped``, as the console's
    Actions page counts them."""
    overdue = sum(1 for action in report.actions if action.overdue)
    as_of = f" as of {report.as_of}" if report.as_of else ""
    statuses = [f"{count} {late}" if late else count for count, late in action_statuses(report)]
    return " · ".join([counted(len(report.actions), "action"), f"{overdue} overdue{as_of}", *statuses])


def tally(question: QuestionResult) -> str:
    """``Yes 2 · Partly 1 · No 0 · Don't know 1``."""
    return " · ".join(f"{count.label} {count.count}" for count in question.counts)


def tactical_phrase(report: CommitmentReport) -> str:
    role = report.role
    if role is None:
        return ""
    if not role.lines:
        return "The room entered no lines of its role description."
    left = f"{role.left_undecided} undecided by the room" if role.left_undecided else ""
    waiting = f"{role.undecided} not decided yet" if role.undecided else ""
    if not role.decided:
        if not left:
            return f"None of the {len(role.lines)} lines is decided yet."
        counts = ", ".join(said for said in (left, waiting) if said)
        return f"None of the {len(role.lines)} lines is decided strategic or tactical: {counts}."
    return (
        f"{role.tactical} of {role.decided} decided lines are tactical duties "
        f"({percent(role.tactical_share)})" + "".join(f"; {said}" for said in (left, waiting) if said) + "."
    )


def method_notes(report: CommitmentReport) -> list[str]:
    """How the figures were made, so a reader can trace each one back to the answers."""
    notes = [
        "Each scored answer counts as its place on its scale: 0 at the low end, 100 at the high end. "
        "A question's or dimension's score is the mean of its scored answers; the overall score is the "
        "mean of the measured dimensions' scores.",
        "\u201cDon\u2019t know\u201d is kept out of every score and reported as a share of the answers; "
        f"at {percent(DONT_KNOW_FINDING)} or more it is a finding: nobody knows.",
        f"A dimension is flagged unclear when at least {percent(DISAGREEMENT_SHARE)} of its scored answers "
        f"(and at least {DISAGREEMENT_MIN_ANSWERS} of them) sit at each end of the scale.",
        f"A structure question scored below {STRUCTURE_GAP_BELOW} is a structural gap; self and team averages "
        f"that differ by {percent(SELF_TEAM_GAP)} of their scale or more are a gap, "
        "told from the averages as shown.",
        "Figures are rounded half up: 0.75 shows as 0.8, 1.25 as 1.3.",
        "A dimension without scored answers is not measured, never 0.",
        "Answers of removed participants still count: they were given in the room.",
    ]
    if report.content_hash:
        notes.append(
            f"The questions, scales and levels are those of the boot camp content this workshop was run with, "
            f"version {report.content_hash[:12]}, kept with it: a run on other content is compared with this one on "
            "the questions both asked alike."
        )
    if report.unmatched_answers:
        notes.append(
            f"{counted(report.unmatched_answers, 'stored answer')} "
            f"{'names' if report.unmatched_answers == 1 else 'name'} no step, item or option of this agenda "
            f"and {'is' if report.unmatched_answers == 1 else 'are'} not counted."
        )
    return notes
