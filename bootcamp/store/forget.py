"""A participant asks to be forgotten: their personal data erased from one workshop's folder (no Textual).

What goes, under the workshop's owner lock, each file rewritten whole or not at all:

- their answers file (answers and comments), its lock and any temporary copy a killed save left;
- their name on the secret ballots' roll of voters (``voted.json``; the ballots themselves name nobody and stay);
- the Poker cards dealt or passed to them: such a card is held by nobody, as a card of someone who left is;
- what layers above the store keep of the seat, through ``erase_elsewhere`` (the command passes the phones' seat
  in ``phones.json``, :func:`bootcamp.join.left_on.forget_holder`: the store does not import the phone page);
- lines of the join server's log that name them;
- last, their seat in the roster (``workshop.json``): its name is how a run killed midway is found again and
  finished. The seat goes entirely, not left as a nameless one: with their answers, ballot marks, cards and phone
  seat gone, nothing refers to its id any more, and a nameless seat would be listed in every summary as someone
  removed during the day (and refused by an import as a seat without a name). The numbers of the other seats stay.

What others wrote (room notes, quick notes, role lines, Poker notes, actions, others' comments) is not theirs to
erase: each place naming them is listed (:class:`Mention`), and with ``redact_notes`` their name there becomes
"(a participant)". A name is their whole name, or a part of it (first or last name) no other seat's name has,
written with a capital.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bootcamp.errors import UserError
from bootcamp.names import APOSTROPHES, folded_name, people_named
from bootcamp.store.durable import replace_durably, stale_temp_files, sync_folder
from bootcamp.store.errors import FileNotSavedError, UnreadableFileError
from bootcamp.store.files import answers_path, voted_file
from bootcamp.store.ids import is_ballot_id
from bootcamp.store.jsonfile import LOCK_SUFFIX
from bootcamp.store.model import Action, Answer, PokerCard, RoomNote, RoomRecords, WorkshopInfo
from bootcamp.store.workshop import WorkshopFiles
from bootcamp.store.workshop_info import Participant

REDACTED = "(a participant)"
_SEAT_NUMBER = re.compile(r"^[Pp](\d+)$")
_SHORTEST_PART = 2  # a name's part shorter than this (an initial) is not looked for on its own
_APOSTROPHE = "[" + re.escape(APOSTROPHES) + "]"
# A name stands alone: not the end of another word (D'Angelo for Angelo) nor the start of one (Maria-José for
# Maria), though a possessive is still the name (Maria's).
_NOT_AFTER_A_WORD = rf"(?<![\w\-\u2010{re.escape(APOSTROPHES)}])"
_NOT_BEFORE_A_WORD = rf"(?!\w)(?![\-\u2010]\w)(?!{_APOSTROPHE}(?!s(?!\w))\w)"


@dataclass(frozen=True)
class Mention:
    """A place where someone else's text names the person: ``where`` ("room note at step Welcome"), the text."""

    where: str
    text: str


@dataclass(frozen=True)
class Erasure:
    """What forgetting a seat erases (or erased), and what others wrote that names them."""

    seat: Participant
    answers: int  # their answers, comments counted with them; -1 when their file cannot be read (it goes all the same)
    comments: int
    ballots_voted: int  # steps on whose roll of secret-ballot voters they stand
    cards: int  # Poker cards they hold
    mentions: tuple[Mention, ...]


def find_seat(info: WorkshopInfo, given: str) -> Participant:
    """The seat ``given`` names: its number as shown (``P7``), its id, or the person's whole name (any case, with or
    without its accents, any apostrophe).

    UserError in one sentence when none does, or when two seats share the name (naming both)."""
    wanted = given.strip()
    number = _SEAT_NUMBER.match(wanted)
    if number:
        found = [p for p in info.participants if p.number == int(number.group(1))]
        if found:
            _not_also_a_name(info, found[0], wanted)
            return found[0]
    by_id = info.participant(wanted)
    if by_id is not None:
        return by_id
    # As a phone's typed name finds its seat: "Sofia Alvarez" is Sofia Álvarez, and two names read as one are asked.
    named = people_named(info.participants, wanted)
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        seats = " and ".join(f"P{p.number} ({p.role or 'no role'})" for p in named)
        raise UserError(f"{len(named)} seats of workshop {info.id} are named {given!r}: give the seat instead, {seats}")
    how = "a seat as P7" if info.anonymous else "a seat as P7, or the person's whole name"
    raise UserError(f"nobody in workshop {info.id} ({info.name}) is {given!r}: give {how} (see the summary's people)")


def _not_also_a_name(info: WorkshopInfo, seat: Participant, wanted: str) -> None:
    """UserError in one sentence when ``wanted``, the seat's number, is also another seat's name (a placeholder)."""
    named = [p for p in people_named(info.participants, wanted) if p.id != seat.id]
    if named:
        other = named[0]
        raise UserError(
            f"P{seat.number} is seat P{seat.number} ({seat.display_name}) and the name of seat P{other.number}: "
            f"give P{other.number} for that seat, or the person's whole name for this one"
        )


