"""The roster's rules, in one place: seats added, renamed, removed and restored; a typed roster read and written.

Pure functions on :class:`WorkshopInfo` (no files, no Textual): the live room, the store's
``create_workshop``, the CLI and the new-workshop form all use them, so a seat follows the
same rules whichever way it came in.

- A seat's id is generated (never derived from the name); its number is the next one, kept
  when others leave; a name or role is kept without surrounding blanks, composed (NFC).
- An anonymous workshop stores no names: every change writes the seat with an empty name.
- Removing a seat keeps it (and its answers, which live in their own file): restoring brings it back.

A typed roster is one participant per line or comma-separated, ``Name (role)`` for a role; an anonymous
workshop gives roles alone, ``(role)``, or just how many participants it has (a name given with a role is
dropped; a bare entry is refused: it may be a name, or a role that would be lost).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from bootcamp.errors import UserError
from bootcamp.limits import MAX_PARTICIPANTS
from bootcamp.store.ids import new_participant_id
from bootcamp.store.model import Participant, WorkshopInfo

_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")
_ENTRY_SEPARATOR = re.compile(r"[,\n]")
# What a Chinese or Japanese keyboard (full-width brackets and commas, the list comma 、) or an Arabic one types for
# the brackets and commas of a roster.
_TYPED_PUNCTUATION = str.maketrans({"\uff08": "(", "\uff09": ")", "\uff0c": ",", "\u3001": ",", "\u060c": ","})
_SEAT_NUMBER = re.compile(r"^P\d+$", re.IGNORECASE)  # "P3": how an anonymous seat is shown, and written back


class RosterChange(NamedTuple):
    """The workshop with the change made, and the seat as it is now (``info, seat = add_participant(…)``)."""

    info: WorkshopInfo
    participant: Participant


class RosterError(UserError):
    """A typed roster that cannot be read: one sentence naming the line (when there are several) and the entry."""


# -- seats ---------------------------------------------------------------------------------------------------


def add_participant(info: WorkshopInfo, name: str, role: str = "", *, joined_at: str) -> RosterChange:
    """A new seat: a new id, the next number, ``joined_at`` (ISO) kept to tell a late arrival what they missed."""
    participant = Participant(
        id=new_participant_id({p.id for p in info.participants}),
        number=max((p.number for p in info.participants), default=0) + 1,
        name="" if info.anonymous else _kept(name),
        role=_kept(role),
        joined_at=joined_at,
    )
    return RosterChange(dataclasses.replace(info, participants=(*info.participants, participant)), participant)


def rename_participant(
    info: WorkshopInfo, participant_id: str, name: str, role: str | None = None
) -> RosterChange | None:
    """A new name, and a new role unless ``role`` is None; None if the workshop has no such seat."""
    changes: dict[str, object] = {"name": _kept(name)}
    if role is not None:
        changes["role"] = _kept(role)
    return _change_seat(info, participant_id, changes)


def _kept(text: str) -> str:
    """A name or role as stored: without surrounding blanks, and composed (NFC), so "Chloé" typed on a Mac, whose
    keyboard sends the accent apart, is the same text as typed on Windows: one name to compare, sort and search."""
    return unicodedata.normalize("NFC", text).strip()


def remove_participant(info: WorkshopInfo, participant_id: str) -> RosterChange | None:
    """The seat marked removed (its number and answers kept, so it can come back); None if there is no such seat."""
    return _change_seat(info, participant_id, {"removed": True})


def restore_participant(info: WorkshopInfo, participant_id: str) -> RosterChange | None:
    """A removed seat back in the room; None if there is no such seat."""
    return _change_seat(info, participant_id, {"removed": False})


def _change_seat(info: WorkshopInfo, participant_id: str, changes: dict[str, object]) -> RosterChange | None:
    """The seat with ``changes``; the same ``info`` (``is``) when nothing changed, so callers can skip a save."""
    before = info.participant(participant_id)
    if before is None:
        return None
    after = dataclasses.replace(before, **changes)  # type: ignore[arg-type]
    if info.anonymous:
        after = dataclasses.replace(after, name="")
    if after == before:
        return RosterChange(info, before)
    participants = tuple(after if p.id == participant_id else p for p in info.participants)
    return RosterChange(dataclasses.replace(info, participants=participants), after)


# -- a typed roster ------------------------------------------------------------------------------------------


def parse_roster(text: str, *, anonymous: bool) -> tuple[tuple[str, str], ...]:
    """``(name, role)`` for each participant in ``text``; RosterError (one sentence) when it cannot be read.

    One per line or comma-separated, blanks inside a name or role collapsed, ``Name (role)`` for a role; the
    full-width brackets and commas of a Chinese or Japanese keyboard, the list comma 、 and the Arabic comma read as
    brackets and commas.
    A name listed twice is kept (:func:`bootcamp.checks.roster_warnings` warns of it). In an anonymous
    workshop every name is "" (only roles are kept): an entry is ``(role)``, a seat as shown (``P3`` or
    ``P3 (role)``, as :func:`format_roster` writes it) or ``Name (role)``, and ``text`` may be just how many
    participants there are.
    """
    text = unicodedata.normalize("NFC", text).translate(_TYPED_PUNCTUATION)
    stripped = text.strip()
    if anonymous and stripped.isdigit():
        # "²" is a digit int() cannot read, and int() refuses thousands of digits: both are out of range
        count = int(stripped) if stripped.isdecimal() and len(stripped) <= 4 else MAX_PARTICIPANTS + 1
        if not 1 <= count <= MAX_PARTICIPANTS:
            raise RosterError(f"give between 1 and {MAX_PARTICIPANTS} participants")
        return tuple(("", "") for _ in range(count))
    lines = text.split("\n")
    people: list[tuple[str, str]] = []
    for line_number, line in enumerate(lines, start=1):
        where = f"line {line_number}: " if len(lines) > 1 else ""
        for entry in _ENTRY_SEPARATOR.split(line):
            entry = " ".join(entry.split())
            if not entry:
                continue
            match = _ROLE.match(entry)
            name, role = (match["name"].strip(), match["role"].strip()) if match else (entry, "")
            if anonymous and not match and not _SEAT_NUMBER.match(name):
                # A bare "CFO" could be a name (never stored) or a role (kept): dropping it loses a role, keeping it
                # may store a name, so the facilitator says which.
                raise RosterError(
                    f"{where}{entry!r}: an anonymous workshop stores no names; write a role in brackets, "
                    f"as in \"({entry})\", or give just how many participants"
                )
            if not name and not anonymous:
                raise RosterError(f"{where}{entry!r} has a role but no name")
            people.append(("" if anonymous else name, role))
    if not anonymous and stripped.isdigit():
        raise RosterError("give names, or choose anonymous to give just a number")
    return tuple(people)


def format_roster(participants: Iterable[Participant], *, anonymous: bool) -> str:
    """The present ones among ``participants`` as :func:`parse_roster` reads them: ``Name (role)`` a line.

    In an anonymous workshop ``P1 (role)`` (the names are dropped again on reading, the roles kept),
    or just how many when nobody has a role. What "run the test again" fills the form with.
    """
    present = [p for p in participants if not p.removed]
    if anonymous and not any(p.role for p in present):
        return str(len(present)) if present else ""
    return "\n".join(p.display_name + (f" ({p.role})" if p.role else "") for p in present)
