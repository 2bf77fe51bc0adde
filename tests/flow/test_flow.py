"""The walk through an agenda: moves, marks, timers and the day clock, on the fixture content."""

from __future__ import annotations

import dataclasses

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.errors import UserError
from bootcamp.flow import Flow, format_duration, format_minutes
from bootcamp.store.model import StepTimer, WorkshopState

FULL = [
    "basics/welcome",
    "basics/rate-aptitudes",
    "basics/mandate",
    "basics/role",
    "basics/break",
    "basics/poker",
    "basics/talk",
    "basics/next",
]
MINUTES = {"welcome": 5, "rate-aptitudes": 10, "mandate": 4, "role": 10, "break": 15, "poker": 12, "talk": 5, "next": 5}


def walk(program: Program, clock: FixedClock, state: WorkshopState | None = None, agenda: str = "full") -> Flow:
    return Flow(program, agenda, state or WorkshopState(), clock)


def test_a_new_workshop_starts_at_the_first_step(program: Program, clock: FixedClock) -> None:
    flow = walk(program, clock)
    assert flow.current.key == FULL[0]
    assert (flow.index, flow.total, flow.counter) == (0, 8, "step 1 of 8")
    assert flow.is_first and not flow.is_last


def test_half_day_leaves_out_the_full_day_only_steps(program: Program, clock: FixedClock) -> None:
    flow = walk(program, clock, agenda="half")
    assert [step.key for step in flow.steps] == [key for key in FULL if key != "basics/role"]


def test_next_walks_every_step_marking_each_done_and_stops_at_the_last(program: Program, clock: FixedClock) -> None:
    state = WorkshopState()
    seen = []
    for _ in range(len(FULL) + 2):
        flow = walk(program, clock, state)
        seen.append(flow.current.key)
        state = flow.next()
    assert seen == FULL + [FULL[-1]] * 2
    assert set(state.done) == set(FULL)
    assert walk(program, clock, state).is_last


def test_previous_goes_back_without_undoing_done_and_stops_at_the_first(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).next()
    state = walk(program, clock, state).next()
    assert walk(program, clock, state).current.key == FULL[2]
    state = walk(program, clock, state).previous()
    assert walk(program, clock, state).current.key == FULL[1]
    assert FULL[1] in state.done
    for _ in range(3):
        state = walk(program, clock, state).previous()
    assert walk(program, clock, state).current.key == FULL[0]


def test_jump_moves_anywhere_in_the_agenda_and_refuses_unknown_steps(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).jump("basics/poker")
    flow = walk(program, clock, state)
    assert (flow.current.key, flow.counter) == ("basics/poker", "step 6 of 8")
    assert state.done == ()  # a jump passes steps by without marking them
    with pytest.raises(ValueError, match="basics/nope"):
        flow.jump("basics/nope")
    with pytest.raises(ValueError, match="half"):
        walk(program, clock, agenda="half").jump("basics/role")  # not on the half-day agenda


def test_skip_marks_skipped_for_time_and_moves_on(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).skip()
    flow = walk(program, clock, state)
    assert flow.current.key == FULL[1]
    assert flow.is_skipped(FULL[0]) and not flow.is_done(FULL[0])
    # Coming back and finishing it after all: done replaces skipped.
    state = walk(program, clock, flow.previous()).next()
    assert FULL[0] in state.done and FULL[0] not in state.skipped


def test_a_skipped_step_the_room_answered_is_done_not_skipped(program: Program, clock: FixedClock) -> None:
    """Answers win over a skip (a stray s on a fully rated step): the agenda, the jump list and the status bar
    read these marks, and none of them says "skipped" for a step with answers."""
    rate = FULL[1]
    state = WorkshopState(step_key=FULL[2], done=(FULL[0],), skipped=(rate,))
    flow = Flow(program, "full", state, clock, answered=lambda key: key == rate)
    assert not flow.is_skipped(rate) and flow.is_done(rate)
    assert walk(program, clock, state).is_skipped(rate)  # without answers it stays skipped


