"""One person's own copy of what a workshop keeps about them (their right of access): ``bootcamp export ID --person``.

Their seat (number, name, role, when they joined), their answers and comments, each with what it answers and when,
the Aptitude Poker cards in their hand (dealt or passed to them: the deal keeps each card's holder, nothing else of
theirs), and the secret ballots whose roll of voters names them. Nothing of anyone else: not others' answers or
comments, not the room's notes, a card's notes, role lines or actions (what others wrote is theirs, as
``bootcamp forget`` has it), nor the ballots themselves, which carry no name, so none can be told to be theirs.

JSON: ``format`` (``"bootcamp-person"``), ``version`` (1), ``exported_by``, ``workshop`` (``id``, ``name``,
``organisation``, ``date``), ``person`` (``participant_id``, ``seat`` as shown, P3; ``name``, ``""`` in an anonymous
workshop; ``role``, ``removed``, ``joined_at``), ``answers`` (``question``: what it answers as the room saw it, then
``step_key``, ``item``, ``perspective``, ``value``, ``comment`` and ``at`` as in the workshop export),
``poker_cards_held`` (``card_id``, ``title``: the deck's title in the workshop's content) and ``secret_ballots_cast``
(``step_key``, ``question``: the steps on whose roll of voters they stand).

CSV: the answers CSV's columns (:data:`bootcamp.export.data_csv.COLUMNS`, in its order), then ``question`` and
``role``: a consultant knows it, and the person reads it by the questions' titles. Each card in their hand follows
their answers as a row of its own: ``step`` the Poker's step, ``item`` the card, no value, comment or time, and
``question`` "Aptitude Poker: the card they hold, Persistence".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bootcamp import __version__
from bootcamp.content.model import Program, Step
from bootcamp.export.data_csv import COLUMNS, answer_row, in_sheet_order, question_of, sheet_text
from bootcamp.export.data_json import PERSON_FORMAT, document_text
from bootcamp.store.model import Answer, Participant, WorkshopInfo

FORMAT = PERSON_FORMAT
VERSION = 1
CSV_COLUMNS = (*COLUMNS, "question", "role")


@dataclass(frozen=True)
class PersonCopy:
    info: WorkshopInfo
    program: Program
    seat: Participant
    answers: tuple[Answer, ...]  # theirs alone, read from their own answers file
    ballots_cast: tuple[str, ...]  # step keys of the secret ballots whose roll of voters names them
    cards_held: tuple[str, ...] = ()  # ids of the Poker cards in their hand, in the deal's order

    @property
    def in_order(self) -> list[Answer]:
        return in_sheet_order(self.info, self.program, self.answers)

    def step_title(self, step_key: str) -> str:
        step = self.program.step(step_key)
        return step.title if step is not None else step_key

    @property
    def poker_step(self) -> Step | None:
        """The workshop's Aptitude Poker step, where the cards were dealt (None once the agenda has none)."""
        poker = self.program.poker()
        steps = self.program.steps(self.info.agenda)
        return next((step for step in steps if poker and step.exercise == poker.id), None)

    def card_title(self, card_id: str) -> str:
        """The card's title in the workshop's deck: its id, once the content no longer has it."""
        poker = self.program.poker()
        deck = self.program.item_list(poker.deck) if poker else None
        item = deck.item(card_id) if deck else None
        return item.title if item else card_id


def to_document(copy: PersonCopy) -> dict[str, Any]:
    seat, info = copy.seat, copy.info
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_by": f"bootcamp {__version__}",
        "workshop": {"id": info.id, "name": info.name, "organisation": info.organisation, "date": info.date},
        "person": {
            "participant_id": seat.id,
            "seat": f"P{seat.number}",
            "name": seat.name,
            "role": seat.role,
            "removed": seat.removed,
            "joined_at": seat.joined_at,
        },
        "answers": [
            {
                "question": question_of(answer, copy.program),
                "step_key": answer.step_key,
                "item": answer.item,
                "perspective": answer.perspective,
                "value": answer.value,
                "comment": answer.comment,
                "at": answer.at,
            }
            for answer in copy.in_order
        ],
        "poker_cards_held": [{"card_id": card, "title": copy.card_title(card)} for card in copy.cards_held],
        "secret_ballots_cast": [
            {"step_key": key, "question": copy.step_title(key)} for key in copy.ballots_cast
        ],
    }


def dumps_json(copy: PersonCopy) -> str:
    return document_text(to_document(copy))


def dumps_csv(copy: PersonCopy, *, line_end: str = "\r\n") -> str:
    rows = [
        [*answer_row(copy.info.id, answer, copy.seat), question_of(answer, copy.program), copy.seat.role]
        for answer in copy.in_order
    ]
    step = copy.poker_step
    step_key, step_title = (step.key, step.title) if step else ("", "Aptitude Poker")
    rows += [
        [copy.info.id, copy.seat.id, copy.seat.display_name, step_key, card, "", "", "", "",
         f"{step_title}: the card they hold, {copy.card_title(card)}", copy.seat.role]
        for card in copy.cards_held
    ]
    return sheet_text([list(CSV_COLUMNS), *rows], line_end=line_end)
