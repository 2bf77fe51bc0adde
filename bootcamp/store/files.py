"""The files of a workshop folder: their schemas and how each is encoded (DESIGN.md, Storage).

``workshop.json`` (info, roster, settings: small, read by every listing),
``content.json`` (the content copy and its hash: kept out of workshop.json so that
listing many workshops reads only small files), ``state.json``, ``room.json`` and
``answers/<participant-id>.json``, ``voted.json`` (who has cast a secret ballot, never how),
and ``import.json`` (the import journal that makes an import of many answers all or nothing:
:mod:`bootcamp.store.import_journal`). Answers are keyed by their own ids
(``step|item|perspective``), never by TinyDB document ids.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar, cast

from bootcamp.store.codec import ShapeError, adopted, from_json, to_json
from bootcamp.store.ids import is_ballot_id, is_safe_id
from bootcamp.store.jsonfile import Document, FileSchema, TypedFile, file_bytes, json_text
from bootcamp.store.layout import (
    ANSWERS_FOLDER,
    CONTENT_FILE,
    IMPORT_FILE,
    ROOM_FILE,
    STATE_FILE,
    VOTED_FILE,
    WORKSHOP_FILE,
)
from bootcamp.store.model import Answer, RoomRecords, WorkshopInfo, WorkshopState


def _state_with_earlier_days(document: Document) -> Document:
    """Version 1 → 2: a workshop's earlier days (a boot camp run over two days) are kept; a version-1 state had
    none. An older bootcamp then refuses the file as newer, in one sentence, rather than dropping the days."""
    state = document.get("state")
    if isinstance(state, dict):
        document["state"] = {**state, "earlier_days": state.get("earlier_days", [])}
    return document


WORKSHOP_SCHEMA = FileSchema("bootcamp/workshop", 1)
CONTENT_SCHEMA = FileSchema("bootcamp/content", 1)
def _state_with_clocks_stopped_at(document: Document) -> Document:
    """Version 2 → 3: when the clocks last stopped is kept; a version-2 state did not keep it (None: read from the
    day's start plus what its clocks counted). An older bootcamp, which refuses a field it does not know, then says
    in one sentence that the file is newer and to upgrade, rather than that a field is unknown."""
    state = document.get("state")
    if isinstance(state, dict):
        document["state"] = {**state, "clocks_stopped_at": state.get("clocks_stopped_at")}
    return document


def _state_with_day_utc_offset(document: Document) -> Document:
    """Version 3 → 4: the room's offset from UTC is kept with each day's start (a day run in London keeps its date
    when reread in New York); a version-3 state did not keep it (None: its days read on the reading machine's
    calendar, as before). An older bootcamp then says in one sentence that the file is newer, as for version 3."""
    state = document.get("state")
    if isinstance(state, dict):
        document["state"] = {**state, "day_utc_offset": state.get("day_utc_offset")}
    return document


STATE_SCHEMA = FileSchema(
    "bootcamp/state",
    4,
    {1: _state_with_earlier_days, 2: _state_with_clocks_stopped_at, 3: _state_with_day_utc_offset},
)
ROOM_SCHEMA = FileSchema("bootcamp/room", 1)
ANSWERS_SCHEMA = FileSchema("bootcamp/answers", 1)
IMPORT_SCHEMA = FileSchema("bootcamp/import-journal", 1)
VOTED_SCHEMA = FileSchema("bootcamp/voted", 1)

# What an answer's step key, item and perspective may contain, so "step|item|perspective" is a safe, unique key.
_KEY_PART = re.compile(r"^[A-Za-z0-9/_.:-]*$")

T = TypeVar("T")


@dataclass(frozen=True)
class StoredContent:
    """The content a workshop was run with, as ``{relpath: yaml text}``, and its hash."""

    content_hash: str
    sources: dict[str, str]


def answer_key(step_key: str, item: str, perspective: str) -> str:
    return f"{step_key}|{item}|{perspective}"


def check_answer_key(key: tuple[str, str, str]) -> str | None:
    """Why ``(step_key, item, perspective)`` cannot key an answer, or None when it can."""
    step_key, item, perspective = key
    if "/" not in step_key:
        return f"step {step_key!r} is not a \"session-id/step-id\" key"
    for label, part in (("step", step_key), ("item", item), ("perspective", perspective)):
        if not _KEY_PART.match(part):
            return f"{label} {part!r} may hold only letters, digits and - _ . / :"
    return None


def _only(document: Document, expected: Iterable[str]) -> None:
    unknown = sorted(set(document) - set(expected))
    if unknown:
        raise ShapeError(unknown[0], "unknown field (written by a newer bootcamp?)")


def _single(name: str, kind: type[T]) -> tuple[Callable[[T], Document], Callable[[Document], T]]:
    """Encoder and decoder for a file whose body is ``{name: <kind as JSON>}``."""

    def encode(value: T) -> Document:
        return {name: to_json(value)}

    def decode(document: Document) -> T:
        _only(document, [name])
        if name not in document:
            raise ShapeError(name, "missing")
        return from_json(kind, document[name], name)

    return encode, decode


def workshop_file(folder: Path) -> TypedFile[WorkshopInfo]:
    encode, decode = _single("workshop", WorkshopInfo)
    return TypedFile(folder / WORKSHOP_FILE, WORKSHOP_SCHEMA, encode=encode, decode=decode)


def content_file(folder: Path) -> TypedFile[StoredContent]:
    def encode(content: StoredContent) -> Document:
        return {"content_hash": content.content_hash, "sources": dict(sorted(content.sources.items()))}

    def decode(document: Document) -> StoredContent:
        _only(document, ["content_hash", "sources"])
        return from_json(StoredContent, document)

    return TypedFile(folder / CONTENT_FILE, CONTENT_SCHEMA, encode=encode, decode=decode)


def state_file(folder: Path) -> TypedFile[WorkshopState]:
    encode, decode = _single("state", WorkshopState)
    return TypedFile(folder / STATE_FILE, STATE_SCHEMA, encode=encode, decode=decode, missing=WorkshopState)


def room_file(folder: Path) -> TypedFile[RoomRecords]:
    encode, decode = _single("room", RoomRecords)
    return TypedFile(folder / ROOM_FILE, ROOM_SCHEMA, encode=encode, decode=decode, missing=RoomRecords)


def answers_path(folder: Path, participant_id: str) -> Path:
    return folder / ANSWERS_FOLDER / f"{participant_id}.json"


# What a secret ballot's file says of when it was written: nothing (its modification time is always this).
BALLOT_FILE_TIME = 0


def encode_answers(participant_id: str, answers: tuple[Answer, ...]) -> Document:
    """The body of one participant's answers file: what it holds, as the file and the import journal write it."""
    body: dict[str, Any] = {}
    ballot = is_ballot_id(participant_id)
    for answer in answers:
        entry = to_json(answer)
        del entry["participant_id"]  # the file's own id says whose they are
        if ballot:  # a secret ballot keeps no time, whoever wrote it
            entry["at"] = ""
        body[answer_key(*answer.key)] = entry
    return {"participant_id": participant_id, "answers": body}


# An answer's fields as its file keeps them (the file's own id says whose), every one written, all text
# (tests/store/test_store_files.py checks there is no other kind of field).
_ANSWER_TEXTS = frozenset(field.name for field in dataclasses.fields(Answer) if field.name != "participant_id")
_TEXT, _OBJECT = frozenset({str}), frozenset({dict})


def decode_answers(participant_id: str, document: Document, where: str = "") -> tuple[Answer, ...]:
    """The answers in a body written by :func:`encode_answers`; ``where`` prefixes the field named by a ShapeError.

    ``document`` is one just parsed (from a file or the import journal): its answer objects become the answers'
    own fields, so it must not be used again.
    """

    def at(name: str) -> str:
        return f"{where}.{name}" if where else name

    if not isinstance(document, dict):
        raise ShapeError(where, "expected an object")
    unknown = sorted(set(document) - {"participant_id", "answers"})
    if unknown:
        raise ShapeError(at(unknown[0]), "unknown field (written by a newer bootcamp?)")
    owner = document.get("participant_id")
    if owner != participant_id:
        raise ShapeError(at("participant_id"), f"{owner!r} does not match the file name {participant_id!r}")
    entries = document.get("answers")
    if not isinstance(entries, dict):
        raise ShapeError(at("answers"), "expected an object keyed by step|item|perspective")
    # Whether every entry is an object of text values, asked of the whole file at once: a room of 200 has tens of
    # thousands of answers, and building each through the decoder was most of reading them.
    found = entries.values()
    all_text = (
        set(map(type, found)) <= _OBJECT and set(map(type, chain.from_iterable(map(dict.values, found)))) <= _TEXT
    )
    answers = []
    for key, entry in entries.items():
        if all_text and entry.keys() == _ANSWER_TEXTS:
            # What every file this store writes holds, every field as text: the entry becomes the answer's fields.
            if f"{entry['step_key']}|{entry['item']}|{entry['perspective']}" != key:  # answer_key(), inline
                raise ShapeError(at(f"answers.{key}"), _KEY_MISMATCH)
            entry["participant_id"] = participant_id
            answers.append(adopted(Answer, entry))
        else:
            answers.append(_decode_answer(participant_id, key, entry, at(f"answers.{key}")))
    return tuple(answers)


_KEY_MISMATCH = "the key does not match the answer's step, item and perspective"


def _decode_answer(participant_id: str, key: str, entry: Any, where: str) -> Answer:
    """One answer of any other shape (fields left out, a value that is not text): decoded, or what is wrong said."""
    if not isinstance(entry, dict):
        raise ShapeError(where, "expected an object")
    if "participant_id" in entry:
        raise ShapeError(f"{where}.participant_id", "unknown field (written by a newer bootcamp?)")
    answer = from_json(Answer, {**entry, "participant_id": participant_id}, where)
    if answer_key(*answer.key) != key:
        raise ShapeError(where, _KEY_MISMATCH)
    return answer


def answers_file(folder: Path, participant_id: str) -> AnswersFile:
    """One participant's (or one ballot's) answers, keyed by ``step|item|perspective``.

    A secret ballot's file stores no time at all: not its answers' ``at`` (whoever wrote one), not a
    modification time on the file or its lock, since beside a note of who answered when it would name the
    caster (DESIGN.md, Secret ballots).
    """
    return AnswersFile(folder, participant_id)


class AnswersFile(TypedFile[tuple[Answer, ...]]):
    """An answers file (see :func:`answers_file`) that, kept between saves, saves quickly.

    It remembers the text of each answer it wrote, so a save encodes only the answer that changed, and
    vouches that its bytes decode to exactly what it wrote, so the next save, finding those bytes
    unchanged, need not decode them (:class:`TypedFile`).
    """

    def __init__(self, folder: Path, participant_id: str) -> None:
        self.participant_id = participant_id
        self._ballot = is_ballot_id(participant_id)
        super().__init__(
            answers_path(folder, participant_id),
            ANSWERS_SCHEMA,
            encode=lambda answers: encode_answers(participant_id, answers),
            decode=lambda document: decode_answers(participant_id, document),
            missing=tuple,
            file_time=BALLOT_FILE_TIME if self._ballot else None,
        )
        self._head = ""  # the file's text up to its first answer: made by the first save (most are only read)
        # By id(answer): (the answer, its key, its text), for the answers of the last write. The answer is kept,
        # so no other object can have its id meanwhile; answers are frozen, so its text stays right.
        self._texts: dict[int, tuple[Answer, str, str]] = {}

    def _encoded(self, answers: tuple[Answer, ...]) -> tuple[bytes, bool]:
        # Comprehensions rather than one loop: a save goes through every answer of the file (~50) here.
        known = self._texts.get
        entries = [known(id(answer)) or self._entry_of(answer) for answer in answers]
        if None in entries:  # the file would not give an answer back as it is
            return super()._encoded(answers)
        texts = cast(list[tuple[Answer, str, str]], entries)
        if len({key for _, key, _ in texts}) != len(texts):  # two answers with one key: the file keeps one
            return super()._encoded(answers)
        self._texts = {id(entry[0]): entry for entry in texts}
        if not self._head:  # the general encoding of a file with no answers, up to where they go
            empty = self.storage.encode(encode_answers(self.participant_id, ()))
            self._head = empty.decode("utf-8", "surrogatepass").removesuffix("}}\n")
        return file_bytes(self._head + ",".join([text for _, _, text in texts]) + "}}"), True

    def _entry_of(self, answer: Answer) -> tuple[Answer, str, str] | None:
        """``answer``, its key and its text in the file; None when reading the file would give another answer:
        one of someone else's, or a time on a secret ballot's (encode_answers writes none)."""
        if answer.participant_id != self.participant_id or (self._ballot and answer.at):
            return None
        key = answer_key(*answer.key)
        entry = to_json(answer)
        del entry["participant_id"]  # as encode_answers writes it: the file's own id says whose they are
        return answer, key, f"{json_text(key)}:{json_text(entry)}"


# Who has cast a secret ballot, by step: the roll a phone is checked against so that nobody votes twice.
Voted = dict[str, tuple[str, ...]]


def voted_file(folder: Path) -> TypedFile[Voted]:
    """``voted.json``: step key → the ids of the participants who cast a ballot on it, sorted.

    Kept apart from the ballots and written so that nothing in it links a name to one of them: the ids are
    sorted (not in the order they voted), there is no time in it, and it leaves no modification time on the
    file or its lock (:data:`BALLOT_FILE_TIME`). A single file rewritten whole, not a file per voter, whose
    creation order would line up with the ballots' own files.
    """

    def encode(voted: Voted) -> Document:
        return {"voted": {step: sorted(set(ids)) for step, ids in sorted(voted.items()) if ids}}

    def decode(document: Document) -> Voted:
        _only(document, ["voted"])
        found = document.get("voted")
        if not isinstance(found, dict):
            raise ShapeError("voted", "expected an object keyed by step")
        voted: Voted = {}
        for step, ids in found.items():
            if not isinstance(ids, list) or not all(isinstance(i, str) and is_safe_id(i) for i in ids):
                raise ShapeError(f"voted.{step}", "expected a list of participant ids")
            voted[step] = tuple(sorted(set(ids)))
        return voted

    return TypedFile(
        folder / VOTED_FILE, VOTED_SCHEMA, encode=encode, decode=decode, missing=dict, file_time=BALLOT_FILE_TIME
    )


@dataclass(frozen=True)
class ImportJournal:
    """``import.json``: the number of the last import (``seq``), and, until every file of it is rewritten,
    the whole new content of each answers file it changes, by participant (or ballot) id (``pending``).

    See :mod:`bootcamp.store.import_journal`. No file is the same as ``ImportJournal()``: no import yet.
    """

    seq: int = 0
    pending: Mapping[str, tuple[Answer, ...]] | None = None


def import_journal_file(folder: Path) -> TypedFile[ImportJournal]:
    def encode(journal: ImportJournal) -> Document:
        pending = journal.pending
        return {
            "seq": journal.seq,
            "pending": None if pending is None else {owner: encode_answers(owner, pending[owner]) for owner in sorted(pending)},
        }

    def decode(document: Document) -> ImportJournal:
        _only(document, ["seq", "pending"])
        seq = document.get("seq")
        if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
            raise ShapeError("seq", f"{seq!r} is not a whole number of imports")
        found = document.get("pending")
        if found is None:
            return ImportJournal(seq)
        if not isinstance(found, dict):
            raise ShapeError("pending", "expected null or an object keyed by participant id")
        pending = {}
        for owner, body in found.items():
            if not is_safe_id(owner):  # it names the file a replay writes: never a path
                raise ShapeError(f"pending.{owner}", "not a participant or ballot id")
            pending[owner] = decode_answers(owner, body, f"pending.{owner}")
        return ImportJournal(seq, pending)

    return TypedFile(folder / IMPORT_FILE, IMPORT_SCHEMA, encode=encode, decode=decode, missing=ImportJournal)
