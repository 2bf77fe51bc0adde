"""An import of many answers is all or nothing: a redo journal, ``import.json`` (DESIGN.md, Storage).

An import changes one answers file per participant, and no file system renames many files in
one step. So the import first writes the whole new content of every file it changes into one
file, ``import.json``, under the import's number (``seq``, one more than the last import's):

1. **Commit.** One durable atomic replace of ``import.json`` with ``{seq: n + 1, pending: {…}}``.
   A failure or a kill before that rename changes nothing (a temporary file left behind is swept
   on the next open); from that rename on, the answers are stored.
2. **Apply.** Each answers file is replaced with its content in the journal, under its own lock.
3. **Done.** ``import.json`` becomes ``{seq: n + 1, pending: null}``. It is kept, not removed, so
   the number never goes back and a reader can tell one import from the next.

Whoever takes a workshop as its owner (the console, a command) first finishes an import left
pending by a kill or a full disk (:func:`finish`): the journal holds whole files, so rewriting
them again is harmless. An owner that cannot finish refuses to open in one sentence, since a
console saving answers under a pending journal would have them overwritten by its replay.

Readers never write. They read the journal, then the answers files, then the journal again
(:func:`settled`): the same number means no import committed in between, and the files of a
pending journal stand in for whatever of them was read, rewritten yet or not. Another number
means read again. A journal that is missing or done is one small read, decoded again only
when its bytes change.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bootcamp.store.durable import make_private_folder
from bootcamp.store.errors import FileBusyError, StoreError, UnreadableFileError
from bootcamp.store.files import ANSWERS_FOLDER, ImportJournal, answers_file, import_journal_file
from bootcamp.store.jsonfile import TypedFile
from bootcamp.store.model import Answer

# A reader reads again only when an import committed while it read; five in a row is someone importing in a loop.
REREADS = 5
NO_IMPORT = ImportJournal()
NOTHING_PENDING: Mapping[str, tuple[Answer, ...]] = {}

R = TypeVar("R")


class ImportUnderWay(StoreError):
    """Imports kept committing while a reader read the answers: one sentence, try again."""

    def __init__(self, workshop_id: str) -> None:
        super().__init__(
            f"workshop {workshop_id} is being imported into: its answers changed {REREADS} times while they were read; "
            "try again when the import has finished"
        )


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did with each answer it was given: stored anew, found already there (the same value and
    comment as the stored answer, which is kept as it is, time and all), or put in place of a different one."""

    added: tuple[Answer, ...] = ()
    already_there: tuple[Answer, ...] = ()
    replaced: tuple[tuple[Answer, Answer], ...] = ()  # (the answer that was stored, the one now stored)


class AnswersDiffer(StoreError):
    """An import refused, nothing stored: some of its answers differ from those stored under the same person and
    question, and it was not asked to replace them. ``conflicts``: (the stored answer, the import's), in its order."""

    def __init__(self, workshop_id: str, count: int, conflicts: Sequence[tuple[Answer, Answer]]) -> None:
        self.conflicts = tuple(conflicts)
        differ = "differs" if len(self.conflicts) == 1 else "differ"
        super().__init__(
            f"{none_stored(count)}: {len(self.conflicts)} of them {differ} from the answer stored in workshop "
            f"{workshop_id} for the same person and question"
        )


def same_answer(stored: Answer, new: Answer) -> bool:
    """Whether an imported answer is one already stored: the same value and comment (its time is not compared: a sheet
    without times, or a form tool's own, says the same answer)."""
    return stored.value == new.value and stored.comment == new.comment


class NotRewritten(Exception):
    """A file an import could not rewrite: its path, why (one phrase) and the errno behind it, when known."""

    def __init__(self, path: Path, reason: str, code: int | None) -> None:
        self.path = path
        self.reason = reason
        self.code = code
        super().__init__(f"{path}: {reason}")

    @classmethod
    def of(cls, path: Path, error: StoreError) -> NotRewritten:
        """The cause of a StoreError from a file's read, lock or write (each already names the file)."""
        if isinstance(error, UnreadableFileError):
            return cls(error.path, error.reason, None)
        if isinstance(error, FileBusyError):
            return cls(error.path, "another process kept it locked", None)
        cause = error.__cause__
        if isinstance(cause, OSError):
            return cls(path, cause.strerror or str(cause), cause.errno)
        return cls(path, str(error), None)


# -- readers ---------------------------------------------------------------------------------------------------


class JournalReader:
    """``import.json`` as a reader sees it, decoded again only when its bytes changed.

    The same bytes give the same :class:`ImportJournal` object, so a follower can tell "moved" by identity.
    """

    def __init__(self, folder: Path) -> None:
        self._file = import_journal_file(folder)
        self._last: tuple[bytes, ImportJournal] | None = None

    @property
    def path(self) -> Path:
        return self._file.path

    def read(self) -> ImportJournal:
        try:
            raw = self._file.path.read_bytes()
        except FileNotFoundError:
            return NO_IMPORT
        except OSError as error:
            raise UnreadableFileError(self._file.path, error.strerror or str(error)) from None
        last = self._last
        if last is not None and last[0] == raw:
            return last[1]
        journal = self._file.parse(raw)
        self._last = (raw, journal)
        return journal


def settled(journal: JournalReader, read: Callable[[], R], workshop_id: str) -> tuple[R, ImportJournal]:
    """``read()`` done while no import committed, and the journal whose ``pending`` files must stand in for what it read.

    ``pending`` holds each changed file whole, so it replaces that file's answers, applied yet or not.
    """
    for _ in range(REREADS):
        before = journal.read()
        found = read()
        after = journal.read()
        if after.seq == before.seq:  # one import's journal is pending, then done: either way its files are known
            return found, before if before.pending is not None else after
    raise ImportUnderWay(workshop_id)


