"""What a phone shows: the room from one seat, built again for every page it asks for.

The page says the workshop is closed, or that the phone waits to be let in, or lists the names to pick; once
the phone holds a seat, it shows the step the room is on: what it asks (this seat's answers, the room's once
revealed), a secret step's ballot, the notes this phone wrote, how far it got on the step the room left, and
the Poker deal from its side. Part of :class:`~bootcamp.join.room.PhoneRoom`, whose seats and rules it reads.
"""

from __future__ import annotations

from dataclasses import replace

from bootcamp.content.model import AptitudePoker, Asks, Step, StepKind
from bootcamp.join.held import follow as follow_saves
from bootcamp.join.phone_view import (
    Asked,
    Ballot,
    Choice,
    Count,
    Held,
    MovedOn,
    Name,
    Note,
    PhoneView,
    Poker,
    Row,
    Saved,
    Screen,
)
from bootcamp.join.seats import Seat, fingerprint
from bootcamp.live.saving import Mark
from bootcamp.live.snapshot import Tally
from bootcamp.names import folded_name, name_key, told_apart

CLOSED = "The workshop is closed; the answers this page showed as saved are kept."
# A ballot cast after the results are on the wall would move the tally at once, in front of the room:
# how the late voter voted. Closed as a paper vote is once counted; hiding the results again reopens it.
BALLOT_CLOSED = "The results are out, so this ballot is closed."


_SAVED = {Mark.PENDING: Saved.SAVING, Mark.FAILED: Saved.FAILED, Mark.SAVED: Saved.SAVED, Mark.NONE: Saved.SAVED}


def _sort_key(name: str) -> str:
    return name_key(name).replace("'", "")


