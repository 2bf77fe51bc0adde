"""How a command counts a workshop's people: as ``bootcamp list`` does, so every command says the same number."""

from __future__ import annotations

from bootcamp.plurals import counted
from bootcamp.store.model import WorkshopInfo


def people_counted(info: WorkshopInfo) -> str:
    """"7 participants": the people in the room. A seat removed during the day is not one, though it keeps its
    answers (and comes back if restored)."""
    return counted(len(info.present), "participant")
