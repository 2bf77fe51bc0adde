"""Bring the index up to date with the workshop folders: compare stamps and signatures, read what moved, write once.

The folders are the only source of truth. A row is read again when its folder's files changed since
(:mod:`bootcamp.library.signatures`), the row cannot be decoded, or another bootcamp read it (one that reads
other versions of the workshop files: :data:`~bootcamp.library.index_file.READER`); the index is written once per
refresh that read something again (or can now trust a folder's stamp it could not before), and not
at all when nothing moved. Nothing here is called when
an answer is saved: the console's save path does not know the index exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bootcamp.clock import Clock
from bootcamp.errors import UserError
from bootcamp.library import index_file, signatures
from bootcamp.library.rows import DecodedRow, Row, decode_row
from bootcamp.store.errors import StoreError
from bootcamp.store.workshop_info import Participant


@dataclass(frozen=True)
class Refreshed:
    """The index brought up to date: every row, the readable ones as values, and the folders that are not."""

    rows: dict[str, Row]  # every workshop folder's row, by id, in folder-name order
    decoded: dict[str, DecodedRow]  # the readable ones, as values
    problems: tuple[str, ...]  # folders that are not workshops, then workshops that cannot be read
    written: bool  # whether this refresh wrote the index
    memo: Memo | None = None  # what the next refresh in this process may reuse


@dataclass(frozen=True)
class Memo:
    """The index as a refresh last read it: reused, with its rows decoded, while the file is the same file."""

    file: tuple[int, int, int]  # the index's inode, size and mtime_ns, taken before it was read
    stored: dict[str, Row]
    decoded: dict[str, DecodedRow]


def _file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _decoded(row: Row, workshops_dir: Path, workshop_id: str, clock: Clock) -> DecodedRow | None:
    try:
        return decode_row(row, partial(_participants_in, workshops_dir, workshop_id, clock))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _participants_in(workshops_dir: Path, workshop_id: str, clock: Clock) -> tuple[Participant, ...]:
    """A workshop's participants from its folder (its row's could not be unpacked); none if it cannot be read."""
    from bootcamp.store.workshop import WorkshopFiles  # reading a folder: the store's readers, only when needed

    try:
        return WorkshopFiles(workshops_dir / workshop_id, clock).info().participants
    except UserError:
        return ()


def _usable(row: Row | None) -> bool:
    """Whether ``row`` has the fields a refresh compares, of the right types, and was read by a bootcamp that reads
    the workshop files as this one does (else it is read again)."""
    return (
        row is not None
        and row.get("reader") == index_file.READER
        and isinstance(row.get("stamp"), list)
        and isinstance(row.get("taken_at"), int)
        and isinstance(row.get("files"), str)
        and isinstance(row.get("problem"), str)
    )


def refresh(data_dir: Path, workshops_dir: Path, clock: Clock, memo: Memo | None = None) -> Refreshed:
    """Every workshop's row, up to date; StoreError (one sentence) when the workshops folder cannot be listed.

    ``memo``, the last refresh's in this process, saves reading and decoding the index again while no
    process replaced it (a search as the user types, a reload).
    """
    try:
        scan = signatures.scan(str(workshops_dir))
    except OSError as error:
        raise StoreError(f"cannot read {workshops_dir}: {error.strerror or error}") from error
    path = index_file.index_path(data_dir)
    file = _file_signature(path)
    known: dict[str, DecodedRow] = {}
    if file is None:
        stored, problem = {}, None
    elif memo is not None and memo.file == file:
        stored, problem, known = memo.stored, None, memo.decoded
    else:
        stored, problem = index_file.read_rows(path)
    changed = problem is not None or bool(set(stored) - set(scan.stamps))
    rows: dict[str, Row] = {}
    decoded: dict[str, DecodedRow] = {}
    programs: dict = {}
    for workshop_id, stamp in scan.stamps.items():
        row = stored.get(workshop_id)
        row = row if _usable(row) else None
        value = known.get(workshop_id) if row is not None and not row["problem"] else None
        if value is None and row is not None and not row["problem"]:
            value = _decoded(row, workshops_dir, workshop_id, clock)
        readable = row is not None and (value is not None or bool(row["problem"]))
        same = readable and row["stamp"] == stamp and signatures.settled(row["stamp"], row["taken_at"])
        if not same:
            folder = workshops_dir / workshop_id
            files = signatures.signature_of(str(folder))
            if readable and row["files"] == files:  # the folder moved (a lock, a sweep) but no file it is read from
                row = {**row, "stamp": stamp, "taken_at": scan.taken_at}
                # Written once the new stamp can be trusted, so the next refreshes need not stat every file again.
                changed = changed or signatures.settled(stamp, scan.taken_at)
            else:
                # Reading a folder loads the store's readers: not on the way to a list the index holds.
                from bootcamp.library import row_reading

                row = row_reading.read_row(folder, stamp, scan.taken_at, files, clock, programs)
                value = None if row["problem"] else _decoded(row, workshops_dir, workshop_id, clock)
                changed = True
        rows[workshop_id] = row
        if value is not None:
            decoded[workshop_id] = value
    unreadable = tuple(row["problem"] for row in rows.values() if row["problem"])
    # Never where there is no data folder: the index must not create one (a typo would look like a library).
    written = changed and data_dir.is_dir() and index_file.write_rows(path, rows)
    # Only an index read as it is now may be reused: one this refresh wrote is read again next time.
    next_memo = Memo(file, stored, decoded) if file is not None and problem is None and not changed else None
    return Refreshed(rows, decoded, scan.not_workshops + unreadable, written, next_memo)
