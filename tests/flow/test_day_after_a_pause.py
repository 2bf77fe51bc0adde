"""Whether a day is over, judged from when its clocks last ran: a boot camp opened with an evening session and paused
after midnight is still day one; a night after the last pause is a new day; a pause within one date of the
facilitator's calendar (a day turns at 04:00) is the same day whatever its length; and a pause the app cannot read
(past 04:00, shorter than a night) is left to the facilitator."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow, Resuming, stopped_when_left
from bootcamp.store.model import WorkshopDay, WorkshopState

MONDAY = 1_789_948_800.0  # 2026-09-21 00:00 UTC
HOUR = 3600.0

pytestmark = pytest.mark.usefixtures("utc_calendar")  # "after midnight" is the same on every machine


def walk(program: Program, clock: FixedClock, state: WorkshopState) -> Flow:
    return Flow(program, "full", state, clock)


def ran(program: Program, clock: FixedClock, start: float, pause: float) -> WorkshopState:
    """The day's clock started at ``start`` hours on Monday and ran until paused at ``pause``: welcome (5 min planned)
    done halfway, rate-aptitudes (10) on when paused: 15 planned minutes got through."""
    clock.at = MONDAY + start * HOUR
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY + (start + pause) / 2 * HOUR
    state = walk(program, clock, state).next()
    clock.at = MONDAY + pause * HOUR
    return walk(program, clock, state).pause()


def test_an_evening_session_paused_after_midnight_is_still_day_one(program: Program) -> None:
    """Opened with an evening session at 18:00 and paused at 00:30: the console read the day as over at once (six
    and a half hours since it started, on a later date), and the next t started "day two" in the middle of day one's
    evening."""
    clock = FixedClock()
    state = ran(program, clock, 18, 24.5)
    clock.advance(5 * 60)  # 00:35
    flow = walk(program, clock, state)
    assert flow.resuming() is Resuming.SAME_DAY and not flow.day_clock().over
    state = flow.start()
    assert state.earlier_days == () and state.day_started_at == MONDAY + 18 * HOUR


def test_an_evening_session_paused_after_midnight_is_over_the_next_morning(program: Program) -> None:
    clock = FixedClock()
    state = ran(program, clock, 18, 24.5)
    clock.at = MONDAY + 32.5 * HOUR  # Tuesday 08:30: eight hours on, the same date as the pause, but a night
    flow = walk(program, clock, state)
    assert flow.resuming() is Resuming.NEW_DAY and flow.day_clock().over
    assert flow.day_clock().actual == 6.5 * 60  # as its steps took it
    state = flow.start()
    assert state.earlier_days == (WorkshopDay(started_at=MONDAY + 18 * HOUR, planned=15, actual=390, utc_offset=0),)


def test_a_long_day_run_past_midnight_is_judged_from_its_last_pause_not_its_start(program: Program) -> None:
    """A day from 09:00, its clocks running until 23:30, back after a break at 00:40: the day had begun over fifteen
    hours before, on the date before, so it read as over and t started day two after a break of seventy minutes."""
    clock = FixedClock()
    state = ran(program, clock, 9, 23.5)
    clock.at = MONDAY + 24 * HOUR + 40 * 60
    flow = walk(program, clock, state)
    assert flow.resuming() is Resuming.SAME_DAY and not flow.day_clock().over
    assert flow.start().earlier_days == ()


def test_a_lunch_and_a_pause_of_five_hours_in_the_afternoon_carry_the_day_on(program: Program) -> None:
    """Changed deliberately: five hours paused in the afternoon was left to the facilitator, whose D then started day
    two on day one's date (the console said "Day 2", the summary one date). A day is a date of the facilitator's
    calendar: hours paused within it count against the day, as lunch does."""
    clock = FixedClock()
    state = ran(program, clock, 9, 12.5)
    clock.at = MONDAY + 13.5 * HOUR
    assert walk(program, clock, state).resuming() is Resuming.SAME_DAY

    clock.at = MONDAY + 17.5 * HOUR
    flow = walk(program, clock, state)
    assert flow.resuming() is Resuming.SAME_DAY and not flow.day_clock().over
    assert flow.new_day_waits()
    for new_day in (False, True):
        carried_on = flow.start(new_day=new_day)
        assert carried_on.earlier_days == () and carried_on.day_started_at == MONDAY + 9 * HOUR


def test_a_pause_of_sixteen_hours_within_one_date_is_still_that_day(program: Program) -> None:
    """Paused at 09:30, back at 01:30 (past midnight, before the day turns at 04:00): sixteen hours read as a night,
    and t started day two on day one's date."""
    clock = FixedClock()
    state = ran(program, clock, 9, 9.5)
    clock.at = MONDAY + 25.5 * HOUR
    flow = walk(program, clock, state)
    assert flow.resuming() is Resuming.SAME_DAY and not flow.day_clock().over
    assert flow.start().earlier_days == ()


def test_a_pause_across_the_days_turn_shorter_than_a_night_is_left_to_the_facilitator(program: Program) -> None:
    """An evening session from 20:00 paused at 01:30, back at 06:30: five hours, past 04:00 when a day turns, but
    no night's sleep. The room carrying on, or day two begun early? The app cannot know."""
    clock = FixedClock()
    state = ran(program, clock, 20, 25.5)
    clock.at = MONDAY + 30.5 * HOUR
    flow = walk(program, clock, state)
    assert flow.resuming() is Resuming.UNSURE and not flow.new_day_waits()
    assert not flow.day_clock().over  # shown as the same day until the facilitator says otherwise
    carried_on = flow.start(new_day=False)
    assert carried_on.earlier_days == () and carried_on.day_started_at == MONDAY + 20 * HOUR
    day_two = flow.start(new_day=True)
    assert day_two.day_started_at == clock.now()
    assert day_two.earlier_days == (WorkshopDay(started_at=MONDAY + 20 * HOUR, planned=15, actual=330, utc_offset=0),)


