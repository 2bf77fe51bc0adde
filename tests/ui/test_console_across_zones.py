"""The console of a boot camp whose room's clock is not the laptop's: the night the clocks change, and a day run in
London read on a laptop that flew to New York."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from textual.widgets import Static
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow
from bootcamp.store import Store
from bootcamp.store.model import WorkshopState
from bootcamp.ui.screens.roster import RosterScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.day_clock import DayClockPanel

# Each test sets the zones it is read in; utc_calendar sets the zone back after it (tzset), for the tests that follow.
pytestmark = pytest.mark.usefixtures("utc_calendar")


def at(moment: str) -> float:
    return datetime.fromisoformat(moment).timestamp()


def in_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


def said(app: object) -> list[str]:
    """What the console said of the day (the step's own "Over time" toast aside)."""
    return [n.message for n in app._notifications if "day" in n.message.lower()]  # type: ignore[attr-defined]


def session_in_store(store: Store, program: Program, clock: FixedClock, started: str, paused: str) -> str:
    """The room came in 10 minutes before the clock started at ``started``; welcome took 10 minutes, then the ratings
    until ``paused``."""
    clock.at = at(started) - 10 * 60
    info = new_workshop(store, program)
    clock.at = at(started)
    state = Flow(program, "full", WorkshopState(), clock).start()
    clock.advance(10 * 60)
    state = Flow(program, "full", state, clock).next()
    clock.at = at(paused)
    store.open(info.id).save_state(Flow(program, "full", state, clock).pause())
    return info.id


async def test_the_night_the_clocks_go_back_t_asks_and_counts_the_walls_hours(
    store: Store, fixture_program: Program, make_app, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An evening session in London paused at 01:30 the night the clocks go back, back at 06:30: before, t started
    day 2 without a word (six hours had passed), where the README says it asks; its question said "Paused 6 h 00"."""
    in_zone(monkeypatch, "Europe/London")
    workshop_id = session_in_store(
        store, fixture_program, clock, "2026-10-24T20:00:00+01:00", "2026-10-25T01:30:00+01:00"
    )
    clock.at = at("2026-10-25T06:30:00+00:00")
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.press("t")
        await pilot.pause()
        assert said(app) == [
            "Paused 5 h 00 since 01:30: t again carries on day 1; D starts day 2, day 1 kept as it went."
        ]
        assert not screen.flow.running and screen.flow.state.earlier_days == ()


def panel_lines(screen: WorkshopScreen) -> list[str]:
    return [str(line.render()) for line in screen.query_one(DayClockPanel).query(Static) if line.display]


async def test_a_london_day_reopened_in_new_york_reads_on_the_rooms_clock_and_says_so(
    store: Store, fixture_program: Program, make_app, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Day 1 in London from 08:30, paused at 17:00; landed in New York, the facilitator opens it at 22:00 there.
    Before: the panel said "started 03:30" and D "Day 1 started today at 03:30", a time the room never kept (the
    summary reads the room's 08:30); people had "joined at 03:20"."""
    in_zone(monkeypatch, "Europe/London")
    workshop_id = session_in_store(
        store, fixture_program, clock, "2026-12-08T08:30:00+00:00", "2026-12-08T17:00:00+00:00"
    )
    in_zone(monkeypatch, "America/New_York")
    clock.at = at("2026-12-08T22:00:00-05:00")
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.pause()
        assert screen.query_one(DayClockPanel).border_subtitle == "started 08:30 UTC"
        await pilot.press("D")
        await pilot.pause()
        assert said(app) == ["Day 1 started today at 08:30 UTC: D starts day 2 on a later date; t carries day 1 on."]
        await pilot.press("f2")
        await wait_for_screen(pilot, RosterScreen)
        await settle(pilot)
        assert "joined at 08:20 UTC" in screen_text(app)


async def test_a_day_in_auckland_keeps_its_date_on_the_console_in_new_york(
    store: Store, fixture_program: Program, make_app, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Day 1 in Auckland on 8 Dec from 08:30 (14:30 on the 7th in New York), day 2 in New York on the 9th. Before:
    the console said "day of 7 Dec, over" and "day 1, 7 Dec", a date the summary does not name."""
    in_zone(monkeypatch, "Pacific/Auckland")
    workshop_id = session_in_store(
        store, fixture_program, clock, "2026-12-08T08:30:00+13:00", "2026-12-08T17:00:00+13:00"
    )
    in_zone(monkeypatch, "America/New_York")
    clock.at = at("2026-12-09T09:00:00-05:00")
    app = make_app(open_workshop=workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, WorkshopScreen)
        await pilot.pause()
        panel = screen.query_one(DayClockPanel)
        assert panel_lines(screen)[0] == "day of 8 Dec, over"
        assert panel.border_subtitle == "started 08:30 UTC+13"
        await pilot.press("t")
        await pilot.pause()
        assert panel.border_subtitle == "started 09:00"  # day 2, on the laptop's clock, which is the room's
        assert panel_lines(screen)[-1].startswith("day 1, 8 Dec: ")
