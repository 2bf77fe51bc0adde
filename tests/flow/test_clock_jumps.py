"""A step timer across a closed lid or a clock set right, and the keys that take time back.

The console ticks every second and reads the wall clock and the monotonic clock together; between two ticks the
wall clock running ahead of monotonic time (CLOCK_MONOTONIC stands still in suspend) is a laptop asleep, and either
way apart is a clock set by NTP. Neither is time the room spent. The clock here is injected: nothing sleeps.
"""

from __future__ import annotations

from dataclasses import replace

from bootcamp.clock import CLOCK_JUMP_SECONDS, FixedClock, Reading
from bootcamp.content import Program
from bootcamp.flow import Flow, held_still, stopped_when_left
from bootcamp.store.model import StepTimer, WorkshopState

MINUTE = 60.0
POKER = "basics/poker"


def walk(program: Program, clock: FixedClock, state: WorkshopState | None = None) -> Flow:
    return Flow(program, "full", state or WorkshopState(), clock)


def test_a_tick_late_or_a_process_stopped_is_no_jump_a_lid_closed_or_a_clock_set_is(clock: FixedClock) -> None:
    seen = Reading.of(clock)
    clock.advance(45 * MINUTE)  # kill -STOP for 45 minutes: monotonic time ran too, the room's time went on
    assert seen.jumped_to(Reading.of(clock)) == 0.0
    seen = Reading.of(clock)
    clock.advance(1)
    clock.jump(CLOCK_JUMP_SECONDS - 1)  # NTP slewing, a tick late: within a minute
    assert seen.jumped_to(Reading.of(clock)) == 0.0
    seen = Reading.of(clock)
    clock.advance(1)
    clock.jump(43 * MINUTE)  # the lid closed at lunch
    assert seen.jumped_to(Reading.of(clock)) == 43 * MINUTE
    seen = Reading.of(clock)
    clock.advance(1)
    clock.jump(-5 * MINUTE)  # NTP set the clock back
    assert seen.jumped_to(Reading.of(clock)) == -5 * MINUTE


def test_a_timer_running_while_the_laptop_slept_stood_still_and_reads_so_after_a_restart(
    program: Program, clock: FixedClock
) -> None:
    """The lid closed at lunch 10 minutes into a 10-minute step; 45 minutes later the wall showed it 43 over."""
    state = walk(program, clock).start()
    clock.advance(10 * MINUTE)
    since = clock.now()  # the last tick before the lid closed
    clock.advance(1)
    clock.jump(45 * MINUTE)
    held = held_still(state, since, 45 * MINUTE, clock.now())
    assert held is not None and held.updated_at == clock.now()
    flow = walk(program, clock, held)
    assert flow.running and flow.elapsed() == 10 * MINUTE + 1  # the second monotonic time counted, not the lunch
    clock.advance(2 * MINUTE)
    assert walk(program, clock, held).elapsed() == 12 * MINUTE + 1  # running on from the wake-up
    # Stored like a pause: elapsed kept, running since the wake-up, as a console reopened later reads it.
    assert held.timers[flow.current.key] == StepTimer(elapsed=10 * MINUTE + 1, running_since=since + 1 + 45 * MINUTE)


def test_a_clock_set_back_or_ahead_moves_no_running_timer(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).start()
    clock.advance(3 * MINUTE)
    since = clock.now()
    clock.advance(1)
    clock.jump(-5 * MINUTE)
    back = held_still(state, since, -5 * MINUTE, clock.now())
    assert back is not None and walk(program, clock, back).elapsed() == 3 * MINUTE + 1  # not 0: not minus two
    clock.advance(1)
    since = clock.now()
    clock.jump(7 * MINUTE)
    ahead = held_still(back, since, 7 * MINUTE, clock.now())
    assert ahead is not None and walk(program, clock, ahead).elapsed() == 3 * MINUTE + 2


