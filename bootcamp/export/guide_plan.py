"""The facilitator's guide to a day, as plain values: every step of an agenda with its planned clock time, its notes as
the console shows them, what the room answers and the keys it needs; the sessions with what falls in them; what to
print and bring. Rendered by :mod:`bootcamp.export.guide_html` and :mod:`bootcamp.export.guide_markdown`.

The numbering is the console's (``step 12 of 75``: the agenda's steps in the order the room walks them) and so are
the minutes: a step starts when the one before it is planned to end, so the last ends at the start plus the agenda's
planned total (``Program.planned_minutes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bootcamp.content.model import ANSWERED_KINDS, AptitudePoker, Program, RoleCheck, Step, StepKind
from bootcamp.content.step_notes import NoteLine, note_blocks
from bootcamp.errors import UserError
from bootcamp.flow import format_minutes
from bootcamp.plurals import counted
from bootcamp.store.workshop_info import WorkshopInfo

DEFAULT_START = "09:00"
_CLOCK = re.compile(r"(?P<hours>\d{1,2})[:.h](?P<minutes>\d{2})")
_DAY = 24 * 60


def parse_start(text: str) -> int:
    """``09:00`` (or ``9:00``, ``9.00``, ``9h00``) as minutes after midnight; one sentence when it is not a time."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None or int(match["hours"]) > 23 or int(match["minutes"]) > 59:
        raise UserError(f"--start {text!r} is not a time of day: give it as HH:MM on a 24-hour clock, e.g. 09:00")
    return int(match["hours"]) * 60 + int(match["minutes"])


def clock_time(minutes_after_midnight: float) -> str:
    """``13:05``; a time past midnight says so (``00:30 +1``), as a day that starts late may run on."""
    whole = round(minutes_after_midnight)
    days, minute_of_day = divmod(whole, _DAY)
    shown = f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"
    return shown + (f" +{days}" if days else "")


@dataclass(frozen=True)
class GuideKey:
    """A key the step needs on the console, and what it does there."""

    key: str
    does: str


@dataclass(frozen=True)
class Asked:
    """What the room answers on a step: the question or the rating's prompt, the items rated or the structure
    questions, and the scale's options with the key that picks each."""

    prompt: str
    items: tuple[str, ...]
    options: tuple[GuideKey, ...]
    comment: bool = False  # a question takes a comment with its answer


@dataclass(frozen=True)
class GuideStep:
    step: Step
    number: int  # from 1, as the console counts
    total: int
    starts: float  # planned minutes after the day's start
    notes: tuple[tuple[NoteLine, ...], ...]
    asked: Asked | None
    keys: tuple[GuideKey, ...]

    @property
    def counter(self) -> str:
        return f"step {self.number} of {self.total}"

    @property
    def ends(self) -> float:
        return self.starts + self.step.minutes


@dataclass(frozen=True)
class GuideSession:
    id: str
    title: str
    steps: tuple[GuideStep, ...]
    what_happens: tuple[str, ...]  # the Poker, the role check, the questions … with their planned times

    @property
    def starts(self) -> float:
        return self.steps[0].starts

    @property
    def ends(self) -> float:
        return self.steps[-1].ends

    @property
    def minutes(self) -> float:
        return sum(step.step.minutes for step in self.steps)

    @property
    def is_break(self) -> bool:
        """A break or a meal: a session of one slide the room does nothing on (the shipped breaks and lunch)."""
        return len(self.steps) == 1 and self.steps[0].step.kind is StepKind.TEACH


@dataclass(frozen=True)
class Guide:
    title: str  # the boot camp's
    agenda_id: str
    agenda_title: str
    start: int  # minutes after midnight
    sessions: tuple[GuideSession, ...]
    bring: tuple[str, ...]  # what to print and bring, one sentence each
    workshop: WorkshopInfo | None = None

    @property
    def steps(self) -> tuple[GuideStep, ...]:
        return tuple(step for session in self.sessions for step in session.steps)

    @property
    def total_minutes(self) -> float:
        return sum(session.minutes for session in self.sessions)

    def clock(self, minutes: float) -> str:
        """The planned clock time ``minutes`` after the day's start."""
        return clock_time(self.start + minutes)

    @property
    def ends(self) -> str:
        return self.clock(self.total_minutes)


def build_guide(program: Program, agenda_id: str, start: int, workshop: WorkshopInfo | None = None) -> Guide:
    """The guide to ``agenda_id`` of ``program`` starting at ``start`` (minutes after midnight); a workshop's guide
    names it and its people (the agenda is the workshop's)."""
    steps = program.steps(agenda_id)
    agenda = program.agenda(agenda_id)
    if not steps or agenda is None:
        raise UserError(f"the agenda '{agenda_id}' of '{program.title}' has no steps to print a guide of")
    planned: list[GuideStep] = []
    elapsed = 0.0
    for number, step in enumerate(steps, 1):
        planned.append(
            GuideStep(step, number, len(steps), elapsed, note_blocks(step, program), asked(program, step), keys(program, step))
        )
        elapsed += step.minutes
    guide_sessions = []
    for session_id in dict.fromkeys(step.session_id for step in steps):
        own = tuple(p for p in planned if p.step.session_id == session_id)
        session = program.session(session_id)
        guide_sessions.append(
            GuideSession(session_id, session.title if session else session_id, own, what_happens(own, start))
        )
    return Guide(program.title, agenda_id, agenda.title, start, tuple(guide_sessions), to_bring(program, steps, workshop), workshop)


