"""The live workshop's records in memory: answers, notes, role lines, the Poker deal, actions and the roster.

Every change is kept in memory at once (no front end waits on the disk) and handed to the
workshop's one ordered writer as an id-keyed edit, so the file gets exactly this change under
its lock. Each record carries a save mark (pending, saved, failed) and every change can be
undone; each says who made it. Part of :class:`~bootcamp.live.workshop.LiveWorkshop`, which
commits the saves and tells the front ends; no Textual here.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bootcamp.checks import Problem, RecordChecks, RecordRefused, participant_problems, refuse
from bootcamp.clock import Clock, iso, local_today
from bootcamp.content.model import ANSWERED_KINDS, AptitudePoker, Program, Step
from bootcamp.errors import UserError
from bootcamp.live.actors import CONSOLE, Actor
from bootcamp.live.changes import Part
from bootcamp.live.saving import Mark, SaveTracker
from bootcamp.live.snapshot import WorkshopSnapshot
from bootcamp.store import edits, roster
from bootcamp.store.ids import new_ballot_id, new_record_id
from bootcamp.store.model import (
    Action,
    ActionStatus,
    Answer,
    Participant,
    PokerCard,
    RoleLine,
    RoomNote,
    RoomRecords,
    WorkshopInfo,
)

if TYPE_CHECKING:
    from bootcamp.store import WorkshopFiles

# Hands one change to the workshop: the record it touches, the save to queue, what it touched, who made it.
Commit = Callable[[str, Callable[[], None], Part, Actor], None]

AnswerKey = tuple[str, str, str, str]  # participant id, step key, item, perspective
UNDO_DEPTH = 200


def answer_record(key: AnswerKey) -> str:
    return "answer:" + "|".join(key)


def voted_record(step_key: str) -> str:
    """The save of a step's roll of voters: it names the step only."""
    return f"voted:{step_key}"


class AnswerRefused(RecordRefused):
    """An answer the step does not ask for (an unknown item, perspective or option), or too long a comment:
    nothing was kept."""


class BallotRefused(UserError):
    """A second ballot from someone on the step's roll of voters: nothing was kept."""


@dataclasses.dataclass(frozen=True)
class Undo:
    label: str  # what is undone, said back to the facilitator
    revert: Callable[[], None]
    by: Actor  # whose change it was


@dataclasses.dataclass(frozen=True)
class Undone:
    label: str
    by: Actor

    def __str__(self) -> str:
        return f"{self.label} (from {self.by})"


def deal_shuffler() -> random.Random:
    """What shuffles a Poker deal: the system's randomness (UI tests put a seeded one here)."""
    return random.SystemRandom()


