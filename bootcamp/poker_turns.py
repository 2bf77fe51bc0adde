"""Aptitude Poker's turns: which card the room talks about, each card's own countdown, and who holds which
card once people leave or arrive late (:func:`deal_again`).

Pure logic over :class:`~bootcamp.store.model.WorkshopState`, like :mod:`bootcamp.flow`:
every move returns a new state, which the caller stores (so a projector window shows
the same card and countdown). Picking a card pauses the card before it and starts the
picked card's clock, so the facilitator presses one key per card; leaving the exercise
step pauses the card too (:class:`~bootcamp.flow.Flow` calls :func:`pause_cards`).
"""

from __future__ import annotations

from dataclasses import replace

from bootcamp.store.model import PokerCard, RoomRecords, StepTimer, WorkshopState


def card_timer(state: WorkshopState, card_id: str) -> StepTimer:
    return state.card_timers.get(card_id, StepTimer())


def is_running(state: WorkshopState, card_id: str) -> bool:
    return card_timer(state, card_id).running_since is not None


def remaining(state: WorkshopState, card_id: str, minutes_per_card: float, now: float) -> float:
    """Seconds left on a card's clock; negative once the card is over its time."""
    return minutes_per_card * 60 - card_timer(state, card_id).elapsed_at(now)


def discuss(state: WorkshopState, card_id: str, now: float) -> WorkshopState:
    """The room turns to ``card_id``: the card before it pauses, this card's clock runs."""
    state = pause_cards(state, now)
    timers = {**state.card_timers, card_id: card_timer(state, card_id).running_at(now)}
    return replace(state, poker_card=card_id, card_timers=timers, updated_at=now)


def toggle(state: WorkshopState, now: float) -> WorkshopState:
    """Pause or resume the clock of the card under discussion (nothing while no card is picked)."""
    card_id = state.poker_card
    if not card_id:
        return state
    timer = card_timer(state, card_id)
    changed = timer.paused_at(now) if timer.running_since is not None else timer.running_at(now)
    return replace(state, card_timers={**state.card_timers, card_id: changed}, updated_at=now)


def pause_cards(state: WorkshopState, now: float) -> WorkshopState:
    """Every card's clock paused (the room left the exercise, or turned to another card)."""
    if not any(timer.running_since is not None for timer in state.card_timers.values()):
        return state
    return replace(state, card_timers={card: timer.paused_at(now) for card, timer in state.card_timers.items()})


# -- who holds which card, once people come and go -----------------------------------------------------------


def talked_about(state: WorkshopState, room: RoomRecords, now: float) -> set[str]:
    """The cards the room has talked about: picked (their clock ran), or with notes or actions."""
    timers = state.card_timers.items()
    ran = {card for card, timer in timers if timer.elapsed_at(now) > 0 or timer.running_since is not None}
    written = {card.card_id for card in room.poker if any(text.strip() for text in card.notes.values())}
    acted = {action.source.removeprefix("poker:") for action in room.actions if action.source.startswith("poker:")}
    return ran | written | acted | ({state.poker_card} if state.poker_card else set())


def deal_again(cards: tuple[PokerCard, ...], present: list[str], talked: set[str]) -> dict[str, str]:
    """The deal made fair again for the people ``present`` (participant ids, in the roster's order), as the
    cards that change hands (card id → who holds it now).

    The cards of anyone no longer present go round first, to whoever holds fewest (those not talked about yet
    before those that were); then whoever holds two cards more than someone else passes them one not talked
    about yet (a late arrival gets a card). Every other card stays where it is: the people present keep the
    cards they prepared, and a card's notes and actions go with it, whoever holds it.
    """
    if not present:
        return {}
    held: dict[str, list[str]] = {person: [] for person in present}
    for card in cards:
        if card.holder in held:
            held[card.holder].append(card.card_id)

    def fewest() -> str:
        return min(present, key=lambda person: len(held[person]))  # the first in the roster among equals

    moves: dict[str, str] = {}
    unheld = [card.card_id for card in cards if card.holder not in held]
    for card_id in sorted(unheld, key=lambda card_id: card_id in talked):
        receiver = fewest()
        held[receiver].append(card_id)
        moves[card_id] = receiver
    while True:
        receiver = fewest()
        givers = sorted(present, key=lambda person: -len(held[person]))
        giver = next(
            (
                person
                for person in givers
                if len(held[person]) - len(held[receiver]) >= 2 and any(c not in talked for c in held[person])
            ),
            None,
        )
        if giver is None:
            break
        card_id = next(c for c in reversed(held[giver]) if c not in talked)  # the last dealt to them
        held[giver].remove(card_id)
        held[receiver].append(card_id)
        moves[card_id] = receiver
    was = {card.card_id: card.holder for card in cards}
    return {card_id: holder for card_id, holder in moves.items() if was[card_id] != holder}
