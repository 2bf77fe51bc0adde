"""The live workshop's records in memory: answers, notes, role lines, the Poker deal, actions and the roster.

Every change is kept in memory at once (no front end waits on the disk) and handed to the
workshop's one ordered writer as an id-keyed edit, so the file gets exactly this change under
its lock. Each record carries a save mark (pending, saved, failed) and every change can be
undone; each says who made it (:mod:`bootcamp.live.record_changes` makes every change so). Part of
:class:`~bootcamp.live.workshop.LiveWorkshop`, which commits the saves and tells the front ends; no Textual here.
"""

from __future__ import annotations

import dataclasses
import random
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bootcamp.checks import Problem, RecordChecks, RecordRefused, participant_problems, refuse
from bootcamp.clock import Clock, iso, local_today
from bootcamp.content.model import ANSWERED_KINDS, AptitudePoker, Program, Step, StepKind
from bootcamp.errors import UserError
from bootcamp.live.actors import CONSOLE, Actor
from bootcamp.live.changes import Part
from bootcamp.live.record_changes import UNDO_DEPTH as UNDO_DEPTH  # tests read it here
from bootcamp.live.record_changes import Commit, RecordChanges
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

AnswerKey = tuple[str, str, str, str]  # participant id, step key, item, perspective
UNDO_WORDS = 4  # a text taken back is named by its first words …
UNDO_CHARS = 32  # … and no more than this many characters of them


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


def first_words(text: str) -> str:
    """A text as an undo names it: its first words, quoted (\"Continuous typing by the…\")."""
    words = text.split()
    shown = " ".join(words[:UNDO_WORDS])
    cut = len(words) > UNDO_WORDS
    if len(shown) > UNDO_CHARS:
        shown, cut = shown[: UNDO_CHARS - 1].rstrip(), True
    return f'"{shown}…"' if cut else f'"{shown}"'


def deal_shuffler() -> random.Random:
    """What shuffles a Poker deal: the system's randomness (UI tests put a seeded one here)."""
    return random.SystemRandom()


