"""A workshop's participants and actions as the index keeps them: one compact JSON string of value lists each.

A string is one object to the JSON parser where a list of lists is dozens: a thousand rows parse in about
half the time, and a listing unpacks only what it shows (the actions only when someone asks for them).
Values are kept in field order, without keys; the type checks below name places in that order
(tests/library/test_index_cache.py fails when a field is added).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from functools import cached_property
from typing import Any

from bootcamp.store.codec import made, to_json
from bootcamp.store.workshop_info import Action, ActionStatus, Participant, WorkshopInfo

_PARTICIPANT_FIELDS = tuple(field.name for field in dataclasses.fields(Participant))
_ACTION_FIELDS = tuple(field.name for field in dataclasses.fields(Action))
_STATUSES = {status.value: status for status in ActionStatus}
def values_of(record: Any) -> list[Any]:
    """A participant's or an action's fields' values, in field order (JSON values: a status as its text)."""
    return [to_json(getattr(record, name)) for name in type(record).__dataclass_fields__]


def pack(records: Any) -> str:
    return json.dumps([values_of(record) for record in records], ensure_ascii=False, separators=(",", ":"))


def participant_of(p: list[Any]) -> Participant:
    if not (
        type(p) is list and len(p) == 6 and type(p[0]) is str and type(p[1]) is int and type(p[2]) is str
        and type(p[3]) is str and type(p[4]) is bool and type(p[5]) is str
    ):
        raise TypeError("participants: not a participant")
    return made(Participant, dict(zip(_PARTICIPANT_FIELDS, p)))


def action_of(a: list[Any]) -> Action:
    if not (
        type(a) is list and len(a) == 8 and type(a[0]) is str and type(a[1]) is str and type(a[2]) is str
        and type(a[3]) is str and type(a[5]) is str and type(a[6]) is str and type(a[7]) is str
    ):
        raise TypeError("actions: not an action")
    values = dict(zip(_ACTION_FIELDS, a))
    values["status"] = _STATUSES[a[4]]
    return made(Action, values)


def unpack_participants(packed: str) -> tuple[Participant, ...]:
    """TypeError or ValueError (json's included) when ``packed`` is not what :func:`pack` wrote."""
    return tuple(map(participant_of, _list(packed)))


def unpack_actions(packed: str) -> tuple[Action, ...]:
    """TypeError, KeyError or ValueError when ``packed`` is not what :func:`pack` wrote."""
    return tuple(map(action_of, _list(packed)))


def _list(packed: str) -> list[Any]:
    if type(packed) is not str:
        raise TypeError("not a packed list")
    values = json.loads(packed)
    if type(values) is not list:
        raise TypeError("not a packed list")
    return values


class IndexedWorkshopInfo(WorkshopInfo):
    """A workshop's info as the index lists it: its participants unpacked when first read.

    Home reads them only for the workshop under the cursor, so a listing of a thousand builds a few
    hundred objects instead of ten thousand. Packed participants that are not what :func:`pack`
    wrote are read from the workshop's folder instead (``from_folder``), the folders being the truth.
    In every other way it is the WorkshopInfo of the same values: equal to it, hashed alike, encoded
    alike (``dataclasses.replace`` and the codec go through WorkshopInfo's fields).
    """

    @classmethod
    def of(cls, fields: dict[str, Any], from_folder: Callable[[], tuple[Participant, ...]]) -> IndexedWorkshopInfo:
        """``fields``: every field's value (type checked) but the participants, which are still packed."""
        values = dict(fields)
        values["participants_packed"] = values.pop("participants")  # not under its own name: that would be the value
        values["participants_from_folder"] = from_folder
        return made(cls, values)

    @cached_property  # a non-data descriptor: WorkshopInfo's __init__ (dataclasses.replace) still sets a value
    def participants(self) -> tuple[Participant, ...]:  # type: ignore[override]
        try:
            return unpack_participants(self.__dict__["participants_packed"])
        except (KeyError, TypeError, ValueError):
            return self.__dict__["participants_from_folder"]()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WorkshopInfo):
            return NotImplemented
        return _field_values(self) == _field_values(other)

    __hash__ = WorkshopInfo.__hash__


_INFO_FIELDS = tuple(field.name for field in dataclasses.fields(WorkshopInfo))


def _field_values(info: WorkshopInfo) -> tuple[Any, ...]:
    return tuple(getattr(info, name) for name in _INFO_FIELDS)