def test_toggle_done_marks_and_unmarks_the_current_step(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).toggle_done()
    assert state.done == (FULL[0],)
    assert walk(program, clock, state).toggle_done().done == ()


def test_an_unknown_stored_step_falls_back_to_the_first(program: Program, clock: FixedClock) -> None:
    flow = walk(program, clock, WorkshopState(step_key="gone/step"))
    assert flow.current.key == FULL[0]


def test_an_unknown_agenda_falls_back_to_the_first_agenda(program: Program, clock: FixedClock) -> None:
    assert walk(program, clock, agenda="weekend").total == 8


def test_a_program_without_steps_is_a_user_error(program: Program, clock: FixedClock) -> None:
    empty = dataclasses.replace(program, agendas=())
    with pytest.raises(UserError, match="no steps"):
        walk(empty, clock)


def test_every_move_stamps_the_state_for_readers(program: Program, clock: FixedClock) -> None:
    clock.advance(42)
    state = walk(program, clock).next()
    assert state.updated_at == clock.now()
    assert state.step_key == FULL[1]


# -- timers ------------------------------------------------------------------


def test_a_timer_counts_down_from_the_step_minutes_only_while_running(program: Program, clock: FixedClock) -> None:
    flow = walk(program, clock)
    assert flow.remaining() == 5 * 60 and not flow.running
    clock.advance(30)
    assert walk(program, clock, flow.state).remaining() == 300  # not started: nothing counts
    state = flow.start()
    clock.advance(90)
    flow = walk(program, clock, state)
    assert flow.running and flow.remaining() == 210
    state = flow.pause()
    clock.advance(600)
    flow = walk(program, clock, state)
    assert not flow.running and flow.remaining() == 210
    assert flow.timer() == StepTimer(elapsed=90.0)


def test_toggle_timer_starts_then_pauses(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).toggle_timer()
    assert walk(program, clock, state).running
    clock.advance(10)
    state = walk(program, clock, state).toggle_timer()
    assert walk(program, clock, state).timer() == StepTimer(elapsed=10.0)


def test_starting_twice_does_not_reset_the_running_timer(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).start()
    clock.advance(20)
    state = walk(program, clock, state).start()
    assert walk(program, clock, state).elapsed() == 20


def test_over_time_at_zero_and_add_minutes_gives_time_back(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).start()
    clock.advance(5 * 60 - 1)
    assert not walk(program, clock, state).over_time()
    clock.advance(1)
    flow = walk(program, clock, state)
    assert flow.over_time() and flow.remaining() == 0
    clock.advance(30)
    assert walk(program, clock, state).remaining() == -30
    state = walk(program, clock, state).add_minutes(2)
    flow = walk(program, clock, state)
    assert not flow.over_time() and flow.remaining() == 90
    assert flow.timer().extra_minutes == 2


def test_moving_on_carries_a_running_timer_to_the_next_step(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).start()
    clock.advance(100)
    state = walk(program, clock, state).next()
    clock.advance(50)
    flow = walk(program, clock, state)
    assert flow.timer(FULL[0]) == StepTimer(elapsed=100.0)  # paused where it was left
    assert flow.running and flow.elapsed() == 50


def test_moving_on_with_a_paused_timer_leaves_the_next_one_paused(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).next()
    clock.advance(50)
    flow = walk(program, clock, state)
    assert not flow.running and flow.elapsed() == 0


def test_returning_to_a_step_resumes_its_timer_where_it_was(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).start()
    clock.advance(100)
    state = walk(program, clock, state).next()
    clock.advance(10)
    state = walk(program, clock, state).previous()
    clock.advance(5)
    assert walk(program, clock, state).elapsed() == 105


