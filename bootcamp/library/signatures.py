"""Whether a workshop folder changed since its row was read: a stamp of two folders, then its files' signatures.

Every save in a workshop folder (the store's, a console's, an import's) writes a temporary file
and renames it over the old one, so it moves the modification time of the folder it is in: the
workshop's folder (``workshop.json``, ``state.json``, ``room.json``, ``import.json``) or its
``answers`` folder. So a refresh first stats those two folders (the *stamp*); only when a stamp
moved, or was taken too close to a change to tell (a file system's clock ticks coarsely: two saves
in one tick leave one time), does it stat every file: ``[inode, size, mtime_ns]`` each (the
*signature*). Two saves in one tick still differ there: the file a save replaces exists while the
new one is made, so they never share an inode.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from bootcamp.store.ids import is_safe_id
from bootcamp.store.layout import (
    ANSWERS_FOLDER,
    ARCHIVED_FILE,
    CONTENT_FILE,
    IMPORT_FILE,
    ROOM_FILE,
    STATE_FILE,
    WORKSHOP_FILE,
)

# What a row is made from; content.json never changes once written, but where a workshop stopped depends on it.
WATCHED_FILES = (WORKSHOP_FILE, CONTENT_FILE, STATE_FILE, ROOM_FILE, IMPORT_FILE, ARCHIVED_FILE)
# A stamp whose folders changed less than this before it was taken may hide a second change in the same tick
# of the file system's clock (2 s on FAT; ns on ext4, but the kernel's clock behind it ticks every few ms).
UNSURE_NS = 3_000_000_000

Stamp = list[int]  # [inode, mtime_ns] of the workshop folder, then of its answers folder ([-1, -1] when missing)


@dataclass(frozen=True)
class Scan:
    """The workshop folders found, in name order, with their stamps; and the folders that are not workshops."""

    stamps: dict[str, Stamp]
    taken_at: int  # time.time_ns() just before the first stamp was taken
    not_workshops: tuple[str, ...]  # one sentence each


def _stat(path: str) -> list[int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [found.st_ino, found.st_size, found.st_mtime_ns]


def signature_of(folder: str) -> str:
    """A digest of every file a row is read from: ``[inode, size, mtime_ns]`` of each, and which are missing."""
    found: list[object] = []
    for name in WATCHED_FILES:
        found.append((name, _stat(os.path.join(folder, name))))
    answers = os.path.join(folder, ANSWERS_FOLDER)
    try:
        entries = sorted(os.scandir(answers), key=lambda entry: entry.name)
    except OSError:
        entries = []
    for entry in entries:
        if entry.name.endswith(".json") and not entry.name.startswith("."):
            try:
                info = entry.stat()
            except OSError:
                continue
            found.append((entry.name, info.st_ino, info.st_size, info.st_mtime_ns))
    import hashlib  # here: a settled folder is never signed, so a start listing an unchanged library does without it

    return hashlib.blake2b(repr(found).encode(), digest_size=16).hexdigest()


def stamp_of(folder: str, own: os.stat_result) -> Stamp:
    try:
        answers = os.stat(os.path.join(folder, ANSWERS_FOLDER))
    except OSError:
        return [own.st_ino, own.st_mtime_ns, -1, -1]
    return [own.st_ino, own.st_mtime_ns, answers.st_ino, answers.st_mtime_ns]


def settled(stamp: Stamp, taken_at: int) -> bool:
    """Whether every change to the folders came well before ``taken_at``: a later one will move the stamp."""
    return max(stamp[1], stamp[3]) < taken_at - UNSURE_NS


def scan(workshops_dir: str) -> Scan:
    """Every workshop folder under ``workshops_dir`` and its stamp, by the store's rules for a workshop folder.

    A missing folder holds no workshops. OSError when it cannot be listed (the caller says so).
    """
    import time

    taken_at = time.time_ns()
    try:
        entries = sorted(os.scandir(workshops_dir), key=lambda entry: entry.name)
    except FileNotFoundError:
        return Scan({}, taken_at, ())
    stamps: dict[str, Stamp] = {}
    not_workshops: list[str] = []
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        if not is_safe_id(entry.name) or not os.path.exists(os.path.join(entry.path, WORKSHOP_FILE)):
            not_workshops.append(f"{entry.path} is not a workshop folder (no workshop.json)")
            continue
        try:
            own = entry.stat()
        except OSError:
            continue  # removed while listed
        stamps[entry.name] = stamp_of(entry.path, own)
    return Scan(stamps, taken_at, tuple(not_workshops))


FolderMarks = tuple[tuple[str, int, int], ...]  # (folder name, inode, mtime_ns) of each workshop folder


def folder_marks(workshops_dir: str) -> FolderMarks | None:
    """A cheap look at whether a list of ``workshops_dir`` may have changed: each folder's name, inode and
    modification time, one stat a folder (about 0.3 ms for 150), for home to look every few seconds.

    A workshop made or removed adds or takes a folder; archiving one writes ``archived.json`` in its folder and
    bringing it back removes it, and every save there renames a file into it: each moves the folder's time.
    Answers move only their own ``answers`` folder's, which a list does not show. None when it cannot be listed.
    """
    try:
        entries = sorted(os.scandir(workshops_dir), key=lambda entry: entry.name)
    except OSError:
        return None
    marks: list[tuple[str, int, int]] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            found = entry.stat()
        except OSError:
            continue  # removed while listed
        marks.append((entry.name, found.st_ino, found.st_mtime_ns))
    return tuple(marks)
