"""Each workshop folder's file signatures: what tells the index that a folder changed (a few stats each).

A signature is ``[inode, size, mtime_ns]`` per file. Every save renames a new file over the old
one, so even two saves within one tick of the file system's clock differ by inode: the file a save
replaces still exists when the save's new file is made, so they never share an inode.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from bootcamp.store.files import (
    ANSWERS_FOLDER,
    CONTENT_FILE,
    IMPORT_FILE,
    ROOM_FILE,
    STATE_FILE,
    WORKSHOP_FILE,
)
from bootcamp.store.ids import is_safe_id

# What a row is made from; content.json never changes once written, but where a workshop stopped depends on it.
WATCHED_FILES = (WORKSHOP_FILE, CONTENT_FILE, STATE_FILE, ROOM_FILE, IMPORT_FILE)

Signature = dict[str, list[int]]  # file name (answers/<name> for answers) → [inode, size, mtime_ns]; JSON as it is


@dataclass(frozen=True)
class Scan:
    """The workshop folders found, in name order, with their signatures; and the folders that are not workshops."""

    folders: dict[str, Signature]
    not_workshops: tuple[str, ...]  # one sentence each


def _stat(path: str) -> list[int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [found.st_ino, found.st_size, found.st_mtime_ns]


def signature_of(folder: str) -> Signature:
    """``folder``'s signature; a file that is not there is left out (its absence is part of the signature)."""
    found: Signature = {}
    for name in WATCHED_FILES:
        stat = _stat(os.path.join(folder, name))
        if stat is not None:
            found[name] = stat
    answers = os.path.join(folder, ANSWERS_FOLDER)
    stat = _stat(answers)
    if stat is None:
        return found
    found[ANSWERS_FOLDER] = stat
    try:
        entries = sorted(os.scandir(answers), key=lambda entry: entry.name)
    except OSError:
        return found
    for entry in entries:
        if entry.name.endswith(".json") and not entry.name.startswith("."):
            try:
                info = entry.stat()
            except OSError:
                continue
            found[f"{ANSWERS_FOLDER}/{entry.name}"] = [info.st_ino, info.st_size, info.st_mtime_ns]
    return found


def scan(workshops_dir: str) -> Scan:
    """Every workshop folder under ``workshops_dir`` and its signature, by the store's rules for a workshop folder.

    A missing folder holds no workshops. OSError when it cannot be listed (the caller says so).
    """
    try:
        entries = sorted(os.scandir(workshops_dir), key=lambda entry: entry.name)
    except FileNotFoundError:
        return Scan({}, ())
    folders: dict[str, Signature] = {}
    not_workshops: list[str] = []
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        sig = signature_of(entry.path)
        if not is_safe_id(entry.name) or WORKSHOP_FILE not in sig:
            not_workshops.append(f"{entry.path} is not a workshop folder (no workshop.json)")
            continue
        folders[entry.name] = sig
    return Scan(folders, tuple(not_workshops))
