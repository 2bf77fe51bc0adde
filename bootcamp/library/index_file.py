"""The library index on disk: one TinyDB database, ``<data>/library.json``, on the store's durable storage.

Its one table, ``workshops``, holds a row per workshop folder (:mod:`bootcamp.library.rows`). It is
a cache: a file that cannot be read (not JSON, cut short, another format or version, rows of the
wrong shape) reads as empty and is rebuilt from the folders; deleting it loses nothing. Writes go
through the store's durable atomic replace (a temporary file renamed over the old one), so a reader
sees the old index or the new one, never a mix; writers take ``library.json.lock`` in turn, and a
writer that cannot get it soon leaves the index for the next reader to bring up to date.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.middlewares import CachingMiddleware

from bootcamp.library.rows import Row
from bootcamp.store.errors import StoreError, UnreadableFileError
from bootcamp.store.jsonfile import DurableJSONStorage, FileSchema

INDEX_FILE = "library.json"
# 3: participants and actions each one packed string (bootcamp.library.packing); 4: where a workshop filled from
# paper stopped counts its answers, where 3 said "not started"; 5: whether a workshop is archived, and the days a
# workshop run over more than one met on; 6: the steps' titles among the texts search looks in. A new version is
# simply rebuilt.
INDEX_SCHEMA = FileSchema("bootcamp/library-index", 6)
# What a row was read with: the version of each workshop file this bootcamp reads (bootcamp.store.files, not imported
# here: a listing does without the store's readers; a test keeps the two the same). A row read by a bootcamp that
# reads other versions (an older one, which writes no such field, or a newer one) is read again from its folder, so
# an older one's "cannot read: written by a newer bootcamp" does not outlive it, nor a newer one's reading.
READER = "workshop 1, content 1, state 4, room 1, answers 1, import-journal 1, voted 1"
TABLE = "workshops"
LOCK_WAIT = 2.0  # seconds; a refresh writes in well under one
_STAMP = ("format", "version")


def index_path(data_dir: Path) -> Path:
    return data_dir / INDEX_FILE


class IndexStorage(DurableJSONStorage):
    """TinyDB's storage for the index: the tables without the format stamp, or nothing when unreadable.

    ``problem`` says why the file on disk could not be read (None when it could, or is not there).
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, INDEX_SCHEMA, lock_timeout=LOCK_WAIT)
        self.problem: str | None = None

    def read(self) -> dict[str, Any] | None:
        try:
            document = super().read()
        except UnreadableFileError as error:
            self.problem = str(error)
            return None
        if document is None:
            return None
        tables = {name: table for name, table in document.items() if name not in _STAMP}
        table = tables.get(TABLE, {})
        if not isinstance(table, dict) or not all(isinstance(row, dict) and key.isdigit() for key, row in table.items()):
            self.problem = f"{self.path}: the {TABLE} table is not a table of rows"
            return None
        return tables


class OneWrite(CachingMiddleware):
    """Every change of a refresh kept in memory and written once, by ``flush``."""

    WRITE_CACHE_SIZE = sys.maxsize


def read_rows(path: Path) -> tuple[dict[str, Row], str | None]:
    """The rows stored in the index, by workshop id, and why the file could not be read (None if it could)."""
    database = TinyDB(path, storage=IndexStorage)
    storage: IndexStorage = database.storage  # type: ignore[assignment]
    rows = _by_id(database.table(TABLE).all())
    return rows, storage.problem


def _by_id(documents: list[Any]) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for document in documents:
        workshop_id = document.get("id")
        if isinstance(workshop_id, str):
            rows[workshop_id] = document
    return rows


def _compared(row: Any) -> tuple:
    return (row.get("files"), row.get("stamp"), row.get("taken_at"))


def write_rows(path: Path, fresh: dict[str, Row]) -> bool:
    """Bring the index to ``fresh`` (every workshop's row) in one write; False when another writer kept the lock.

    Under the lock the index is read again: only the rows whose signature differs are removed and
    inserted (with TinyDB's Query), and nothing is written when none does.
    """
    lock = IndexStorage(path)
    try:
        with lock.locked():
            database = TinyDB(path, storage=OneWrite(IndexStorage))
            storage: OneWrite = database.storage  # type: ignore[assignment]
            table = database.table(TABLE)
            stored = table.all()
            unreadable = storage.storage.problem is not None
            by_id: dict[str, list[Any]] = {}
            for document in stored:
                by_id.setdefault(document.get("id"), []).append(document)
            stale = [
                workshop_id
                for workshop_id, documents in by_id.items()
                if workshop_id not in fresh or len(documents) > 1 or _compared(documents[0]) != _compared(fresh[workshop_id])
            ]
            Workshop = Query()
            if unreadable or any(not isinstance(workshop_id, str) for workshop_id in by_id):
                table.truncate()
                stale, by_id = [], {}
            elif stale:
                table.remove(Workshop.id.one_of(stale))
            added = [dict(row) for workshop_id, row in fresh.items() if workshop_id not in by_id or workshop_id in stale]
            if added:
                table.insert_multiple(added)
            try:
                storage.flush()
            except OSError as error:
                raise StoreError(f"cannot save {path}: {error.strerror or error}") from error
    except StoreError:  # busy, or the folder is read-only or full: the folders still answered
        return False
    return True