def seated_elsewhere(
    workshops: Iterable[WorkshopInfo], workshop_id: str, seat: Participant
) -> list[tuple[WorkshopInfo, Participant]]:
    """The other workshops that seat someone whose name reads as ``seat``'s (the run it was made again from, runs
    made from it, or a namesake: the consultant tells), with that seat; oldest first. None for a seat with no name."""
    if not seat.name:
        return []
    others = (info for info in workshops if info.id != workshop_id)
    found = [(info, other) for info in others for other in people_named(info.participants, seat.name)]
    return sorted(found, key=lambda pair: (pair[0].date, pair[0].created_at, pair[0].id, pair[1].number))


def name_pattern(seat: Participant, others: Iterable[Participant]) -> re.Pattern[str] | None:
    """Their name as a whole word in others' text: the whole name in any case, and each part of it no other seat's
    name has, written with a capital as a name is (so "Maria does it" names Maria Lindqvist, while a first name two
    people share is left alone, and "we will" is not Will Turner). None when the seat has no name (an anonymous
    workshop)."""
    parts = seat.name.split()
    if not parts:
        return None
    taken = {folded_name(part) for other in others if other.id != seat.id for part in other.name.split()}
    whole = "(?i:" + r"\s+".join(map(_spelled, parts)) + ")"
    alone = [part for part in parts if len(part) >= _SHORTEST_PART and folded_name(part) not in taken]
    words = [whole, *sorted({_capitalised(part) for part in alone}, key=len, reverse=True)]  # the whole name first
    return re.compile(_NOT_AFTER_A_WORD + "(?:" + "|".join(words) + ")" + _NOT_BEFORE_A_WORD)


def _capitalised(part: str) -> str:
    """A part of a name as a name is written: its first letter a capital, the rest in any case ("Will", "WILL",
    never the word "will")."""
    return re.escape(part[0].upper()) + "(?i:" + _spelled(part[1:]) + ")"


def _spelled(text: str) -> str:
    """``text`` to match as written, any apostrophe for one (a phone types O’Brien for O'Brien)."""
    return "".join(_APOSTROPHE if char in APOSTROPHES else re.escape(char) for char in text)


def plan(files: WorkshopFiles, seat: Participant) -> Erasure:
    """What forgetting ``seat`` would erase and which places name them; reads only. UserError in one sentence when
    it cannot be forgotten: the only participant (said before anything is asked)."""
    info = files.info()
    if not [p for p in info.participants if p.id != seat.id]:
        raise UserError(
            f"{seat.display_name} is the only participant of workshop {info.id} ({info.name}): a workshop keeps at "
            f"least one, so delete the whole workshop instead (bootcamp delete {info.id})"
        )
    pattern = name_pattern(seat, info.participants)
    theirs = _answers_of(files, seat.id)
    return Erasure(
        seat=seat,
        answers=len(theirs) if theirs is not None else -1,
        comments=sum(1 for answer in theirs if answer.comment) if theirs is not None else -1,
        ballots_voted=sum(1 for ids in files.voted().values() if seat.id in ids),
        cards=sum(1 for card in files.room().poker if card.holder == seat.id),
        mentions=tuple(_mentions(files, info, seat, pattern)) if pattern else (),
    )


def _answers_of(files: WorkshopFiles, participant_id: str) -> tuple[Answer, ...] | None:
    """Their stored answers; None when their file cannot be read (damaged: it is erased whole all the same)."""
    try:
        return tuple(files.answers_of(participant_id))
    except UnreadableFileError:
        return None


def forget(
    files: WorkshopFiles,
    seat: Participant,
    *,
    redact_notes: bool = False,
    warn: Callable[[str], None] | None = None,
    erase_elsewhere: Callable[[Path, str], None] | None = None,
) -> Erasure:
    """Erase ``seat``'s personal data from ``files`` (its owner's: call inside ``store.owned``); see the module.

    Each file is replaced whole; the roster last, so a run killed midway is finished by running it again.
    ``warn`` hears what was left as it was (a log that could not be rewritten); ``erase_elsewhere(folder, seat id)``
    erases what layers above the store keep of the seat in the workshop's folder, before the roster."""
    info = files.info()
    erasure = plan(files, seat)
    pattern = name_pattern(seat, info.participants) if redact_notes else None
    files.update_room(lambda room: _room_without(room, seat.id, pattern))
    if pattern is not None:
        _redact_comments(files, seat.id, pattern)
    if erasure.ballots_voted:
        voted_file(files.path).update(
            lambda voted: {step: tuple(i for i in ids if i != seat.id) for step, ids in voted.items()}
        )
    if erase_elsewhere is not None:
        erase_elsewhere(files.path, seat.id)
    _drop_log_lines(files, seat.id, name_pattern(seat, info.participants), warn)
    _remove_answers_file(files.path, seat.id)
    files.update_info(lambda current: dataclasses.replace(current, participants=tuple(
        p for p in current.participants if p.id != seat.id
    )))
    return erasure


# -- the room's records ------------------------------------------------------------------------------------------