class LiveRecords:
    def __init__(
        self,
        *,
        files: WorkshopFiles,
        info: WorkshopInfo,
        answers: list[Answer],
        room: RoomRecords,
        program: Program,
        tracker: SaveTracker,
        voted: dict[str, tuple[str, ...]] | None = None,
        clock: Clock,
        commit: Commit,
        check: Callable[[], None] = lambda: None,
    ) -> None:
        self.files = files
        self.info = info
        self.room = room
        self.program = program
        self.tracker = tracker
        self.clock = clock
        self._commit = commit
        self._check = check  # raises when nothing can be saved (the workshop is not started or is closed)
        # Deals the Poker deck so that nobody picks a favourite; a test puts a seeded ``random.Random`` here.
        self.shuffler: random.Random = deal_shuffler()
        self._answers: dict[AnswerKey, Answer] = {self._key(a): a for a in answers}
        self._voted = {step: set(ids) for step, ids in (voted or {}).items()}  # who cast a ballot, by step
        self._checks = RecordChecks(program, info)  # every record is checked as every way in checks it
        self._undo: list[Undo] = []
        self._data: WorkshopSnapshot | None = None
        self._actor = CONSOLE  # who is making the change in progress (set by each public method)

    @staticmethod
    def _key(answer: Answer) -> AnswerKey:
        return (answer.participant_id, answer.step_key, answer.item, answer.perspective)

    # -- reading ----------------------------------------------------------------------------------------------

    @property
    def data(self) -> WorkshopSnapshot:
        """The room as one read-only value, made again only after a change."""
        if self._data is None:
            self._data = WorkshopSnapshot(self.info, tuple(self._answers.values()), self.room)
        return self._data

    def answer(self, participant_id: str, step_key: str, item: str = "", perspective: str = "") -> Answer | None:
        return self._answers.get((participant_id, step_key, item, perspective))

    def answer_mark(self, participant_id: str, step_key: str, item: str = "", perspective: str = "") -> Mark:
        return self.tracker.mark(answer_record((participant_id, step_key, item, perspective)))

    def mark(self, record: str) -> Mark:
        return self.tracker.mark(record)

    def has_voted(self, step_key: str, participant_id: str) -> bool:
        """Whether this participant cast a ballot on the step from a phone (stored, so a restart keeps it)."""
        return participant_id in self._voted.get(step_key, ())

    def has_ballot(self, step_key: str, ballot_id: str) -> bool:
        return any(key[0] == ballot_id and key[1] == step_key for key in self._answers)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def missed_steps(self, participant_id: str, steps: tuple[Step, ...], *, skipped: tuple[str, ...] = ()) -> list[Step]:
        """Answering steps among ``steps`` (those the room has got through) that others answered and this participant
        has not. A step nobody answered was jumped past by the whole room: nobody missed it."""
        answered = {key[1] for key in self._answers if key[0] == participant_id}
        others_answered = {key[1] for key in self._answers if key[0] != participant_id}
        return [
            step
            for step in steps
            if step.kind in ANSWERED_KINDS
            and step.key in others_answered
            and step.key not in answered
            and step.key not in skipped
        ]

    # -- answers ----------------------------------------------------------------------------------------------

    def set_answer(
        self,
        participant_id: str,
        step_key: str,
        value: str,
        *,
        item: str = "",
        perspective: str = "",
        comment: str | None = None,
        by: Actor = CONSOLE,
    ) -> Answer:
        """Give (or change) one answer; a ``comment`` of None keeps the one already there. An answer left with
        neither a value nor a comment is cleared."""
        key = (participant_id, step_key, item, perspective)
        before = self._answers.get(key)
        kept_comment = before.comment if before is not None else ""
        answer = Answer(
            participant_id=participant_id,
            step_key=step_key,
            item=item,
            perspective=perspective,
            value=value,
            comment=kept_comment if comment is None else comment,
            at=iso(self.clock.now()),
        )
        if not answer.value and not answer.comment:
            if before is not None:
                self.clear_answer(participant_id, step_key, item=item, perspective=perspective, by=by)
            return answer
        self._check_answer(answer)
        self._begin(by)
        if before is not None and (before.value, before.comment) == (answer.value, answer.comment):
            return before
        self._push_undo(f"the answer of {self._name(participant_id)}", lambda: self._put_answer(key, before))
        self._put_answer(key, answer)
        return answer

    def set_comment(
        self, participant_id: str, step_key: str, comment: str, *, item: str = "", perspective: str = "", by: Actor = CONSOLE
    ) -> Answer:
        """A comment on an answer, or on its own before the answer is given."""
        before = self.answer(participant_id, step_key, item, perspective)
        value = before.value if before is not None else ""
        return self.set_answer(participant_id, step_key, value, item=item, perspective=perspective, comment=comment, by=by)

    def clear_answer(
        self, participant_id: str, step_key: str, *, item: str = "", perspective: str = "", by: Actor = CONSOLE
    ) -> bool:
        self._begin(by)
        key = (participant_id, step_key, item, perspective)
        before = self._answers.get(key)
        if before is None:
            return False
        self._push_undo(f"clearing the answer of {self._name(participant_id)}", lambda: self._put_answer(key, before))
        self._put_answer(key, None)
        return True

    def cast_ballot(
        self,
        step_key: str,
        picks: list[tuple[str, str, str]] | tuple[tuple[str, str, str], ...],
        comment: str = "",
        *,
        ballot_id: str = "",
        voter: str = "",
        by: Actor = CONSOLE,
    ) -> str:
        """One secret ballot: ``(item, perspective, value)`` picks stored under a new id that names nobody, and
        without a time (beside a log or a note of who answered when, a time would name its caster).

        A ``voter`` is added to the step's roll of voters (``voted.json``), after the ballot, and stays there
        when the ballot is undone: a roll says who voted, as a signed paper list does, and never which ballot.
        """
        ballot = ballot_id or new_ballot_id()
        if voter and self.has_voted(step_key, voter):
            raise BallotRefused("You have cast your ballot on this step already.")
        cast = [
            Answer(ballot, step_key, item, perspective, value, comment if number == 0 else "")
            for number, (item, perspective, value) in enumerate(picks)
        ]
        for answer in cast:
            self._check_answer(answer)
        self._begin(Actor(by.kind))  # a ballot's undo names no one: not even a phone's owner
        keys: list[AnswerKey] = []
        for answer in cast:
            key = self._key(answer)
            keys.append(key)
            self._put_answer(key, answer)

        def revert() -> None:
            for key in keys:
                self._put_answer(key, None)

        self._push_undo("the last secret ballot", revert)
        if voter:
            self._add_voter(step_key, voter)
        return ballot

    def _add_voter(self, step_key: str, participant_id: str) -> None:
        self._voted.setdefault(step_key, set()).add(participant_id)
        files = self.files
        self._submit(voted_record(step_key), lambda: files.add_voter(step_key, participant_id), Part.RECORDS)

    def withdraw_ballot(self, step_key: str, ballot_id: str, *, by: Actor = CONSOLE) -> bool:
        """Take back one ballot (its caster pressed the wrong key); False if it is not there."""
        self._begin(by)
        keys = [key for key in self._answers if key[0] == ballot_id and key[1] == step_key]
        before = [self._answers[key] for key in keys]
        for key in keys:
            self._put_answer(key, None)

        def revert() -> None:
            for key, answer in zip(keys, before):
                self._put_answer(key, answer)

        if keys:
            self._push_undo("taking back a secret ballot", revert)
        return bool(keys)

    def _put_answer(self, key: AnswerKey, answer: Answer | None) -> None:
        participant_id, step_key, item, perspective = key
        if answer is None:
            self._answers.pop(key, None)
        else:
            self._answers[key] = answer
        files = self.files

        def save() -> None:
            if answer is None:
                files.clear_answer(participant_id, (step_key, item, perspective))
            else:
                files.save_answer(answer)

        self._submit(answer_record(key), save, Part.RECORDS)

    # -- the room's records -----------------------------------------------------------------------------------

    def put_note(self, step_key: str, text: str, *, note_id: str = "", quick: bool = False, by: Actor = CONSOLE) -> RoomNote:
        self._begin(by)
        before = next((n for n in self.room.notes if n.id == note_id), None) if note_id else None
        note = RoomNote(note_id or new_record_id("n"), step_key, text, iso(self.clock.now()), quick)
        refuse("the note was not kept", self._checks.note(note))
        self._change_record("note", note.id, "a note", before, note, edits.put_note, edits.drop_note)
        return note

    def drop_note(self, note_id: str, *, by: Actor = CONSOLE) -> None:
        self._begin(by)
        before = next((n for n in self.room.notes if n.id == note_id), None)
        if before is not None:
            self._change_record("note", note_id, "removing a note", before, None, edits.put_note, edits.drop_note)

    def put_role_line(
        self, text: str, *, line_id: str = "", decision: str | None = None, by: Actor = CONSOLE
    ) -> RoleLine:
        self._begin(by)
        before = next((line for line in self.room.role_lines if line.id == line_id), None) if line_id else None
        kept = before.decision if before is not None else ""
        line = RoleLine(line_id or new_record_id("r"), text, kept if decision is None else decision, iso(self.clock.now()))
        refuse("the role line was not kept", self._checks.role_line(line))
        self._change_record("role", line.id, "a role line", before, line, edits.put_role_line, edits.drop_role_line)
        return line

    def drop_role_line(self, line_id: str, *, by: Actor = CONSOLE) -> None:
        self._begin(by)
        restore, drop = edits.restore_role_line, edits.drop_role_line
        self._drop_in_place("role", line_id, "removing a role line", self.room.role_lines, restore, drop)

    def put_action(self, action: Action, *, by: Actor = CONSOLE) -> Action:
        self._begin(by)
        action = dataclasses.replace(action, id=action.id or new_record_id("a"), at=action.at or iso(self.clock.now()))
        before = next((a for a in self.room.actions if a.id == action.id), None)
        if before is not None and action.status is not before.status and action.status_at == before.status_at:
            # The day it was marked done or dropped, as the actions view dates it: the Progress page reports it.
            closed = action.status in (ActionStatus.DONE, ActionStatus.DROPPED)
            action = dataclasses.replace(action, status_at=local_today(self.clock).isoformat() if closed else "")
        refuse("the action was not kept", self._checks.action(action))
        self._change_record("action", action.id, "an action", before, action, edits.put_action, edits.drop_action)
        return action

    def drop_action(self, action_id: str, *, by: Actor = CONSOLE) -> None:
        self._begin(by)
        actions = self.room.actions
        self._drop_in_place("action", action_id, "removing an action", actions, edits.restore_action, edits.drop_action)

    def _drop_in_place(
        self,
        kind: str,
        record_id: str,
        label: str,
        records: tuple[Any, ...],
        put_back: Callable[[Any, str], edits.RoomEdit],
        drop: Callable[[str], edits.RoomEdit],
    ) -> None:
        """Remove a listed record; undone, it goes back before the one that followed it, not last."""
        at = next((n for n, record in enumerate(records) if record.id == record_id), None)
        if at is None:
            return
        next_id = records[at + 1].id if at + 1 < len(records) else ""
        self._change_record(kind, record_id, label, records[at], None, lambda record: put_back(record, next_id), drop)

    def _change_record(
        self,
        kind: str,
        record_id: str,
        label: str,
        before: object | None,
        after: object | None,
        put: Callable[[object], edits.RoomEdit],
        drop: Callable[[str], edits.RoomEdit],
    ) -> None:
        def apply(value: object | None) -> None:
            self._edit_room(f"{kind}:{record_id}", put(value) if value is not None else drop(record_id))

        self._push_undo(label, lambda: apply(before))
        apply(after)

    # -- Aptitude Poker ---------------------------------------------------------------------------------------

    def poker_exercise(self) -> AptitudePoker | None:
        return next((e for e in self.program.exercises if isinstance(e, AptitudePoker)), None)

    def deal_poker(self, *, by: Actor = CONSOLE) -> tuple[PokerCard, ...]:
        """Deal the deck round the present participants, once: a later roster change never re-deals.

        The deck and the seats are shuffled first (the facilitator's notes: deal so that nobody picks a
        favourite); the deal is stored, so a reopened workshop keeps it.
        """
        self._begin(by)
        if self.room.poker:
            return self.room.poker
        poker = self.poker_exercise()
        deck = self.program.item_list(poker.deck) if poker else None
        if deck is None:
            return ()
        items, seats = list(deck.items), list(self.info.present)
        self.shuffler.shuffle(items)
        self.shuffler.shuffle(seats)
        cards = tuple(
            PokerCard(item.id, seats[number % len(seats)].id if seats else "") for number, item in enumerate(items)
        )
        self._edit_room("poker:deal", edits.deal_poker(cards))
        return self.room.poker

    def hand_poker_cards(self, holders: dict[str, str], *, by: Actor = CONSOLE) -> None:
        """Cards passed on (card id → participant id): one card handed to someone, or the deal made fair again
        once people left or came late. Only who holds them changes: their notes and actions stay with them."""
        self._begin(by)
        present = {seat.id for seat in self.info.present}
        dealt = {card.card_id: card.holder for card in self.room.poker}
        problems = [
            Problem(f"poker.{card_id}", f"{holder!r} is not a participant present")
            for card_id, holder in holders.items()
            if card_id in dealt and holder not in present
        ]
        refuse("the Poker card was not passed", problems)
        before = {card: dealt[card] for card, holder in holders.items() if dealt.get(card, holder) != holder}
        if not before:
            return
        after = {card_id: holders[card_id] for card_id in before}
        label = "a Poker card passed" if len(after) == 1 else "the Poker cards dealt again"
        self._push_undo(label, lambda: self._edit_room("poker:hand", edits.hand_poker_cards(before)))
        self._edit_room("poker:hand", edits.hand_poker_cards(after))

    def put_poker_note(self, card_id: str, prompt_id: str, text: str, *, by: Actor = CONSOLE) -> None:
        self._begin(by)
        card = next((c for c in self.room.poker if c.card_id == card_id), None)
        if card is None or card.notes.get(prompt_id, "") == text:
            return
        refuse("the Poker note was not kept", self._checks.poker_note(text))
        before = card.notes.get(prompt_id, "")
        record = f"poker:{card_id}|{prompt_id}"
        self._push_undo("a Poker note", lambda: self._edit_room(record, edits.put_poker_note(card_id, prompt_id, before)))
        self._edit_room(record, edits.put_poker_note(card_id, prompt_id, text))

    def _edit_room(self, record: str, edit: edits.RoomEdit) -> None:
        self.room = edit(self.room)
        files = self.files

        def save() -> None:
            files.update_room(edit)

        self._submit(record, save, Part.RECORDS)

    # -- the roster -------------------------------------------------------------------------------------------

    def add_participant(self, name: str, role: str = "", *, by: Actor = CONSOLE) -> Participant:
        """A late arrival (or anyone added during the day): the next seat number, joined now (the roster's rules)."""
        self._begin(by)
        refuse("nobody was added", participant_problems("" if self.info.anonymous else name.strip(), role.strip(), anonymous=self.info.anonymous))
        participant = roster.add_participant(self.info, name, role, joined_at=iso(self.clock.now())).participant
        self._change_seat(participant, f"adding {participant.display_name}", before=None)
        return participant

    def rename_participant(self, participant_id: str, name: str, role: str, *, by: Actor = CONSOLE) -> Participant | None:
        self._begin(by)
        anonymous = self.info.anonymous
        refuse("the seat was not changed", participant_problems("" if anonymous else name.strip(), role.strip(), anonymous=anonymous))
        return self._replace_seat(participant_id, "renaming", roster.rename_participant(self.info, participant_id, name, role))

    def remove_participant(self, participant_id: str, *, by: Actor = CONSOLE) -> Participant | None:
        """Removed from the room; their answers stay on disk and return with :meth:`restore_participant`."""
        self._begin(by)
        return self._replace_seat(participant_id, "removing", roster.remove_participant(self.info, participant_id))

    def restore_participant(self, participant_id: str, *, by: Actor = CONSOLE) -> Participant | None:
        self._begin(by)
        return self._replace_seat(participant_id, "restoring", roster.restore_participant(self.info, participant_id))

    def _replace_seat(self, participant_id: str, verb: str, change: roster.RosterChange | None) -> Participant | None:
        before = self.info.participant(participant_id)
        if before is None or change is None:
            return None
        if change.participant != before:
            self._change_seat(change.participant, f"{verb} {before.display_name}", before=before)
        return change.participant

    def _change_seat(self, participant: Participant, label: str, *, before: Participant | None) -> None:
        def apply(seat: Participant | None) -> None:
            if seat is None:  # undoing an addition: the seat goes, as if never added
                edit: edits.InfoEdit = lambda info: dataclasses.replace(
                    info, participants=tuple(p for p in info.participants if p.id != participant.id)
                )
            else:
                edit = edits.put_participant(seat)
            self.info = edit(self.info)
            files = self.files

            def save() -> None:
                files.update_info(edit)

            self._submit(f"seat:{participant.id}", save, Part.ROSTER)

        self._push_undo(label, lambda: apply(before))
        apply(participant)

    # -- undo and saving --------------------------------------------------------------------------------------

    def undo(self, *, by: Actor = CONSOLE) -> Undone | None:
        """Take back the last change (saved like any other change, made by ``by``): what was undone and
        whose change it was, or None."""
        if not self._undo:
            return None
        self._begin(by)
        last = self._undo.pop()
        last.revert()
        return Undone(last.label, last.by)

    def _check_answer(self, answer: Answer) -> None:
        """What the step asks (``Program.asks``) and the limits decide what an answer may be, as for every way in."""
        self._checks.info = self.info  # the roster as it is now: a late arrival answers too
        problems = self._checks.answer(answer)
        if problems:
            step = self.program.step(answer.step_key)
            what = f"the answer to {step.title!r}" if step is not None else "the answer"
            raise AnswerRefused(f"{what} was not kept", problems)

    def _begin(self, by: Actor) -> None:
        """A change starts: refused before anything changes in memory if it could not be saved."""
        self._check()
        self._actor = by

    def _push_undo(self, label: str, revert: Callable[[], None]) -> None:
        self._undo.append(Undo(label, revert, self._actor))
        del self._undo[:-UNDO_DEPTH]

    def _submit(self, record: str, save: Callable[[], None], part: Part) -> None:
        self._data = None
        self._commit(record, save, part, self._actor)

    def _name(self, participant_id: str) -> str:
        seat = self.info.participant(participant_id)
        return seat.display_name if seat is not None else "a secret ballot"
