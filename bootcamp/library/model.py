"""What the library index answers with: plain values (no Textual, no file access)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from bootcamp.dates import days_span
from bootcamp.library.packing import unpack_actions
from bootcamp.store.workshop_info import Action, WorkshopInfo

# Where a search hit's text comes from, as SearchHit.where says it.
WORKSHOP, ORGANISATION, PARTICIPANT = "workshop", "organisation", "participant"
ROOM_NOTE, QUICK_NOTE, COMMENT = "room note", "quick note", "comment"
ROLE_LINE, ACTION, POKER_NOTE = "role line", "action", "poker note"
STEP = "step"  # a step's title, as the workshop's own copy of the content names it


@dataclass(frozen=True)
class LibraryRow:
    """A workshop as home lists it: its info (lineage in ``info.follows``), where it stopped, its actions.

    The actions are unpacked from the index when first asked for (home never asks); a packed text that is
    not what the index writes is answered by ``from_folder`` instead: the workshop's folder, read now.
    """

    info: WorkshopInfo
    stopped_at: str
    packed_actions: str = field(repr=False, compare=False)
    from_folder: Callable[[], tuple[Action, ...]] = field(repr=False, compare=False)
    archived: bool = False  # put away: home and `bootcamp list` leave it out unless asked (bootcamp.store.archive)
    days: tuple[str, ...] = ()  # the dates it met on when more than one (WorkshopState.days_met), else none

    @cached_property
    def actions(self) -> tuple[Action, ...]:
        try:
            return unpack_actions(self.packed_actions)
        except (KeyError, TypeError, ValueError):
            return self.from_folder()


@dataclass(frozen=True)
class LibraryListing:
    """Every readable workshop of the data folder, newest first, and what could not be read."""

    rows: tuple[LibraryRow, ...]  # newest first, as Store.scan_workshops sorts
    problems: tuple[str, ...]  # one sentence per unreadable folder


@dataclass(frozen=True)
class SearchHit:
    """One text that holds every word searched for, with the workshop and the place it was found in."""

    workshop_id: str
    workshop_name: str
    organisation: str
    date: str
    step_key: str  # where the match is; "" for the workshop's name, organisation and participants
    where: str  # WORKSHOP, ORGANISATION, PARTICIPANT, STEP, ROOM_NOTE, QUICK_NOTE, COMMENT, ROLE_LINE, ACTION, POKER_NOTE
    text: str  # the whole matched text, line breaks kept
    spans: tuple[tuple[int, int], ...]  # (start, end) of each matching word in text
    archived: bool = False  # the workshop is put away: found all the same (a client's earlier run), and said so
    days: tuple[str, ...] = ()  # as LibraryRow.days

    @property
    def held_on(self) -> str:
        """The workshop's date as home and `list` give it: "2026-09-21–22" for one held over two days."""
        return days_span(self.date, self.days)


@dataclass(frozen=True)
class OpenAction:
    """An action still open or under way, with the workshop that agreed it."""

    workshop_id: str
    workshop_name: str
    organisation: str
    workshop_date: str  # its first day: the day the action was agreed on, at the latest
    action: Action
    workshop_days: tuple[str, ...] = ()  # the days a workshop of more than one met on (LibraryRow.days)

    @property
    def held_on(self) -> str:
        """The workshop's date as home and `list` give it: "2026-09-21–22" for one held over two days."""
        return days_span(self.workshop_date, self.workshop_days)
