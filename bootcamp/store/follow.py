"""Following a workshop from another process: its files read again only when they change (no Textual).

A projector window shows what the console has open. The console writes ``state.json`` on every
move, ``room.json`` and ``answers/*.json`` as the room answers; the follower never writes. Each
:meth:`Follower.poll` stats those files (microseconds) and reads only the ones whose inode, size
or modification time moved: the console's writer renames a new file over the old one, so every
save shows as a new inode.

A file that cannot be read right now (missing for a moment, replaced mid-read, half-written by
some other tool, not a bootcamp file) leaves the last value as it was: a follower keeps the last
view rather than guessing, and tries that file again when it changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from bootcamp.clock import Clock
from bootcamp.store.errors import StoreError
from bootcamp.store.files import ANSWERS_FOLDER, WORKSHOP_FILE, answers_file, room_file, state_file
from bootcamp.store.model import Answer, RoomRecords, WorkshopInfo, WorkshopState
from bootcamp.store.workshop import WorkshopFiles

STATE, ROOM = "state", "room"  # what changed: where the room is, or what it has said (answers, notes, roster)

T = TypeVar("T")
Signature = tuple[int, int, int]  # inode, size, modification time in ns


@dataclass(frozen=True)
class FollowedWorkshop:
    """The workshop as last read whole, and what changed in the poll that read it."""

    info: WorkshopInfo
    state: WorkshopState
    room: RoomRecords
    answers: tuple[Answer, ...]
    changed: frozenset[str] = frozenset()


def signature(path: Path) -> Signature | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


class Watched(Generic[T]):
    """One file and the last value read from it; read again only when the file's signature moves."""

    def __init__(self, path: Path, read: Callable[[], T | None], value: T, seen: Signature | None) -> None:
        self.path = path
        self.value = value
        self.readable = True  # whether the file, as it is now, gave a value
        self._read = read  # None (or a StoreError) when the file is gone or cannot be read
        self._seen = seen  # the signature taken before ``value`` was read

    @classmethod
    def start(cls, path: Path, first: Callable[[], T], read: Callable[[], T | None]) -> Watched[T]:
        """Read ``first`` now (its errors are the caller's), stat before reading so no save slips between."""
        seen = signature(path)
        return cls(path, read, first(), seen)

    def refresh(self) -> bool:
        """Read again if the file moved; True when that gave a different value."""
        now = signature(self.path)
        if now == self._seen:
            return False
        self._seen = now
        value: T | None = None
        if now is not None:
            try:
                value = self._read()
            except (StoreError, OSError):
                value = None
        self.readable = value is not None
        if value is None or value == self.value:
            return False
        self.value = value
        return True


class Follower:
    """Reads a workshop folder as another process changes it; a poll costs a few stats when nothing moved."""

    def __init__(
        self,
        files: WorkshopFiles,
        clock: Clock,
        *,
        info: Watched[WorkshopInfo],
        state: Watched[WorkshopState],
        room: Watched[RoomRecords],
        answers: dict[str, Watched[tuple[Answer, ...]]],
    ) -> None:
        self.files = files
        self.clock = clock
        self._info = info
        self._state = state
        self._room = room
        self._answers = answers
        self._silent_since: float | None = None
        self.current = self._whole(frozenset())

    @classmethod
    def load(cls, files: WorkshopFiles, clock: Clock) -> Follower:
        """Start from everything as it is now; a StoreError names a file that cannot be read at the start."""
        folder = files.path
        states, rooms = state_file(folder), room_file(folder)
        answers = {}
        for participant_id in _answer_owners(folder):
            typed = answers_file(folder, participant_id)
            answers[participant_id] = Watched.start(typed.path, typed.load, typed.load_existing)
        return cls(
            files,
            clock,
            info=Watched.start(folder / WORKSHOP_FILE, files.info, files.info),
            state=Watched.start(states.path, states.load, states.load_existing),
            room=Watched.start(rooms.path, rooms.load, rooms.load_existing),
            answers=answers,
        )

    def poll(self) -> FollowedWorkshop | None:
        """Look again: the workshop as it is now when anything changed, else None."""
        state_moved = self._state.refresh()
        if self._state.readable:
            self._silent_since = None
        elif self._silent_since is None:
            self._silent_since = self.clock.now()
        room_moved = self._room.refresh()
        room_moved = self._info.refresh() or room_moved
        room_moved = self._refresh_answers() or room_moved
        if not (state_moved or room_moved):
            return None
        self.current = self._whole(frozenset({STATE} if state_moved else ()) | frozenset({ROOM} if room_moved else ()))
        return self.current

    def silent_for(self) -> float:
        """Seconds ``state.json`` has been missing or unreadable; 0 while it reads."""
        if self._silent_since is None:
            return 0.0
        return max(0.0, self.clock.now() - self._silent_since)

    def _whole(self, changed: frozenset[str]) -> FollowedWorkshop:
        answers = tuple(a for _, watched in sorted(self._answers.items()) for a in watched.value)
        return FollowedWorkshop(self._info.value, self._state.value, self._room.value, answers, changed)

    def _refresh_answers(self) -> bool:
        """Each answers file read again when it moved; a new file is read whole; a vanished one keeps its answers."""
        moved = False
        for participant_id in _answer_owners(self.files.path):
            watched = self._answers.get(participant_id)
            if watched is None:
                typed = answers_file(self.files.path, participant_id)
                watched = self._answers[participant_id] = Watched(typed.path, typed.load_existing, (), None)
            moved = watched.refresh() or moved
        return moved


def _answer_owners(folder: Path) -> list[str]:
    """The participant (or ballot) ids with an answers file, as :meth:`WorkshopFiles.answers` reads them."""
    try:
        names = [entry.name for entry in os.scandir(folder / ANSWERS_FOLDER)]
    except OSError:
        return []
    return sorted(name.removesuffix(".json") for name in names if name.endswith(".json") and not name.startswith("."))