class LiveRecords(RecordChanges):
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
        super().__init__(files=files, commit=commit, check=check)
        self.info = info
        self.room = room
        self.program = program
        self.tracker = tracker
        self.clock = clock
        # Deals the Poker deck so that nobody picks a favourite; a test puts a seeded ``random.Random`` here.
        self.shuffler: random.Random = deal_shuffler()
        self._answers: dict[AnswerKey, Answer] = {self._key(a): a for a in answers}
        self._voted = {step: set(ids) for step, ids in (voted or {}).items()}  # who cast a ballot, by step
        self._checks = RecordChecks(program, info)  # every record is checked as every way in checks it
        # Who gave each answer given since the workshop was opened, by the answer itself: an undo that puts an answer
        # back puts back who gave it. Held only while the answer lives (it stands, or the undo holds it): a day of
        # phones changing their answers grew this by every change. Not stored: an answer read from the files says
        # nobody (see given_by).
        self._givers: dict[int, tuple[weakref.ref[Answer], Actor]] = {}

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

    def given_by(self, participant_id: str, step_key: str, item: str = "", perspective: str = "") -> Actor | None:
        """Who gave the answer as it stands (a comment added later does not change it): the console, a phone; None
        when there is no answer, or it was given before the workshop was opened here (the files do not say)."""
        answer = self._answers.get((participant_id, step_key, item, perspective))
        return self._giver_of(answer) if answer is not None else None

    def answer_mark(self, participant_id: str, step_key: str, item: str = "", perspective: str = "") -> Mark:
        return self.tracker.mark(answer_record((participant_id, step_key, item, perspective)))

    def mark(self, record: str) -> Mark:
        return self.tracker.mark(record)

    def has_voted(self, step_key: str, participant_id: str) -> bool:
        """Whether this participant cast a ballot on the step from a phone (stored, so a restart keeps it)."""
        return participant_id in self._voted.get(step_key, ())

    def given_for(self) -> frozenset[str]:
        """The participants something was given for: an answer or a comment (at the keyboard, on paper, from a
        phone), or a ballot on a step's roll of voters. (Besides them, the ids of secret ballots, which name nobody.)"""
        voters = (voter for ids in self._voted.values() for voter in ids)
        return frozenset((*(key[0] for key in self._answers), *voters))

    def has_ballot(self, step_key: str, ballot_id: str) -> bool:
        return any(key[0] == ballot_id and key[1] == step_key for key in self._answers)

    def missed_steps(self, participant_id: str, steps: tuple[Step, ...], *, skipped: tuple[str, ...] = ()) -> list[Step]:
        """Answering steps among ``steps`` (those the room has got through) that others answered and this participant
        has not. A step nobody answered was jumped past by the whole room: nobody missed it; nor did whoever is on a
        secret ballot's roll of voters (their ballot names nobody, so it is not theirs among the answers)."""
        answered = {key[1] for key in self._answers if key[0] == participant_id}
        answered |= {step_key for step_key, voters in self._voted.items() if participant_id in voters}
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
        if answer.value == (before.value if before is not None else ""):  # only the comment changed
            label = f"the comment of {self._name(participant_id)} on {self._place(key)} ({first_words(answer.comment)})"
        else:
            label = f"the answer of {self._name(participant_id)} on {self._place(key)}"
        self._push_undo(label, lambda: self._put_answer(key, before), step_key=step_key)
        self._put_answer(key, answer)
        # Whoever changes the value gives the answer; a comment alone leaves it whose it was.
        giver: Actor | None = by
        if before is not None and before.value == answer.value:
            giver = self._giver_of(before)
        if giver is not None:
            self._remember_giver(answer, giver)
        return answer

    def _giver_of(self, answer: Answer) -> Actor | None:
        kept = self._givers.get(id(answer))
        return kept[1] if kept is not None and kept[0]() is answer else None

    def _remember_giver(self, answer: Answer, giver: Actor) -> None:
        """Who gave ``answer``, until nothing holds the answer any more (its id may then be another's)."""
        number = id(answer)

        def forget(dead: weakref.ref[Answer]) -> None:
            if self._givers.get(number, (None,))[0] is dead:
                del self._givers[number]

        self._givers[number] = (weakref.ref(answer, forget), giver)

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
        label = f"clearing the answer of {self._name(participant_id)} on {self._place(key)}"
        self._push_undo(label, lambda: self._put_answer(key, before), step_key=step_key)
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

        self._push_undo(f"the last secret ballot on {self._step_title(step_key)}", revert, step_key=step_key)
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
            self._push_undo(f"taking back a secret ballot on {self._step_title(step_key)}", revert, step_key=step_key)
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
        what = f"{'a change to ' if before is not None else ''}{'a quick note' if quick else 'a note'}"
        label = f"{what} on {self._step_title(step_key)} ({first_words(text)})"  # an edit undone leaves the note
        self._change_record("note", note.id, label, before, note, edits.put_note, edits.drop_note, step_key=step_key)
        return note

    def drop_note(self, note_id: str, *, by: Actor = CONSOLE) -> None:
        self._begin(by)
        before = next((n for n in self.room.notes if n.id == note_id), None)
        if before is not None:
            what = "a quick note" if before.quick else "a note"
            label = f"removing {what} on {self._step_title(before.step_key)} ({first_words(before.text)})"
            put, drop = edits.put_note, edits.drop_note
            self._change_record("note", note_id, label, before, None, put, drop, step_key=before.step_key)

    def put_role_line(
        self, text: str, *, line_id: str = "", decision: str | None = None, by: Actor = CONSOLE
    ) -> RoleLine:
        self._begin(by)
        before = next((line for line in self.room.role_lines if line.id == line_id), None) if line_id else None
        kept = before.decision if before is not None else ""
        line = RoleLine(line_id or new_record_id("r"), text, kept if decision is None else decision, iso(self.clock.now()))
        refuse("the role line was not kept", self._checks.role_line(line))
        label = f"a role line ({first_words(text)})"
        put, drop = edits.put_role_line, edits.drop_role_line
        self._change_record("role", line.id, label, before, line, put, drop, step_key=self._step_of(StepKind.CHECK))
        return line

    def put_role_lines(self, texts: tuple[str, ...], *, source: str = "a paste", by: Actor = CONSOLE) -> tuple[RoleLine, ...]:
        """New lines at once (a pasted posting): one change, saved in one write, taken back by one undo. A line the
        checks refuse keeps all of them out, and its number is said."""
        self._begin(by)
        at = iso(self.clock.now())
        lines = tuple(RoleLine(new_record_id("r"), text, "", at) for text in texts)
        problems = [
            Problem(f"line {number}: {problem.field}", problem.message)
            for number, line in enumerate(lines, start=1)
            for problem in self._checks.role_line(line)
        ]
        refuse(f"none of the lines from {source} was kept", problems)
        if not lines:
            return ()
        ids = tuple(line.id for line in lines)
        saved = tuple(f"role:{line_id}" for line_id in ids)
        label = f"{len(lines)} role lines from {source}" if len(lines) > 1 else f"a role line from {source}"
        self._push_undo(label, lambda: self._edit_room(saved, edits.drop_role_lines(ids)))
        self._edit_room(saved, edits.put_role_lines(lines))
        return lines

    def drop_role_line(self, line_id: str, *, by: Actor = CONSOLE) -> None:
        self._begin(by)
        restore, drop, lines = edits.restore_role_line, edits.drop_role_line, self.room.role_lines
        self._drop_in_place("role", line_id, "removing a role line", lines, restore, drop, StepKind.CHECK)

    def put_action(self, action: Action, *, by: Actor = CONSOLE) -> Action:
        self._begin(by)
        action = dataclasses.replace(action, id=action.id or new_record_id("a"), at=action.at or iso(self.clock.now()))
        before = next((a for a in self.room.actions if a.id == action.id), None)
        if before is not None and action.status is not before.status and action.status_at == before.status_at:
            # The day it was marked done or dropped, as the actions view dates it: the Progress page reports it.
            closed = action.status in (ActionStatus.DONE, ActionStatus.DROPPED)
            action = dataclasses.replace(action, status_at=local_today(self.clock).isoformat() if closed else "")
        refuse("the action was not kept", self._checks.action(action))
        label = f"an action ({first_words(action.what)})"
        put, drop = edits.put_action, edits.drop_action
        made_on = action.source if self.program.step(action.source) is not None else self._step_of(StepKind.ACTIONS)
        self._change_record("action", action.id, label, before, action, put, drop, step_key=made_on)
        return action

    def drop_action(self, action_id: str, *, by: Actor = CONSOLE) -> None:
        self._begin(by)
        actions = self.room.actions
        restore, drop = edits.restore_action, edits.drop_action
        self._drop_in_place("action", action_id, "removing an action", actions, restore, drop, StepKind.ACTIONS)

    def _drop_in_place(
        self,
        kind: str,
        record_id: str,
        label: str,
        records: tuple[Any, ...],
        put_back: Callable[[Any, str], edits.RoomEdit],
        drop: Callable[[str], edits.RoomEdit],
        where: StepKind,
    ) -> None:
        """Remove a listed record; undone, it goes back before the one that followed it, not last. The undo names it
        by its text's first words, on the step of the agenda of kind ``where``."""
        at = next((n for n, record in enumerate(records) if record.id == record_id), None)
        if at is None:
            return
        next_id = records[at + 1].id if at + 1 < len(records) else ""
        record = records[at]
        label = f"{label} ({first_words(getattr(record, 'text', '') or getattr(record, 'what', ''))})"
        put = lambda kept: put_back(kept, next_id)  # noqa: E731 - one line, as the call it replaces
        self._change_record(kind, record_id, label, record, None, put, drop, step_key=self._step_of(where))

    def _change_record(
        self,
        kind: str,
        record_id: str,
        label: str,
        before: object | None,
        after: object | None,
        put: Callable[[object], edits.RoomEdit],
        drop: Callable[[str], edits.RoomEdit],
        *,
        step_key: str = "",
    ) -> None:
        def apply(value: object | None) -> None:
            self._edit_room(f"{kind}:{record_id}", put(value) if value is not None else drop(record_id))

        self._push_undo(label, lambda: apply(before), step_key=step_key)
        apply(after)

    # -- Aptitude Poker ---------------------------------------------------------------------------------------

    def poker_exercise(self) -> AptitudePoker | None:
        return self.program.poker()

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
        deck = self.program.item_list(poker.deck) if (poker := self.poker_exercise()) else None
        card_item = deck.item(card_id) if deck is not None else None
        label = f"a Poker note on '{card_item.title if card_item else card_id}' ({first_words(text)})"
        step_key = self._step_of(StepKind.EXERCISE)
        self._push_undo(
            label, lambda: self._edit_room(record, edits.put_poker_note(card_id, prompt_id, before)), step_key=step_key
        )
        self._edit_room(record, edits.put_poker_note(card_id, prompt_id, text))

    def _edit_room(self, record: str | tuple[str, ...], edit: edits.RoomEdit) -> None:
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
            self._save_seat(f"seat:{participant.id}", edit)

        self._push_undo(label, lambda: apply(before))
        apply(participant)

    def _check_answer(self, answer: Answer) -> None:
        """What the step asks (``Program.asks``) and the limits decide what an answer may be, as for every way in."""
        self._checks.info = self.info  # the roster as it is now: a late arrival answers too
        problems = self._checks.answer(answer)
        if problems:
            step = self.program.step(answer.step_key)
            what = f"the answer to {step.title!r}" if step is not None else "the answer"
            raise AnswerRefused(f"{what} was not kept", problems)

    def _step_title(self, step_key: str) -> str:
        """A step as an undo names it: 'Rate the ten aptitudes'."""
        step = self.program.step(step_key)
        return f"'{step.title if step is not None else step_key}'"

    def _place(self, key: AnswerKey) -> str:
        """Where an answer is: the step, and the item and perspective of a rating ('Rate …' (Persist!, self))."""
        _participant, step_key, item, perspective = key
        asks = self.program.asks(step) if (step := self.program.step(step_key)) is not None else None
        asked = asks.item(item) if asks is not None and item else None
        title = getattr(asked, "title", "") or item
        within = ", ".join(part for part in (title, perspective) if part)
        return f"{self._step_title(step_key)} ({within})" if within else self._step_title(step_key)

    def _step_of(self, kind: StepKind) -> str:
        """The step of the workshop's agenda where records of a kind are made (the role check, the actions)."""
        agenda = self.info.agenda if self.program.agenda(self.info.agenda) is not None else "full"
        return next((step.key for step in self.program.steps(agenda) if step.kind is kind), "")

    def _name(self, participant_id: str) -> str:
        seat = self.info.participant(participant_id)
        return seat.display_name if seat is not None else "a secret ballot"
