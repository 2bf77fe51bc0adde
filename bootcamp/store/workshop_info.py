"""A workshop's info and roster, and its actions: what the library index keeps of each workshop.

Part of the stored model (:mod:`bootcamp.store.model` holds them all), apart so that home's list, read
from the index, does not build the room's record classes before its first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Participant:
    """One seat of the roster: removed participants keep their seat number and their answers."""

    id: str  # generated; never derived from the name
    number: int  # seat number from 1, kept when others leave
    name: str = ""  # always "" in an anonymous workshop: no names are stored
    role: str = ""
    removed: bool = False
    joined_at: str = ""  # ISO timestamp; tells a late arrival which steps they missed

    @property
    def display_name(self) -> str:
        return self.name or f"P{self.number}"


@dataclass(frozen=True)
class WorkshopInfo:
    """A workshop's ``workshop.json``: its name, organisation, date, agenda, roster and the content it runs."""

    id: str
    name: str
    organisation: str
    date: str  # ISO date
    agenda: str  # "full" or "half"
    anonymous: bool
    participants: tuple[Participant, ...]
    content_hash: str
    created_at: str
    # The run of the commitment test this one was made again from (`a` on home, `new --like`): its id, or "".
    # Progress and `compare` default to it; it may name a workshop that is not in this library (an import).
    follows: str = ""
    # A copy kept by `bootcamp import --replace`: the id of the workshop a copy handed back replaced it in, and when
    # (ISO 8601); "" for every other workshop. Never taken for an earlier run unless named by id.
    replaced_by: str = ""
    replaced_at: str = ""

    def participant(self, participant_id: str) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    @property
    def present(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if not p.removed)


class ActionStatus(StrEnum):
    """Where an agreed action stands; done and dropped are dated (``Action.status_at``)."""

    OPEN = "open"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Action:
    """Something the room agreed to do, with an owner and a due date, followed up after the workshop."""

    id: str
    what: str
    owner: str = ""
    due: str = ""  # ISO date or ""
    status: ActionStatus = ActionStatus.OPEN
    source: str = ""  # step key, or "poker:<card-id>"
    at: str = ""
    # The day (YYYY-MM-DD) it was marked done or dropped after the workshop, e.g. from the actions view;
    # "" when it never was (defaulted, so files written before it load as they are).
    status_at: str = ""
