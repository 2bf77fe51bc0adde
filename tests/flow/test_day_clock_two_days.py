"""A boot camp over two days: day one ends mid-agenda, the laptop is closed, and the next morning the clock starts
again. Day two gets its own day clock (its start, its plan for what is left, how far behind the room is today) and
day one's record is kept, as it went."""

from __future__ import annotations

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow, stopped_when_left
from bootcamp.store.model import StepTimer, WorkshopDay, WorkshopState

MONDAY_9AM = 1_789_981_200.0  # 2026-09-21 09:00 UTC
HOUR = 3600.0
TOTAL = 66  # planned minutes of the fixture's full agenda


pytestmark = pytest.mark.usefixtures("utc_calendar")  # "the next morning" is the same on every machine


def walk(program: Program, clock: FixedClock, state: WorkshopState) -> Flow:
    return Flow(program, "full", state, clock)


def day_one(program: Program, clock: FixedClock) -> WorkshopState:
    """09:00 the clock starts; welcome (5 min planned) takes 10, rate-aptitudes (10) takes 20, and the room stops
    5 minutes into mandate (4 planned): quit at 09:35, the clock paused."""
    clock.at = MONDAY_9AM
    state = walk(program, clock, WorkshopState()).start()
    clock.advance(10 * 60)
    state = walk(program, clock, state).next()
    clock.advance(20 * 60)
    state = walk(program, clock, state).next()
    clock.advance(5 * 60)
    return walk(program, clock, state).pause()


def test_day_one_behind_then_the_next_morning_day_two_starts_on_its_own_clock(program: Program) -> None:
    """Before: the next morning's t kept day one's start, and the day clock said "24 h 00 behind", its plan ending
    at day one's planned finish."""
    clock = FixedClock()
    state = day_one(program, clock)
    day = walk(program, clock, state).day_clock()
    assert (day.actual, day.planned_so_far, day.behind) == (35, 19, 16)  # mandate: 5 spent of 4, counted as 4

    clock.at = MONDAY_9AM + 24 * HOUR - 15 * 60  # Tuesday 08:45: day one is over, as it went
    day = walk(program, clock, state).day_clock()
    assert day.over and day.number == 1 and (day.actual, day.behind) == (35, 16)

    clock.at = MONDAY_9AM + 24 * HOUR  # Tuesday 09:00: t
    state = walk(program, clock, state).start()
    assert state.day_started_at == clock.now()
    assert state.earlier_days == (WorkshopDay(started_at=MONDAY_9AM, planned=19, actual=35, utc_offset=0),)
    day = walk(program, clock, state).day_clock()
    assert day.number == 2 and not day.over and day.started_at == clock.now()
    assert (day.actual, day.planned_so_far, day.behind) == (0, 0, 0)
    assert day.planned_total == TOTAL - 19  # what was left of the plan when the day started
    assert day.planned_finish == clock.now() + (TOTAL - 19) * 60 == day.projected_finish

    clock.advance(2 * 60)  # mandate, already over its time, runs two more minutes today: late by two
    state = walk(program, clock, state).next()
    clock.advance(10 * 60)  # role: 10 planned, 10 taken
    state = walk(program, clock, state).next()
    day = walk(program, clock, state).day_clock()
    assert (day.actual, day.planned_so_far, day.behind) == (12, 10, 2)
    assert day.projected_finish == day.planned_finish + 2 * 60
    assert day.earlier == (WorkshopDay(started_at=MONDAY_9AM, planned=19, actual=35, utc_offset=0),)


def test_moving_on_the_next_morning_before_t_still_starts_day_two(program: Program) -> None:
    """The next morning the facilitator moves to the welcome-back step (or turns presenter mode on) before t: each
    stamps the state. A night counted from that stamp, rather than from the day's start, would keep day one going."""
    clock = FixedClock()
    state = day_one(program, clock)
    clock.at = MONDAY_9AM + 24 * HOUR - 5 * 60  # Tuesday 08:55
    state = walk(program, clock, state).next()
    clock.at = MONDAY_9AM + 24 * HOUR  # 09:00: t
    state = walk(program, clock, state).start()
    assert len(state.earlier_days) == 1 and state.day_started_at == clock.now()


