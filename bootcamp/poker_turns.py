"""Aptitude Poker's turns: which card the room talks about, and each card's own countdown.

Pure logic over :class:`~bootcamp.store.model.WorkshopState`, like :mod:`bootcamp.flow`:
every move returns a new state, which the caller stores (so a projector window shows
the same card and countdown). Picking a card pauses the card before it and starts the
picked card's clock, so the facilitator presses one key per card; leaving the exercise
step pauses the card too (:class:`~bootcamp.flow.Flow` calls :func:`pause_cards`).
"""

from __future__ import annotations

from dataclasses import replace

from bootcamp.store.model import StepTimer, WorkshopState


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
