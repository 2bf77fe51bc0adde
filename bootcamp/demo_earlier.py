"""The demo's earlier run: the same organisation's boot camp about six months before the demo day.

``create_earlier_run(store, sources, later)`` writes a finished workshop dated 182 days before
``later`` (the stored demo workshop, which it only reads), so the summary's Progress page and
``bootcamp compare`` have something real to show:

- the same room without the late arrival, everyone there all day;
- each person's answers are their demo-day answers as they stood then: in a few commitment
  dimensions most answers were a step lower (and more often "don't know"), in one a step higher
  (not everything improves), the structure questions and the ratings a little lower, the rest
  much the same;
- the same role description, with more of it judged tactical duties then;
- the room's notes, Poker deal and actions drawn as the demo draws them, the day
  finished (every step done but one skipped for time), and the actions with the status recorded
  since: most done or under way, one dropped, the rest overdue by the demo day.

Drawn from ``random.Random(seed + 1)``, so the same seed and demo give the same earlier run.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from datetime import datetime, timezone

from bootcamp.content import load_sources
from bootcamp.content.model import Asks, Program, Step, StepKind
from bootcamp.demo import ROOM, WORKSHOP_NAME, DemoBuilder, Person, create_demo_workshop  # the demo's own builder
from bootcamp.store import Store, WorkshopBundle, is_ballot_id
from bootcamp.store.model import ActionStatus, Answer, Participant, RoleLine, StepTimer, WorkshopInfo

DAYS_BEFORE = 182
RAISED_SINCE = 4  # commitment dimensions that stood lower in the earlier run
# How likely an answer stood one step lower (negative: higher) on its scale then, by what it answers.
LOWER_THEN = {"raised": 0.7, "slipped": -0.45, "structure": 0.45, "rating": 0.25, "other": 0.0}
UNSURE_THEN = 0.15  # in a raised dimension, how often a scored answer was "don't know" then
WOBBLE = 0.08  # any answer one step either way: people answer a little differently on another day
TACTICAL_THEN = 1  # line(s) of the role description the room judged tactical then and strategic on the demo day
STATUS_SINCE = (ActionStatus.DONE, ActionStatus.DOING, ActionStatus.OPEN, ActionStatus.DROPPED)
STATUS_WEIGHTS = (6, 2, 2, 1)


def create_demo_runs(store: Store, sources: dict[str, str], seed: int = 2026) -> WorkshopInfo:
    """The demo workshop and, beside it, its earlier run; returns the demo workshop (the one to open), which
    follows that run as a run made again does, so Progress and ``compare`` show the lineage."""
    later = create_demo_workshop(store, sources, seed)
    name = demo_name({info.name for info in store.list_workshops() if info.id != later.id})
    if name != later.name:
        later = store.open(later.id).update_info(lambda info: dataclasses.replace(info, name=name))
    earlier = create_earlier_run(store, sources, later, seed)
    return store.open(later.id).update_info(lambda info: dataclasses.replace(info, follows=earlier.id))


def demo_name(taken: set[str]) -> str:
    """The demo's name, numbered when a demo made earlier in this folder has it: two demos told apart on home."""
    if WORKSHOP_NAME not in taken:
        return WORKSHOP_NAME
    number = 2
    while f"{WORKSHOP_NAME} (demo {number})" in taken:
        number += 1
    return f"{WORKSHOP_NAME} (demo {number})"


def create_earlier_run(store: Store, sources: dict[str, str], later: WorkshopInfo, seed: int = 2026) -> WorkshopInfo:
    """The earlier run of the stored demo workshop ``later``, stored beside it."""
    program = load_sources(sources)
    rng = random.Random(seed + 1)
    builder = _EarlierBuilder(program, dict(sources), rng, store.clock.now() - DAYS_BEFORE * 24 * 60 * 60)
    bundle = builder.build()  # the room, its notes and actions; its answers are replaced below
    demo_day = store.open(later.id)
    answers = _answers_then(program, demo_day.info(), demo_day.answers(), bundle.info, builder, rng)
    room = dataclasses.replace(bundle.room, role_lines=_role_then(demo_day.room().role_lines, builder, rng))
    bundle = _finished(dataclasses.replace(bundle, answers=answers, room=room), builder, rng, later)
    return store.import_workshop(bundle, new_id=True)


class _EarlierBuilder(DemoBuilder):
    """The demo's room as it was then: everyone there all day, nobody left, nobody came late."""

    def roster(self) -> tuple[Participant, ...]:
        start = self.at(self.steps[0])
        return tuple(
            Participant(self.new_id("p", 7), n, person.name, person.role, joined_at=start)
            for n, person in enumerate(ROOM, start=1)
        )

    def who_answers(self, step: Step, roster: Sequence[Participant]) -> list[tuple[Participant, Person]]:
        people = {person.name: person for person in ROOM}
        return [(participant, people[participant.name]) for participant in roster]


