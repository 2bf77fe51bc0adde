"""One workshop folder as one row of the index (a JSON document), and a row back as values.

A row is read from the folder's files the way every reader reads them (WorkshopFiles: a pending
import's answers included, never half of one); it never writes to the folder. The search text is
kept as one JSON string per row, decoded only by a search: listing a thousand workshops then
builds no object for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bootcamp.clock import Clock
from bootcamp.errors import UserError
from bootcamp.library.signatures import Signature
from bootcamp.library.texts import TextEntry, text_entries
from bootcamp.store.codec import ShapeError, from_json, to_json
from bootcamp.store.model import Action, RoomRecords, WorkshopInfo
from bootcamp.store.workshop import WorkshopFiles

if TYPE_CHECKING:
    from bootcamp.content.model import Program

Row = dict[str, Any]


def read_row(folder: Path, signature: Signature, clock: Clock, programs: dict[str, Program]) -> Row:
    """The row of the workshop in ``folder``, whose files had ``signature`` before they were read.

    An unreadable ``workshop.json`` makes a row holding only the problem; any other unreadable file
    says "cannot read: …" where the workshop stopped, as home always did. ``programs`` keeps each
    content loaded once per refresh (workshops mostly share one).
    """
    files = WorkshopFiles(folder, clock)
    row: Row = {"id": folder.name, "signature": signature, "problem": "", "organisation": ""}
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
        info=to_json(info),
        stopped_at=stopped_at,
        actions=to_json(room.actions),
        texts=json.dumps(text_entries(info, room, answers, program), ensure_ascii=False, separators=(",", ":")),
    )
    return row


def row_problem(row: Row) -> str:
    return row["problem"]


def decode_row(row: Row) -> tuple[WorkshopInfo, str, tuple[Action, ...]]:
    """The info, where it stopped and the actions of a readable row; ValueError when the row is not one."""
    info = from_json(WorkshopInfo, row["info"], "info")
    stopped_at = row["stopped_at"]
    if not isinstance(stopped_at, str):
        raise ShapeError("stopped_at", "expected text")
    actions = from_json(tuple[Action, ...], row["actions"], "actions")
    if info.id != row["id"]:
        raise ShapeError("info.id", "does not match the row's id")
    return info, stopped_at, actions


def decode_texts(row: Row) -> list[TextEntry]:
    """The row's search text; ValueError when it is not what :func:`read_row` wrote."""
    entries = json.loads(row["texts"])
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
