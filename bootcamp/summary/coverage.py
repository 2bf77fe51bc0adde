"""How far the room got with each step of the agenda, derived honestly from what is recorded.

What a workshop records of its walk (:class:`~bootcamp.store.model.WorkshopState`): the step the
room is on (``step_key``), the steps marked done, the steps skipped for time, and a timer for every
step the room has stood on (the flow pauses the timer of the step it leaves, so every step left
behind has one). A jump with ``g`` is not recorded as such; these rules derive it:

- A workshop is **started** once a step is done or skipped, a timer has run, or an answer is stored
  (home's rule, plus answers: answers are proof the room sat). Before that every step is
  *not reached*, whatever ``step_key`` says.
- A step was **reached** when it is done, has a timer or an answer, is the step the room is on, or holds
  what the room wrote there (a note; the Poker deal at the Poker step; role lines at the role check).
- The room's **furthest point** is the latest of the step it is on and every reached or skipped step.
- A reached step that asks something is **answered** when one of its answers is scored (not "don't
  know"), else **asked with no scored answer**; a reached step that asks nothing is **shown**.
- A step that was not reached is **skipped for time** when it is in ``skipped``; else **jumped past**
  when it comes before the furthest point (the room went beyond it without doing it) and **not
  reached** when it comes after. Answers win over "skipped": answers given are never hidden.
- A workshop **not run on the console** (answers imported from paper, or typed in at the console with its clock
  stopped: nothing skipped, no timer run, nothing done but steps holding answers; see :func:`was_walked`) has no
  walk to measure against: a step without answers or records is **not run**, never "jumped past" or "not
  reached", and the step the console would open on is not "shown".
"""

from __future__ import annotations

from collections.abc import Mapping

from bootcamp.content.model import AptitudePoker, Program, RoleCheck, Step, StepKind
from bootcamp.store.model import RoomRecords, WorkshopState
from bootcamp.summary.answers import AnswerIndex, options_of
from bootcamp.summary.model import StepCoverage, StepReach


def is_started(state: WorkshopState, index: AnswerIndex) -> bool:
    return bool(was_walked(state, index) or index.total)


def was_walked(state: WorkshopState, index: AnswerIndex) -> bool:
    """The console ran the day in the room: a step skipped for time, a timer that ran (the day's clock started), or
    a step marked done that holds no answer (a slide gone through).

    Moving between steps with the clock stopped, marking done only steps that hold answers, is how paper sheets
    are typed in afterwards (``g`` to a step, private entry, ``g`` on): the room did those steps on paper, so the
    others are not said to be jumped past (a tester's paper day read "42 steps jumped past")."""
    if state.skipped or state.day_started_at is not None:
        return True
    if any(timer.elapsed > 0 or timer.running_since is not None for timer in state.timers.values()):
        return True
    return any(not index.of_step(key) for key in state.done)


def step_reaches(
    program: Program, agenda: str, state: WorkshopState, index: AnswerIndex, room: RoomRecords
) -> dict[str, StepReach]:
    """Step key → how far the room got with it, for every step of the agenda (the rules above)."""
    steps = program.steps(agenda)
    if not is_started(state, index):
        return {step.key: StepReach.NOT_REACHED for step in steps}
    walked = was_walked(state, index)
    done, skipped, timed = set(state.done), set(state.skipped), set(state.timers)
    written = {note.step_key for note in room.notes} | {
        step.key for step in steps if holds_records(program, step, room)
    }
    reached = {
        step.key
        for step in steps
        if step.key in done
        or step.key in timed
        or step.key in written
        or (walked and step.key == state.step_key)
        or index.of_step(step.key)
    }
    if walked and steps and state.step_key not in {step.key for step in steps}:
        reached.add(steps[0].key)  # an empty or unknown position is the first step (Flow's rule)
    furthest = max((n for n, step in enumerate(steps) if step.key in reached or step.key in skipped), default=0)
    reaches: dict[str, StepReach] = {}
    for number, step in enumerate(steps):
        if _has_scored_answer(program, step, index):
            reaches[step.key] = StepReach.ANSWERED
        elif index.of_step(step.key):
            reaches[step.key] = StepReach.NO_SCORED_ANSWER
        elif step.key in skipped:
            reaches[step.key] = StepReach.SKIPPED
        elif step.key in reached:
            asks = program.asks(step) is not None
            reaches[step.key] = StepReach.NO_SCORED_ANSWER if asks else StepReach.SHOWN
        elif not walked:
            reaches[step.key] = StepReach.NOT_RUN
        else:
            reaches[step.key] = StepReach.JUMPED_PAST if number < furthest else StepReach.NOT_REACHED
    return reaches


def step_coverage(
    program: Program, agenda: str, reaches: Mapping[str, StepReach], session_titles: Mapping[str, str]
) -> tuple[StepCoverage, ...]:
    return tuple(
        StepCoverage(
            key=step.key,
            title=step.title,
            session=session_titles.get(step.session_id, step.session_id),
            minutes=step.minutes,
            asks=program.asks(step) is not None,
            reach=reaches[step.key],
        )
        for step in program.steps(agenda)
    )


def holds_records(program: Program, step: Step, room: RoomRecords) -> bool:
    """The Poker deal is made at the Poker step, role lines are entered at the role check."""
    exercise = program.exercise(step.exercise) if step.exercise else None
    if step.kind is StepKind.EXERCISE and isinstance(exercise, AptitudePoker):
        return bool(room.poker)
    if step.kind is StepKind.CHECK and isinstance(exercise, RoleCheck):
        return bool(room.role_lines)
    return False


def worked_on(program: Program, step: Step, room: RoomRecords, answered: bool) -> bool:
    """The room did this step: ``answered``, its records (role lines, the Poker deal), or a room note written on it.
    Such a step is never said to be skipped for time."""
    if answered or holds_records(program, step, room):
        return True
    return any(note.step_key == step.key and not note.quick for note in room.notes)


def _has_scored_answer(program: Program, step: Step, index: AnswerIndex) -> bool:
    answers = index.of_step(step.key)
    if not answers:
        return False
    asks = program.asks(step)
    if asks is None:
        return False
    known = options_of(asks.scale)
    return any(
        asks.accepts(a.item, a.perspective, a.value) and known[a.value][1] is not None
        for a in answers
        if a.value in known
    )
