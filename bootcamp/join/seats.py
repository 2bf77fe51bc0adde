"""Who holds which seat, who waits to be let in, and what each seat's phone was last shown: memory only.

A seat is a participant of the roster claimed by one browser, whose token's hash is kept here (never
the token). A second browser cannot take a claimed seat; the facilitator can release one, which hands it over
(an anonymous workshop's next phone takes it, answers and all, until a phone does). Someone not
on the roster asks with a name and waits until the console admits them. Which seats cast a ballot here, and
whether it is saved yet, is kept here for the page; who has voted is stored on the step's roll of voters
(:meth:`LiveRecords.has_voted`), which a freed seat or a restart keeps. A seat taken by a name (anyone may tap any
free name) hides what was given for that person before it sat: by fingerprints of those answers, never the answers,
so that what it hides can be kept across a console's restart (``phones.json``) without copying anyone's words.
Pure Python.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field

from bootcamp.errors import UserError
from bootcamp.join.phone_view import Held

MAX_WAITING = 50  # a room's latecomers, with room to spare: a page that keeps asking fills no memory


Cell = tuple[str, str, str]  # (step key, item, perspective): one answer of one person


def fingerprint(text: str) -> str:
    """What a seat keeps of an answer or a comment it hides: enough to tell it is still the same one, not its words."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Unseen:
    """What a seat taken by name hides, as it stands: each cell's answer and comment given for that person before the
    phone sat, by :func:`fingerprint`, that the phone has not given again itself since."""

    answers: tuple[tuple[Cell, str], ...] = ()
    comments: tuple[tuple[Cell, str], ...] = ()


class SeatRefused(UserError):
    """A seat that cannot be taken (taken already, not on the roster): one sentence for the phone."""


@dataclass
class Seat:
    participant_id: str
    token_hash: str
    shown_step: str = ""  # the step this seat's phone was last shown
    moved_on_from: str = ""  # an answering step the room left while this phone showed it
    cell: dict[str, int] = field(default_factory=dict)  # step key → which of its cells the phone shows
    # step key → the item the page moved on to by itself once the one before was answered, and when
    arrived: dict[str, tuple[str, float]] = field(default_factory=dict)
    ballots: dict[str, bool] = field(default_factory=dict)  # secret step → whether the ballot cast here is saved
    notes: list[str] = field(default_factory=list)  # ids of the notes this phone sent
    sent: set[str] = field(default_factory=set)  # the answers this phone sent, by record, until they are on disk
    # While a save fails, the records the page said are held unsaved; once all of them are stored, that they are
    # saved now, until the phone next acts (bootcamp/join/held.py).
    held_told: frozenset[str] = frozenset()
    saved_after_all: Held = Held()
    # A seat taken by tapping or typing a name (anyone in the room may tap any free name): (step key, item,
    # perspective) → the fingerprint of the value, and of the comment, stored for that person before, which this phone
    # is not shown while they stand (until it gives its own, or the console changes them). Empty for a seat the
    # console gave (letting someone in). Kept across a console's restart (:attr:`hidden`).
    by_name: bool = False
    unseen: dict[Cell, str] = field(default_factory=dict)
    unseen_comments: dict[Cell, str] = field(default_factory=dict)
    # (step key, item, perspective) → the answer tapped once over an unseen one, and when: the same tapped again soon
    # replaces it, as private entry at the console asks for a second key.
    replacing: dict[Cell, tuple[str, float]] = field(default_factory=dict)

    @property
    def hidden(self) -> Unseen:
        return Unseen(tuple(self.unseen.items()), tuple(self.unseen_comments.items()))


@dataclass(frozen=True)
class Waiting:
    """Someone who asked to join and is not on the roster (no name in an anonymous workshop)."""

    id: str
    name: str
    token_hash: str


