"""One workshop folder as one row of the index (a JSON document), and a row back as values.

A row is read from the folder's files the way every reader reads them (WorkshopFiles: a pending
import's answers included, never half of one); it never writes to the folder. The search text is
kept compressed, as one string per row, decoded only by a search: a listing of a thousand
workshops reads a third of the bytes and builds no object for it.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bootcamp.clock import Clock
from bootcamp.errors import UserError
from bootcamp.library.packing import IndexedWorkshopInfo, pack
from bootcamp.library.texts import TextEntry, text_entries
from bootcamp.store.codec import to_json
from bootcamp.store.model import Participant, RoomRecords, WorkshopInfo
from bootcamp.store.workshop import WorkshopFiles

if TYPE_CHECKING:
    from bootcamp.content.model import Program

Row = dict[str, Any]


def read_row(folder: Path, stamp: list[int], taken_at: int, files_signature: str, clock: Clock, programs: dict[str, Program]) -> Row:
    """The row of the workshop in ``folder``, whose folders had ``stamp`` at ``taken_at`` and whose files had
    ``files_signature`` before they were read (:mod:`bootcamp.library.signatures`).

    An unreadable ``workshop.json`` makes a row holding only the problem; any other unreadable file
    says "cannot read: …" where the workshop stopped, as home always did. ``programs`` keeps each
    content loaded once per refresh (workshops mostly share one).
    """
    files = WorkshopFiles(folder, clock)
    row: Row = {
        "id": folder.name,
        "stamp": stamp,
        "taken_at": taken_at,
        "files": files_signature,
        "problem": "",
        "organisation": "",
    }
    try:
        info = files.info()
    except UserError as error:
        row["problem"] = str(error)
        return row
    from bootcamp.stopped import where_stopped  # the flow and the content: only when a folder changed

    program: Program | None = None
    room, answers = RoomRecords(), ()
    try:
        program = programs.get(info.content_hash)
        if program is None:
            program = programs[info.content_hash] = files.program()
        stopped_at = where_stopped(program, info.agenda, files.state(), clock)
        room = files.room()
        answers = tuple(files.answers())
    except UserError as error:
        stopped_at = f"cannot read: {error}"
    row.update(
        organisation=info.organisation,
        info=_compact_info(info),
        stopped_at=stopped_at,
        actions=pack(room.actions),
        texts=encode_texts(text_entries(info, room, answers, program)),
    )
    return row


def encode_texts(entries: list[TextEntry]) -> str:
    packed = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return base64.b64encode(zlib.compress(packed, 1)).decode("ascii")


def row_problem(row: Row) -> str:
    return row["problem"]


_INFO_FIELDS = frozenset(field.name for field in dataclasses.fields(WorkshopInfo))


def _compact_info(info: WorkshopInfo) -> dict[str, Any]:
    compact = to_json(info)
    compact["participants"] = pack(info.participants)
    return compact


def decode_row(row: Row, participants_from_folder: Callable[[], tuple[Participant, ...]]) -> tuple[WorkshopInfo, str, str]:
    """The info, where it stopped and the actions (still packed: :func:`bootcamp.library.packing.unpack_actions`)
    of a readable row; TypeError, KeyError or ValueError when the row is not one :func:`read_row` wrote.

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
    ):
        raise TypeError("info: not a workshop's info")
    info = IndexedWorkshopInfo.of(i, participants_from_folder)
    stopped_at, actions = row["stopped_at"], row["actions"]
    if type(stopped_at) is not str or type(actions) is not str or info.id != row["id"]:
        raise TypeError("stopped_at, actions or id: not this row's")
    return info, stopped_at, actions


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
