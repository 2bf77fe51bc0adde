"""Aptitude Poker's turns: the card under discussion and each card's own clock, as pure state moves."""

from __future__ import annotations

import dataclasses

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow
from bootcamp.poker_turns import card_timer, discuss, is_running, remaining, toggle
from bootcamp.store.codec import from_json, to_json
from bootcamp.store.model import WorkshopState

MINUTES = 3


def test_picking_a_card_starts_its_clock_and_pauses_the_one_before(clock: FixedClock) -> None:
    state = discuss(WorkshopState(), "persist", clock.now())
    assert state.poker_card == "persist" and is_running(state, "persist")
    clock.advance(100)
    assert remaining(state, "persist", MINUTES, clock.now()) == 80
    state = discuss(state, "give-power-away", clock.now())
    clock.advance(200)
    assert not is_running(state, "persist")
    assert card_timer(state, "persist").elapsed == 100  # kept for when the room comes back to it
    assert remaining(state, "give-power-away", MINUTES, clock.now()) == -20  # over its time
    state = discuss(state, "persist", clock.now())
    clock.advance(30)
    assert remaining(state, "persist", MINUTES, clock.now()) == 50


def test_the_card_clock_pauses_and_resumes_and_waits_for_a_card(clock: FixedClock) -> None:
    assert toggle(WorkshopState(), clock.now()) == WorkshopState()
    state = discuss(WorkshopState(), "persist", clock.now())
    clock.advance(60)
    state = toggle(state, clock.now())
    clock.advance(600)
    assert not is_running(state, "persist")
    assert remaining(state, "persist", MINUTES, clock.now()) == 120
    state = toggle(state, clock.now())
    clock.advance(20)
    assert remaining(state, "persist", MINUTES, clock.now()) == 100


def test_leaving_the_exercise_step_pauses_the_card(program: Program, clock: FixedClock) -> None:
    at_poker = Flow(program, "full", WorkshopState(step_key="basics/poker"), clock)
    state = discuss(at_poker.state, "persist", clock.now())
    clock.advance(45)
    state = Flow(program, "full", state, clock).next()
    clock.advance(300)
    assert state.step_key == "basics/talk" and not is_running(state, "persist")
    assert remaining(state, "persist", MINUTES, clock.now()) == 135
    assert state.poker_card == "persist"  # the projector still knows the last card talked about


def test_old_state_files_without_the_poker_fields_still_load(clock: FixedClock) -> None:
    state = discuss(WorkshopState(step_key="basics/poker"), "persist", clock.now())
    stored = to_json(state)
    assert from_json(WorkshopState, stored) == state
    old = {k: v for k, v in stored.items() if k not in ("poker_card", "card_timers")}
    assert from_json(WorkshopState, old) == dataclasses.replace(state, poker_card="", card_timers={})
