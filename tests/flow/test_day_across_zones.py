"""A boot camp whose days are run in different time zones: day 1 in London, day 2 in New York after the flight.
Each day keeps the room's offset from UTC with its start, so its date is the room's wherever it is reread, and the
console's rule that a new day starts on a later date counts the date the room met on."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow, Resuming
from bootcamp.store.model import WorkshopState

pytestmark = pytest.mark.usefixtures("utc_calendar")


def at(moment: str) -> float:
    return datetime.fromisoformat(moment).timestamp()


def in_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


def london_day_one(program: Program, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> WorkshopState:
    """08:30 in the London room (03:30 in New York) the clock starts; paused at 17:00."""
    in_zone(monkeypatch, "Europe/London")
    clock.at = at("2026-12-08T08:30:00+00:00")
    state = Flow(program, "full", WorkshopState(), clock).start()
    clock.at = at("2026-12-08T17:00:00+00:00")
    return Flow(program, "full", state, clock).pause()


def test_day_two_in_new_york_keeps_day_one_on_londons_date(program: Program, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the days were dated on the reading machine's calendar, and read in New York day 1 (03:30 there, before
    the day's 04:00 turn) was 2026-12-07, a day the room never met: the summary said "2026-12-07 and 2026-12-09"
    while the console said "day 1, 8 Dec"."""
    clock = FixedClock()
    state = london_day_one(program, clock, monkeypatch)
    assert state.day_utc_offset == 0

    in_zone(monkeypatch, "America/New_York")
    clock.at = at("2026-12-09T09:00:00-05:00")
    state = Flow(program, "full", state, clock).start()
    assert (state.earlier_days[0].utc_offset, state.day_utc_offset) == (0, -300)
    for zone in ("America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Auckland"):
        in_zone(monkeypatch, zone)
        assert state.days_met() == ("2026-12-08", "2026-12-09"), zone


def test_a_new_day_waits_for_a_later_date_than_the_room_met_on(
    program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Landed in New York the same evening, 22:00 there (03:00 the next morning in London): D would have started day
    2 on the date day 1 was run, counted on New York's calendar as the 7th."""
    clock = FixedClock()
    state = london_day_one(program, clock, monkeypatch)
    in_zone(monkeypatch, "America/New_York")
    clock.at = at("2026-12-08T22:00:00-05:00")
    assert Flow(program, "full", state, clock).new_day_waits()
    clock.at = at("2026-12-09T09:00:00-05:00")
    assert not Flow(program, "full", state, clock).new_day_waits()


@pytest.mark.parametrize(
    ("zone", "evening", "morning", "offsets"),
    [
        ("Europe/London", "2026-10-24T18:00:00+01:00", "2026-10-25T09:00:00+00:00", (60, 0)),
        ("America/New_York", "2026-10-31T18:00:00-04:00", "2026-11-01T09:00:00-05:00", (-240, -300)),
    ],
)
def test_a_night_the_clocks_go_back_is_one_night_between_two_days(
    program: Program, monkeypatch: pytest.MonkeyPatch, zone: str, evening: str, morning: str, offsets: tuple[int, int]
) -> None:
    """Day 1 the evening before the clocks go back, day 2 the morning after: two days, each on its own date and
    offset, read the same from the other side of the Atlantic."""
    in_zone(monkeypatch, zone)
    clock = FixedClock(at(evening))
    state = Flow(program, "full", WorkshopState(), clock).start()
    clock.advance(3 * 3600)
    state = Flow(program, "full", state, clock).pause()
    clock.at = at(morning)
    state = Flow(program, "full", state, clock).start()
    day = Flow(program, "full", state, clock).day_clock()
    assert day.number == 2 and (state.earlier_days[0].utc_offset, state.day_utc_offset) == offsets
    assert state.earlier_days[0].actual == 180  # the timers counted the evening's three hours, not the hour gained
    expected = (evening[:10], morning[:10])
    assert state.days_met() == expected
    in_zone(monkeypatch, "Europe/London" if zone != "Europe/London" else "America/New_York")
    assert state.days_met() == expected


def paused_evening_session(program: Program, clock: FixedClock, started: str, paused: str) -> WorkshopState:
    """An evening session in the room, its clock started at ``started`` and paused at ``paused`` (after midnight)."""
    clock.at = at(started)
    state = Flow(program, "full", WorkshopState(), clock).start()
    clock.at = at(paused)
    return Flow(program, "full", state, clock).pause()


@pytest.mark.parametrize(
    ("zone", "started", "paused", "back"),
    [
        # The night the clocks go back: 01:30 BST is 00:30 UTC, 06:30 GMT is 06:30 UTC: six real hours, five on the wall.
        ("Europe/London", "2026-10-24T20:00:00+01:00", "2026-10-25T01:30:00+01:00", "2026-10-25T06:30:00+00:00"),
        ("America/New_York", "2026-10-31T20:00:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T06:30:00-05:00"),
    ],
)
def test_paused_at_0130_back_at_0630_the_night_the_clocks_go_back_is_asked_about(
    program: Program, monkeypatch: pytest.MonkeyPatch, zone: str, started: str, paused: str, back: str
) -> None:
    """README: "After a pause past 04:00 with no night between (an evening session paused at 01:30, back at 06:30)
    the app cannot know" and asks. Before: the night the clocks go back the pause was six real hours, a night, and the
    first t started day 2 without asking, though the room's wall clock said five."""
    in_zone(monkeypatch, zone)
    clock = FixedClock()
    state = paused_evening_session(program, clock, started, paused)
    clock.at = at(back)
    flow = Flow(program, "full", state, clock)
    assert flow.resuming() is Resuming.UNSURE
    assert Flow(program, "full", flow.start(), clock).day_clock().number == 1


@pytest.mark.parametrize(
    ("zone", "started", "paused", "back"),
    [
        # The night the clocks go forward (at 01:00 in London, 02:00 in New York): 00:30 GMT to 06:30 BST is six hours
        # on the wall, five real ones.
        ("Europe/London", "2027-03-27T20:00:00+00:00", "2027-03-28T00:30:00+00:00", "2027-03-28T06:30:00+01:00"),
        ("America/New_York", "2027-03-13T20:00:00-05:00", "2027-03-14T01:30:00-05:00", "2027-03-14T07:30:00-04:00"),
    ],
)
def test_six_hours_on_the_wall_the_night_the_clocks_go_forward_is_a_night(
    program: Program, monkeypatch: pytest.MonkeyPatch, zone: str, started: str, paused: str, back: str
) -> None:
    """Six hours on the wall past the day's turn are a night, as on any other night: before, the night the clocks go
    forward counted five real hours and asked."""
    in_zone(monkeypatch, zone)
    clock = FixedClock()
    state = paused_evening_session(program, clock, started, paused)
    clock.at = at(back)
    assert Flow(program, "full", state, clock).resuming() is Resuming.NEW_DAY