def test_pressing_the_timer_twice_on_day_two_keeps_one_day_two(program: Program) -> None:
    clock = FixedClock()
    state = day_one(program, clock)
    clock.at = MONDAY_9AM + 24 * HOUR
    state = walk(program, clock, state).start()
    clock.advance(10 * 60)
    state = walk(program, clock, walk(program, clock, state).pause()).start()
    assert len(state.earlier_days) == 1 and state.day_started_at == MONDAY_9AM + 24 * HOUR


def test_day_two_reopened_months_later_is_over_with_what_its_own_steps_took(program: Program) -> None:
    clock = FixedClock()
    state = day_one(program, clock)
    clock.at = MONDAY_9AM + 24 * HOUR
    state = walk(program, clock, state).start()
    clock.advance(12 * 60)
    state = walk(program, clock, state).pause()
    clock.advance(180 * 24 * HOUR)
    day = walk(program, clock, state).day_clock()
    assert day.over and day.number == 2 and day.started_at == MONDAY_9AM + 24 * HOUR
    assert day.actual == 12 and day.planned_so_far == 0 and day.behind == 12  # mandate: already over its 4 minutes


def test_an_evening_start_is_over_the_next_morning(program: Program) -> None:
    """A boot camp that opens with a dinner session (18:00) and carries on at 08:00: fourteen hours, not sixteen, but
    a night between."""
    clock = FixedClock(MONDAY_9AM + 9 * HOUR)
    state = walk(program, clock, WorkshopState()).start()
    clock.advance(3 * HOUR)
    state = walk(program, clock, state).pause()  # 21:00
    clock.at = MONDAY_9AM + 23 * HOUR  # Tuesday 08:00
    assert walk(program, clock, state).day_clock().over
    state = walk(program, clock, state).start()
    assert len(state.earlier_days) == 1 and walk(program, clock, state).day_clock().number == 2


def test_a_late_session_past_midnight_is_the_same_day(program: Program) -> None:
    clock = FixedClock(MONDAY_9AM + 14 * HOUR)  # 23:00
    state = walk(program, clock, WorkshopState()).start()
    clock.advance(50 * 60)
    state = walk(program, clock, state).pause()
    clock.advance(10 * 60)  # 00:00 on Tuesday: a pause, not a night
    assert not walk(program, clock, state).day_clock().over
    assert walk(program, clock, state).start().earlier_days == ()


def test_a_console_killed_with_its_clock_running_at_half_past_five_is_stopped_the_next_morning(
    program: Program,
) -> None:
    """A laptop that died at 17:30 with the clock running, reopened at 08:30: fifteen hours, less than the sixteen
    that meant "left overnight", so the step timer had counted all night and day one read 23 h behind."""
    clock = FixedClock(MONDAY_9AM)
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY_9AM + 8.5 * HOUR
    state = walk(program, clock, state).next()  # the last save, at 17:30, the clock running on
    stopped = stopped_when_left(state, MONDAY_9AM + 23.5 * HOUR)
    assert stopped is not None and stopped.timers["basics/rate-aptitudes"].running_since is None
    assert stopped.timers["basics/welcome"].elapsed == 8.5 * HOUR


def test_a_console_killed_late_in_the_evening_and_reopened_after_midnight_runs_on(program: Program) -> None:
    clock = FixedClock(MONDAY_9AM + 14.5 * HOUR)  # 23:30
    state = walk(program, clock, WorkshopState()).start()
    assert stopped_when_left(state, MONDAY_9AM + 15.25 * HOUR) is None  # 00:15: the room went on meanwhile


