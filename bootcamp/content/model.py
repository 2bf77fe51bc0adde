"""The boot camp's content as plain, frozen values.

Everything here is produced by :mod:`bootcamp.content.loader` from the YAML in
``sessions/`` and ``exercises/``. Ids are strings chosen by content authors and
are what answers refer to, so rewording a title never orphans an answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class StepKind(StrEnum):
    TEACH = "teach"
    RATE = "rate"
    QUESTION = "question"
    CHECK = "check"
    EXERCISE = "exercise"
    DISCUSS = "discuss"
    ACTIONS = "actions"


class Perspective(StrEnum):
    """Whose behaviour a rating describes."""

    SELF = "self"
    TEAM = "team"


# How the room is asked for a perspective: "Rate yourself." / "Rate each for yourself and your team:"
PERSPECTIVE_LABELS = MappingProxyType({Perspective.SELF.value: "yourself", Perspective.TEAM.value: "your team"})


class Leaning(StrEnum):
    """What a role-description line suggests about the CCO role."""

    STRATEGIC = "strategic"
    TACTICAL = "tactical"
    UNDECIDED = "undecided"


AGENDA_IDS = ("full", "half")

# The kinds of step the room answers: their results are revealed (r) and summarised.
ANSWERED_KINDS = (StepKind.RATE, StepKind.QUESTION, StepKind.CHECK)
# The kinds of step a discussion may show the results of (``shows``): a rating's bars, the role check's tactical
# share and structure answers.
SHOWN_KINDS = (StepKind.RATE, StepKind.CHECK)


@dataclass(frozen=True)
class ScaleOption:
    id: str
    label: str
    value: float | None  # None only for the "don't know" option
    key: str  # the single key that picks it in the room
    dont_know: bool = False


@dataclass(frozen=True)
class Scale:
    id: str
    title: str
    options: tuple[ScaleOption, ...]

    def option(self, option_id: str) -> ScaleOption | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def scored_options(self) -> tuple[ScaleOption, ...]:
        return tuple(o for o in self.options if not o.dont_know)

    @property
    def low(self) -> float:
        return min(o.value for o in self.scored_options if o.value is not None)

    @property
    def high(self) -> float:
        return max(o.value for o in self.scored_options if o.value is not None)

    def normalised(self, option_id: str) -> float | None:
        """The option's value on 0..1 (low end 0), or None for don't know / unknown."""
        option = self.option(option_id)
        if option is None or option.dont_know or option.value is None:
            return None
        span = self.high - self.low
        return 1.0 if span == 0 else (option.value - self.low) / span


@dataclass(frozen=True)
class Item:
    """An entry of a named list: an aptitude, a competency …"""

    id: str
    title: str
    text: str
    short: str = ""  # a label that fits a narrow grid column


@dataclass(frozen=True)
class ItemList:
    id: str
    title: str
    items: tuple[Item, ...]

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True)
class Dimension:
    """A commitment dimension that questions are scored in."""

    id: str
    title: str
    text: str


@dataclass(frozen=True)
class Level:
    """A named band of a commitment score (0..100), from lip service upwards."""

    id: str
    title: str
    min_score: float
    text: str


@dataclass(frozen=True)
class ProbeQuestion:
    """A question scored in a commitment dimension, with what to do about its answer."""

    id: str
    text: str
    dimension: str
    scale: str
    ask_next: str
    do_next: str
    short: str = ""  # a label that fits a grid row: structure questions have one

    @property
    def label(self) -> str:
        """The short label, else one made from the id: ``reporting-line`` → ``Reporting line``."""
        return self.short or self.id.replace("-", " ").replace("_", " ").capitalize()


@dataclass(frozen=True)
class Marker:
    """A pattern in a role description that leans strategic or tactical."""

    id: str
    leaning: Leaning
    title: str
    why: str
    patterns: tuple[str, ...]
    weight: float = 1.0


@dataclass(frozen=True)
class NotDeciding:
    """Words in a role description that look like a sign but say nothing about the duty ("strategic accounts").

    Their matches are taken out of a line before the markers are matched; the reason says so.
    """

    id: str
    why: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class OwnUnit:
    """Words saying a duty stays inside the leader's own unit ("the team's", "inside the tribe").

    A strategic kind of duty done only there does not change how the organisation serves its
    customers: such a line is not suggested strategic; the reason says why.
    """

    id: str
    why: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class LearnedWords:
    """Word weights learned from labelled postings (see :mod:`bootcamp.content.rolecheck_words`).

    ``words`` keeps the rows ("escal case -1.25": a word stem or a pair of stems, then its weight;
    positive leans strategic) as text: they are read only when a line is weighed. Where no marker
    decides, a line whose score (``bias`` plus its words' weights) reaches ``margin`` either way
    leans that way.

    ``examples`` keeps labelled duty lines as rows ("tactical | Run the care centre …"), also read
    only when needed: where neither the markers nor the words decide, a line whose ``nearest``
    closest examples are all at least ``similarity`` alike (0 to 1) and share one label leans that
    way, and the reason quotes the closest one.
    """

    bias: float
    margin: float
    words: str
    examples: str = ""
    nearest: int = 2
    similarity: float = 0.35


@dataclass(frozen=True)
class PokerPrompt:
    id: str
    label: str
    text: str = ""


@dataclass(frozen=True)
class AptitudePoker:
    id: str
    title: str
    body: str
    deck: str  # an ItemList id
    minutes_per_card: float
    prompts: tuple[PokerPrompt, ...]
    kind: str = "poker"


@dataclass(frozen=True)
class RoleCheck:
    id: str
    title: str
    body: str
    markers: tuple[Marker, ...]
    structure: tuple[ProbeQuestion, ...]
    kind: str = "role-check"
    not_deciding: tuple[NotDeciding, ...] = ()
    own_unit: tuple[OwnUnit, ...] = ()
    learned: LearnedWords | None = None


Exercise = AptitudePoker | RoleCheck


@dataclass(frozen=True)
class Step:
    id: str
    session_id: str
    kind: StepKind
    title: str
    minutes: float
    body: str = ""  # Markdown shown to the room
    notes: str = ""  # for the facilitator only; never projected
    agendas: tuple[str, ...] = AGENDA_IDS
    # rate
    items: str = ""  # an ItemList id
    scale: str = ""
    perspectives: tuple[Perspective, ...] = ()
    # rate, one perspective: what the room rates each item for, in its words, where the perspective's own would mislead
    # ("the company" for the competency audit, which the team rates for the company, not for itself); "" for those
    rated_for: str = ""
    # question
    question: ProbeQuestion | None = None
    comment: bool = True
    # check / exercise
    exercise: str = ""
    # discuss: the id of an earlier rate or check step of the same session whose results the discussion shows
    shows: str = ""

    @property
    def key(self) -> str:
        """How answers refer to this step: ``session-id/step-id``."""
        return f"{self.session_id}/{self.id}"


Cell = tuple[str, str]  # (item id, perspective): what one answer of a step is about


@dataclass(frozen=True)
class AskedItem:
    """One thing a step asks about: an item of a rated list, a structure question, or a question step's question."""

    id: str  # what an answer's ``item`` holds: "" for a question step
    title: str  # the name the room sees: the item's title, the structure question's label, the step's title
    text: str  # what is asked in full: the item's explanation, or the question
    short: str  # a label that fits a narrow grid column


@dataclass(frozen=True)
class Asks:
    """What a step asks, the one description every way in and out uses (``Program.asks``).

    ``cells`` are the ``(item, perspective)`` pairs an answer of the step may be about, in
    content order: every item by every perspective for a rate step, one ``("", "")`` for a
    question step, one ``(question id, "")`` per structure question for a role check. Each is
    answered with an option id of ``scale``.
    """

    step: Step
    scale: Scale
    items: tuple[AskedItem, ...]
    perspectives: tuple[str, ...]  # ("",) when the step has none
    cells: tuple[Cell, ...] = field(init=False)
    _cells: frozenset[Cell] = field(init=False, repr=False, compare=False)
    _options: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cells = tuple((item.id, perspective) for item in self.items for perspective in self.perspectives)
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "_cells", frozenset(cells))
        object.__setattr__(self, "_options", frozenset(option.id for option in self.scale.options))

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @property
    def dont_know(self) -> str:
        """The id of the scale's "don't know" option, or "" when it has none."""
        return next((option.id for option in self.scale.options if option.dont_know), "")

    def item(self, item_id: str) -> AskedItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    @staticmethod
    def perspective_label(perspective: str) -> str:
        """How the room is asked for a perspective: ``self`` → "yourself"; "" for none."""
        return PERSPECTIVE_LABELS.get(perspective, perspective)

    def asked_for(self, perspective: str) -> str:
        """What this step asks the room to rate for: its ``rated_for`` ("the company") where it names one, else the
        perspective's own words (``team`` → "your team"); "" for none."""
        if perspective and self.step.rated_for:
            return self.step.rated_for
        return self.perspective_label(perspective)

    def accepts(self, item: str, perspective: str, value: str) -> bool:
        """Whether an answer ``value`` for ``item`` and ``perspective`` is one this step asks for."""
        return (item, perspective) in self._cells and value in self._options

    def problems(self, item: str, perspective: str, value: str) -> tuple[tuple[str, str], ...]:
        """What is wrong with an answer, as ``(field, problem)`` pairs: item, perspective, value; () when accepted."""
        if self.accepts(item, perspective, value):
            return ()
        found = (
            ("item", self._item_problem(item)),
            ("perspective", self._perspective_problem(perspective)),
            ("value", self._value_problem(value)),
        )
        return tuple((name, problem) for name, problem in found if problem)

    def problem(self, item: str, perspective: str, value: str) -> str:
        """The first thing wrong with an answer in one line naming its field, e.g. ``value: 'maybe' is not on
        the scale 'commitment' (yes, partly, no, dont-know)``; "" when the step accepts it."""
        found = self.problems(item, perspective, value)
        return f"{found[0][0]}: {found[0][1]}" if found else ""

    def _item_problem(self, item: str) -> str:
        ids = self.item_ids
        if item in ids:
            return ""
        if self.step.kind is StepKind.QUESTION:
            return "a question step has no items; leave it empty"
        if self.step.kind is StepKind.CHECK:
            listed = ", ".join(ids)
            return f"{item!r} is not a structure question of this step ({listed})" if item else f"missing ({listed})"
        return f"{item!r} is not an item of this step ({', '.join(ids)})" if item else "missing"

    def _perspective_problem(self, perspective: str) -> str:
        if perspective in self.perspectives:
            return ""
        if self.perspectives == ("",):
            kinds = {StepKind.QUESTION: "a question step", StepKind.CHECK: "a role check"}
            whose = kinds.get(self.step.kind, "this step")
            return f"{whose} has no perspectives; leave it empty"
        if perspective:
            return f"{perspective!r} is not one of {', '.join(self.perspectives)}"
        return f"missing ({' or '.join(self.perspectives)})"

    def _value_problem(self, value: str) -> str:
        if value in self._options:
            return ""
        listed = ", ".join(option.id for option in self.scale.options)
        return f"{value!r} is not on the scale {self.scale.id!r} ({listed})" if value else f"missing ({listed})"


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Agenda:
    id: str
    title: str
    session_ids: tuple[str, ...]