def pending_of(journal: ImportJournal) -> Mapping[str, tuple[Answer, ...]]:
    return journal.pending if journal.pending is not None else NOTHING_PENDING


# -- the owner ---------------------------------------------------------------------------------------------------


def finish(folder: Path, workshop_id: str) -> None:
    """Rewrite the files of an import left pending; for an owner, right after it took the workshop.

    Raises a StoreError in one sentence when a file cannot be rewritten (the disk still full): the
    owner must not open the workshop then.
    """
    journal_file = import_journal_file(folder)
    journal = journal_file.load()  # an unreadable journal is refused by name, never written over
    if journal.pending is None:
        return
    try:
        _apply(folder, journal_file, journal)
    except NotRewritten as stuck:
        raise StoreError(
            f"workshop {workshop_id} has an import that is not finished: {stuck.path}: {stuck.reason}; "
            f"{_remedy(stuck.code)} and open it again"
        ) from None


def import_answers(
    folder: Path, workshop_id: str, new: Mapping[str, Sequence[Answer]], *, replace: bool = False
) -> ImportOutcome:
    """Store every answer of ``new`` (by participant or ballot id) or none of them; the owner lock must be held.

    An answer the same as the stored one (:func:`same_answer`) is already there: counted, not rewritten. One that
    differs from the stored one is put in its place only with ``replace``; without it, :class:`AnswersDiffer` lists
    every such answer and nothing is stored. Any other StoreError says which happened: "none of the N answers were
    stored" before the commit point, "all N answers are stored, but …" after it.
    """
    finish(folder, workshop_id)
    count = sum(len(answers) for answers in new.values())
    journal_file = import_journal_file(folder)
    added: list[Answer] = []
    already: list[Answer] = []
    replaced: list[tuple[Answer, Answer]] = []
    try:
        last = journal_file.load()
        changed = {}
        for owner in sorted(new):
            stored = answers_file(folder, owner).load()
            by_key = {answer.key: answer for answer in stored}
            taken = []
            for answer in new[owner]:
                before = by_key.get(answer.key)
                if before is None:
                    added.append(answer)
                elif same_answer(before, answer):
                    already.append(answer)
                    continue
                else:
                    replaced.append((before, answer))
                taken.append(answer)
            if taken:
                changed[owner] = _merged(stored, taken)
    except StoreError as error:
        raise StoreError(f"{none_stored(count)}: {error}") from None
    if replaced and not replace:
        order = {id(answer): n for n, answer in enumerate(a for answers in new.values() for a in answers)}
        raise AnswersDiffer(workshop_id, count, sorted(replaced, key=lambda pair: order[id(pair[1])]))
    outcome = ImportOutcome(tuple(added), tuple(already), tuple(replaced))
    if not changed:
        return outcome
    journal = ImportJournal(last.seq + 1, changed)
    try:
        journal_file.replace(journal)
    except StoreError as error:
        # Only a failure after the rename (the folder's fsync) leaves it in place; readers already see it then.
        if not _landed(journal_file, journal.seq):
            stuck = NotRewritten.of(journal_file.path, error)
            raise StoreError(f"{none_stored(count)}: {stuck.path}: {stuck.reason}") from None
    try:
        _apply(folder, journal_file, journal)
    except NotRewritten as stuck:
        raise StoreError(
            f"{_all_stored(count)}, but {stuck.path} could not be rewritten yet ({stuck.reason}); "
            f"{'it is' if count == 1 else 'they are'} applied when workshop {workshop_id} is next opened"
        ) from None
    return outcome


def _merged(stored: tuple[Answer, ...], new: Sequence[Answer]) -> tuple[Answer, ...]:
    merged = {answer.key: answer for answer in stored}
    merged.update((answer.key, answer) for answer in new)
    return tuple(merged.values())


def _landed(journal_file: TypedFile[ImportJournal], seq: int) -> bool:
    try:
        return journal_file.load().seq == seq
    except StoreError:
        return False


def _apply(folder: Path, journal_file: TypedFile[ImportJournal], journal: ImportJournal) -> None:
    answers_folder = folder / ANSWERS_FOLDER
    try:
        make_private_folder(answers_folder)  # removed by hand since the commit: the answers still need a home
    except OSError as error:
        raise NotRewritten(answers_folder, error.strerror or str(error), error.errno) from None
    for owner, answers in sorted(pending_of(journal).items()):
        rewrite(folder, owner, answers)
    try:
        journal_file.replace(ImportJournal(journal.seq))
    except StoreError as error:
        raise NotRewritten.of(journal_file.path, error) from None


def rewrite(folder: Path, participant_id: str, answers: tuple[Answer, ...]) -> None:
    """Make one participant's answers file hold ``answers`` (a module function, so a test can pause between files)."""
    typed = answers_file(folder, participant_id)
    try:
        if typed.load() == answers:  # a replay after a kill or a full disk: this one is in place already
            return
        typed.replace(answers)
    except StoreError as error:
        raise NotRewritten.of(typed.path, error) from None


def _remedy(code: int | None) -> str:
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "free some space"
    if code == errno.EROFS:
        return "make the disk writable"
    if code in (errno.EACCES, errno.EPERM):
        return "give yourself write access to it"
    return "fix that"


def none_stored(count: int) -> str:
    return "the answer was not stored" if count == 1 else f"none of the {count} answers were stored"


def _all_stored(count: int) -> str:
    return "the answer is stored" if count == 1 else f"all {count} answers are stored"
