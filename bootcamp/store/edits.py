"""Small, id-keyed edits of a workshop's room and roster, as pure functions (no files).

Each edit replaces or removes one record by its own id, so the same edit can be applied
to the copy in memory at once and, later, to the file under its lock: another writer's
records (a participant's own device, a second console) are kept, never overwritten with a
stale copy of the whole room.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol, TypeVar

from bootcamp.store.model import Action, Participant, PokerCard, RoleLine, RoomNote, RoomRecords, WorkshopInfo


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)
RoomEdit = Callable[[RoomRecords], RoomRecords]
InfoEdit = Callable[[WorkshopInfo], WorkshopInfo]


def _put(records: tuple[R, ...], record: R) -> tuple[R, ...]:
    if any(r.id == record.id for r in records):
        return tuple(record if r.id == record.id else r for r in records)
    return (*records, record)


def _put_back(records: tuple[R, ...], record: R, next_id: str) -> tuple[R, ...]:
    """A removed record back at its place: before the one that followed it (last if that one has gone too)."""
    if any(r.id == record.id for r in records):
        return _put(records, record)
    at = next((n for n, r in enumerate(records) if r.id == next_id), len(records))
    return (*records[:at], record, *records[at:])


def _drop(records: tuple[R, ...], record_id: str) -> tuple[R, ...]:
    return tuple(r for r in records if r.id != record_id)


def put_note(note: RoomNote) -> RoomEdit:
    return lambda room: dataclasses.replace(room, notes=_put(room.notes, note))


def drop_note(note_id: str) -> RoomEdit:
    return lambda room: dataclasses.replace(room, notes=_drop(room.notes, note_id))


def put_role_line(line: RoleLine) -> RoomEdit:
    return lambda room: dataclasses.replace(room, role_lines=_put(room.role_lines, line))


def put_role_lines(lines: tuple[RoleLine, ...]) -> RoomEdit:
    """Several lines in one edit (a paste): saved in one write of the room, so all of them are kept or none."""

    def edit(room: RoomRecords) -> RoomRecords:
        role_lines = room.role_lines
        for line in lines:
            role_lines = _put(role_lines, line)
        return dataclasses.replace(room, role_lines=role_lines)

    return edit


def drop_role_lines(line_ids: tuple[str, ...]) -> RoomEdit:
    dropped = frozenset(line_ids)
    return lambda room: dataclasses.replace(room, role_lines=tuple(r for r in room.role_lines if r.id not in dropped))


def restore_role_line(line: RoleLine, next_id: str) -> RoomEdit:
    """A removed role line back at its place, as :func:`restore_action`: the posting's order is the room's."""
    return lambda room: dataclasses.replace(room, role_lines=_put_back(room.role_lines, line, next_id))


def drop_role_line(line_id: str) -> RoomEdit:
    return lambda room: dataclasses.replace(room, role_lines=_drop(room.role_lines, line_id))


def put_action(action: Action) -> RoomEdit:
    return lambda room: dataclasses.replace(room, actions=_put(room.actions, action))


def restore_action(action: Action, next_id: str) -> RoomEdit:
    """A removed action back at its place: before the one that followed it (last if that one has gone too)."""
    return lambda room: dataclasses.replace(room, actions=_put_back(room.actions, action, next_id))


def drop_action(action_id: str) -> RoomEdit:
    return lambda room: dataclasses.replace(room, actions=_drop(room.actions, action_id))


def deal_poker(cards: tuple[PokerCard, ...]) -> RoomEdit:
    """The deal, unless the room was dealt already (by this or another console): a deal is never redone."""
    return lambda room: room if room.poker else dataclasses.replace(room, poker=cards)


def hand_poker_cards(holders: dict[str, str]) -> RoomEdit:
    """These cards passed to these people (card id → participant id); every other card, and every note, as it is."""

    def edit(room: RoomRecords) -> RoomRecords:
        cards = tuple(
            dataclasses.replace(card, holder=holders[card.card_id]) if card.card_id in holders else card
            for card in room.poker
        )
        return dataclasses.replace(room, poker=cards)

    return edit


def put_poker_note(card_id: str, prompt_id: str, text: str) -> RoomEdit:
    def edit(room: RoomRecords) -> RoomRecords:
        cards = tuple(
            dataclasses.replace(card, notes={**card.notes, prompt_id: text}) if card.card_id == card_id else card
            for card in room.poker
        )
        return dataclasses.replace(room, poker=cards)

    return edit


def put_participant(participant: Participant) -> InfoEdit:
    """Add or replace one seat; in an anonymous workshop the name is dropped, as everywhere."""

    def edit(info: WorkshopInfo) -> WorkshopInfo:
        seat = dataclasses.replace(participant, name="") if info.anonymous else participant
        return dataclasses.replace(info, participants=_put(info.participants, seat))

    return edit