def test_the_first_start_starts_the_day_and_later_starts_keep_it(program: Program, clock: FixedClock) -> None:
    started = clock.now()
    state = walk(program, clock).start()
    assert state.day_started_at == started
    clock.advance(60)
    state = walk(program, clock, walk(program, clock, state).pause()).start()
    assert state.day_started_at == started


# -- the day clock ----------------------------------------------------------------


def test_before_the_day_starts_the_finish_is_now_plus_the_whole_plan(program: Program, clock: FixedClock) -> None:
    day = walk(program, clock).day_clock()
    assert not day.started and day.planned_finish is None
    assert day.planned_total == sum(MINUTES.values()) == 66
    assert (day.actual, day.planned_so_far, day.behind, day.remaining) == (0, 0, 0, 66)
    assert day.projected_finish == clock.now() + 66 * 60


def test_on_time_the_projection_is_the_plan(program: Program, clock: FixedClock) -> None:
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(5 * 60)
    state = walk(program, clock, state).next()
    clock.advance(3 * 60)
    day = walk(program, clock, state).day_clock()
    assert day.actual == 8 and day.planned_so_far == 8 and day.behind == 0
    assert day.remaining == 66 - 8
    assert day.planned_finish == day.projected_finish == start + 66 * 60


def test_a_late_room_is_behind_and_its_finish_moves_by_as_much(program: Program, clock: FixedClock) -> None:
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(9 * 60)  # the 5-minute welcome took 9
    state = walk(program, clock, state).next()
    day = walk(program, clock, state).day_clock()
    assert day.actual == 9 and day.planned_so_far == 5 and day.behind == 4
    assert day.projected_finish == start + (66 + 4) * 60


def test_over_time_on_the_current_step_counts_as_behind(program: Program, clock: FixedClock) -> None:
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(7 * 60)  # still on the 5-minute welcome
    day = walk(program, clock, state).day_clock()
    assert day.planned_so_far == 5 and day.behind == 2
    assert day.projected_finish == start + (66 + 2) * 60


def test_an_early_finish_puts_the_room_ahead(program: Program, clock: FixedClock) -> None:
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(2 * 60)
    state = walk(program, clock, state).next()
    day = walk(program, clock, state).day_clock()
    assert day.behind == -3
    assert day.projected_finish == start + (66 - 3) * 60


def test_skipping_a_step_wins_back_its_time_against_the_plan(program: Program, clock: FixedClock) -> None:
    """A step skipped for time is time the room got back: the day's plan stays the plan announced, the room is
    ahead by the step's minutes, and the finish moves as much earlier (before, the plan shrank instead, so a room
    10 minutes late that skipped 10 minutes still read "10 min behind" with its finish on the first plan)."""
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(5 * 60)
    state = walk(program, clock, state).next()
    state = walk(program, clock, state).skip()  # the 10-minute rating, skipped for time
    day = walk(program, clock, state).day_clock()
    assert day.planned_total == 66 and day.planned_so_far == 15 and day.behind == -10
    assert day.planned_finish == start + 66 * 60
    assert day.projected_finish == start + 56 * 60 == day.planned_finish + day.behind * 60


def test_a_late_room_that_skips_as_much_is_back_on_time(program: Program, clock: FixedClock) -> None:
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(15 * 60)  # the 5-minute welcome took 15
    state = walk(program, clock, state).next()
    assert walk(program, clock, state).day_clock().behind == 10
    state = walk(program, clock, state).skip()  # the 10-minute rating, skipped to catch up
    day = walk(program, clock, state).day_clock()
    assert day.behind == 0 and day.projected_finish == day.planned_finish == start + 66 * 60


