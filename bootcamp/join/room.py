"""The room as phones see it: seats over the live workshop, and what a phone may do (each phone's view: room_view).

Every answer goes through :meth:`LiveWorkshop.apply` (the same checks as every way in), said to be by
that seat's phone, plus one rule of the phone's own: it answers only the console's current step. A
secret step takes one ballot per participant: who has voted is stored on the step's roll of voters, apart
from the ballots, so a freed seat or a restarted server does not let anyone vote twice.
No server here: :mod:`bootcamp.join.server` turns forms into these calls and views into pages.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

from bootcamp.checks import participant_problems
from bootcamp.content.model import Asks, Step, StepKind
from bootcamp.errors import UserError
from bootcamp.join.phone_view import Held
from bootcamp.join.room_view import BALLOT_CLOSED, CLOSED, PhoneViews
from bootcamp.join.seats import Seat, SeatRefused, Seats, Unseen, Waiting, fingerprint
from bootcamp.live import requests as asked
from bootcamp.live.actors import CONSOLE, phone
from bootcamp.live.records import answer_record, voted_record
from bootcamp.live.saving import Mark
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.names import people_named
from bootcamp.store.ids import new_record_id
from bootcamp.store.model import Participant

# How long after the page moves on by itself a tap on the new item is taken for the finger still on the old one:
# a double tap comes 0.2-0.4 s apart, and reading a new aptitude before answering it takes longer than this.
# Measured between the two taps' arrivals, it does not depend on how slow the network is.
LATE_TAP_SECONDS = 0.8
# An answer this phone does not show (given for the person before it took the seat by name) is replaced only by the
# same tap twice: the second at least a double tap's gap after the first (a finger that bounced asked nothing) and
# within this long (then the page stops asking).
REPLACE_SECONDS = 10.0


class PhoneRefused(UserError):
    """What a phone sent and the room did not keep, in one sentence for the phone."""


class WorkshopClosed(PhoneRefused):
    """The console closed the workshop (or stopped joining): nothing more is kept from a phone."""


class PhoneRoom(PhoneViews):
    def __init__(self, workshop: LiveWorkshop, clock: Callable[[], float] = time.monotonic) -> None:
        self.workshop = workshop
        self.clock = clock
        self.seats = Seats()
        self.closed = ""  # why phones can no longer answer, once they cannot

    # -- seats ------------------------------------------------------------------------------------------------

    def seat_of(self, token_hash: str) -> Seat | None:
        """The seat this browser holds; a seat whose participant left the roster is let go."""
        seat = self.seats.seat_of(token_hash)
        if seat is not None and self._present(seat.participant_id) is None:
            self.seats.release(seat.participant_id)
            return None
        return seat

    def claim(self, token_hash: str, participant_id: str) -> Seat:
        person = self._present(participant_id)
        if person is None or self.workshop.info.anonymous:
            raise SeatRefused("That name is not on the roster; ask to be let in instead.")
        return self._by_name(self.seats.claim(participant_id, token_hash, person.display_name))

    def _by_name(self, seat: Seat) -> Seat:
        """A seat taken by a name anyone could tap: what was given for that person before stays unseen on this phone
        (at the keyboard in private entry, on paper, from their own phone), as private entry shows it to whoever picks
        the name; what this phone gives, and what the console changes from now on, it shows."""
        given = [a for a in self.workshop.records.data.answers if a.participant_id == seat.participant_id]
        seat.by_name = True
        seat.unseen = {(a.step_key, a.item, a.perspective): fingerprint(a.value) for a in given if a.value}
        seat.unseen_comments = {(a.step_key, a.item, a.perspective): fingerprint(a.comment) for a in given if a.comment}
        return seat

    def sit_again(self, seats: Iterable[tuple[str, str]], by_name: Mapping[str, Unseen] | None = None) -> None:
        """The seats phones held when a console stopped without stopping joining: each phone holds its seat again
        (its cookie did not change), but for people no longer present. A seat taken by name (its token hash in
        ``by_name``) hides again what it hid then, so the phone shows what it showed before."""
        by_name = by_name or {}
        for token_hash, participant_id in seats:
            person = self._present(participant_id)
            if person is not None:
                with contextlib.suppress(SeatRefused):
                    seat = self.seats.claim(participant_id, token_hash, person.display_name)
                    hidden = by_name.get(token_hash)
                    if hidden is not None:
                        seat.by_name = True
                        seat.unseen, seat.unseen_comments = dict(hidden.answers), dict(hidden.comments)

    def take_free_seat(self, token_hash: str) -> Seat | Waiting:
        """Anonymous workshop: the first of :meth:`open_seats`, or a place in the queue (the console lets the phone
        in on a new seat) when there is none."""
        free = self.open_seats()
        if not free:
            return self.seats.ask("", token_hash)
        return self.seats.claim(free[0].id, token_hash, free[0].display_name)

    def open_seats(self) -> list[Participant]:
        """Anonymous workshop: the seats a phone may take, in the order phones take them. A seat holds whoever was
        answered for there, at the keyboard, on paper or from another phone, so a phone takes only a seat nobody was
        answered for, lowest number first; never another person's answers to see or change. Before those, a seat the
        console freed from a phone on purpose (a phone lost or swapped): handed over, answers and all."""
        free = [p for p in self.workshop.info.present if self.seats.held(p.id) is None]
        given = self.workshop.records.given_for()
        handed = [p for p in free if self.seats.handed_over(p.id)]
        return [*handed, *(p for p in free if p.id not in given and p not in handed)]

    def ask(self, token_hash: str, name: str) -> Seat | Waiting:
        """Someone types their name: a name on the roster whose seat is free is that seat (else one person's answers
        would split across two rows); any other name waits for the console."""
        anonymous = self.workshop.info.anonymous
        name = "" if anonymous else " ".join(name.split())
        problems = participant_problems(name, "", anonymous=anonymous)
        if problems:
            raise PhoneRefused(f"Your name was not sent: {problems[0].message}.")
        free = self._free(self.namesakes(name))
        if len(free) > 1:
            raise PhoneRefused(f"More than one {free[0].display_name} is on the list: tap your name above.")
        if free:
            return self._by_name(self.seats.claim(free[0].id, token_hash, free[0].display_name))
        return self.seats.ask(name, token_hash)

    def namesakes(self, name: str, *, removed: bool = False) -> tuple[Participant, ...]:
        """The people present (``removed``: removed) whose name is ``name``, case, accents and spacing aside."""
        return tuple(people_named((p for p in self.workshop.info.participants if p.removed == removed), name))

    def _free(self, people: tuple[Participant, ...]) -> list[Participant]:
        return [p for p in people if self.seats.held(p.id) is None]

    def admit(self, waiting_id: str, *, new: bool = False) -> Participant:
        """The console lets someone in: a new participant of the roster, whose seat their phone holds; or, when
        someone present has that name and a free seat by now (the console freed it), that seat; or, when nobody
        present has it and someone removed does, that person brought back (their answers with them). ``new``:
        a new participant whatever the names, as typed."""
        waiting = self.seats.take_waiting(waiting_id)
        present = self.namesakes(waiting.name)
        free = self._free(present)
        if free and not new:
            self.seats.claim(free[0].id, waiting.token_hash, free[0].display_name)
            return free[0]
        removed = self.namesakes(waiting.name, removed=True)
        try:
            if removed and not present and not new:
                back = self.workshop.records.restore_participant(removed[0].id, by=CONSOLE)
                assert back is not None
                self.seats.claim(back.id, waiting.token_hash, back.display_name)
                return back
            person = self.workshop.records.add_participant(waiting.name, by=CONSOLE)
        except BaseException:
            self.seats.ask(waiting.name, waiting.token_hash)
            raise
        self.seats.claim(person.id, waiting.token_hash, person.display_name)
        return person

    def _present(self, participant_id: str) -> Participant | None:
        person = self.workshop.info.participant(participant_id)
        return person if person is not None and not person.removed else None

    # -- what a phone does ------------------------------------------------------------------------------------

    def answer(self, seat: Seat, step_key: str, item: str, perspective: str, value: str) -> str | None:
        """One tap: the answer given as the seat's phone; returns the record whose save to wait for, or None when the
        tap would replace an answer the phone does not show and the page now asks for it again."""
        step, asks = self._answering(seat, step_key)
        if step.key in self.workshop.state.secret:
            raise PhoneRefused("This step is a secret ballot; cast your ballot instead.")
        self._refuse_a_late_tap(seat, step, asks, item)
        key = (step.key, item, perspective)
        if self._hidden(seat, key) and not self._replace_asked_again(seat, key, value):
            return None
        self._apply(seat, asked.GiveAnswer(seat.participant_id, step.key, value, item, perspective))
        seat.unseen.pop(key, None)
        seat.replacing.pop(key, None)
        self._advance(seat, step, asks, item)
        return self._sent(seat, answer_record((seat.participant_id, step.key, item, perspective)))

    def _hidden(self, seat: Seat, key: tuple[str, str, str]) -> bool:
        """Whether the phone shows the answer at ``key`` as "answered already (not shown here)"."""
        answer = self.workshop.records.answer(seat.participant_id, *key)
        return answer is not None and bool(answer.value) and seat.unseen.get(key) == fingerprint(answer.value)

    def _replace_asked_again(self, seat: Seat, key: tuple[str, str, str], value: str) -> bool:
        """Whether this tap is the second of the same answer over a hidden one; if not, it is the first (unless a
        double tap's bounce), and the page asks."""
        now = self.clock()
        first = seat.replacing.get(key)
        if first is not None and first[0] == value and now - first[1] < REPLACE_SECONDS:
            if now - first[1] >= LATE_TAP_SECONDS:
                return True
            return False  # the same finger, bouncing: the first tap's question stands, its time too
        seat.replacing[key] = (value, now)
        return False

    def _replace_asked(self, seat: Seat, key: tuple[str, str, str]) -> str:
        """The answer the page asks to be tapped again over a hidden one, while it asks; else ""."""
        first = seat.replacing.get(key)
        if first is None or self.clock() - first[1] >= REPLACE_SECONDS:
            return ""
        return first[0]

    def comment(self, seat: Seat, step_key: str, text: str) -> str:
        step, _ = self._answering(seat, step_key)
        if step.key in self.workshop.state.secret:
            raise PhoneRefused("This step is a secret ballot; your comment goes with your ballot.")
        if step.kind is not StepKind.QUESTION or not step.comment:
            raise PhoneRefused("This step takes no comment.")
        self._apply(seat, asked.CommentAnswer(seat.participant_id, step.key, text.strip()))
        seat.unseen_comments.pop((step.key, "", ""), None)
        return self._sent(seat, answer_record((seat.participant_id, step.key, "", "")))

    @staticmethod
    def _sent(seat: Seat, record: str) -> str:
        """An answer (or comment) this phone sent: followed until it is on disk, so the page can say it is held."""
        seat.sent.add(record)
        return record

    def cast(self, seat: Seat, step_key: str, picks: Sequence[tuple[str, str, str]], comment: str) -> list[str]:
        """One ballot per seat on a secret step; returns its records (to wait for, then forget)."""
        step, _ = self._answering(seat, step_key)
        if step.key not in self.workshop.state.secret:
            raise PhoneRefused("This step is not a secret ballot; answer it as usual.")
        if self._voted(seat, step.key):
            raise PhoneRefused("You have cast your ballot on this step already.")
        if step.key in self.workshop.state.revealed:
            raise PhoneRefused(BALLOT_CLOSED)
        if not picks:
            raise PhoneRefused("Your ballot was not cast: pick at least one answer.")
        ballot = asked.CastBallot(step.key, tuple(picks), comment.strip(), voter=seat.participant_id)
        # Said to be by "a phone", no one's: the workshop's undo and its listeners name nobody for a ballot.
        self._apply(None, ballot)
        seat.ballots[step.key] = False
        records = [answer_record((ballot.ballot_id, step.key, item, perspective)) for item, perspective, _ in picks]
        return [*records, voted_record(step.key)]

    def _voted(self, seat: Seat, step_key: str) -> bool:
        return step_key in seat.ballots or self.workshop.records.has_voted(step_key, seat.participant_id)

    def _ballot_mark(self, seat: Seat, step_key: str) -> Mark:
        """How this seat's ballot stands on disk: saved, known to the seat that cast it; else as the roll's save
        stands, which the one ordered writer makes only after the ballot's (failing while the disk refuses it)."""
        if seat.ballots.get(step_key):
            return Mark.SAVED
        return self.workshop.records.mark(voted_record(step_key))

    def note(self, seat: Seat, step_key: str, text: str) -> str:
        step = self._current(seat, step_key)
        if step.kind is not StepKind.DISCUSS:
            raise PhoneRefused("Notes are taken on a discussion step.")
        request = asked.PutNote(step.key, text.strip(), note_id=new_record_id("n"))
        self._apply(seat, request)
        seat.notes.append(request.note_id)
        return f"note:{request.note_id}"

    def go(self, seat: Seat, step_key: str, position: int) -> None:
        """Show another item of a rating or role check (1-based)."""
        step, asks = self._answering(seat, step_key)
        seat.arrived.pop(step.key, None)  # chosen, not moved to under the finger
        seat.cell[step.key] = max(0, min(position - 1, len(asks.items) - 1))

    def _current(self, seat: Seat, step_key: str) -> Step:
        if self.closed or not self.workshop.accepting:
            raise WorkshopClosed(self.closed or CLOSED)
        current = self.workshop.flow.current
        if step_key != current.key:
            raise PhoneRefused(f"The room has moved on to “{current.title}”; that was not kept.")
        # Acting on the step the room is on: the notice of how far this phone got on the one before has done its job.
        seat.shown_step, seat.moved_on_from = current.key, ""
        seat.saved_after_all = Held()  # and so has the word that what was held is saved now
        return current

    def _answering(self, seat: Seat, step_key: str) -> tuple[Step, Asks]:
        step = self._current(seat, step_key)
        asks = self.workshop.program.asks(step)
        if asks is None:
            raise PhoneRefused(f"“{step.title}” takes no answers.")
        return step, asks

    def _apply(self, seat: Seat | None, request: asked.Request) -> None:
        if seat is None:
            by = phone("", "")
        else:
            person = self.workshop.info.participant(seat.participant_id)
            by = phone(seat.participant_id, person.display_name if person else "")
        try:
            self.workshop.apply(request, by=by)
        except RuntimeError as error:  # NotStarted: the workshop closed under the phone
            raise WorkshopClosed(CLOSED) from error

    def _advance(self, seat: Seat, step: Step, asks: Asks, item: str) -> None:
        """Once every row of an item is answered, show the next item still to answer (changing one stays)."""
        records = self.workshop.records
        ids = asks.item_ids
        if item not in ids or len(ids) == 1:
            return
        done = [all(records.answer(seat.participant_id, step.key, i, p) for p in asks.perspectives) for i in ids]
        here = ids.index(item)
        if seat.cell.get(step.key, here) != here or not done[here]:
            return
        after = [n for n in (*range(here + 1, len(ids)), *range(0, here)) if not done[n]]
        if after:
            seat.cell[step.key] = after[0]
            seat.arrived[step.key] = (ids[after[0]], self.clock())

    def _refuse_a_late_tap(self, seat: Seat, step: Step, asks: Asks, item: str) -> None:
        """A second tap of a double tap lands on the item the page just moved on to: not an answer anyone gave."""
        arrived = seat.arrived.get(step.key)
        if arrived is None or arrived[0] != item:
            return
        if self.clock() - arrived[1] >= LATE_TAP_SECONDS:
            del seat.arrived[step.key]
            return
        title = next((i.title for i in asks.items if i.id == item), item)
        raise PhoneRefused(f"That tap came as “{title}” appeared, so it was not kept: tap again to answer it.")