class PhoneViews:
    """:class:`~bootcamp.join.room.PhoneRoom`'s page for each phone, as a :class:`PhoneView`."""

    def view(self, token_hash: str, *, message: str = "", unsent: str = "") -> PhoneView:
        info = self.workshop.info
        seat = self.seat_of(token_hash)
        if self.closed or not self.workshop.accepting:
            # This page follows the saves no more: it says where what the laptop held of it stands as it closes.
            held = follow_saves(seat, self.workshop.records)[0] if seat is not None else Held()
            return PhoneView(
                Screen.CLOSED,
                info.name,
                held=held,
                held_lost=self.workshop.saves_given_up,
                message=self.closed or CLOSED,
                unsent=unsent,
            )
        if seat is None:
            waiting = self.seats.waiting_of(token_hash)
            if waiting is not None:
                return PhoneView(Screen.WAITING, info.name, anonymous=info.anonymous, waiting_name=waiting.name)
            # Two people of one name are told apart by their role (else their seat), as the summary names them: two
            # identical buttons let either take the other's seat, and her answers went under the other's role.
            shown = told_apart(info.participants)
            # In the order a person looks for their own name on a list: alphabetical as shown, an accent, a capital or
            # an apostrophe making no difference (O’Neil after Okonkwo, as a phone book has it); 120 names in
            # registration order had each person read every button.
            present = sorted(info.present, key=lambda p: (_sort_key(shown[p.id]), folded_name(shown[p.id]), p.number))
            names = tuple(Name(p.id, shown[p.id], self.seats.held(p.id) is not None) for p in present)
            return PhoneView(
                Screen.PICK,
                info.name,
                anonymous=info.anonymous,
                names=() if info.anonymous else names,
                free_seats=len(self.open_seats()) if info.anonymous else sum(1 for n in names if not n.taken),
                turned_away=self.seats.was_turned_away(token_hash),
                message=message,
                unsent=unsent,
            )
        step = self.workshop.flow.current
        self._follow(seat, step)
        person = info.participant(seat.participant_id)
        revealed = step.key in self.workshop.state.revealed
        asks = self.workshop.program.asks(step)
        held, saved_after_all = follow_saves(seat, self.workshop.records)
        view = PhoneView(
            Screen.STEP,
            info.name,
            who=told_apart(info.participants)[person.id] if person else "",
            anonymous=info.anonymous,
            step_key=step.key,
            step_title=step.title,
            step_kind=step.kind.value,
            takes_note=step.kind is StepKind.DISCUSS,
            notes=self._notes(seat, step) if step.kind is StepKind.DISCUSS else (),
            moved_on=self._moved_on(seat),
            poker=self._poker(seat, step),
            revealed=revealed,
            held=held,
            saved_after_all=saved_after_all,
            message=message,
            unsent=unsent,
        )
        if asks is None:
            return view
        if step.key in self.workshop.state.secret:
            return replace(view, ballot=self._ballot(seat, step, asks, revealed))
        position = seat.cell.setdefault(step.key, self._first_open(seat, step, asks))
        return replace(view, asked=self._asked(seat, step, asks, position, revealed))

    def _follow(self, seat: Seat, step: Step) -> None:
        """The room moved since this phone last looked: remember an answering step it left behind."""
        if seat.shown_step and seat.shown_step != step.key:
            left = self.workshop.program.step(seat.shown_step)
            seat.moved_on_from = seat.shown_step if left is not None and self.workshop.program.asks(left) else ""
        seat.shown_step = step.key

    def _moved_on(self, seat: Seat) -> MovedOn | None:
        step = self.workshop.program.step(seat.moved_on_from) if seat.moved_on_from else None
        asks = self.workshop.program.asks(step) if step is not None else None
        if step is None or asks is None:
            return None
        if step.key in seat.ballots or step.key in self.workshop.state.secret:
            return MovedOn(step.title, 1 if self._voted(seat, step.key) else 0, 1, ballot=True)
        records = self.workshop.records
        saved = held = 0
        for item, perspective in asks.cells:
            answer = records.answer(seat.participant_id, step.key, item, perspective)
            if answer is None or not answer.value:
                continue
            mark = records.answer_mark(seat.participant_id, step.key, item, perspective)
            saved += mark in (Mark.SAVED, Mark.NONE)
            held += mark is Mark.FAILED
        return MovedOn(step.title, saved, len(asks.cells), held=held)

    def _poker(self, seat: Seat, step: Step) -> Poker | None:
        """The deal as the wall shows it to the room (presenter mode, a projector window), from this seat's side."""
        exercise = self.workshop.program.exercise(step.exercise) if step.kind is StepKind.EXERCISE else None
        if not isinstance(exercise, AptitudePoker):
            return None
        deck = self.workshop.program.item_list(exercise.deck)
        titles = {item.id: item.title for item in deck.items} if deck is not None else {}
        dealt = self.workshop.records.room.poker
        mine = tuple(titles.get(c.card_id, c.card_id) for c in dealt if c.holder == seat.participant_id)
        card = next((c for c in dealt if c.card_id == self.workshop.state.poker_card), None)
        if card is None:
            return Poker(bool(dealt), mine)
        holder = self.workshop.info.participant(card.holder)
        mine_talked_about = card.holder == seat.participant_id
        # As the wall: a card whose holder left the room is shown unheld, never with the name of someone who left.
        theirs = holder.display_name if holder is not None and not holder.removed and not mine_talked_about else ""
        return Poker(True, mine, titles.get(card.card_id, card.card_id), theirs, mine_talked_about)

    def _first_open(self, seat: Seat, step: Step, asks: Asks) -> int:
        """Where a phone new to this step starts (its place is kept in memory only, so a console restarted brings every
        phone here too): the first item not answered, or, all answered, the last, where answering in order ended."""
        records = self.workshop.records
        for number, item in enumerate(asks.item_ids):
            if not all(records.answer(seat.participant_id, step.key, item, p) for p in asks.perspectives):
                return number
        return max(0, len(asks.item_ids) - 1)  # 0 as before for a step with no items

    def _asked(self, seat: Seat, step: Step, asks: Asks, position: int, revealed: bool) -> Asked:
        records, participant_id = self.workshop.records, seat.participant_id
        item = asks.items[position]
        answers = self.workshop.snapshot.answers_for(step.key) if revealed else []
        rows = []
        for perspective in asks.perspectives:
            answer = records.answer(participant_id, step.key, item.id, perspective)
            value = answer.value if answer is not None else ""
            saved = _SAVED[records.answer_mark(participant_id, step.key, item.id, perspective)] if value else Saved.NONE
            replacing = ""
            if value and seat.unseen.get((step.key, item.id, perspective)) == fingerprint(value):
                value, saved = "", Saved.UNSEEN
                tapped = self._replace_asked(seat, (step.key, item.id, perspective))
                replacing = next((o.label for o in asks.scale.options if o.id == tapped), "")
                saved = Saved.REPLACE if replacing else saved
            row = self._row(asks, item.id, perspective, value, saved, answers, revealed)
            rows.append(replace(row, replacing=replacing) if replacing else row)
        comment: str | None = None
        comment_saved = Saved.NONE
        if step.kind is StepKind.QUESTION and step.comment:
            answer = records.answer(participant_id, step.key)
            comment = answer.comment if answer is not None else ""
            if comment and seat.unseen_comments.get((step.key, "", "")) == fingerprint(comment):
                comment, comment_saved = "", Saved.UNSEEN
            elif comment:
                comment_saved = _SAVED[records.answer_mark(participant_id, step.key)]
        heading = step.title if step.kind is StepKind.QUESTION else item.title
        return Asked(heading, item.text, tuple(rows), position + 1, len(asks.items), comment, comment_saved)

    def _row(
        self, asks: Asks, item: str, perspective: str, value: str, saved: Saved, answers: list, revealed: bool
    ) -> Row:
        choices = tuple(Choice(o.id, o.label, o.id == value) for o in asks.scale.options)
        tally = ()
        if revealed:
            counted = Tally.of(answers, asks.scale, item=item, perspective=perspective)
            tally = tuple(Count(label, count) for _, label, count in counted.counts)
        label = f"For {asks.asked_for(perspective)}" if perspective else ""  # "For your team", "For the company"
        return Row(item, perspective, label, choices, saved, tally)

    def _ballot(self, seat: Seat, step: Step, asks: Asks, revealed: bool) -> Ballot:
        answers = self.workshop.snapshot.answers_for(step.key) if revealed else []
        screens = tuple(
            Asked(
                step.title if step.kind is StepKind.QUESTION else item.title,
                item.text,
                tuple(self._row(asks, item.id, p, "", Saved.NONE, answers, revealed) for p in asks.perspectives),
                number + 1,
                len(asks.items),
            )
            for number, item in enumerate(asks.items)
        )
        takes_comment = step.kind is StepKind.QUESTION and step.comment
        cast = self._voted(seat, step.key)
        closed = BALLOT_CLOSED if revealed and not cast else ""
        saved = _SAVED[self._ballot_mark(seat, step.key)] if cast else Saved.NONE
        return Ballot(screens, takes_comment, cast, saved, closed)

    def _notes(self, seat: Seat, step: Step) -> tuple[Note, ...]:
        records = self.workshop.records
        mine = set(seat.notes)
        return tuple(
            Note(n.text, _SAVED[records.mark(f"note:{n.id}")])
            for n in records.room.notes
            if n.id in mine and n.step_key == step.key
        )
