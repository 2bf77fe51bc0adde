"""What a phone sent that the laptop holds and has not saved yet: its answers, notes and ballot.

While the writer cannot save (a full disk) the live workshop holds them and retries; a rating's page moves on to
the next item meanwhile, so the page says so in one line of its own, and once they are saved, that they are.
Pure Python: the seat knows what its phone sent, the records how each stands on disk.
"""

from __future__ import annotations

from bootcamp.join.phone_view import Held
from bootcamp.join.seats import Seat
from bootcamp.live.records import LiveRecords, voted_record
from bootcamp.live.saving import Mark

UNSAVED = (Mark.PENDING, Mark.FAILED)


def unsaved(seat: Seat, records: LiveRecords) -> tuple[set[str], bool]:
    """The records this seat's phone sent that are not on disk yet, and whether a save is failing (the writer retries).

    The answers it sent that are on disk by now are forgotten: a seat keeps only those still to follow."""
    failing = False

    def waits(record: str) -> bool:
        nonlocal failing
        mark = records.mark(record)
        failing = failing or mark is Mark.FAILED
        return mark in UNSAVED

    seat.sent = {record for record in seat.sent if waits(record)}
    notes = {f"note:{note_id}" for note_id in seat.notes}
    ballots = {voted_record(step) for step, saved in seat.ballots.items() if not saved}
    return seat.sent | {record for record in notes | ballots if waits(record)}, failing


def held_of(records: set[str] | frozenset[str]) -> Held:
    return Held(
        answers=sum(record.startswith("answer:") for record in records),
        notes=sum(record.startswith("note:") for record in records),
        ballot=any(record.startswith("voted:") for record in records),
    )


def follow(seat: Seat, records: LiveRecords) -> tuple[Held, Held]:
    """What the page says of this phone's saves: what is held unsaved while a save fails (and until it is stored),
    then, once every one of them is stored, all that was held since the first failed and is saved now (until the
    phone next acts)."""
    held, failing = unsaved(seat, records)
    if failing or (seat.held_told and held):
        seat.held_told = seat.held_told | held
        return held_of(held), Held()
    if seat.held_told:
        seat.saved_after_all, seat.held_told = held_of(seat.held_told), frozenset()
    return Held(), seat.saved_after_all
