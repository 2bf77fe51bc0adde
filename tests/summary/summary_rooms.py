"""Small rooms on the fixture content, built in memory: the inputs of ``build_report``.

The fixture content (tests/fixtures/content) has one question step ``basics/mandate`` in
dimension *mandate*, a role check ``basics/role`` whose one structure question
``reports-to-ceo`` is scored in *structure*, and ``basics/rate-aptitudes`` (two aptitudes,
self and team, on strong=2 / mixed=1 / weak=0). The commitment scale is yes=2 / partly=1 /
no=0, so yes scores 100, partly 50 and no 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bootcamp.content import Program, load_dir
from bootcamp.store.model import (
    Action,
    ActionStatus,
    Answer,
    Participant,
    PokerCard,
    RoleLine,
    RoomNote,
    RoomRecords,
    WorkshopInfo,
    WorkshopState,
)
from bootcamp.summary import CommitmentReport, build_report

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
MANDATE = "basics/mandate"
ROLE = "basics/role"
RATE = "basics/rate-aptitudes"
STRUCTURE_QUESTION = "reports-to-ceo"

_program: Program | None = None


def fixture_program() -> Program:
    global _program
    if _program is None:
        _program = load_dir(FIXTURE)
    return _program


def participants(count: int, *, removed: Sequence[int] = (), names: Sequence[str] = ()) -> tuple[Participant, ...]:
    return tuple(
        Participant(
            id=f"p{n}",
            number=n,
            name=names[n - 1] if n <= len(names) else "",
            removed=n in removed,
        )
        for n in range(1, count + 1)
    )


def info(
    people: Sequence[Participant],
    *,
    agenda: str = "full",
    name: str = "Spring boot camp",
    organisation: str = "Acme",
    workshop_id: str = "w1",
    date: str = "2026-09-21",
) -> WorkshopInfo:
    return WorkshopInfo(
        id=workshop_id,
        name=name,
        organisation=organisation,
        date=date,
        agenda=agenda,
        anonymous=not any(p.name for p in people),
        participants=tuple(people),
        content_hash="fixture",
        created_at="2026-09-21T08:00:00+00:00",
    )


def mandate(*values: str) -> list[Answer]:
    """One mandate answer per participant p1, p2 … in order."""
    return [Answer(f"p{n}", MANDATE, value=value) for n, value in enumerate(values, 1) if value]


def structure(*values: str) -> list[Answer]:
    return [Answer(f"p{n}", ROLE, item=STRUCTURE_QUESTION, value=value) for n, value in enumerate(values, 1) if value]


def rating(participant: int, item: str, perspective: str, value: str) -> Answer:
    return Answer(f"p{participant}", RATE, item=item, perspective=perspective, value=value)


@dataclass
class Room_:
    """Everything build_report takes, with defaults for what a test does not care about."""

    people: tuple[Participant, ...]
    answers: list[Answer] = field(default_factory=list)
    room: RoomRecords = field(default_factory=RoomRecords)
    state: WorkshopState = field(default_factory=WorkshopState)
    agenda: str = "full"
    name: str = "Spring boot camp"
    organisation: str = "Acme"
    workshop_id: str = "w1"
    date: str = "2026-09-21"

    @property
    def info(self) -> WorkshopInfo:
        return info(
            self.people,
            agenda=self.agenda,
            name=self.name,
            organisation=self.organisation,
            workshop_id=self.workshop_id,
            date=self.date,
        )

    def report(self, as_of: str | None = None) -> CommitmentReport:
        return build_report(fixture_program(), self.info, self.answers, self.room, self.state, as_of=as_of)


def golden_room() -> Room_:
    """A fixed named room of four that touches every part of the report: the golden Markdown's input."""
    people = participants(4, removed=(4,), names=("Ana", "Ben", "Chloe", "Dev"))
    answers = [
        *mandate("yes", "no", "no", "yes"),
        *structure("no", "partly", "dont-know", "no"),
        rating(1, "persist", "self", "strong"),
        rating(1, "persist", "team", "weak"),
        rating(1, "give-power-away", "self", "mixed"),
        rating(1, "give-power-away", "team", "mixed"),
        rating(2, "persist", "self", "strong"),
        rating(2, "persist", "team", "mixed"),
        rating(2, "give-power-away", "self", "weak"),
        rating(2, "give-power-away", "team", "dont-know"),
        rating(3, "persist", "self", "mixed"),
        rating(3, "persist", "team", "weak"),
    ]
    answers[0] = Answer("p1", MANDATE, value="yes", comment="The CEO said so at the kick-off.")
    answers[1] = Answer("p2", MANDATE, value="no", comment="Each VP runs their own *customer* plan.")
    room = RoomRecords(
        notes=(RoomNote("n1", "basics/talk", "Nobody owns the churn number."),),
        role_lines=(
            RoleLine("l1", "Carry a personal quarterly quota", decision="tactical"),
            RoleLine("l2", "Lead the customer journey redesign", decision="strategic"),
            RoleLine("l3", "Chair the weekly escalation call", decision="tactical"),
            RoleLine("l4", "Publish the customer report"),
        ),
        poker=(PokerCard("persist", holder="p2", notes={"today": "We give up after one no.", "opportunity": ""}),),
        actions=(
            Action("a1", "Name the accountable leader", owner="Ana", due="2026-10-01", source=MANDATE),
            Action(
                "a2",
                "Draft a shared churn metric",
                owner="Ben",
                due="2026-12-01",
                status=ActionStatus.DOING,
                source="poker:persist",
            ),
            Action("a3", "Book the CEO for the kick-off", owner="Chloe", due="2026-09-30", status=ActionStatus.DONE),
        ),
    )
    state = WorkshopState(skipped=("basics/talk",))
    return Room_(people, answers, room, state)


