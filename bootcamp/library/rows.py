"""A row of the index (a JSON document, :mod:`bootcamp.library.row_reading` makes it) back as values.

The search text is kept compressed, as one string per row, decoded only by a search: a listing of a
thousand workshops reads a third of the bytes and builds no object for it. Nothing here reads a workshop
folder, so listing from the index does without the store's readers.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import zlib
from collections.abc import Callable
from typing import Any, NamedTuple

from bootcamp.library.packing import IndexedWorkshopInfo
from bootcamp.library.texts import TextEntry
from bootcamp.store.workshop_info import Participant, WorkshopInfo

Row = dict[str, Any]


class DecodedRow(NamedTuple):
    """A readable row's values: named, as it grew past three (a tuple still, so it unpacks as before)."""

    info: WorkshopInfo
    stopped_at: str
    actions: str  # still packed: :func:`bootcamp.library.packing.unpack_actions`
    archived: bool
    days: tuple[str, ...]  # the days it met on when two or more, else none


_INFO_FIELDS = frozenset(field.name for field in dataclasses.fields(WorkshopInfo))


def decode_row(
    row: Row, participants_from_folder: Callable[[], tuple[Participant, ...]]
) -> DecodedRow:
    """A readable row's values; TypeError, KeyError or ValueError when the row is not one :func:`read_row` wrote.

    The participants are unpacked when first read (:class:`~bootcamp.library.packing.IndexedWorkshopInfo`), or
    read by ``participants_from_folder`` if they cannot be.

    Built directly, each field's type checked, rather than by the store's general decoder: several times
    faster for a thousand rows, and the index holds only what this module wrote (every field, by to_json).
    """
    i = row["info"]
    if not (
        i.keys() == _INFO_FIELDS and type(i["id"]) is str and type(i["name"]) is str
        and type(i["organisation"]) is str and type(i["date"]) is str and type(i["agenda"]) is str
        and type(i["anonymous"]) is bool and type(i["content_hash"]) is str and type(i["created_at"]) is str
        and type(i["follows"]) is str and type(i["participants"]) is str
        and type(i["replaced_by"]) is str and type(i["replaced_at"]) is str
    ):
        raise TypeError("info: not a workshop's info")
    info = IndexedWorkshopInfo.of(i, participants_from_folder)
    stopped_at, actions, archived, days = row["stopped_at"], row["actions"], row["archived"], row["days"]
    if type(stopped_at) is not str or type(actions) is not str or info.id != row["id"]:
        raise TypeError("stopped_at, actions or id: not this row's")
    if type(archived) is not bool or type(days) is not list or not all(type(day) is str for day in days):
        raise TypeError("archived or days: not this row's")
    return DecodedRow(info, stopped_at, actions, archived, tuple(days))


def unpacked_texts(row: Row) -> str:
    """The row's search text as the JSON :func:`parse_texts` reads; ValueError when it is not what :func:`read_row` wrote."""
    try:
        return zlib.decompress(base64.b64decode(row["texts"], validate=True)).decode("utf-8", "surrogatepass")
    except (zlib.error, TypeError, UnicodeDecodeError) as error:
        raise ValueError(f"texts: {error}") from None


def decode_texts(row: Row) -> list[TextEntry]:
    """The row's search text; ValueError when it is not what :func:`read_row` wrote."""
    return parse_texts(unpacked_texts(row))


def parse_texts(unpacked: str) -> list[TextEntry]:
    entries = json.loads(unpacked)
    if not isinstance(entries, list):
        raise ValueError("texts: expected a list")
    decoded = []
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 5 and all(isinstance(part, str) for part in entry[:4])):
            raise ValueError("texts: an entry is not [where, step, text, about, order]")
        if isinstance(entry[4], bool) or not isinstance(entry[4], int):
            raise ValueError("texts: an entry's order is not a whole number")
        decoded.append(TextEntry(*entry))
    return decoded
