"""Following a workshop from another process: its files read again only when they change (no Textual).

A projector window shows what the console has open. The console writes ``state.json`` on every
move, ``room.json`` and ``answers/*.json`` as the room answers; the follower never writes. Each
:meth:`Follower.poll` stats those files (microseconds) and reads only the ones whose inode, size
or modification time moved: the console's writer renames a new file over the old one, so every
save shows as a new inode.

``import.json``, the import journal, is stat'ed too; when it or an answers file moved, the
answers are read between two reads of it (:func:`~bootcamp.store.import_journal.settled`), so a
projector never shows half an import.

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
from bootcamp.store.files import ANSWERS_FOLDER, WORKSHOP_FILE, ImportJournal, answers_file, room_file, state_file
from bootcamp.store.import_journal import JournalReader, pending_of, settled
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
    """Reads a workshop folder as another process changes it; a poll costs a few stats when nothing moved.

    Never half an import: answers are read between two reads of the import journal, again when an
    import committed in between, and a pending import's files stand in for what was read of them.
    """

    def __init__(
        self,
        files: WorkshopFiles,
        clock: Clock,
        *,
        info: Watched[WorkshopInfo],
        state: Watched[WorkshopState],
        room: Watched[RoomRecords],
        answers: dict[str, Watched[tuple[Answer, ...]]],
        journal: JournalReader,
        journal_seen: Signature | None,
        under: ImportJournal,
    ) -> None:
        self.files = files
        self.clock = clock
        self._info = info
        self._state = state
        self._room = room
        self._answers = answers
        self._journal = journal
        self._journal_seen = journal_seen  # import.json's signature before ``_import`` was read
        self._import = under  # the import journal the answers were last read under
        self._unsettled = False  # the last poll gave up: imports kept committing, or the journal was unreadable
        self._unshown: set[str] = set()  # what moved since the view was last made
        self._silent_since: float | None = None
        self.current = self._whole(frozenset())

    @classmethod
    def load(cls, files: WorkshopFiles, clock: Clock) -> Follower:
        """Start from everything as it is now; a StoreError names a file that cannot be read at the start."""
        folder = files.path
        states, rooms = state_file(folder), room_file(folder)
        journal = JournalReader(folder)

        def read_answers() -> dict[str, Watched[tuple[Answer, ...]]]:
            answers = {}
            for participant_id in _answer_owners(folder):
                typed = answers_file(folder, participant_id)
                answers[participant_id] = Watched.start(typed.path, typed.load, typed.load_existing)
            return answers

        journal_seen = signature(journal.path)
        answers, under = settled(journal, read_answers, files.id)
        return cls(
            files,
            clock,
            info=Watched.start(folder / WORKSHOP_FILE, files.info, files.info),
            state=Watched.start(states.path, states.load, states.load_existing),
            room=Watched.start(rooms.path, rooms.load, rooms.load_existing),
            answers=answers,
            journal=journal,
            journal_seen=journal_seen,
            under=under,
        )

    def poll(self) -> FollowedWorkshop | None:
        """Look again: the workshop as it is now when anything changed, else None.

        The import journal is only stat'ed, unless it or an answers file moved: then the answers are read
        again between two reads of it. While imports keep committing meanwhile, or the journal cannot be
        read, the last view stays; what moved is shown by the next poll that settles.
        """
        journal_moved = signature(self._journal.path) != self._journal_seen
        answers_moved = self._refresh()
        if journal_moved or answers_moved or self._unsettled:
            seen_now = signature(self._journal.path)  # before the read, so a change after it shows next time
            try:
                _, journal = settled(self._journal, self._refresh, self.files.id)
            except StoreError:
                self._unsettled = True
                return None
            self._unsettled = False
            self._journal_seen = seen_now
            if pending_of(journal) is not pending_of(self._import):  # an import's answers appeared, or were applied
                self._unshown.add(ROOM)
            self._import = journal
        if not self._unshown:
            return None
        self.current = self._whole(frozenset(self._unshown))
        self._unshown.clear()
        return self.current

    def _refresh(self) -> bool:
        """Read again whatever moved, noting it in ``_unshown``; True when an answers file moved."""
        if self._state.refresh():
            self._unshown.add(STATE)
        if self._state.readable:
            self._silent_since = None
        elif self._silent_since is None:
            self._silent_since = self.clock.now()
        room_moved = self._room.refresh()
        room_moved = self._info.refresh() or room_moved
        answers_moved = self._refresh_answers()
        if room_moved or answers_moved:
            self._unshown.add(ROOM)
        return answers_moved

    def gone(self) -> bool:
        """The workshop's folder is no longer there: deleted (``bootcamp delete`` renames it to a hidden name, then
        removes it), so nothing will ever be read from it again."""
        return not os.path.isdir(self.files.path)

    def silent_for(self) -> float:
        """Seconds ``state.json`` has been missing or unreadable; 0 while it reads."""
        if self._silent_since is None:
            return 0.0
        return max(0.0, self.clock.now() - self._silent_since)

    def _whole(self, changed: frozenset[str]) -> FollowedWorkshop:
        by_owner = {participant_id: watched.value for participant_id, watched in self._answers.items()}
        by_owner.update(pending_of(self._import))
        answers = tuple(a for _, owned in sorted(by_owner.items()) for a in owned)
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
