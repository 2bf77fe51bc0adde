"""The boot camp's content as plain, frozen values.

Everything here is produced by :mod:`bootcamp.content.loader` from the YAML in
``sessions/`` and ``exercises/``. Ids are strings chosen by content authors and
are what answers refer to, so rewording a title never orphans an answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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


class Leaning(StrEnum):
    """What a role-description line suggests about the CCO role."""

    STRATEGIC = "strategic"
    TACTICAL = "tactical"
    UNDECIDED = "undecided"


AGENDA_IDS = ("full", "half")


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
    # question
    question: ProbeQuestion | None = None
    comment: bool = True
    # check / exercise
    exercise: str = ""

    @property
    def key(self) -> str:
        """How answers refer to this step: ``session-id/step-id``."""
        return f"{self.session_id}/{self.id}"


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