def _asks_of(program: Program, answer: Answer) -> Asks | None:
    """What the answer's step asks, if the answer is one it accepts."""
    step = program.step(answer.step_key)
    asks = program.asks(step) if step is not None else None
    return asks if asks is not None and asks.accepts(answer.item, answer.perspective, answer.value) else None


def _kind_of(program: Program, answer: Answer, raised: set[str], slipped: str) -> str:
    step = program.step(answer.step_key)
    if step is None:
        return "other"
    if step.kind is StepKind.QUESTION and step.question is not None:
        dimension = step.question.dimension
        return "raised" if dimension in raised else "slipped" if dimension == slipped else "other"
    return {StepKind.CHECK: "structure", StepKind.RATE: "rating"}.get(step.kind, "other")


def _then(answer: Answer, asks: Asks, kind: str, rng: random.Random) -> str:
    """The option this answer would have been then."""
    scored = sorted(asks.scale.scored_options, key=lambda option: option.value or 0.0)
    ids = [option.id for option in scored]
    dont_know = asks.dont_know
    if answer.value not in ids:
        return answer.value  # "don't know" stays what it was
    if kind == "raised" and dont_know and rng.random() < UNSURE_THEN:
        return dont_know
    at = ids.index(answer.value)
    lower = LOWER_THEN[kind]
    if rng.random() < abs(lower):
        at += -1 if lower > 0 else 1
    elif rng.random() < WOBBLE:
        at += rng.choice((-1, 1))
    return ids[max(0, min(len(ids) - 1, at))]


def _answers_then(
    program: Program,
    demo_day: WorkshopInfo,
    answers: Sequence[Answer],
    then: WorkshopInfo,
    builder: _EarlierBuilder,
    rng: random.Random,
) -> tuple[Answer, ...]:
    dimensions = sorted({s.question.dimension for s in builder.steps if s.kind is StepKind.QUESTION and s.question})
    raised = set(rng.sample(dimensions, k=min(RAISED_SINCE, len(dimensions))))
    slipped = rng.choice(sorted(set(dimensions) - raised)) if len(dimensions) > len(raised) else ""
    seat_then = {p.name: p.id for p in then.participants}
    name_now = {p.id: p.name for p in demo_day.participants}
    found = []
    for n, answer in enumerate(answers):
        owner = answer.participant_id  # a secret ballot's id names nobody: kept as it is
        if not is_ballot_id(owner):
            owner = seat_then.get(name_now.get(owner, ""))
        asks = _asks_of(program, answer)
        if owner is None or asks is None:
            continue  # the late arrival was not there then (and an answer the content does not ask for stays behind)
        value = _then(answer, asks, _kind_of(program, answer, raised, slipped), rng)
        found.append(
            dataclasses.replace(
                answer,
                participant_id=owner,
                value=value,
                comment=answer.comment if value == answer.value else "",
                at="" if is_ballot_id(owner) else builder.at(asks.step, 30 + 7 * (n % 40)),  # a ballot keeps no time
            )
        )
    return tuple(found)


def _role_then(lines: Sequence[RoleLine], builder: _EarlierBuilder, rng: random.Random) -> tuple[RoleLine, ...]:
    """The same role description, judged then: more of it tactical duties."""
    strategic = [n for n, line in enumerate(lines) if line.decision == "strategic"]
    tactical_then = set(rng.sample(strategic, k=min(TACTICAL_THEN, len(strategic))))
    check = next((s for s in builder.steps if s.kind is StepKind.CHECK), builder.steps[0])
    return tuple(
        RoleLine(
            builder.new_id("r-", 8),
            line.text,
            "tactical" if n in tactical_then else line.decision,
            builder.at(check, 45 * n),
        )
        for n, line in enumerate(lines)
    )


def _finished(
    bundle: WorkshopBundle, builder: _EarlierBuilder, rng: random.Random, later: WorkshopInfo
) -> WorkshopBundle:
    """The day as it ended (every step done but the one skipped) and its actions as recorded since."""
    skipped = set(bundle.state.skipped)
    keys = [step.key for step in builder.steps]
    state = dataclasses.replace(
        bundle.state,
        step_key=keys[-1],
        done=tuple(key for key in keys if key not in skipped),
        timers={
            step.key: StepTimer(elapsed=round(step.minutes * 60 * rng.uniform(0.8, 1.2), 1))
            for step in builder.steps
            if step.key not in skipped
        },
        revealed=tuple(s.key for s in builder.steps if s.kind in (StepKind.RATE, StepKind.QUESTION, StepKind.CHECK)),
    )
    actions = tuple(
        dataclasses.replace(action, status=rng.choices(STATUS_SINCE, weights=STATUS_WEIGHTS)[0])
        for action in bundle.room.actions
    )
    day = datetime.fromtimestamp(builder.day_start, tz=timezone.utc).date()
    info = dataclasses.replace(
        bundle.info, id="earlier", name=later.name, organisation=later.organisation, date=day.isoformat()
    )
    return dataclasses.replace(bundle, info=info, state=state, room=dataclasses.replace(bundle.room, actions=actions))
