"""How a change to the records is made: begun by someone, undoable, and handed to the workshop's ordered writer.

:class:`~bootcamp.live.records.LiveRecords` says what each change is; this is the plumbing under every one:
who makes it, refused before anything changes if it could not be saved, the undo that takes it back, and the
save queued for it. Roster edits made inside one change are held and saved by one write when it ends.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from bootcamp.live.actors import CONSOLE, Actor
from bootcamp.live.changes import Part
from bootcamp.store import edits
from bootcamp.store.model import WorkshopInfo

if TYPE_CHECKING:
    from bootcamp.live.snapshot import WorkshopSnapshot
    from bootcamp.store import WorkshopFiles

# Hands one change to the workshop: the record it touches (or the records, saved at once), the save to queue, what it
# touched, who made it.
Commit = Callable[[str | tuple[str, ...], Callable[[], None], Part, Actor], None]

UNDO_DEPTH = 200


@dataclasses.dataclass(frozen=True)
class Undo:
    label: str  # what is undone and where, said back to the facilitator
    revert: Callable[[], None]
    by: Actor  # whose change it was
    step_key: str = ""  # the step it was made on ("" for the roster)


@dataclasses.dataclass(frozen=True)
class Undone:
    label: str
    by: Actor
    step_key: str = ""  # the step the change taken back was on ("" for the roster): the console says if not this one

    def __str__(self) -> str:
        return f"{self.label} (from {self.by})"


class RecordChanges:
    """Every change to the live records goes through here: begun, undoable, saved in order."""

    def __init__(self, *, files: WorkshopFiles, commit: Commit, check: Callable[[], None]) -> None:
        self.files = files
        self._commit = commit
        self._check = check  # raises when nothing can be saved (the workshop is not started or is closed)
        self._undo: list[Undo] = []
        self._undos_pushed = 0  # ever, so that a change made of several (as_one_change) knows which are its own
        self._data: WorkshopSnapshot | None = None  # the records as one value (LiveRecords.data), dropped by a change
        # Roster edits made inside one change (a paste of 190 names), saved as one write of workshop.json when it ends:
        # saved one by one they read and rewrote the file 190 times and redrew every front end as often.
        self._held_seats: list[tuple[str, edits.InfoEdit]] | None = None
        self._actor = CONSOLE  # who is making the change in progress (set by each public method)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self, *, by: Actor = CONSOLE) -> Undone | None:
        """Take back the last change (saved like any other change, made by ``by``): what was undone and
        whose change it was, or None."""
        if not self._undo:
            return None
        self._begin(by)
        last = self._undo.pop()
        last.revert()
        return Undone(last.label, last.by, last.step_key)

    def _begin(self, by: Actor) -> None:
        """A change starts: refused before anything changes in memory if it could not be saved."""
        self._check()
        self._actor = by

    def _push_undo(self, label: str, revert: Callable[[], None], *, step_key: str = "") -> None:
        self._undo.append(Undo(label, revert, self._actor, step_key))
        self._undos_pushed += 1
        del self._undo[:-UNDO_DEPTH]

    @contextmanager
    def as_one_change(self, said: Callable[[int], str]) -> Iterator[None]:
        """The changes made inside are taken back by one undo, said as ``said`` of how many they were (three walk-ins
        pasted at once); a single change keeps its own words. Those made before a refusal inside are one change.
        Their roster edits are saved in one write, and so is their undo."""
        before = self._undos_pushed
        try:
            with self._seats_saved_at_once():
                yield
        finally:
            made = min(self._undos_pushed - before, len(self._undo))
            if made > 1:
                parts = self._undo[-made:]
                del self._undo[-made:]

                def revert_all() -> None:
                    with self._seats_saved_at_once():
                        for part in reversed(parts):
                            part.revert()

                self._undo.append(Undo(said(made), revert_all, parts[-1].by, parts[-1].step_key))

    def _submit(self, record: str | tuple[str, ...], save: Callable[[], None], part: Part) -> None:
        self._save_held_seats()  # held roster edits first: no save overtakes a change made before it
        self._data = None
        self._commit(record, save, part, self._actor)

    def _save_seat(self, record: str, edit: edits.InfoEdit) -> None:
        if self._held_seats is not None:
            self._data = None
            self._held_seats.append((record, edit))
            return
        files = self.files
        self._submit(record, lambda: files.update_info(edit), Part.ROSTER)

    @contextmanager
    def _seats_saved_at_once(self) -> Iterator[None]:
        """Roster edits made inside are saved, in their order, by one write queued when it ends (or before any other
        save made inside); each seat is marked by that write."""
        if self._held_seats is not None:  # already inside one
            yield
            return
        self._held_seats = []
        try:
            yield
        finally:
            try:
                self._save_held_seats()
            finally:  # even if telling of that write failed: a seat held after it would wait unsaved
                self._held_seats = None

    def _save_held_seats(self) -> None:
        held = self._held_seats
        if not held:
            return
        self._held_seats = []
        records = tuple(dict.fromkeys(record for record, _edit in held))
        files = self.files

        def edit_all(info: WorkshopInfo) -> WorkshopInfo:
            for _record, edit in held:
                info = edit(info)
            return info

        self._data = None
        record = records[0] if len(records) == 1 else records
        self._commit(record, lambda: files.update_info(edit_all), Part.ROSTER, self._actor)