@dataclass(frozen=True)
class Program:
    """A whole boot camp: its sessions, agendas and the data its steps refer to."""

    title: str
    sessions: tuple[Session, ...]
    agendas: tuple[Agenda, ...]
    scales: tuple[Scale, ...]
    lists: tuple[ItemList, ...]
    dimensions: tuple[Dimension, ...]
    levels: tuple[Level, ...]
    exercises: tuple[Exercise, ...]
    content_hash: str = ""
    sources: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Program.asks per step: the program never changes, so each step's is worked out once
    _asks: dict[Step, Asks | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def scale(self, scale_id: str) -> Scale | None:
        return next((s for s in self.scales if s.id == scale_id), None)

    def item_list(self, list_id: str) -> ItemList | None:
        return next((li for li in self.lists if li.id == list_id), None)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def agenda(self, agenda_id: str) -> Agenda | None:
        return next((a for a in self.agendas if a.id == agenda_id), None)

    def poker(self) -> AptitudePoker | None:
        """The boot camp's Aptitude Poker exercise (its deck and prompts), if it has one."""
        return next((e for e in self.exercises if isinstance(e, AptitudePoker)), None)

    def steps(self, agenda_id: str = "full") -> tuple[Step, ...]:
        """Every step of an agenda, in the order the room walks them."""
        agenda = self.agenda(agenda_id)
        if agenda is None:
            return ()
        return tuple(
            step
            for session_id in agenda.session_ids
            if (session := self.session(session_id)) is not None
            for step in session.steps
            if agenda_id in step.agendas
        )

    def step(self, key: str) -> Step | None:
        session_id, _, step_id = key.partition("/")
        session = self.session(session_id)
        if session is None:
            return None
        return next((s for s in session.steps if s.id == step_id), None)

    def shown_step(self, step: Step) -> Step | None:
        """The answered step whose results ``step`` shows: itself when the room answers it, the rate or check step a
        discussion names in ``shows``; None for a step that shows no results (``r`` reveals nothing there)."""
        if step.kind in ANSWERED_KINDS:
            return step
        if step.kind is StepKind.DISCUSS and step.shows:
            shown = self.step(f"{step.session_id}/{step.shows}")
            return shown if shown is not None and shown.kind in SHOWN_KINDS else None
        return None

    def planned_minutes(self, agenda_id: str = "full") -> float:
        return sum(step.minutes for step in self.steps(agenda_id))

    def questions(self, agenda_id: str = "full") -> tuple[ProbeQuestion, ...]:
        """Every scored commitment question of an agenda: question steps and role-check structure."""
        found: list[ProbeQuestion] = []
        for step in self.steps(agenda_id):
            if step.kind is StepKind.QUESTION and step.question is not None:
                found.append(step.question)
            elif step.kind is StepKind.CHECK:
                exercise = self.exercise(step.exercise)
                if isinstance(exercise, RoleCheck):
                    found.extend(exercise.structure)
        return tuple(found)

    def asks(self, step: Step) -> Asks | None:
        """What ``step`` asks: its items × perspectives on its scale; None for a step that takes no answers.

        Teach, discuss, exercise and actions steps take none; nor does a step whose list, scale
        or role check is missing from the program (the loader refuses such content).
        """
        try:
            return self._asks[step]
        except KeyError:
            found = self._asks[step] = self._asks_of(step)
            return found

    def _asks_of(self, step: Step) -> Asks | None:
        if step.kind is StepKind.QUESTION and step.question is not None:
            scale = self.scale(step.question.scale)
            question = step.question
            asked = (AskedItem("", step.title, question.text, question.short or step.title),)
            return Asks(step, scale, asked, ("",)) if scale is not None else None
        if step.kind is StepKind.RATE:
            items, scale = self.item_list(step.items), self.scale(step.scale)
            if items is None or scale is None or not items.items:
                return None
            asked = tuple(AskedItem(i.id, i.title, i.text, i.short or i.title) for i in items.items)
            return Asks(step, scale, asked, tuple(p.value for p in step.perspectives) or ("",))
        if step.kind is StepKind.CHECK:
            check = self.exercise(step.exercise)
            if not isinstance(check, RoleCheck) or not check.structure:
                return None
            scale = self.scale(check.structure[0].scale)  # the loader gives every structure question one scale
            asked = tuple(AskedItem(q.id, q.label, q.text, q.label) for q in check.structure)
            return Asks(step, scale, asked, ("",)) if scale is not None else None
        return None