def what_happens(steps: tuple[GuideStep, ...], start: int) -> tuple[str, ...]:
    """What the room does in a session that the day turns on, with its planned times: ratings, the Poker, the role
    check, the commitment questions (counted, first to last), the actions."""
    said: list[str] = []
    questions = [s for s in steps if s.step.kind is StepKind.QUESTION]
    for guide_step in steps:
        step, at = guide_step.step, clock_time(start + guide_step.starts)
        if step.kind is StepKind.RATE:
            said.append(f"{at} rating: {step.title}")
        elif step.kind is StepKind.EXERCISE:
            said.append(f"{at} {step.title} ({format_minutes(step.minutes)})")
        elif step.kind is StepKind.CHECK:
            said.append(f"{at} role check: {step.title}")
        elif step.kind is StepKind.ACTIONS:
            said.append(f"{at} actions: {step.title}")
        elif guide_step is (questions[0] if questions else None):
            first, last = questions[0], questions[-1]
            span = f"{clock_time(start + first.starts)}–{clock_time(start + last.ends)}"
            numbers = f"steps {first.number}–{last.number}" if len(questions) > 1 else f"step {first.number}"
            said.append(f"{span} {counted(len(questions), 'commitment question')} ({numbers})")
    return tuple(said)


def asked(program: Program, step: Step) -> Asked | None:
    """What the room answers on ``step``: None for a step that takes no answers."""
    asks = program.asks(step)
    if asks is None:
        return None
    options = tuple(GuideKey(option.key, option.label) for option in asks.scale.options)
    if step.kind is StepKind.QUESTION:
        return Asked(asks.items[0].text, (), options, comment=step.comment)
    if step.kind is StepKind.RATE:
        # as the console's rating asks it: "Rate each for yourself and your team:"
        whose = step.rated_for or " and ".join(asks.perspective_label(p) for p in asks.perspectives if p)
        prompt = f"Rate each for {whose}:" if whose else "Rate each:"
        return Asked(prompt, tuple(item.title for item in asks.items), options)
    return Asked(
        "The structure questions, once the lines are decided:",
        tuple(f"{item.title}: {item.text}" for item in asks.items),
        options,
    )


def keys(program: Program, step: Step) -> tuple[GuideKey, ...]:
    """The console's keys a step needs beyond moving on and the timer: only where the step has them."""
    if step.kind in ANSWERED_KINDS:
        found = [GuideKey("a", "go to the answers (a scale's key answers, x clears)")]
        if step.kind is StepKind.QUESTION and step.comment:
            found.append(GuideKey("c", "the comment of the person at the cursor"))
        if step.kind is StepKind.CHECK:
            found = [
                GuideKey("Enter", "adds the line typed (the line field has the keys on arrival)"),
                GuideKey("Tab", "to the lines: s strategic · t tactical · k takes the suggestion · u undecided · x removes"),
                GuideKey("Esc", "gives the console its keys back (a, r, e, v)"),
                GuideKey("f3", "shows these notes (the lines take the console's width)"),
                *found,
            ]
        elif step.kind is StepKind.RATE:
            found.append(GuideKey("f3", "shows these notes (the grid takes the console's width)"))
        return (
            *found,
            GuideKey("r", "reveals the room's results (again: hides them)"),
            GuideKey("e", "private entry: each person answers unseen at the keyboard"),
            GuideKey("v", "secret ballot: answers stored without a name"),
        )
    if step.kind is StepKind.DISCUSS:
        shown = program.shown_step(step)
        found = [] if shown is None else [GuideKey("r", f"reveals the results of “{shown.title}”")]
        return (*found, GuideKey("Tab", "to the room's notes: type one, Enter for the next"))
    if step.kind is StepKind.EXERCISE and isinstance(program.exercise(step.exercise), AptitudePoker):
        return (
            GuideKey("d", "deals the cards among the people present"),
            GuideKey("Enter", "discusses the card at the cursor (starts its clock)"),
            GuideKey("space", "starts or pauses the card's clock"),
            GuideKey("p", "passes the card to someone else"),
            GuideKey("a", "adds an action (what, owner, due date) from the card"),
        )
    if step.kind is StepKind.ACTIONS:
        return (
            GuideKey("a", "adds an action: what, owner, due date"),
            GuideKey("Enter", "edits the action at the cursor"),
            GuideKey("space", "moves its status on: open → doing → done → dropped"),
        )
    return ()


def to_bring(program: Program, steps: tuple[Step, ...], workshop: WorkshopInfo | None) -> tuple[str, ...]:
    """What to print and bring for these steps, each with the command that prints it."""
    kinds = {step.kind for step in steps}
    bring = ["This guide, and the room's Wi-Fi name and password for the phones (or a phone's hotspot)."]
    for step in steps:
        exercise = program.exercise(step.exercise) if step.kind is StepKind.EXERCISE else None
        if isinstance(exercise, AptitudePoker):
            deck = program.item_list(exercise.deck)
            cards = counted(len(deck.items), "card") if deck else "the cards"
            bring.append(f"The {exercise.title} deck, {cards} a page: `bootcamp print deck -o deck.html`.")
            break
    if kinds & set(ANSWERED_KINDS):
        sheets = f"`bootcamp print sheets {workshop.id if workshop else 'ID'} -o sheets.html`"
        people = f", one per person ({len(workshop.present)})" if workshop else ", one per person"
        bring.append(f"Paper answer sheets in case the phones fail{people}: {sheets}.")
    if any(
        step.kind is StepKind.CHECK and isinstance(program.exercise(step.exercise), RoleCheck) for step in steps
    ):
        bring.append(
            "The customer leader's written role description or job posting, to type in line by line "
            "(`bootcamp role-check posting.txt` checks it beforehand)."
        )
    return tuple(bring)
