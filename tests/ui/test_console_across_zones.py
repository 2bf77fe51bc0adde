"""The console of a boot camp whose room's clock is not the laptop's: the night the clocks change, and a day run in
London read on a laptop that flew to New York."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from ui_helpers import new_workshop, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow
from bootcamp.store import Store
from bootcamp.store.model import WorkshopState
from bootcamp.ui.screens.workshop import WorkshopScreen


def at(moment: str) -> float:
    return datetime.fromisoformat(moment).timestamp()


def in_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


def said(app: object) -> list[str]:
    """What the console said of the day (the step's own "Over time" toast aside)."""
    return [n.message for n in app._notifications if "day" in n.message.lower()]  # type: ignore[attr-defined]


def session_in_store(store: Store, program: Program, clock: FixedClock, started: str, paused: str) -> str:
    """The room's clock started at ``started``; welcome took 10 minutes, then the ratings until ``paused``."""
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
        assert said(app) == ["Paused 5 h 00 since 01:30: t again carries on day 1; D starts day 2, day 1 kept as it went."]
        assert not screen.flow.running and screen.flow.state.earlier_days == ()
