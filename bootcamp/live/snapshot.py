"""A snapshot of a workshop: what the room has said, as one read-only value (roster, answers, the room's records).

The live workshop makes one from memory after each change, a projector window from the
files; the step views show it the same way in both. No Textual here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from bootcamp.content.model import Scale
from bootcamp.store import is_ballot_id
from bootcamp.store.model import Answer, Participant, RoomRecords, WorkshopInfo


@dataclass(frozen=True)
class WorkshopSnapshot:
    info: WorkshopInfo
    answers: tuple[Answer, ...] = ()
    room: RoomRecords = field(default_factory=RoomRecords)

    @cached_property
    def _by_step(self) -> dict[str, list[Answer]]:
        found: dict[str, list[Answer]] = {}
        for answer in self.answers:
            found.setdefault(answer.step_key, []).append(answer)
        return found

    def answers_for(self, step_key: str) -> list[Answer]:
        return self._by_step.get(step_key, [])

    @property
    def present(self) -> tuple[Participant, ...]:
        return self.info.present

    def ballots_for(self, step_key: str) -> int:
        """How many secret ballots were cast on a step."""
        return len({a.participant_id for a in self.answers_for(step_key) if is_ballot_id(a.participant_id)})

    def answered(self, step_key: str, *, secret: bool, verb: str = "answered", cells: int = 1) -> str:
        """How many have answered a step, said for the room: ``5 of 7 answered · 1 who left``.

        People removed from the roster still count in the tally (their answers stand, as in
        the summary), so they are named apart rather than inflating "of 7". On a step of several ``cells``
        (a rating grid's items × perspectives) only who has answered every one counts: "8 of 8 rated" with
        a cell left empty read as done.
        """
        given = Counter(a.participant_id for a in self.answers_for(step_key) if a.value)
        # A secret ballot is cast whole, with what its caster chose to rate: each counts.
        ids = {person for person, count in given.items() if count >= cells or is_ballot_id(person)}
        if secret:
            return f"{len(ids)} {verb}"
        seats = {p.id for p in self.present}
        here = len(ids & seats)
        ballots = sum(1 for i in ids if is_ballot_id(i))
        gone = len(ids) - here - ballots
        said = f"{here} of {len(seats)} {verb}"
        if gone:
            said += f" · {gone} who left"
        if ballots:
            said += f" · {ballots} secret ballot{'s' if ballots != 1 else ''}"
        return said


@dataclass(frozen=True)
class Tally:
    """How often each option of a scale was chosen, for one item of one step."""

    scale: Scale
    counts: tuple[tuple[str, str, int], ...]  # (option id, label, count) in the scale's order
    total: int

    @classmethod
    def of(cls, answers: list[Answer], scale: Scale, *, item: str = "", perspective: str = "") -> Tally:
        chosen = Counter(a.value for a in answers if a.item == item and a.perspective == perspective and a.value)
        counts = tuple((o.id, o.label, chosen.get(o.id, 0)) for o in scale.options)
        return cls(scale, counts, sum(count for _, _, count in counts))