# Text people type that must stay text in every format (the answers issue's hostile corpus).
HOSTILE = (
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    '=HYPERLINK("http://x")',
    "[bold red]not bold[/]",
    "\x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07",
    "nul\x00byte",
    "\u202eevil override",
    "שלום עולם مرحبا",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt;entity&lt;/b&gt;",
    "+1-2",
    "@SUM(A1)",
    "-2+3",
    "\ttab first",
    "\rcarriage return",
    "# not a heading",
    "1. not a list",
    "> not a quote",
    "| not | a | table |",
    "**not bold** _nor italic_ `nor code`",
    "<https://example.com>",
    "line one\nline two",
    "\u009b31m C1 control",
)


def hostile_room() -> Room_:
    """Hostile text in every place a person types: names, comments, role lines, actions, notes."""
    people = tuple(Participant(id=f"p{n}", number=n, name=text, role=HOSTILE[-n]) for n, text in enumerate(HOSTILE, 1))
    answers = [
        Answer(f"p{n}", MANDATE, value=("yes", "no", "partly")[n % 3], comment=text)
        for n, text in enumerate(HOSTILE, 1)
    ]
    answers += [rating(n, "persist", "self", "strong") for n in range(1, len(HOSTILE) + 1)]
    room = RoomRecords(
        notes=tuple(RoomNote(f"n{n}", "basics/talk", text) for n, text in enumerate(HOSTILE, 1)),
        role_lines=tuple(
            RoleLine(f"l{n}", text, decision="tactical" if n % 2 else "") for n, text in enumerate(HOSTILE, 1)
        ),
        poker=(PokerCard("persist", holder="p1", notes={"today": HOSTILE[0], "opportunity": HOSTILE[1]}),),
        actions=tuple(
            Action(f"a{n}", text, owner=HOSTILE[-n], due=text if n % 2 else "2026-01-01", source=text)
            for n, text in enumerate(HOSTILE, 1)
        ),
    )
    return Room_(people, answers, room, name=f"{HOSTILE[0]} {HOSTILE[1]}", organisation=HOSTILE[2])