def test_a_paused_timer_and_one_started_after_the_jump_are_left_as_they_are(program: Program, clock: FixedClock) -> None:
    flow = walk(program, clock)
    paused = walk(program, clock, flow.start())
    clock.advance(MINUTE)
    state = paused.pause()
    since = clock.now()
    clock.jump(30 * MINUTE)
    assert held_still(state, since, 30 * MINUTE, clock.now()) is None  # nothing ran: nothing to say
    started = walk(program, clock, state).start()  # t pressed on waking, before the tick that sees the jump
    assert held_still(started, since, 30 * MINUTE, clock.now()) is None


def test_an_aptitude_poker_card_clock_holds_still_with_its_step(program: Program, clock: FixedClock) -> None:
    from bootcamp import poker_turns

    state = replace(walk(program, clock).jump(POKER), timers={POKER: StepTimer(running_since=clock.now())})
    state = poker_turns.discuss(state, "c1", clock.now())
    clock.advance(2 * MINUTE)
    since = clock.now()
    clock.jump(40 * MINUTE)
    held = held_still(state, since, 40 * MINUTE, clock.now())
    assert held is not None and held.card_timers["c1"].elapsed_at(clock.now()) == 2 * MINUTE


def test_overnight_asleep_still_stops_the_clocks_when_last_seen_before_any_jump_is_held(
    program: Program, clock: FixedClock
) -> None:
    """The morning rule is unchanged: asleep overnight, the clock stopped at the last tick (not held and run on)."""
    state = walk(program, clock).start()
    clock.advance(30 * MINUTE)
    seen = clock.now()
    clock.jump(15 * 3600)
    stopped = stopped_when_left(state, clock.now(), seen_at=seen)
    assert stopped is not None and not walk(program, clock, stopped).running
    assert walk(program, clock, stopped).elapsed() == 30 * MINUTE
    assert held_still(stopped, seen, 15 * 3600, clock.now()) is None  # nothing left running: one notice, not two


def test_minus_takes_two_minutes_off_the_steps_time_as_plus_adds_them_never_below_none(
    program: Program, clock: FixedClock
) -> None:
    # The countdown's two keys are each other's undo: + gives the room 2 minutes more, - 2 minutes less (wrap up).
    state = walk(program, clock).start()
    clock.advance(MINUTE)
    planned = walk(program, clock, state).allowed_seconds()
    state = walk(program, clock, state).take_minutes()
    flow = walk(program, clock, state)
    assert flow.running and flow.elapsed() == MINUTE and flow.allowed_seconds() == planned - 2 * MINUTE
    assert walk(program, clock, walk(program, clock, state).add_minutes()).allowed_seconds() == planned
    for _ in range(10):
        state = walk(program, clock, state).take_minutes()
    assert walk(program, clock, state).allowed_seconds() == 0 and walk(program, clock, state).elapsed() == MINUTE


def test_start_over_counts_from_nothing_running_on_if_it_ran(program: Program, clock: FixedClock) -> None:
    state = walk(program, clock).start()
    clock.advance(7 * MINUTE)
    state = walk(program, clock, state).add_minutes()
    state = walk(program, clock, state).start_over()
    flow = walk(program, clock, state)
    assert flow.running and flow.elapsed() == 0 and flow.allowed_seconds() == flow.current.minutes * MINUTE
    clock.advance(MINUTE)
    paused = walk(program, clock, state).pause()
    over = walk(program, clock, walk(program, clock, paused).start_over())
    assert not over.running and over.timer() == StepTimer()


def test_minus_with_no_time_left_to_take_changes_nothing(program: Program, clock: FixedClock) -> None:
    # It stamped and saved the state at every press, and a step of no minutes stored -0.0 minutes added.
    flow = walk(program, clock)
    emptied = flow.state
    for _ in range(int(flow.current.minutes // 2) + 1):
        emptied = walk(program, clock, emptied).take_minutes()
    clock.advance(5)
    assert walk(program, clock, emptied).take_minutes() is emptied
    assert walk(program, clock, emptied).allowed_seconds() == 0