class Seats:
    def __init__(self) -> None:
        self._by_token: dict[str, Seat] = {}
        self._by_participant: dict[str, Seat] = {}
        self._waiting: dict[str, Waiting] = {}
        self._turned_away: set[str] = set()  # token hashes the console turned away, until they ask again or sit
        self._handed_over: set[str] = set()  # participant ids the console freed from a phone, until a phone sits
        self._numbers = itertools.count(1)

    # -- reading ----------------------------------------------------------------------------------------------

    def seat_of(self, token_hash: str) -> Seat | None:
        return self._by_token.get(token_hash)

    def held(self, participant_id: str) -> Seat | None:
        return self._by_participant.get(participant_id)

    def waiting_of(self, token_hash: str) -> Waiting | None:
        return next((w for w in self._waiting.values() if w.token_hash == token_hash), None)

    def handed_over(self, participant_id: str) -> bool:
        """Whether the console freed this seat from a phone (a phone lost or swapped) and no phone took it since."""
        return participant_id in self._handed_over

    def was_turned_away(self, token_hash: str) -> bool:
        return token_hash in self._turned_away

    @property
    def joined(self) -> tuple[str, ...]:
        """The participant ids whose seat a phone holds, in the order they joined."""
        return tuple(self._by_participant)

    @property
    def waiting(self) -> tuple[Waiting, ...]:
        return tuple(self._waiting.values())

    @property
    def held_by(self) -> tuple[tuple[str, str], ...]:
        """(token hash, participant id) of every seat held, in the order they were taken."""
        return tuple((seat.token_hash, pid) for pid, seat in self._by_participant.items())

    @property
    def by_name(self) -> dict[str, Unseen]:
        """Token hash → what the seat hides, for every seat held that was taken by a name."""
        return {seat.token_hash: seat.hidden for seat in self._by_participant.values() if seat.by_name}

    # -- changes ----------------------------------------------------------------------------------------------

    def claim(self, participant_id: str, token_hash: str, name: str) -> Seat:
        """Give ``participant_id``'s seat to the browser holding the token; refused when another browser holds it."""
        if token_hash in self._by_token:
            raise SeatRefused("This phone has a seat already; ask the facilitator to release it first.")
        if participant_id in self._by_participant:
            raise SeatRefused(f"{name}'s seat is taken on another phone; ask the facilitator to release it.")
        seat = Seat(participant_id, token_hash)
        self._by_token[token_hash] = seat
        self._by_participant[participant_id] = seat
        self._drop_waiting(token_hash)
        self._turned_away.discard(token_hash)
        self._handed_over.discard(participant_id)
        return seat

    def release(self, participant_id: str) -> bool:
        """The facilitator frees a seat: its phone is asked to pick again, another phone may take it."""
        seat = self._by_participant.pop(participant_id, None)
        if seat is None:
            return False
        self._by_token.pop(seat.token_hash, None)
        self._handed_over.add(participant_id)
        return True

    def ask(self, name: str, token_hash: str) -> Waiting:
        """Wait to be admitted (asking again replaces the earlier request)."""
        self._drop_waiting(token_hash)
        self._turned_away.discard(token_hash)
        if len(self._waiting) >= MAX_WAITING:
            raise SeatRefused("Too many people are waiting to be let in; ask the facilitator.")
        waiting = Waiting(f"w{next(self._numbers)}", name, token_hash)
        self._waiting[waiting.id] = waiting
        return waiting

    def take_waiting(self, waiting_id: str) -> Waiting:
        waiting = self._waiting.pop(waiting_id, None)
        if waiting is None:
            raise SeatRefused("Nobody is waiting under that number any more.")
        return waiting

    def turn_away(self, waiting_id: str) -> Waiting:
        """The console does not let someone in: their phone picks again, told why."""
        waiting = self.take_waiting(waiting_id)
        self._turned_away.add(waiting.token_hash)
        return waiting

    def _drop_waiting(self, token_hash: str) -> None:
        for waiting in [w for w in self._waiting.values() if w.token_hash == token_hash]:
            del self._waiting[waiting.id]
