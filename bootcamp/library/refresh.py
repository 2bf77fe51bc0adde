"""Bring the index up to date with the workshop folders: compare signatures, read what moved, write once.

The folders are the only source of truth. A row is read again when its folder's signature differs
from the one stored with it (or the row cannot be decoded); the index is written once per refresh
that changed something, and not at all when nothing did. Nothing here is called when an answer is
saved: the console's save path does not know the index exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bootcamp.clock import Clock
from bootcamp.library import index_file, signatures
from bootcamp.library.rows import Row, decode_row, read_row
from bootcamp.store.codec import ShapeError
from bootcamp.store.errors import StoreError
from bootcamp.store.model import Action, WorkshopInfo

Decoded = tuple[WorkshopInfo, str, tuple[Action, ...]]


@dataclass(frozen=True)
class Refreshed:
    rows: dict[str, Row]  # every workshop folder's row, by id, in folder-name order
    decoded: dict[str, Decoded]  # the readable ones, as values
    problems: tuple[str, ...]  # folders that are not workshops, then workshops that cannot be read
    written: bool  # whether this refresh wrote the index


def _decoded(row: Row) -> Decoded | None:
    try:
        return decode_row(row)
    except (ShapeError, KeyError, TypeError, ValueError):
        return None


def refresh(data_dir: Path, workshops_dir: Path, clock: Clock) -> Refreshed:
    """Every workshop's row, up to date; StoreError (one sentence) when the workshops folder cannot be listed."""
    try:
        scan = signatures.scan(str(workshops_dir))
    except OSError as error:
        raise StoreError(f"cannot read {workshops_dir}: {error.strerror or error}") from error
    path = index_file.index_path(data_dir)
    stored, problem = index_file.read_rows(path) if path.exists() else ({}, None)
    changed = problem is not None or bool(set(stored) - set(scan.folders))
    rows: dict[str, Row] = {}
    decoded: dict[str, Decoded] = {}
    programs: dict = {}
    for workshop_id, signature in scan.folders.items():
        row = stored.get(workshop_id)
        if row is not None and not isinstance(row.get("problem"), str):
            row = None  # not a row this code wrote: read the folder again
        value = _decoded(row) if row is not None and row.get("signature") == signature and not row.get("problem") else None
        if row is None or row.get("signature") != signature or (value is None and not row.get("problem")):
            row = read_row(workshops_dir / workshop_id, signature, clock, programs)
            value = None if row["problem"] else _decoded(row)
            changed = True
        rows[workshop_id] = row
        if value is not None:
            decoded[workshop_id] = value
    unreadable = tuple(row["problem"] for row in rows.values() if row["problem"])
    # Never where there is no data folder: the index must not create one (a typo would look like a library).
    written = changed and data_dir.is_dir() and index_file.write_rows(path, rows)
    return Refreshed(rows, decoded, scan.not_workshops + unreadable, written)