def test_steps_jumped_past_are_still_to_come_never_time_saved(program: Program, clock: FixedClock) -> None:
    """From the second step, g to the seventh: the five steps jumped past are neither done nor skipped, so the room
    is not ahead by their minutes; they stay in what is left of the day (to come back to, or missed)."""
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(4 * 60)
    state = walk(program, clock, state).next()  # the 5-minute welcome done in 4
    clock.advance(60)
    state = walk(program, clock, state).jump("basics/talk")  # 1 minute into the rating, g to "What surprised you?"
    day = walk(program, clock, state).day_clock()
    assert day.actual == 5 and day.planned_so_far == 5 and day.behind == 0
    assert day.remaining == 66 - 5
    assert day.projected_finish == start + 66 * 60 == day.planned_finish


def test_added_minutes_are_planned_ahead_but_make_the_room_late_once_spent(program: Program, clock: FixedClock) -> None:
    start = clock.now()
    state = walk(program, clock).start()
    clock.advance(5 * 60)
    state = walk(program, clock, state).add_minutes(2)
    day = walk(program, clock, state).day_clock()
    assert day.behind == 0 and day.projected_finish == start + (66 + 2) * 60
    clock.advance(2 * 60)
    day = walk(program, clock, state).day_clock()
    assert day.behind == 2 and day.projected_finish == start + (66 + 2) * 60


def test_a_paused_day_falls_behind_while_the_clock_runs(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).start()
    state = walk(program, clock, state).pause()
    clock.advance(10 * 60)  # a fire drill
    day = walk(program, clock, state).day_clock()
    assert day.actual == 10 and day.behind == 10


# -- formatting -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(300, "5:00"), (299.2, "5:00"), (0.2, "0:01"), (0, "0:00"), (-0.5, "-0:01"), (-75, "-1:15"), (3725, "1:02:05")],
)
def test_format_duration(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown


@pytest.mark.parametrize(("minutes", "shown"), [(45, "45 min"), (65, "1 h 05"), (0.4, "0 min"), (-4, "4 min")])
def test_format_minutes(minutes: float, shown: str) -> None:
    assert format_minutes(minutes) == shown


# -- a day left behind: reopened the next morning, or months later --------------------------------------------------


def test_clocks_left_running_stop_at_the_last_save_when_reopened_a_day_or_more_later(
    program: Program, clock: FixedClock
) -> None:
    """A CCO reopened a workshop six months on and read a step timer of months and "4320 h 45 behind": the console
    had been closed with the clock running."""
    from bootcamp.flow import LEFT_RUNNING_SECONDS, stopped_when_left

    state = walk(program, clock).start()
    clock.advance(10 * 60)
    state = walk(program, clock, state).next()  # the clock runs on into the next step; saved here
    last = state.updated_at
    clock.advance(5 * 60)  # five more minutes the clock ran before the lid closed: not saved, not known
    assert stopped_when_left(state, clock.now()) is None  # the same day: the clock runs on, as after a crash
    clock.advance(180 * 24 * 3600)
    stopped = stopped_when_left(state, clock.now())
    assert stopped is not None and not walk(program, clock, stopped).running
    assert walk(program, clock, stopped).elapsed() == 0  # stopped where the console last saved: the step just begun
    assert sum(t.elapsed for t in stopped.timers.values()) == 10 * 60
    assert stopped_when_left(stopped, clock.now()) is None  # nothing left running
    assert last + LEFT_RUNNING_SECONDS <= clock.now()


def test_a_day_begun_sixteen_hours_ago_with_no_clock_running_is_over_and_took_its_steps_time(
    program: Program, clock: FixedClock
) -> None:
    state = walk(program, clock).start()
    clock.advance(12 * 60)
    state = walk(program, clock, state).next()
    clock.advance(3 * 60)
    state = walk(program, clock, state).pause()
    clock.advance(4 * 3600)  # the same evening: the day is not over, and its hours count
    day = walk(program, clock, state).day_clock()
    assert not day.over and day.actual == 15 + 4 * 60
    clock.advance(180 * 24 * 3600)  # months later
    day = walk(program, clock, state).day_clock()
    assert day.over and day.started and day.actual == 15  # what its steps took, not every hour since
    assert day.behind == 15 - day.planned_so_far