def _room_without(room: RoomRecords, participant_id: str, pattern: re.Pattern[str] | None) -> RoomRecords:
    """The room with their cards held by nobody and, with ``pattern``, their name redacted in what others wrote."""

    def redact(text: str) -> str:
        return pattern.sub(REDACTED, text) if pattern is not None else text

    cards = tuple(
        PokerCard(
            card.card_id,
            "" if card.holder == participant_id else card.holder,
            {prompt: redact(text) for prompt, text in card.notes.items()},
        )
        for card in room.poker
    )
    if pattern is None:
        return dataclasses.replace(room, poker=cards)
    return RoomRecords(
        notes=tuple(dataclasses.replace(note, text=redact(note.text)) for note in room.notes),
        role_lines=tuple(dataclasses.replace(line, text=redact(line.text)) for line in room.role_lines),
        poker=cards,
        actions=tuple(dataclasses.replace(a, what=redact(a.what), owner=redact(a.owner)) for a in room.actions),
    )


def _mentions(files: WorkshopFiles, info: WorkshopInfo, seat: Participant, pattern: re.Pattern[str]) -> list[Mention]:
    program = files.program()

    def step(key: str) -> str:
        found = program.step(key)
        return f"step {found.title!r}" if found is not None else f"step {key}"

    room = files.room()
    found: list[Mention] = []
    for n, note in enumerate(room.notes, 1):
        if pattern.search(note.text):
            found.append(Mention(f"{_note_kind(note)} {n} at {step(note.step_key)}", note.text))
    for n, line in enumerate(room.role_lines, 1):
        if pattern.search(line.text):
            found.append(Mention(f"role line {n}", line.text))
    for card in room.poker:
        for prompt, text in card.notes.items():
            if pattern.search(text):
                found.append(Mention(f"Poker card {card.card_id!r}, note {prompt!r}", text))
    for n, action in enumerate(room.actions, 1):
        found.extend(_action_mentions(n, action, pattern))
    seats = {p.id: p for p in info.participants}
    answers, unreadable = files.readable_answers()
    for answer in answers:
        if answer.participant_id == seat.id or not pattern.search(answer.comment):
            continue
        by = "a secret ballot" if is_ballot_id(answer.participant_id) else _seat_label(seats.get(answer.participant_id))
        found.append(Mention(f"comment by {by} at {step(answer.step_key)}", answer.comment))
    for error in unreadable:  # its comments may name them: said, so the list is not taken for complete
        owner = error.path.name.removesuffix(".json")
        if owner == seat.id:
            continue  # theirs: erased whole
        of = "a secret ballot" if is_ballot_id(owner) else _seat_label(seats.get(owner))
        found.append(Mention(
            f"answers of {of}, whose file cannot be read ({error.path.name})",
            "not searched for their name and left as it is: check it by hand",
        ))
    return found


def _note_kind(note: RoomNote) -> str:
    return "quick note" if note.quick else "room note"


def _action_mentions(n: int, action: Action, pattern: re.Pattern[str]) -> list[Mention]:
    found = [Mention(f"action {n}", action.what)] if pattern.search(action.what) else []
    if pattern.search(action.owner):
        found.append(Mention(f"action {n} ({action.what}), its owner", action.owner))
    return found


def _seat_label(seat: Participant | None) -> str:
    return f"P{seat.number}" if seat is not None else "a seat no longer on the roster"


def _redact_comments(files: WorkshopFiles, participant_id: str, pattern: re.Pattern[str]) -> None:
    """Their name redacted in others' comments (participants' and secret ballots'), each file rewritten whole."""
    for answer in files.readable_answers()[0]:
        if answer.participant_id != participant_id and pattern.search(answer.comment):
            files.save_answer(dataclasses.replace(answer, comment=pattern.sub(REDACTED, answer.comment)))


# -- the log, the answers file ----------------------------------------------------------------


def _drop_log_lines(
    files: WorkshopFiles, participant_id: str, pattern: re.Pattern[str] | None, warn: Callable[[str], None] | None
) -> None:
    """The join server's log without the lines naming them (or their seat's id); rare: the log keeps requests."""
    from bootcamp.locations import join_log

    log = join_log(files.path.parent.parent, files.id)
    try:
        lines = log.read_bytes().decode("utf-8", "replace").splitlines(keepends=True)
    except FileNotFoundError:
        return
    except OSError as error:
        if warn is not None:
            warn(f"the join log {log} could not be read to look for them ({error.strerror or error}): check it by hand")
        return
    kept = [line for line in lines if participant_id not in line and not (pattern and pattern.search(line))]
    if len(kept) != len(lines):
        try:
            replace_durably(log, "".join(kept).encode("utf-8"))
        except OSError as error:
            raise FileNotSavedError(log, str(error.strerror or error)) from error


def _remove_answers_file(folder: Path, participant_id: str) -> None:
    path = answers_path(folder, participant_id)
    for leftover in (path, *stale_temp_files(path), Path(str(path) + LOCK_SUFFIX)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError as error:
            raise FileNotSavedError(leftover, str(error.strerror or error), doing="remove") from error
    if path.parent.is_dir():
        sync_folder(path.parent)


