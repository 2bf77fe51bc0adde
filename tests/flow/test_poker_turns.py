"""Aptitude Poker's turns: the card under discussion and each card's own clock, as pure state moves."""

from __future__ import annotations

import dataclasses

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.flow import Flow
from bootcamp.poker_turns import card_timer, deal_again, discuss, is_running, remaining, talked_about, toggle
from bootcamp.store.codec import from_json, to_json
from bootcamp.store.model import Action, PokerCard, RoomRecords, WorkshopState

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


# -- dealing again once people come and go --------------------------------------------------------------------

TEN = [f"c{n}" for n in range(10)]


def dealt(*holders: str) -> tuple[PokerCard, ...]:
    return tuple(PokerCard(card, holder) for card, holder in zip(TEN, holders, strict=False))


def test_the_cards_of_someone_who_left_go_to_whoever_holds_fewest_and_nobody_else_s_move() -> None:
    cards = dealt("ana", "ben", "cy", "gina", "ana", "ben", "cy", "gina", "ana", "ben")
    # Gina left: her first card to Cy (two cards, the others three), her second to Ana (first of three equals)
    assert deal_again(cards, ["ana", "ben", "cy"], set()) == {"c3": "cy", "c7": "ana"}


def test_a_late_arrival_gets_a_card_not_talked_about_from_someone_holding_more() -> None:
    cards = dealt("ana", "ben", "cy", "ana", "ben", "cy", "ana")  # seven cards, three people: Ana holds three
    assert deal_again(cards, ["ana", "ben", "cy", "hugo"], set()) == {"c6": "hugo"}
    assert deal_again(cards, ["ana", "ben", "cy", "hugo"], {"c6"}) == {"c3": "hugo"}  # c6 was talked about: stays
    assert deal_again(cards, ["ana", "ben", "cy", "hugo"], {"c0", "c3", "c6"}) == {"c4": "hugo"}  # Ana's all were
    assert deal_again(cards, ["ana", "ben", "cy", "hugo"], set(TEN[:7])) == {}  # every card talked about: none moves


def test_a_fair_deal_is_left_as_it_is() -> None:
    cards = dealt("ana", "ben", "cy", "ana", "ben")
    assert deal_again(cards, ["ana", "ben", "cy"], set()) == {}
    assert deal_again(cards, [], set()) == {}  # nobody present: nobody to deal to


def test_a_card_talked_about_still_leaves_the_hands_of_someone_who_left_after_those_not_yet_talked_about() -> None:
    cards = dealt("ana", "gina", "gina")
    assert deal_again(cards, ["ana", "hugo"], {"c1"}) == {"c2": "hugo", "c1": "ana"}


def test_what_the_room_has_talked_about(clock: FixedClock) -> None:
    room = RoomRecords(
        poker=dealt("ana", "ben", "cy", "dee"),
        actions=(Action("a1", "Call five customers", source="poker:c2"),),
    )
    noted = dataclasses.replace(room.poker[1], notes={"today": "x", "opportunity": ""})
    room = dataclasses.replace(room, poker=(room.poker[0], noted, *room.poker[2:]))
    state = discuss(WorkshopState(), "c0", clock.now())
    assert talked_about(state, room, clock.now()) == {"c0", "c1", "c2"}