def test_a_console_left_open_asleep_overnight_with_its_clock_running_stops_it_when_last_seen(program: Program) -> None:
    """The laptop's lid closed at 17:30 with the console open and the clock running; it woke at 08:30. The console
    was last seen ticking at 17:30, though its last save was at 15:40: the clocks stop at 17:30."""
    clock = FixedClock(MONDAY_9AM)
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY_9AM + 6 * HOUR + 40 * 60
    state = walk(program, clock, state).next()  # saved at 15:40, the clock running on
    seen = MONDAY_9AM + 8.5 * HOUR
    assert stopped_when_left(state, seen + 5, seen_at=seen) is None  # a second later: the clock runs on
    stopped = stopped_when_left(state, MONDAY_9AM + 23.5 * HOUR, seen_at=seen)
    assert stopped is not None and stopped.timers["basics/rate-aptitudes"] == StepTimer(elapsed=110 * 60)


def test_day_ones_unfinished_step_jumped_past_on_day_two_is_still_to_come_in_the_pace_and_the_finish(
    program: Program,
) -> None:
    """Day one stopped five minutes into mandate (its 4 planned minutes counted as got through). On day two the room
    jumps past it, neither done nor skipped: its 4 minutes are still to come, in the projected finish, so the pace
    says the room is 4 minutes further behind, and the finish stays the plan's moved by how far behind. Before, the
    pace said 'on time' while the finish was 4 minutes later than the plan's."""
    clock = FixedClock()
    state = day_one(program, clock)
    clock.at = MONDAY_9AM + 24 * HOUR
    state = walk(program, clock, state).start()
    state = walk(program, clock, state).jump("basics/role")
    day = walk(program, clock, state).day_clock()
    assert day.behind == 4
    assert day.projected_finish == day.planned_finish + day.behind * 60


def test_a_new_day_asked_for_again_on_the_date_day_two_started_keeps_day_two_as_the_summary_dates_it(
    program: Program,
) -> None:
    """Tuesday 09:00 t started day two; at 10:30, the clock paused, D asked for another day, and again at 11:00: the
    console said "Day 4" while the summary, which counts the dates met on, said "over two days"."""
    clock = FixedClock()
    state = day_one(program, clock)
    clock.at = MONDAY_9AM + 24 * HOUR
    state = walk(program, clock, state).start()
    clock.advance(1.5 * HOUR)
    state = walk(program, clock, state).pause()
    flow = walk(program, clock, state)
    assert flow.new_day_waits()  # day two started today: another day waits for a later date
    for _ in range(2):
        clock.advance(30 * 60)
        state = walk(program, clock, state).start(new_day=True)
        clock.advance(60)
        state = walk(program, clock, state).pause()
    flow = walk(program, clock, state)
    assert state.day_started_at == MONDAY_9AM + 24 * HOUR and state.earlier_days[-1].started_at == MONDAY_9AM
    assert flow.day_clock().number == 2 == len(state.days_met())  # day two carried on, as the summary dates it

    clock.at = MONDAY_9AM + 48 * HOUR  # Wednesday morning: day three may start
    assert not walk(program, clock, state).new_day_waits()
    state = walk(program, clock, state).start(new_day=True)
    assert walk(program, clock, state).day_clock().number == 3 == len(state.days_met())


def test_day_one_keeps_to_its_date_as_later_days_do(program: Program) -> None:
    """Changed deliberately: after a pause of five hours the console offered D for day two on day one's date, and D
    started it; the console then said "Day 2" where the summary named one date. A day is a date of the facilitator's
    calendar, the first too."""
    clock = FixedClock()
    state = day_one(program, clock)
    clock.advance(5 * HOUR)
    flow = walk(program, clock, state)
    assert flow.new_day_waits()
    state = flow.start(new_day=True)
    assert walk(program, clock, state).day_clock().number == 1 and state.earlier_days == () and not state.days_met()
