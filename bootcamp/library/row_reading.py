"""One workshop folder as one row of the index (a JSON document: :mod:`bootcamp.library.rows` reads it back).

A row is read from the folder's files the way every reader reads them (WorkshopFiles: a pending
import's answers included, never half of one); it never writes to the folder.
"""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bootcamp.clock import Clock
from bootcamp.errors import UserError
from bootcamp.library.index_file import READER
from bootcamp.library.packing import pack
from bootcamp.library.rows import Row
from bootcamp.library.texts import TextEntry, text_entries
from bootcamp.store.archive import is_archived
from bootcamp.store.codec import to_json
from bootcamp.store.model import RoomRecords, WorkshopInfo
from bootcamp.store.workshop import WorkshopFiles

if TYPE_CHECKING:
    from bootcamp.content.model import Program


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
        "reader": READER,
    }
    try:
        info = files.info()
    except UserError as error:
        row["problem"] = str(error)
        return row
    from bootcamp.stopped import cannot_read, where_stopped  # the flow and the content: only when a folder changed

    program: Program | None = None
    room, answers, days = RoomRecords(), (), ()
    try:
        program = programs.get(info.content_hash)
        if program is None:
            program = programs[info.content_hash] = files.program()
        room = files.room()
        answers = tuple(files.answers())
        state = files.state()
        days = state.days_met()
        stopped_at = where_stopped(program, info.agenda, state, clock, len(answers))
    except UserError as error:
        stopped_at = cannot_read(error)
    row.update(
        organisation=info.organisation,
        info=_compact_info(info),
        stopped_at=stopped_at,
        actions=pack(room.actions),
        archived=is_archived(folder),
        days=list(days),
        texts=encode_texts(text_entries(info, room, answers, program)),
    )
    return row


def encode_texts(entries: list[TextEntry]) -> str:
    packed = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return base64.b64encode(zlib.compress(packed, 1)).decode("ascii")


def _compact_info(info: WorkshopInfo) -> dict[str, Any]:
    compact = to_json(info)
    compact["participants"] = pack(info.participants)
    return compact
