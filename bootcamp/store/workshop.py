"""One workshop's folder: what the UI and the commands read and save (no Textual).

Every read opens the file again (another process, a projector window or a participant's
own device, may have replaced it); every change is a read-modify-write under that file's
lock, so concurrent writers never lose each other's answers. An import of many answers goes
through the import journal, so it is stored whole or not at all, and no read sees half of it.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bootcamp.clock import Clock, iso
from bootcamp.store import import_journal
from bootcamp.store.durable import make_private_folder, temp_files_in
from bootcamp.store.errors import StoreError, UnreadableFileError
from bootcamp.store.files import (
    ANSWERS_FOLDER,
    AnswersFile,
    StoredContent,
    answers_file,
    check_answer_key,
    content_file,
    room_file,
    state_file,
    voted_file,
    workshop_file,
)
from bootcamp.store.ids import is_ballot_id, is_safe_id
from bootcamp.store.import_journal import JournalReader, pending_of, settled
from bootcamp.store.jsonfile import sweep_temp_files
from bootcamp.store.model import Answer, RoomRecords, WorkshopInfo, WorkshopState

if TYPE_CHECKING:
    from bootcamp.content.model import Program

# Answers files kept between saves, each with what it last wrote (about twice the file's size): a room's
# worth, and its secret ballots.
KEPT_ANSWER_FILES = 512


@dataclasses.dataclass(frozen=True)
class WorkshopBundle:
    """Everything stored about a workshop, in one value: what export writes and import reads."""

    info: WorkshopInfo
    content: StoredContent
    state: WorkshopState
    room: RoomRecords
    answers: tuple[Answer, ...]
    # Who cast a secret ballot, by step (never which): so a phone that voted does not vote again where it goes.
    voted: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)


class WorkshopFiles:
    def __init__(self, path: Path, clock: Clock) -> None:
        self.path = path
        self.id = path.name
        self._clock = clock
        self._info = workshop_file(path)
        self._content = content_file(path)
        self._state = state_file(path)
        self._room = room_file(path)
        self._voted = voted_file(path)
        self._program: Program | None = None
        self._journal = JournalReader(path)
        self._answers_folder = path / ANSWERS_FOLDER
        self._saving: dict[str, AnswersFile] = {}  # by participant (or ballot) id: _saving_answers_of
        self._saving_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"WorkshopFiles({str(self.path)!r})"

    # -- info and roster --------------------------------------------------------------------------------------

    def info(self) -> WorkshopInfo:
        return self._checked(self._info.load())

    def _checked(self, info: WorkshopInfo) -> WorkshopInfo:
        if info.id != self.id:
            raise UnreadableFileError(self._info.path, f"it belongs to workshop {info.id!r}, not to this folder {self.id!r}")
        return info

    def update_info(self, change: Callable[[WorkshopInfo], WorkshopInfo]) -> WorkshopInfo:
        """Read, change and save ``workshop.json`` under its lock: a roster change
        (:mod:`bootcamp.store.roster`, :mod:`bootcamp.store.edits`) made to the stored roster, not a stale copy."""
        return self._info.update(lambda info: change(self._checked(info)))

    # -- content ----------------------------------------------------------------------------------------------

    def content(self) -> StoredContent:
        return self._content.load()

    def program(self) -> Program:
        """The content this workshop was created with (its stored copy), loaded once per WorkshopFiles."""
        if self._program is None:
            from bootcamp.content.loader import content_hash, load_sources

            stored = self.content()
            if content_hash(stored.sources) != stored.content_hash:
                raise UnreadableFileError(self._content.path, "its content does not match its stored hash")
            self._program = load_sources(stored.sources)
        return self._program

    # -- answers ----------------------------------------------------------------------------------------------

    def answers(self) -> list[Answer]:
        """Every stored answer: every participant's file (removed participants' too) and every secret ballot.

        Never half an import: the files are read between two reads of the import journal.
        """
        return self._read_answers(skip_damaged=False)[0]

    def readable_answers(self) -> tuple[list[Answer], list[UnreadableFileError]]:
        """Every answer that can be read, and the error of each answers file that cannot, left out (and left as it
        is): so an export can get a room's answers out past one damaged file. A file that an import's journal
        still holds whole is taken from the journal, as :meth:`answers` takes it."""
        return self._read_answers(skip_damaged=True)

    def _read_answers(self, *, skip_damaged: bool) -> tuple[list[Answer], list[UnreadableFileError]]:
        damaged: dict[str, UnreadableFileError] = {}

        def read_files() -> dict[str, tuple[Answer, ...]]:
            damaged.clear()  # read again when an import committed meanwhile
            found = {}
            for owner in self._answer_owners():
                try:
                    found[owner] = answers_file(self.path, owner).load()
                except UnreadableFileError as error:
                    if not skip_damaged:
                        raise
                    damaged[owner] = error
            return found

        found, journal = settled(self._journal, read_files, self.id)
        pending = pending_of(journal)
        found.update(pending)
        answers = [answer for owner in sorted(found, key=lambda owner: f"{owner}.json") for answer in found[owner]]
        return answers, [error for owner, error in damaged.items() if owner not in pending]

    def _answer_owners(self) -> list[str]:
        """Whose answers files there are (participants' and secret ballots'), by file name; none without the folder.

        File names, not paths: a room of 200 has as many files, and a Path made and compared for each took longer
        than listing them."""
        try:
            with os.scandir(self._answers_folder) as entries:
                names = sorted(e.name for e in entries if e.name.endswith(".json") and not e.name.startswith("."))
        except FileNotFoundError:
            return []
        except OSError as error:
            raise UnreadableFileError(self._answers_folder, error.strerror or str(error)) from None
        return [name.removesuffix(".json") for name in names]

    def answers_of(self, participant_id: str) -> list[Answer]:
        self._check_answer_owner(participant_id)
        stored, journal = settled(self._journal, answers_file(self.path, participant_id).load, self.id)
        return list(pending_of(journal).get(participant_id, stored))

    def save_answer(self, answer: Answer) -> Answer:
        """Store ``answer``, replacing the one with the same participant and key; ``at`` is set when empty
        (never for a secret ballot)."""
        self._check_answer_owner(answer.participant_id)
        problem = check_answer_key(answer.key)
        if problem:
            raise StoreError(f"cannot store an answer in workshop {self.id}: {problem}")
        answer = self._as_stored(answer)

        key = answer.key

        def put(answers: tuple[Answer, ...]) -> tuple[Answer, ...]:
            for index, stored in enumerate(answers):  # a file holds one answer per key
                if stored.key == key:
                    return (*answers[:index], answer, *answers[index + 1 :])
            return (*answers, answer)

        self._saving_answers_of(answer.participant_id).update(put)
        return answer

    def _saving_answers_of(self, participant_id: str) -> AnswersFile:
        """The answers file saves go through, kept between saves (it remembers what it wrote: AnswersFile)."""
        with self._saving_lock:  # the writer's thread saves, but nothing stops another thread from saving too
            saving = self._saving
            file = saving.pop(participant_id, None) or answers_file(self.path, participant_id)
            saving[participant_id] = file  # the most recently saved last: the first is the one to forget
            if len(saving) > KEPT_ANSWER_FILES:
                del saving[next(iter(saving))]
            return file

    def import_answers(self, answers: list[Answer], *, replace: bool = False) -> import_journal.ImportOutcome:
        """Store all of ``answers`` or none (an import; call it as the workshop's owner): see
        :mod:`bootcamp.store.import_journal`. An answer the same as the one stored is left as it is; one that
        differs from it is refused (:class:`~bootcamp.store.import_journal.AnswersDiffer`, nothing stored) unless
        ``replace``. ``at`` is set when empty, before the journal is written, so finishing the import later stores
        the same times."""
        by_owner: dict[str, list[Answer]] = {}
        try:
            for answer in answers:
                self._check_answer_owner(answer.participant_id)
                problem = check_answer_key(answer.key)
                if problem:
                    raise StoreError(f"cannot store an answer in workshop {self.id}: {problem}")
                answer = self._as_stored(answer)
                by_owner.setdefault(answer.participant_id, []).append(answer)
        except StoreError as error:
            raise StoreError(f"{import_journal.none_stored(len(answers))}: {error}") from None
        return import_journal.import_answers(self.path, self.id, by_owner, replace=replace)

    def _as_stored(self, answer: Answer) -> Answer:
        """``answer`` with the time it is stored with: the one given, else now; none for a secret ballot,
        whose file keeps no time (:func:`bootcamp.store.files.answers_file`), so what is saved is what is read."""
        at = "" if is_ballot_id(answer.participant_id) else answer.at or iso(self._clock.now())
        return answer if at == answer.at else dataclasses.replace(answer, at=at)

    def finish_import(self) -> None:
        """Finish an import left pending by a kill or a full disk; an owner does this first, a reader never.

        StoreError, in one sentence, when it cannot be finished yet: the owner must not open the workshop then.
        """
        import_journal.finish(self.path, self.id)

    def clear_answer(self, participant_id: str, key: tuple[str, str, str]) -> None:
        self._check_answer_owner(participant_id)
        file = self._saving_answers_of(participant_id)
        if not file.exists():
            return
        file.update(lambda answers: tuple(a for a in answers if a.key != tuple(key)))

    def _check_answer_owner(self, participant_id: str) -> None:
        if not is_safe_id(participant_id):
            raise StoreError(f"{participant_id!r} is not a participant or ballot id")
        folder = self._answers_folder
        if os.path.isdir(folder):  # one look on every save: the workshop's folder is there too
            return
        if not self.path.is_dir():
            raise StoreError(f"workshop {self.id} is gone: {self.path} no longer exists")
        try:  # removed by hand: answers still need a home
            make_private_folder(folder)
        except OSError as error:
            raise StoreError(f"cannot create {folder}: {error.strerror or error}") from error

    # -- the room and where it is -----------------------------------------------------------------------------

    def room(self) -> RoomRecords:
        return self._room.load()

    def update_room(self, change: Callable[[RoomRecords], RoomRecords]) -> RoomRecords:
        """Read, change and save the room under its lock; ``change`` must be quick and must not save anything."""
        return self._room.update(change)

    def state(self) -> WorkshopState:
        return self._state.load()

    def voted(self) -> dict[str, tuple[str, ...]]:
        """Who has cast a secret ballot, by step: participant ids, sorted (``voted.json``, see ``voted_file``)."""
        return self._voted.load()

    def add_voter(self, step_key: str, participant_id: str) -> None:
        """Add ``participant_id`` to the roll of those who cast a ballot on ``step_key`` (never which ballot)."""
        if not is_safe_id(participant_id):
            raise StoreError(f"{participant_id!r} is not a participant id")
        self._voted.update(lambda voted: {**voted, step_key: tuple(sorted({*voted.get(step_key, ()), participant_id}))})

    def save_state(self, state: WorkshopState) -> None:
        self.update_state(lambda _current: state)

    def update_state(self, change: Callable[[WorkshopState], WorkshopState]) -> WorkshopState:
        """Like :meth:`update_room`; ``updated_at`` is set to now, so a projector window sees that it moved."""
        return self._state.update(lambda state: dataclasses.replace(change(state), updated_at=self._clock.now()))

    def sweep_temp_files(self) -> None:
        """Remove temporary files left by writers that were killed mid-save, each under its file's lock.

        Saves do not look for them (that lists the folder on every save), so this is where they go.
        """
        for folder in (self.path, self.path / ANSWERS_FOLDER):
            for target in temp_files_in(folder):
                sweep_temp_files(target)

    # -- everything at once -----------------------------------------------------------------------------------

    def bundle(self, answers: Iterable[Answer] | None = None) -> WorkshopBundle:
        """The whole workshop; with ``answers``, those instead of every stored answer (read already)."""
        return WorkshopBundle(
            info=self.info(),
            content=self.content(),
            state=self.state(),
            room=self.room(),
            answers=tuple(self.answers() if answers is None else answers),
            voted=self.voted(),
        )