def test_moving_on_after_a_pause_across_the_days_turn_still_leaves_the_day_to_the_facilitator(
    program: Program,
) -> None:
    """Back at 06:30 after a pause from 01:30, the facilitator moves to the next step before t: that save is not the
    day's clocks running, so it does not make the pause a short one (changed deliberately from five hours in the
    afternoon, which is now the same day whatever is saved)."""
    clock = FixedClock()
    state = ran(program, clock, 20, 25.5)
    clock.at = MONDAY + 30.5 * HOUR
    state = walk(program, clock, state).next()
    clock.advance(60)
    assert walk(program, clock, state).resuming() is Resuming.UNSURE


def test_the_day_is_read_from_its_last_save_not_from_its_start_plus_what_its_clocks_counted(program: Program) -> None:
    """Paused over a dinner of two hours, the clocks counted less than the evening took: the last save (the pause at
    00:30), not 18:00 plus what they counted (22:30), is when the day last ran."""
    clock = FixedClock(MONDAY + 18 * HOUR)
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY + 19 * HOUR
    state = walk(program, clock, state).pause()
    clock.at = MONDAY + 21 * HOUR
    state = walk(program, clock, state).start()
    clock.at = MONDAY + 24.5 * HOUR
    state = walk(program, clock, state).pause()
    clock.at = MONDAY + 26.5 * HOUR  # 02:30: two hours after the pause, four after 22:30
    assert walk(program, clock, state).resuming() is Resuming.SAME_DAY


def test_nothing_to_resume_before_the_day_starts_or_while_a_clock_runs(program: Program) -> None:
    clock = FixedClock(MONDAY + 9 * HOUR)
    assert walk(program, clock, WorkshopState()).resuming() is None
    state = walk(program, clock, WorkshopState()).start()
    clock.advance(20 * HOUR)
    assert walk(program, clock, state).resuming() is None


def test_a_console_killed_after_midnight_with_its_clock_running_is_stopped_the_next_morning(program: Program) -> None:
    """Killed at 00:30 with the clock running, reopened at 08:30 the same date: eight hours, no date between, so the
    step timer had counted all night."""
    clock = FixedClock(MONDAY + 18 * HOUR)
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY + 24.5 * HOUR
    state = walk(program, clock, state).next()  # the last save, the clock running on
    stopped = stopped_when_left(state, MONDAY + 32.5 * HOUR)
    assert stopped is not None and stopped.timers["basics/rate-aptitudes"].running_since is None


def test_a_long_pause_in_the_morning_does_not_make_an_hours_break_in_the_afternoon_ask(program: Program) -> None:
    """Started 09:00, paused 10:00 to 13:30 for a client meeting, then an hour's break from 14:00: at 15:00 t asked
    "Paused 4 h 30 since 10:30", the day's start plus what its clocks counted, though the pause was an hour."""
    clock = FixedClock(MONDAY + 9 * HOUR)
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY + 10 * HOUR
    state = walk(program, clock, state).pause()
    clock.at = MONDAY + 13.5 * HOUR
    state = walk(program, clock, state).start(new_day=False)
    clock.at = MONDAY + 14 * HOUR
    state = walk(program, clock, state).pause()
    clock.at = MONDAY + 15 * HOUR
    flow = walk(program, clock, state)
    assert flow.last_ran() == MONDAY + 14 * HOUR
    assert flow.resuming() is Resuming.SAME_DAY


def test_a_state_from_before_the_clocks_stop_was_kept_is_still_read_from_what_its_clocks_counted(
    program: Program,
) -> None:
    """A state.json written before the time the clocks stopped was kept: the day's start plus what they counted."""
    clock = FixedClock()
    state = ran(program, clock, 20, 25.5)
    older = replace(state, clocks_stopped_at=None, updated_at=MONDAY + 30.5 * HOUR)  # a later save: a move
    clock.at = MONDAY + 30.5 * HOUR
    flow = walk(program, clock, older)
    assert flow.last_ran() == MONDAY + 25.5 * HOUR
    assert flow.resuming() is Resuming.UNSURE  # five hours across the day's turn, not a short pause


def test_clocks_stopped_when_the_console_was_left_keep_when_they_stopped(program: Program) -> None:
    clock = FixedClock(MONDAY + 9 * HOUR)
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY + 11 * HOUR
    state = walk(program, clock, state).next()  # the last save, the clock running on
    stopped = stopped_when_left(state, MONDAY + 33 * HOUR)
    assert stopped is not None and stopped.clocks_stopped_at == MONDAY + 11 * HOUR
    clock.at = MONDAY + 33 * HOUR
    assert walk(program, clock, stopped).last_ran() == MONDAY + 11 * HOUR


def test_moving_on_with_the_clock_running_is_not_a_stop(program: Program) -> None:
    clock = FixedClock(MONDAY + 9 * HOUR)
    state = walk(program, clock, WorkshopState()).start()
    clock.at = MONDAY + 10 * HOUR
    state = walk(program, clock, state).next()
    assert state.clocks_stopped_at is None
    clock.at = MONDAY + 10.5 * HOUR
    assert walk(program, clock, state).pause().clocks_stopped_at == MONDAY + 10.5 * HOUR
