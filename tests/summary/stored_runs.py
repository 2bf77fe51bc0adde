"""A workshop stored through the real store on the fixture content: three people's answers to the mandate question,
for the tests that run the CLI's summary and compare on it."""

from __future__ import annotations

import dataclasses

from summary_rooms import FIXTURE, MANDATE

from bootcamp.content import read_sources
from bootcamp.store import Store
from bootcamp.store.model import Action, Answer


def stored(store: Store, date: str, values: tuple[str, ...], *, sources: dict[str, str] | None = None, **kwargs) -> str:
    info = store.create_workshop(
        name=kwargs.get("name", "Acme boot camp"),
        organisation=kwargs.get("organisation", "Acme"),
        date=date,
        participants=[("Ana", "CEO"), ("Ben", ""), ("Chloe", "")],
        agenda=kwargs.get("agenda", "full"),
        anonymous=kwargs.get("anonymous", False),
        sources=sources or read_sources(FIXTURE),
    )
    workshop = store.open(info.id)
    for person, value in zip(info.participants, values, strict=True):
        workshop.save_answer(Answer(person.id, MANDATE, value=value))
    return info.id


def stored_with_actions(store: Store, actions: tuple[Action, ...]) -> str:
    """A run of 2026-09-21 (the mandate answered no, no, partly) whose room agreed ``actions``."""
    workshop_id = stored(store, "2026-09-21", ("no", "no", "partly"))
    store.open(workshop_id).update_room(lambda room: dataclasses.replace(room, actions=actions))
    return workshop_id
