"""Where a workshop stopped, as home lists it: from the content, the agenda and the stored state."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.errors import UserError
from bootcamp.flow import Flow
from bootcamp.stopped import FINISHED, NOT_STARTED, where_each_stopped, where_stopped
from bootcamp.store import Store, WorkshopFiles
from bootcamp.store.model import Answer, StepTimer, WorkshopState


def test_a_workshop_nothing_happened_in_has_not_started(program: Program, clock: FixedClock) -> None:
    assert where_stopped(program, "full", WorkshopState(), clock) == NOT_STARTED == "not started"
    # Standing on a later step is not starting: nothing was done and no timer ran.
    assert where_stopped(program, "full", WorkshopState(step_key="basics/mandate"), clock) == NOT_STARTED


def test_a_timer_that_ran_starts_it_on_the_step_it_ran_on(program: Program, clock: FixedClock) -> None:
    state = WorkshopState(step_key="basics/welcome", timers={"basics/welcome": StepTimer(running_since=clock.now())})
    assert where_stopped(program, "full", state, clock) == "Welcome (1/8)"


def test_a_done_step_says_the_step_the_room_moved_to_and_where_it_is_in_the_agenda(
    program: Program, clock: FixedClock
) -> None:
    state = Flow(program, "full", WorkshopState(), clock).next()
    assert where_stopped(program, "full", state, clock) == "Rate the aptitudes (2/8)"
    assert where_stopped(program, "half", state, clock) == "Rate the aptitudes (2/7)"  # its own agenda's count


def test_every_step_done_is_finished(program: Program, clock: FixedClock) -> None:
    state = WorkshopState()
    for _ in range(8):
        state = Flow(program, "full", state, clock).next()
    assert where_stopped(program, "full", state, clock) == FINISHED == "finished"
    # Not every step of the agenda done: still under way, on the last step.
    assert where_stopped(program, "full", dataclasses.replace(state, done=state.done[:-1]), clock) == "Actions (8/8)"


def test_an_agenda_without_steps_is_a_user_error(program: Program, clock: FixedClock) -> None:
    empty = dataclasses.replace(program, sessions=(), agendas=())
    with pytest.raises(UserError):
        where_stopped(empty, "full", WorkshopState(), clock)


# -- a list of stored workshops ------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Store:
    return Store(tmp_path / "data", clock)


def stored(store: Store, program: Program, name: str, agenda: str = "full") -> str:
    info = store.create_workshop(
        name=name, organisation="Northwind", date="2026-09-21", participants=[("Ana", "")], agenda=agenda, sources=program.sources
    )
    return info.id


def test_each_stored_workshop_in_order_and_one_that_cannot_be_read_says_why(
    store: Store, program: Program, clock: FixedClock
) -> None:
    fresh = stored(store, program, "Fresh")
    under_way = stored(store, program, "Under way", agenda="half")
    broken = stored(store, program, "Broken")
    files = store.open(under_way)
    files.save_state(Flow(program, "half", files.state(), clock).next())
    (store.workshops_dir / broken / "state.json").write_text("{half")

    infos = [store.open(workshop_id).info() for workshop_id in (fresh, under_way, broken)]
    first, second, third = where_each_stopped(store, infos, clock)
    assert (first, second) == ("not started", "Rate the aptitudes (2/7)")
    assert third.startswith("cannot read ") and "state.json" in third
    assert third.count("cannot read") == 1  # the store's own words, not "cannot read: cannot read …"


def test_workshops_sharing_one_content_load_it_once(
    store: Store, program: Program, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    infos = [store.open(stored(store, program, f"Run {n}")).info() for n in range(3)]
    loaded = []
    program_of = WorkshopFiles.program
    monkeypatch.setattr(WorkshopFiles, "program", lambda files: loaded.append(files.path) or program_of(files))
    assert where_each_stopped(store, infos, clock) == ["not started"] * 3
    assert len(loaded) == 1


def test_a_workshop_filled_from_paper_says_how_many_answers_it_has_not_that_it_has_not_started(
    store: Store, program: Program, clock: FixedClock
) -> None:
    """A CCO imported 228 paper answers into run 2; home said "not started", as if it were empty."""
    assert where_stopped(program, "full", WorkshopState(), clock, answered=228) == "228 answers, not run on the console"
    assert where_stopped(program, "full", WorkshopState(), clock, answered=1) == "1 answer, not run on the console"
    run = Flow(program, "full", WorkshopState(), clock).next()
    assert where_stopped(program, "full", run, clock, answered=5) == "Rate the aptitudes (2/8)"  # run: where it is

    paper = stored(store, program, "Paper")
    files = store.open(paper)
    participant = files.info().participants[0].id
    files.save_answer(Answer(participant, "basics/mandate", value="yes"))
    assert where_each_stopped(store, [files.info()], clock) == ["1 answer, not run on the console"]
